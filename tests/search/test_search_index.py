"""The Pagefind run itself: one bundle per year, only stale years redone, failures stop."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from sco_archive.search.index import (
    Shard,
    build_search_index,
    folder_of,
    index_command,
    plan_shards,
)

SPEECH = """<!doctype html><html lang="en"><head><title>t</title></head><body>
<nav>Home Timeline</nav>
<div class="speech" data-pagefind-body>
<meta data-pagefind-filter="speaker[content]" content="A &amp; B">
<h1>{title}</h1><dl class="speech-meta"><dt>Speaker</dt><dd>A</dd></dl>
<p id="p1">Spider Web</p><section class="cite">Cite this</section></div></body></html>"""
HOME = '<!doctype html><html lang="en"><body><h1>Home</h1><p>Spider Web</p></body></html>'


def write_page(site: Path, folder: str, title: str) -> None:
    page = site / "speeches" / folder / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(SPEECH.format(title=title), encoding="utf-8")


def page_count(bundle: Path) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


@pytest.fixture
def site(tmp_path: Path) -> Path:
    write_page(tmp_path, "2019/one", "One")
    write_page(tmp_path, "2019/two", "Two")
    write_page(tmp_path, "2021/three", "Three")
    write_page(tmp_path, "undated/four", "Four")
    (tmp_path / "index.html").write_text(HOME, encoding="utf-8")
    return tmp_path


def test_the_previews_index_runs_at_low_priority_and_the_builds_does_not() -> None:
    # `serve` indexes in the background: the next edit's rebuild must get the CPU first.
    shard = Shard(("2020",))
    assert index_command(Path("site"), shard, Path("pagefind/x"), yielding=True)[:3] == [
        "nice", "-n", "10"
    ]  # fmt: skip
    assert "nice" not in index_command(Path("site"), shard, Path("pagefind/x"))


def test_a_page_belongs_to_the_folder_of_its_year() -> None:
    assert folder_of("speeches/2020/2020-06-24-statement.md") == "2020"
    assert folder_of("speeches/undated/memo.md") == "undated"
    assert folder_of("speeches/index.md") is None
    assert folder_of("timeline/index.md") is None


def test_shards_are_runs_of_consecutive_years_newest_first_up_to_the_limit() -> None:
    counts = {"2019": 400, "2020": 500, "2021": 300, "undated": 20, "2018": 2500}
    assert plan_shards(counts, 1000) == [
        Shard(("2021", "2020")),
        Shard(("2019",)),
        Shard(("2018",)),  # larger than the limit: a shard of its own
        Shard(("undated",)),
    ]
    assert plan_shards(counts, 10_000) == [Shard(("2021", "2020", "2019", "2018", "undated"))]
    assert [s.name for s in plan_shards(counts, 1000)] == ["2021-2020", "2019", "2018", "undated"]
    assert plan_shards({}, 1000) == []


def test_each_year_has_its_own_bundle_of_speech_pages_only(site: Path) -> None:
    stale = site / "pagefind" / "fragment" / "en_stale.pf_fragment"  # an older, unsharded index
    stale.parent.mkdir(parents=True)
    stale.write_text("from an earlier build", encoding="utf-8")
    assert build_search_index(site, shard_pages=2) == ["2021", "2019", "undated"]
    bundles = site / "pagefind"
    listed = json.loads((bundles / "shards.json").read_text(encoding="utf-8"))
    assert listed == {"shards": ["2021", "2019", "undated"]}  # newest first, undated last
    assert [page_count(bundles / s) for s in listed["shards"]] == [1, 2, 1]
    assert not stale.exists()
    assert (bundles / "2021" / "pagefind.js").is_file()
    assert not (bundles / "2021" / "pagefind-ui.js").exists()  # unused: the page has its own


def test_one_shard_can_hold_several_years(site: Path) -> None:
    assert build_search_index(site, shard_pages=3) == ["2021-2019", "undated"]
    assert page_count(site / "pagefind" / "2021-2019") == 3


def test_only_the_shards_whose_pages_changed_are_indexed_again(site: Path) -> None:
    build_search_index(site, shard_pages=2)
    bundles = site / "pagefind"
    untouched = {p: p.stat().st_ino for p in (bundles / "2019").rglob("*") if p.is_file()}
    write_page(site, "2021/five", "Five")
    assert build_search_index(site, stale={"2021"}, shard_pages=2) == ["2021"]
    assert page_count(bundles / "2021") == 2
    assert {p: p.stat().st_ino for p in (bundles / "2019").rglob("*") if p.is_file()} == untouched


def test_a_new_year_is_indexed_and_a_year_gone_loses_its_bundle(site: Path) -> None:
    build_search_index(site, shard_pages=1)
    write_page(site, "2024/six", "Six")
    for page in (site / "speeches" / "undated").rglob("*.html"):
        page.unlink()
    (site / "speeches" / "undated" / "four").rmdir()
    (site / "speeches" / "undated").rmdir()
    assert build_search_index(site, stale=set(), shard_pages=1) == ["2024"]
    bundles = site / "pagefind"
    assert json.loads((bundles / "shards.json").read_text())["shards"] == ["2024", "2021", "2019"]
    assert not (bundles / "undated").exists()


def test_a_site_pagefind_cannot_index_stops_the_build(tmp_path: Path) -> None:
    with pytest.raises(PluginError, match="Pagefind could not index"):
        build_search_index(tmp_path / "no-such-site")
