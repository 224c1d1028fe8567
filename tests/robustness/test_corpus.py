"""The broken and hostile corpus: one clear message per bad file, every good document built."""

from __future__ import annotations

import pytest

from sco_archive.build.run import build
from sco_archive.errors import BuildFailed
from sco_archive.read.files import decode, normalise_newlines
from tests.fidelity import missing_lines
from tests.robustness.conftest import CORPUS, Built, new_project

# file → the diagnostic codes it must produce (review codes like no-date are not listed).
EXPECTED = {
    "cp1251-russian.txt": {"encoding"},
    "latin1-french.txt": {"encoding"},
    "utf16-bom.txt": {"encoding"},
    "utf8-bom.txt": {"encoding"},
    "empty.txt": {"empty"},
    "whitespace-only.txt": {"empty"},
    "png-renamed.txt": {"unreadable"},
    "pdf-renamed.txt": {"unreadable"},
    "control-chars.txt": {"unreadable"},
    "undecidable.txt": {"unreadable"},
    "dropped-image.png": {"unknown-file"},
    "title-only.txt": {"title-only"},
    "broken-yaml.md": {"yaml"},
    "wrong-types.md": {"bad-value"},
    "orphan.yml": {"orphan-sidecar"},
    "duplicate-b.txt": {"duplicate", "url-clash"},
    "same-title-b.txt": {"url-clash"},
}
# Codes a curator's review produces for any document; they say nothing about robustness.
REVIEW_CODES = {"no-date", "no-kind", "low-confidence", "disputed", "title-only"}
UNREADABLE = {n for n, codes in EXPECTED.items() if codes & {"empty", "unreadable"}}
LEFTOVERS = (".DS_Store", "draft.txt~", ".draft.txt.swp")


def _codes(built: Built) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for diagnostic in built.result.diagnostics:
        found.setdefault(diagnostic.file, set()).add(diagnostic.code)
    return found


def test_every_bad_file_gets_its_own_clear_message(hostile_build: Built) -> None:
    codes = _codes(hostile_build)
    for name, wanted in EXPECTED.items():
        assert wanted <= codes.get(name, set()), (name, codes.get(name))


def test_good_files_get_no_robustness_message(hostile_build: Built) -> None:
    codes = _codes(hostile_build)
    for name, found in codes.items():
        allowed = EXPECTED.get(name, set()) | REVIEW_CODES
        assert found <= allowed, (name, found - allowed)


def test_messages_name_the_file_and_the_line_where_it_helps(hostile_build: Built) -> None:
    by_code = {(d.file, d.code): d for d in hostile_build.result.diagnostics}
    assert by_code[("broken-yaml.md", "yaml")].line == 3
    assert by_code[("wrong-types.md", "bad-value")].line in (2, 3)
    assert "cp1251" in by_code[("cp1251-russian.txt", "encoding")].message
    assert "PNG" in by_code[("png-renamed.txt", "unreadable")].message
    assert by_code[("undecidable.txt", "unreadable")].line == 3  # where UTF-8 broke


def test_editor_and_os_leftovers_are_skipped_silently(hostile_build: Built) -> None:
    files = {d.file for d in hostile_build.result.diagnostics}
    assert not files & set(LEFTOVERS)
    sources = {d.source for d in hostile_build.result.corpus.documents}
    assert not sources & set(LEFTOVERS)


def test_every_readable_document_is_published(hostile_build: Built) -> None:
    published = {p.document.source for p in hostile_build.result.generated.pages}
    documents = {p.name for p in hostile_build.speeches.iterdir() if p.suffix in (".txt", ".md")}
    assert published == documents - UNREADABLE - set(LEFTOVERS)
    for page in hostile_build.result.generated.pages:
        assert (hostile_build.site / page.url / "index.html").is_file(), page.url


def test_same_title_documents_keep_distinct_stable_urls(hostile_build: Built) -> None:
    urls = {p.document.source: p.url for p in hostile_build.result.generated.pages}
    assert urls["same-title-a.txt"] != urls["same-title-b.txt"]
    again = build(hostile_build.project)
    assert {p.document.source: p.url for p in again.generated.pages} == urls


def test_slugs_never_leave_the_speeches_folder(hostile_build: Built) -> None:
    for page in hostile_build.result.generated.pages:
        path = page.src_uri
        assert path.startswith("speeches/") and ".." not in path.split("/"), path
        assert not path.startswith("/") and "\\" not in path, path
        assert path.rsplit("/", 1)[-1] not in ("index.md", ".md"), path


PUBLISHABLE = sorted(
    p.name for p in CORPUS.iterdir() if p.suffix in (".txt", ".md") and p.name not in UNREADABLE
)


@pytest.mark.parametrize("name", PUBLISHABLE)
def test_fidelity_every_word_in_order(hostile_build: Built, name: str) -> None:
    pages = {p.document.source: p for p in hostile_build.result.generated.pages}
    text, _ = decode((CORPUS / name).read_bytes())
    html = (hostile_build.site / pages[name].url / "index.html").read_text(encoding="utf-8")
    source = normalise_newlines(text)
    if name.endswith(".md") and source.startswith("---\n"):
        # Front matter is metadata, not text (broken front matter is reported and ignored).
        source = source.split("\n---\n", 1)[1]
    assert missing_lines(source, html) == []


def test_seed_documents_keep_every_word(hostile_build: Built) -> None:
    pages = {p.document.source: p for p in hostile_build.result.generated.pages}
    for source in sorted(hostile_build.speeches.glob("0*.txt")):
        html = (hostile_build.site / pages[source.name].url / "index.html").read_text("utf-8")
        assert missing_lines(source.read_text("utf-8"), html) == [], source.name


def test_strict_build_fails_listing_every_problem(tmp_path) -> None:
    project = new_project(tmp_path / "strict")
    with pytest.raises(BuildFailed) as failed:
        build(project, strict=True)
    listed = {(d.file, d.code) for d in failed.value.diagnostics}
    for name, codes in EXPECTED.items():
        for code in codes:
            assert (name, code) in listed, (name, code)
    assert not (project.root / "site").exists()
    assert not (project.root / "docs" / "speeches").exists()


@pytest.mark.parametrize(
    "title", ["..", "../../etc/passwd", "/absolute", "CON", "index", "<script>", "   ", "---"]
)
def test_a_hostile_title_gets_a_safe_slug(tmp_path, title: str) -> None:
    from sco_archive.knowledge import load_knowledge
    from sco_archive.loader import load_document
    from sco_archive.write.speech_pages import plan_pages

    (tmp_path / "doc.md").write_text(f"---\ntitle: '{title}'\n---\nText.\n", encoding="utf-8")
    document = load_document(tmp_path / "doc.md", tmp_path, load_knowledge())
    (page,), _ = plan_pages([document])
    parts = page.src_uri.split("/")
    assert parts[0] == "speeches" and len(parts) == 3, page.src_uri
    assert parts[2] not in ("index.md", ".md", "con.md") and ".." not in parts, page.src_uri
