"""The document cache and incremental builds rebuild exactly what an edit changes.

Each test builds a small project (the five founding documents, their sidecars and a few
generated ones), changes one input and builds again. "Exactly" is checked three ways: which
documents were loaded again instead of taken from the cache (`corpus.reloaded`), which HTML
pages were written again (a page MkDocs did not render is a hard link to the previous site's
file, so it keeps its inode), and that the result is the site a cold build of the same inputs
makes, byte for byte.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sco_archive import loader
from sco_archive.build import plugin as archive_plugin
from sco_archive.build import run as archive_build
from sco_archive.build import state as incremental
from sco_archive.build.run import BuildResult, Project, build
from sco_archive.build.state import output_dir
from sco_archive.cache import documents
from sco_archive.errors import BuildFailed
from sco_archive.search.index import folder_of
from sco_archive.write import related
from tests import bench_scripts
from tests.generated_docs import remove_generated_docs

REPO = Path(__file__).resolve().parents[2]
KNOWLEDGE = REPO / "sco_archive" / "data" / "knowledge.yaml"
SIDECAR = "002_e61eb7bfdfb8ae4c.yml"
DOCUMENT = "003_00bf8023feeb3ada.txt"


def _generator():
    return bench_scripts.load("generate_corpus")


@pytest.fixture
def project(make_project: Callable[..., Project]) -> Project:
    """Seeds plus six generated documents, with a knowledge file of the project's own."""
    made = make_project(seeds=True)
    _generator().generate(made.root / "speeches", 6, 7)
    shutil.copy(KNOWLEDGE, made.root / "knowledge.yaml")
    config = made.config_file.read_text(encoding="utf-8")
    assert "      speeches: speeches\n" in config
    # One page per search shard: each year its own bundle, so re-indexing can be seen per year.
    config = config.replace(
        "      speeches: speeches\n",
        "      speeches: speeches\n      knowledge: knowledge.yaml\n      search_shard_pages: 1\n",
    )
    made.config_file.write_text(config, encoding="utf-8")
    return made


def _pages(site: Path) -> dict[str, int]:
    """Every HTML page of the site (pagefind's own files aside) and its inode."""
    return {
        p.relative_to(site).as_posix(): p.stat().st_ino
        for p in site.rglob("*.html")
        if p.relative_to(site).parts[0] != "pagefind"
    }


def _files(site: Path) -> dict[str, bytes]:
    """Every file of the site, the search index included, by path."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _bundles(site: Path) -> dict[str, int]:
    """Each search shard and the inode of its entry file: a shard indexed again gets a new one."""
    return {p.parent.name: p.stat().st_ino for p in site.glob("pagefind/*/pagefind-entry.json")}


# The parts of a speech page that Pagefind is told to leave out (search.EXCLUDE_SELECTORS).
_UNINDEXED = re.compile(
    r'<dl class="speech-meta".*?</dl>|<section class="cite".*?</section>'
    r'|<nav class="speech-prevnext".*?</nav>|<section class="related".*?</section>',
    re.DOTALL,
)


def _indexed(site: Path) -> dict[str, str]:
    """Each speech page's body (its year folder and path → HTML) as the search index reads it."""
    pages = {}
    for page in (site / "speeches").rglob("index.html"):
        html = page.read_text("utf-8")
        pages[page.relative_to(site / "speeches").as_posix()] = _UNINDEXED.sub(
            "", html[html.index("data-pagefind-body") :]
        )
    return pages


def _shards_to_index(
    indexed_before: dict[str, str], first: BuildResult, second: BuildResult
) -> tuple[set[str], set[str]]:
    """(shards that must be indexed again, shards that may be): the years (one per shard here)
    with a page whose indexed part changed, came or went; and those with a page whose Markdown
    changed at all."""
    now = _indexed(second.site_dir)
    must = {p.split("/")[0] for p in indexed_before.keys() | now.keys()
            if indexed_before.get(p) != now.get(p)}  # fmt: skip
    old, new = first.generated.files, second.generated.files
    may = {folder_of(uri) for uri in old.keys() | new.keys() if old.get(uri) != new.get(uri)}
    bundles = set(_bundles(second.site_dir))
    return must & bundles, may & bundles


