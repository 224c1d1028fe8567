"""The Zensical watch (bench/zensical_watch.py) keeps up with our plugin and reads Zensical's
errors right. Zensical itself is in no extra of ours: these tests run without it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sco_archive.build.plugin import ArchivePlugin
from tests import bench_scripts

WATCH = bench_scripts.BENCH / "zensical_watch.py"


zensical_watch = bench_scripts.load("zensical_watch")


def test_it_says_what_becomes_of_every_event_our_plugin_implements() -> None:
    events = [name for name in vars(ArchivePlugin) if name.startswith("on_")]
    assert sorted(zensical_watch.EVENTS) == sorted(events)


def test_it_blames_the_innermost_template_of_a_zensical_error() -> None:
    # Zensical 0.0.73's own words, building our templates.
    blame = zensical_watch.failing_template
    assert blame(
        'RuntimeError: could not render include: error in "partials/tabs.html" (in '
        "base.html:157): unknown method: string has no method named split (in "
        "partials/tabs-item.html:16)"
    ) == ("partials/tabs-item.html", False)
    assert blame('RuntimeError: template not found: template "speech.html" does not exist') == (
        "speech.html",
        True,
    )
    assert blame("RuntimeError: something else went wrong") is None


def test_a_page_whose_template_is_gone_keeps_all_but_that_line(tmp_path: Path) -> None:
    page = tmp_path / "speeches" / "a.md"
    page.parent.mkdir()
    page.write_text("---\ntitle: A\ntemplate: speech.html\n---\n\ntemplate: speech.html\n")
    (tmp_path / "index.md").write_text("# Home\n")
    assert zensical_watch.strip_template(tmp_path, "speech.html") == 1
    assert page.read_text() == "---\ntitle: A\n---\n\ntemplate: speech.html\n"


def test_without_zensical_it_says_how_to_install_it() -> None:
    done = subprocess.run(
        [sys.executable, str(WATCH), "--zensical", "no-such-zensical-here"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "pip install zensical" in done.stderr
