"""The one-pass name index: it may list a name the text does not hold, never miss one it does."""

from __future__ import annotations

from pathlib import Path

import pytest

from sco_archive.infer.matcher import holders_named, offices_named, places_named
from sco_archive.infer.people import _holder_pattern, _office_pattern
from sco_archive.infer.places import _city_pattern, _city_pattern_for
from sco_archive.infer.text import norm
from tests.infer.helpers import knowledge

GOLDEN = sorted((Path(__file__).parent / "golden").glob("*.txt"))


def test_every_name_and_alias_of_every_holder_finds_its_holder():
    for holder in knowledge().holders:
        for name in holder.names:
            text = f"On Monday {name} said that the SCO is strong."
            assert holder in holders_named(text, knowledge()), name


def test_russian_case_endings_and_chinese_names_are_found():
    assert any(h.name == "Vladimir Norov" for h in holders_named("встреча с Владимиром Норовым",
                                                                knowledge()))  # fmt: skip
    assert any(h.name == "Zhang Ming" for h in holders_named("秘书长张明会见", knowledge()))


def test_a_text_with_no_known_name_lists_no_one():
    assert holders_named("The weather in the mountains was fine.", knowledge()) == []


@pytest.mark.parametrize("path", GOLDEN[::4], ids=lambda p: p.stem)
def test_the_index_finds_what_searching_every_pattern_finds(path):
    text = norm(path.read_text(encoding="utf-8"))
    every_holder = [h for h in knowledge().holders if _holder_pattern(h).search(text)]
    assert [h for h in holders_named(text, knowledge()) if _holder_pattern(h).search(text)] == (
        every_holder
    )
    every_office = [o for o in knowledge().offices if _office_pattern(o.aliases).search(text)]
    assert [
        o for o in offices_named(text, knowledge()) if _office_pattern(o.aliases).search(text)
    ] == every_office
    names = tuple(n for p in knowledge().places for n in p.names)
    full = [m.span() for m in _city_pattern_for(names).finditer(text)]
    assert [m.span() for m in _city_pattern(knowledge(), text).finditer(text)] == full


def test_places_keep_the_knowledge_files_order():
    found = places_named("From Moscow to Beijing", knowledge())
    order = [p.name for p in knowledge().places]
    assert [p.name for p in found] == sorted((p.name for p in found), key=order.index)
