"""Reading: bytes become text and curated metadata, with the lines they came from."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from sco_archive.model import Severity
from sco_archive.read.files import UnreadableDocument, decode, discover, read_document


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (b"plain", "plain", "utf-8"),
        (codecs.BOM_UTF8 + "ШОС".encode(), "ШОС", "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "上海".encode("utf-16-le"), "上海", "utf-16"),
    ],
)
def test_text_is_decoded_by_its_byte_order_mark_or_as_utf8(data, text, encoding):
    assert decode(data) == (text, encoding)


def test_bytes_that_are_not_utf8_are_refused_with_the_line():
    with pytest.raises(ValueError, match="line 2"):
        decode("first\nвторая".encode("cp1251"))


def test_a_binary_file_is_refused():
    with pytest.raises(ValueError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00")


def test_crlf_and_lone_cr_become_newlines(tmp_path):
    path = write(tmp_path, "a.txt", b"Title\r\n\r\nOne.\rTwo.")
    assert read_document(path, tmp_path).text == "Title\n\nOne.\nTwo."


def test_front_matter_is_split_off_and_the_body_keeps_its_line_numbers(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: T\ndate: 2020-06-24\n---\nBody line\n")
    raw = read_document(path, tmp_path)
    assert raw.curated["title"] == "T"
    assert raw.curated_lines == {"title": 2, "date": 3}
    assert raw.text.strip() == "Body line"
    assert raw.text.split("\n")[raw.text.split("\n").index("Body line")] == "Body line"
    assert raw.body_line + raw.text.split("\n").index("Body line") == 5


def test_broken_front_matter_is_an_error_naming_the_line_and_the_text_is_kept(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: [unclosed\ndate: 2020\n---\nBody\n")
    raw = read_document(path, tmp_path)
    (problem,) = raw.diagnostics
    assert problem.severity is Severity.ERROR and problem.code == "yaml"
    assert problem.file == "a.md" and problem.line == 3
    assert "Body" in raw.text


def test_a_sidecar_supplies_curated_metadata_and_overrides_front_matter(tmp_path):
    path = write(tmp_path, "a.md", "---\ndate: 2019\n---\nBody\n")
    write(tmp_path, "a.yml", "# curated\ndate: 2019-04-24\ncity: Moscow\n")
    raw = read_document(path, tmp_path)
    assert str(raw.curated["date"]) == "2019-04-24" and raw.curated["city"] == "Moscow"
    assert raw.curated_file == "a.yml" and raw.curated_lines["city"] == 3


def test_a_txt_document_is_never_parsed_for_front_matter(tmp_path):
    path = write(tmp_path, "a.txt", "---\nnot: metadata\n---\nBody\n")
    assert read_document(path, tmp_path).text.startswith("---\nnot: metadata")


@pytest.mark.parametrize("content", ["", "  \n\n\t\n"])
def test_an_empty_document_cannot_be_read(tmp_path, content):
    with pytest.raises(UnreadableDocument) as failure:
        read_document(write(tmp_path, "a.txt", content), tmp_path)
    assert failure.value.diagnostic.code == "empty"


def test_discovery_skips_editor_leftovers_and_reports_strays_and_orphan_sidecars(tmp_path):
    for name in (
        "b.txt",
        "a.md",
        "a.yml",
        ".DS_Store",
        "b.txt~",
        ".b.txt.swp",
        "lonely.yml",
        "scan.tiff",
    ):
        write(tmp_path, name, "x")
    documents, sidecars, diagnostics = discover(tmp_path)
    assert [p.name for p in documents] == ["a.md", "b.txt"]
    assert [p.name for p in sidecars] == ["a.yml", "lonely.yml"]
    assert sorted((d.file, d.code) for d in diagnostics) == [
        ("lonely.yml", "orphan-sidecar"),
        ("scan.tiff", "unknown-file"),
    ]
