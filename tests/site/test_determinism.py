"""Builds are deterministic: the same input gives the same bytes, wherever and whenever built."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sco_archive.build.run import Project, build

REPO = Path(__file__).resolve().parents[2]


def _project(root: Path) -> Project:
    """A copy of this repository's archive (config, hand-written docs, speeches), no cache."""
    root.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "speeches", root / "speeches")
    (root / "docs").mkdir()
    for page in ("about.md", "scaling.md", "search.md"):  # every page the nav lists
        shutil.copy(REPO / "docs" / page, root / "docs" / page)
    return Project(config_file=root / "mkdocs.yml", use_cache=False, incremental=False)


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Project]:
    first = _project(tmp_path_factory.mktemp("first") / "archive")
    second = _project(tmp_path_factory.mktemp("second") / "elsewhere")
    build(first)
    # A different moment and time zone must not show in the output.
    os.utime(second.root / "speeches", (0, 0))
    old_tz = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tashkent"
    try:
        build(second)
    finally:
        if old_tz is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = old_tz
    return first, second


def test_two_builds_write_byte_identical_docs(two_builds) -> None:
    first, second = two_builds
    assert _tree(first.root / "docs") == _tree(second.root / "docs")


def test_two_builds_write_byte_identical_sites(two_builds) -> None:
    first, second = two_builds
    one, other = _tree(first.root / "site"), _tree(second.root / "site")
    assert sorted(one) == sorted(other)
    differing = [name for name in one if one[name] != other[name]]
    assert differing == []
    # What MkDocs would stamp with today's date is pinned, and the search index is included.
    assert "sitemap.xml.gz" in one and any(name.startswith("pagefind/") for name in one)


def test_the_sitemap_dates_come_from_the_documents_not_the_clock(two_builds) -> None:
    first, _ = two_builds
    sitemap = (first.root / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2020-06-24</lastmod>" in sitemap  # the newest founding document
