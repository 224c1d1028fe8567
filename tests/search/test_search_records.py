"""The index built from the plan (search/records.py) is the index of the rendered pages, byte for
byte: on the shipped speeches, the search tests' corpus and a generated corpus."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from sco_archive.build.run import Project, build
from sco_archive.search.index import BUNDLE_DIR, build_search_index, shard_limit
from tests.search.search_corpus import DOCUMENTS

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

from generate_corpus import generate  # noqa: E402


def _project(root: Path, speeches: Path) -> Project:
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "docs").mkdir()
    for page in ("about.md", "scaling.md", "search.md"):  # every page the nav lists
        shutil.copy(REPO / "docs" / page, root / "docs" / page)
    return Project(root / "mkdocs.yml", speeches, use_cache=False, incremental=False)


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _seeds(folder: Path) -> Path:
    folder.parent.mkdir(parents=True)
    shutil.copytree(REPO / "speeches", folder)
    return folder


def _search_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name, text in DOCUMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _generated(folder: Path) -> Path:
    generate(folder, 120, 3)
    return folder


@pytest.mark.parametrize("corpus", [_seeds, _search_corpus, _generated])
def test_the_index_of_the_plan_is_the_index_of_the_rendered_pages(tmp_path: Path, corpus) -> None:
    project = _project(tmp_path / "project", corpus(tmp_path / "project" / "speeches"))
    site = build(project).site_dir
    # The same pages indexed the old way: Pagefind reading the site MkDocs rendered.
    rendered = tmp_path / "rendered"
    shutil.copytree(site, rendered, ignore=shutil.ignore_patterns(BUNDLE_DIR))
    build_search_index(rendered)
    built, read_back = _tree(site / BUNDLE_DIR), _tree(rendered / BUNDLE_DIR)
    assert built and built == read_back


def test_shards_grow_with_the_archive_between_the_bounds() -> None:
    assert shard_limit(5) == 100
    assert shard_limit(1_000) == 100
    assert shard_limit(4_001) == 401
    assert shard_limit(10_000) == 1_000
    assert shard_limit(100_000) == 1_000
