"""The garbage collector is kept off what a build loads, and given back when the build ends."""

from __future__ import annotations

import gc
from collections.abc import Callable

from sco_archive.build.run import Project, build
from sco_archive.processes import long_lived_objects, thawing


def test_loading_pauses_the_collector_then_freezes_what_was_loaded():
    with thawing():
        with long_lived_objects():
            assert not gc.isenabled()
            loaded = [{"document": i} for i in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(loaded)
    assert gc.get_freeze_count() == 0


def test_a_build_leaves_the_collector_as_it_found_it(make_project: Callable[..., Project]):
    project = make_project({"norov.txt": "Remarks by Vladimir Norov\n\nBeijing, 24 June 2020.\n"})
    assert build(project).page_count == 1
    assert gc.isenabled() and gc.get_freeze_count() == 0
    again = build(project)
    assert again.up_to_date
    # The corpus of a build that had nothing to do is loaded when asked for: given back too.
    assert [d.source for d in again.corpus.documents] == ["norov.txt"]
    assert gc.isenabled() and gc.get_freeze_count() == 0
