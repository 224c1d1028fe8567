"""A folder mixing .txt, .md, .html, .pdf and .docx versions of the seeds builds into one site
where each document has the same text and metadata whatever its format, and its original."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sco_archive.build.run import Project, build
from sco_archive.read.structure import squash
from tests.fidelity import built_page, missing_lines
from tests.reading.made import SEED_NAMES, SEEDS, pdf_file, seed_article, web_page, word_file

FORMATS = ("txt", "md", "html", "pdf", "docx")


def _as(format_name: str, name: str) -> bytes:
    article = seed_article(name)
    if format_name == "txt":
        return (SEEDS / name).read_bytes()
    if format_name == "md":
        return (SEEDS / name).read_bytes()  # a .md without front matter reads as its .txt
    if format_name == "html":
        return web_page(article)
    if format_name == "pdf":
        return pdf_file(article, columns=2)
    return word_file(article, comment="Reviewer query")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, request) -> tuple[Path, object]:
    make = request.getfixturevalue("module_project")
    files = {
        f"{f}/{name.removesuffix('.txt')}.{f}": _as(f, name) for f in FORMATS for name in SEED_NAMES
    }
    project = make(files)
    result = build(project)
    return project.root / "site", result


@pytest.fixture(scope="module")
def module_project(tmp_path_factory: pytest.TempPathFactory):
    import shutil

    from tests.conftest import REPO
    from tests.generated_docs import copy_hand_written_docs

    root = tmp_path_factory.mktemp("formats") / "project"

    def make(files: dict[str, bytes]) -> Project:
        root.mkdir()
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        copy_hand_written_docs(REPO / "docs", root / "docs")
        for name, content in files.items():
            (root / "speeches" / name).parent.mkdir(parents=True, exist_ok=True)
            (root / "speeches" / name).write_bytes(content)
        return Project(config_file=root / "mkdocs.yml", use_cache=False, incremental=False)

    return make


def _records(site: Path) -> dict[str, dict]:
    lines = (site / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["source"]: r for r in map(json.loads, lines)}


def test_each_document_has_the_same_text_and_metadata_whatever_its_format(built):
    site, _ = built
    records = _records(site)
    ignored = {"id", "url", "source", "format", "words"}
    for name in SEED_NAMES:
        stem = name.removesuffix(".txt")
        versions = {f: records[f"{f}/{stem}.{f}"] for f in FORMATS}
        plain = versions["txt"]
        for format_name, record in versions.items():
            # A web page and a PDF write a no-break space as a space; every word stays.
            assert squash(record["text"]) == squash(plain["text"]), (format_name, name)
            same = {k: v for k, v in record.items() if k not in ignored and k != "text"}
            assert same == {k: plain[k] for k in same}, (format_name, name)
            assert record["format"] == format_name


def test_every_word_of_each_format_reaches_its_page(built):
    site, _ = built
    records = _records(site)
    for source, record in records.items():
        page = built_page(site, f"speeches/{record['id']}/")
        assert missing_lines(record["text"], page) == [], source


def test_each_page_links_its_original_served_as_received(built):
    site, _ = built
    records = _records(site)
    pdf = records[f"pdf/{SEED_NAMES[0].removesuffix('.txt')}.pdf"]
    html = built_page(site, f"speeches/{pdf['id']}/")
    assert "Original: PDF, " in html and " KB</a>" in html
    (href,) = re.findall(r'<a href="([^"]+)" download>Original: PDF', html)
    linked = (site / "speeches" / pdf["id"] / href).resolve()
    original = site / "originals" / f"{pdf['id']}.pdf"
    assert linked == original.resolve()
    received = site.parent / "speeches" / pdf["source"]
    assert original.read_bytes() == received.read_bytes()
    # A saved web page is served as text: its scripts never run on the archive's site.
    page_id = records[f"html/{SEED_NAMES[0].removesuffix('.txt')}.html"]["id"]
    assert (site / "originals" / f"{page_id}.html.txt").is_file()


def test_each_format_gets_the_findings_its_txt_gets_besides_being_a_copy(built):
    _, result = built
    copies = {"duplicate", "url-clash"}
    found: dict[tuple[str, str], set[str]] = {}
    for d in result.diagnostics:
        format_name, file_name = d.file.split("/", 1)
        found.setdefault((format_name, file_name.rsplit(".", 1)[0]), set()).add(d.code)
    for name in SEED_NAMES:
        stem = name.removesuffix(".txt")
        plain = found.get(("txt", stem), set()) - copies
        for format_name in FORMATS:
            assert found.get((format_name, stem), set()) - copies == plain, (format_name, name)


def test_a_bad_file_of_each_format_gets_one_clear_message_and_the_build_goes_on(make_project):
    article = seed_article(SEED_NAMES[0])
    word = word_file(article)
    project = make_project(
        {
            "good.html": web_page(article),
            "nothing.html": b"<html><body><nav><a href='/'>Homepage</a></nav></body></html>",
            "scan.pdf": _scan(),
            "locked.pdf": _encrypted(pdf_file(article)),
            "cut.docx": word[: len(word) // 2],
            "huge.html": web_page(article).replace(b"</article>", b" " * (20 * 2**20)),
        }
    )
    result = build(Project(config_file=project.config_file, use_cache=False, incremental=False))
    unreadable = {d.file: d.message for d in result.diagnostics if d.code == "unreadable"}
    assert set(unreadable) == {"nothing.html", "scan.pdf", "locked.pdf", "cut.docx", "huge.html"}
    assert [d.code for d in result.diagnostics if d.file == "locked.pdf"] == ["unreadable"]
    assert "encrypted with a password" in unreadable["locked.pdf"]
    assert "20.0 MB" in unreadable["huge.html"]
    assert "no text layer; run OCR first (e.g. ocrmypdf)" in unreadable["scan.pdf"]
    assert unreadable["cut.docx"].startswith("docx: not a complete Word file")
    assert result.page_count == 1


def _encrypted(made: bytes) -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(made)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _scan() -> bytes:
    import io

    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    canvas.rect(50, 50, 400, 600, fill=1)
    canvas.save()
    return out.getvalue()


def test_one_seed_per_format_builds_strictly_and_twice_alike(tmp_path):
    import shutil

    from tests.conftest import REPO
    from tests.generated_docs import copy_hand_written_docs

    files = {f"{name.removesuffix('.txt')}.{f}": _as(f, name) for f, name in zip(FORMATS, SEED_NAMES)}
    # Each with its seed's sidecar, as a curator adds one to a file of any format.
    files |= {n.removesuffix(".txt") + ".yml": (SEEDS / n).with_suffix(".yml").read_bytes() for n in SEED_NAMES}
    sites = []
    for run in ("a", "b"):
        root = tmp_path / run
        (root / "speeches").mkdir(parents=True)
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        copy_hand_written_docs(REPO / "docs", root / "docs")
        for name, content in files.items():
            (root / "speeches" / name).write_bytes(content)
        build(Project(config_file=root / "mkdocs.yml", use_cache=False, incremental=False), strict=True)
        sites.append(root / "site")
    for name in ("corpus.jsonl", "speeches.json"):
        assert (sites[0] / name).read_bytes() == (sites[1] / name).read_bytes()
    originals = sorted(p.relative_to(sites[0]) for p in (sites[0] / "originals").rglob("*.*"))
    assert len(originals) == len(FORMATS)
    assert all((sites[0] / p).read_bytes() == (sites[1] / p).read_bytes() for p in originals)