def _cold(project: Project, where: Path) -> dict[str, bytes]:
    """The site a from-scratch build of the project's current inputs makes."""
    shutil.copytree(
        project.root,
        where,
        ignore=shutil.ignore_patterns(".cache", "site", ".site.*"),
    )
    # docs/ as a person left it: the generated pages come from the build itself.
    remove_generated_docs(where / "docs")
    fresh = Project(config_file=where / "mkdocs.yml", use_cache=False, incremental=False)
    return _files(build(fresh).site_dir)


def _rendered(before: dict[str, int], after: dict[str, int], generated: set[str]) -> set[str]:
    """Generated pages written by the second build: new, or no longer the first build's file.

    (Hand-written pages and MkDocs' own, such as 404.html, are copied, not linked.)
    """
    return {
        page for page, inode in after.items() if page in generated and before.get(page) != inode
    }


def _outputs(first: BuildResult, second: BuildResult) -> set[str]:
    uris = first.generated.files.keys() | second.generated.files.keys()
    return {(output_dir(uri) + "/index.html").lstrip("/") for uri in uris}


def _expected(first: BuildResult, second: BuildResult) -> set[str]:
    """The pages whose generated Markdown differs between the two builds."""
    old, new = first.generated.files, second.generated.files
    changed = {uri for uri, text in new.items() if old.get(uri) != text}
    return {(output_dir(uri) + "/index.html").lstrip("/") for uri in changed}


def _rebuild_after(
    project: Project, edit: Callable[[Path], None], *, writes: bool = True
) -> tuple[BuildResult, ...]:
    first = build(project)
    assert not first.up_to_date and first.pages_rendered == len(first.generated.files)
    before, bundles_before = _pages(first.site_dir), _bundles(first.site_dir)
    indexed_before = _indexed(first.site_dir)
    edit(project.root)
    second = build(project)
    assert second.up_to_date is not writes
    rendered = _rendered(before, _pages(second.site_dir), _outputs(first, second))
    assert rendered == _expected(first, second)
    assert second.pages_rendered == len(rendered)
    # Search is indexed again for the years whose pages changed what the index reads, and at
    # most for those whose pages changed at all.
    after = _bundles(second.site_dir)
    indexed = {shard for shard, inode in after.items() if bundles_before.get(shard) != inode}
    if not second.up_to_date and second.pages_rendered < len(second.generated.files):
        must, may = _shards_to_index(indexed_before, first, second)
        assert must <= indexed <= may
    return first, second, indexed


def _same_as_cold(project: Project, second: BuildResult, tmp_path: Path) -> None:
    assert _files(second.site_dir) == _cold(project, tmp_path / "cold")


def test_a_changed_document_is_the_only_one_loaded_again(project: Project, tmp_path: Path):
    def edit(root: Path) -> None:
        with (root / "speeches" / DOCUMENT).open("a", encoding="utf-8") as handle:
            handle.write("\nA sentence added by the cache test.\n")

    first, second, _ = _rebuild_after(project, edit)
    assert first.corpus.reloaded  # the first build loaded everything
    assert second.corpus.reloaded == [DOCUMENT]
    assert 0 < second.pages_rendered < len(second.generated.files)
    page = next(p for p in second.generated.pages if p.document.source == DOCUMENT)
    html = (second.site_dir / output_dir(page.src_uri) / "index.html").read_text("utf-8")
    assert "A sentence added by the cache test." in html
    _same_as_cold(project, second, tmp_path)


def test_when_the_copy_of_the_live_site_fails_every_page_is_rendered_instead(
    project: Project, tmp_path: Path, monkeypatch, caplog
):
    build(project)

    def fail(*args: object) -> None:
        raise OSError("No space left on device")

    # The copy runs in a forked helper, which inherits this patch.
    monkeypatch.setattr(archive_build, "copy_for_update", fail)
    with (project.root / "speeches" / DOCUMENT).open("a", encoding="utf-8") as handle:
        handle.write("\nA sentence added by the cache test.\n")
    with caplog.at_level(logging.WARNING):
        second = build(project)
    assert "could not copy the site to update it: rendering every page" in caplog.text
    assert second.pages_rendered == len(second.generated.files)
    _same_as_cold(project, second, tmp_path)


