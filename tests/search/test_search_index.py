"""The Pagefind run itself: fresh every build, speech pages only, failures stop the build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from sco_archive.search import build_search_index

SPEECH = """<!doctype html><html lang="en"><head><title>t</title></head><body>
<nav>Home Timeline</nav>
<div class="speech" data-pagefind-body>
<meta data-pagefind-filter="speaker[content]" content="A &amp; B">
<h1>Title</h1><dl class="speech-meta"><dt>Speaker</dt><dd>A</dd></dl>
<p id="p1">Spider Web</p><section class="cite">Cite this</section></div></body></html>"""
HOME = '<!doctype html><html lang="en"><body><h1>Home</h1><p>Spider Web</p></body></html>'


def test_index_is_fresh_and_holds_only_pages_marked_as_body(tmp_path: Path) -> None:
    (tmp_path / "speeches" / "one").mkdir(parents=True)
    (tmp_path / "speeches" / "one" / "index.html").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "index.html").write_text(HOME, encoding="utf-8")
    stale = tmp_path / "pagefind" / "fragment" / "en_stale.pf_fragment"
    stale.parent.mkdir(parents=True)
    stale.write_text("from an earlier build", encoding="utf-8")
    build_search_index(tmp_path)
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 1  # the home page is not a result
    assert not stale.exists()
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()


def test_a_site_pagefind_cannot_index_stops_the_build(tmp_path: Path) -> None:
    with pytest.raises(PluginError, match="Pagefind could not index"):
        build_search_index(tmp_path / "no-such-site")
