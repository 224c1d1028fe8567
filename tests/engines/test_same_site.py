"""MkDocs and ProperDocs build the same site: every file byte-identical, or differing only in
the ways tests/engines/differences.yaml lists and explains (bench/compare_engines.py compares).

Both engines come from the registry with the test extra; each builds in its own process, as a
maintainer runs it: the shipped archive and a generated corpus with `build_site.py build`, and
the shipped archive with the engine's own `build`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import bench_scripts

GENERATED = 30  # documents: enough for every kind of page, a few seconds per build


compare_engines = bench_scripts.load("compare_engines")


@pytest.fixture(scope="module")
def comparisons(tmp_path_factory: pytest.TempPathFactory) -> list:
    found, _ = compare_engines.run_cases(tmp_path_factory.mktemp("engines"), GENERATED)
    return found


def test_each_case_was_built_and_compared(comparisons) -> None:
    assert [c.case for c in comparisons] == [
        "shipped archive, build_site.py build: site/",
        "shipped archive, build_site.py build: docs/",
        f"{GENERATED} generated documents, build_site.py build: site/",
        f"{GENERATED} generated documents, build_site.py build: docs/",
        "shipped archive, the engines' own build: site/",
    ]
    site = comparisons[0]
    assert site.files > 100  # pages, assets, search index, downloads


def test_both_engines_write_the_same_files(comparisons) -> None:
    for comparison in comparisons:
        assert comparison.only == {"mkdocs": [], "properdocs": []}, comparison.summary()


def test_every_file_is_identical_or_differs_only_as_the_fixture_explains(comparisons) -> None:
    for comparison in comparisons:
        assert comparison.unexplained == [], comparison.summary()


def test_the_search_index_downloads_and_docs_are_byte_identical(comparisons) -> None:
    """The engine renders HTML; what the archive writes around it does not depend on it."""
    for comparison in comparisons:
        for files in comparison.explained.values():
            assert all(name.endswith(".html") for name in files), comparison.summary()
        if comparison.case.endswith("docs/"):
            assert comparison.identical == comparison.files > 0


def test_each_engine_really_built_its_site(comparisons) -> None:
    """Every page says which engine made it: the comparison did not build twice with one."""
    tag = "the generator tag in each page's head"
    for comparison in comparisons:
        if comparison.case.endswith("site/"):
            assert "index.html" in comparison.explained.get(tag, []), comparison.summary()


def test_the_fixture_lists_no_difference_that_is_gone(comparisons) -> None:
    differences = compare_engines.load_differences()
    assert differences, "differences.yaml lists at least the generator tag"
    assert all(d.why.strip() for d in differences)
    assert compare_engines.stale(differences, comparisons) == []


def test_an_unlisted_difference_is_reported_with_its_lines(tmp_path: Path) -> None:
    one, other = tmp_path / "mkdocs", tmp_path / "properdocs"
    for root, body in ((one, "<p>old</p>"), (other, "<p>new</p>")):
        (root / "page").mkdir(parents=True)
        (root / "page" / "index.html").write_text(f"<html>\n{body}\n</html>\n", encoding="utf-8")
        (root / "same.css").write_text("body {}\n", encoding="utf-8")
    (other / "extra.js").write_text("", encoding="utf-8")
    found = compare_engines.compare_trees("case", one, other, compare_engines.load_differences())
    assert found.identical == 1
    assert found.only == {"mkdocs": [], "properdocs": ["extra.js"]}
    assert found.unexplained == ["page/index.html: @@ -2 +2 @@ | -<p>old</p> | +<p>new</p>"]
    assert not found.clean