def test_a_changed_sidecar_reloads_its_document_only(project: Project, tmp_path: Path):
    def edit(root: Path) -> None:
        sidecar = root / "speeches" / SIDECAR
        sidecar.write_text(sidecar.read_text("utf-8") + "city: Vienna\n", encoding="utf-8")

    _, second, _ = _rebuild_after(project, edit)
    source = SIDECAR.replace(".yml", ".txt")
    assert second.corpus.reloaded == [source]
    page = next(p for p in second.generated.pages if p.document.source == source)
    assert page.document.value("city") == "Vienna"
    _same_as_cold(project, second, tmp_path)


def _timeline_rendered(first: BuildResult, second: BuildResult) -> set[str]:
    """The timeline's pages that the second build rendered (`_rebuild_after` checks that they
    are the pages whose Markdown changed)."""
    return {page for page in _expected(first, second) if page.startswith("timeline/")}


def test_a_document_given_another_city_renders_its_years_timeline_page_again_and_no_other(
    project: Project,
):
    def edit(root: Path) -> None:  # the remarks of 24 April 2019: not the city inferred
        sidecar = root / "speeches" / SIDECAR
        sidecar.write_text(sidecar.read_text("utf-8") + "city: Vienna\n", encoding="utf-8")

    first, second, _ = _rebuild_after(project, edit)
    assert _timeline_rendered(first, second) == {"timeline/2019/index.html"}  # not the overview
    assert ", Vienna · " in (second.site_dir / "timeline/2019/index.html").read_text("utf-8")


def test_a_document_moved_to_another_year_renders_both_years_and_the_overview_again(
    project: Project, tmp_path: Path
):
    def edit(root: Path) -> None:
        sidecar = root / "speeches" / SIDECAR
        text = sidecar.read_text("utf-8")
        sidecar.write_text(text.replace("date: 2019-04-24", "date: 2020-04-24"), "utf-8")

    first, second, _ = _rebuild_after(project, edit)
    assert _timeline_rendered(first, second) == {
        "timeline/index.html",  # its counts
        "timeline/2019/index.html",
        "timeline/2020/index.html",
    }
    _same_as_cold(project, second, tmp_path)


def test_a_changed_knowledge_file_reloads_every_document(project: Project, tmp_path: Path):
    def edit(root: Path) -> None:
        knowledge = root / "knowledge.yaml"
        text = knowledge.read_text("utf-8")
        assert "label: Drug trafficking" in text
        knowledge.write_text(
            text.replace("label: Drug trafficking", "label: Narcotics trafficking"), "utf-8"
        )

    first, second, _ = _rebuild_after(project, edit)
    assert sorted(second.corpus.reloaded) == sorted(d.source for d in first.corpus.documents)
    _same_as_cold(project, second, tmp_path)


def test_a_project_moved_elsewhere_keeps_its_cached_documents(project: Project, tmp_path: Path):
    # As CI does: a checkout in another folder, with the cache of an earlier run restored.
    first = build(project)
    moved_root = tmp_path / "checked-out-elsewhere"
    shutil.copytree(project.root, moved_root, symlinks=True)
    moved = Project(config_file=moved_root / "mkdocs.yml")
    counted: list[str] = []
    count_terms = related._counts
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(related, "_counts", lambda texts: counted.extend(texts) or count_terms(texts))
        second = build(moved)
    assert first.corpus.reloaded and second.corpus.reloaded == []
    assert counted == []  # what the plan derived was kept too
    _same_as_cold(moved, second, tmp_path)


def test_a_new_loader_version_reloads_every_document(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    def edit(root: Path) -> None:
        # What bumping LOADER_VERSION in sco_archive/__init__.py does to both of its readers.
        monkeypatch.setattr(loader, "LOADER_VERSION", loader.LOADER_VERSION + "-next")
        monkeypatch.setattr(documents, "LOADER_VERSION", documents.LOADER_VERSION + "-next")
        monkeypatch.setattr(incremental, "LOADER_VERSION", incremental.LOADER_VERSION + "-next")

    # Same rules, so the same pages: a version bump alone reloads, and re-renders nothing.
    first, second, _ = _rebuild_after(project, edit, writes=False)
    assert sorted(second.corpus.reloaded) == sorted(d.source for d in first.corpus.documents)
    assert second.pages_rendered == 0


def test_a_page_whose_links_to_other_documents_alone_changed_is_not_indexed_again(
    project: Project, tmp_path: Path
):
    """A new newest document changes the "later" link of the one before it, in another year:
    that page is rendered again, but what the search index reads of it is the same."""

    def edit(root: Path) -> None:
        (root / "speeches" / "newest.txt").write_text(
            "Statement by the SCO Secretariat, 31 December 2031\n\nThe Secretariat notes.\n",
            "utf-8",
        )

    first, second, indexed = _rebuild_after(project, edit)
    dated = [p for p in first.generated.pages if p.document.date]
    neighbour = max(dated, key=lambda p: p.document.date.iso())
    assert folder_of(neighbour.src_uri) != "2031"
    assert first.generated.files[neighbour.src_uri] != second.generated.files[neighbour.src_uri]
    assert indexed == {"2031"}
    _same_as_cold(project, second, tmp_path)


def test_nothing_changed_means_nothing_loaded_or_written(project: Project):
    first = build(project)
    before = _files(first.site_dir)
    inodes = _pages(first.site_dir)
    again = build(project)
    assert again.up_to_date and again.docs is None and again.pages_rendered == 0
    assert _files(again.site_dir) == before and _pages(again.site_dir) == inodes  # untouched
    assert again.page_count == len(first.generated.pages)
    assert [d.format() for d in again.diagnostics] == [d.format() for d in first.diagnostics]
    # Asked for, the documents come from the cache: none is loaded again.
    assert again.corpus.reloaded == []


@pytest.mark.parametrize(
    "edit",
    [
        lambda root: (root / "docs" / "about.md").write_text("# About\n\nEdited.\n", "utf-8"),
        lambda root: next((root / "docs" / "speeches").rglob("*.md")).write_text("x", "utf-8"),
        lambda root: (root / "speeches" / "new.txt").write_text("A title\n\nA text.\n", "utf-8"),
        lambda root: (root / "speeches" / DOCUMENT).unlink(),
    ],
    ids=["hand-written-page", "generated-page-edited", "document-added", "document-removed"],
)
def test_any_changed_input_or_output_means_a_real_build(
    project: Project, tmp_path: Path, edit: Callable[[Path], None]
):
    build(project)
    edit(project.root)
    again = build(project)
    assert not again.up_to_date
    _same_as_cold(project, again, tmp_path)
    assert build(project).up_to_date


def test_pages_rendered_in_two_processes_are_the_pages_one_process_renders(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(archive_plugin, "PARALLEL_PAGES_FROM", 2)
    parallel = build(project)
    _same_as_cold(project, parallel, tmp_path)  # the cold build renders in one process


def test_a_warning_while_rendering_in_the_helper_fails_a_strict_mkdocs_build(
    project: Project, monkeypatch: pytest.MonkeyPatch
):
    """MkDocs' strict mode (on in mkdocs.yml) counts warnings the second process logged."""
    monkeypatch.setattr(archive_plugin, "PARALLEL_PAGES_FROM", 2)
    real = archive_plugin.ArchivePlugin.on_page_content
    main_process = os.getpid()

    def warn_in_helper(self, html, *, page, config, files):
        if os.getpid() != main_process:
            logging.getLogger("mkdocs.plugins.test").warning("warned in the helper")
        return real(self, html, page=page, config=config, files=files)

    monkeypatch.setattr(archive_plugin.ArchivePlugin, "on_page_content", warn_in_helper)
    with pytest.raises(BuildFailed, match="strict"):
        build(project)
    assert not (project.root / "site").exists()
