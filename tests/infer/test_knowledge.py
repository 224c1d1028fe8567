"""The knowledge file: loads, validates with errors naming file and key, answers look-ups."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from sco_archive.knowledge import KnowledgeError, load_knowledge, parse_knowledge
from sco_archive.model import PartialDate
from tests.infer.helpers import knowledge

SECRETARIES_GENERAL = [
    (2004, "Zhang Deguang"),
    (2008, "Bolat Nurgaliyev"),
    (2012, "Muratbek Imanaliyev"),
    (2013, "Dmitry Mezentsev"),
    (2016, "Rashid Alimov"),
    (2020, "Vladimir Norov"),
    (2024, "Zhang Ming"),
    (2025, "Nurlan Yermekbayev"),
    (2030, "Nurlan Yermekbayev"),
]


@pytest.mark.parametrize(("year", "name"), SECRETARIES_GENERAL)
def test_secretary_general_in_office_in_a_year(year, name):
    office = next(o for o in knowledge().offices if o.role == "SCO Secretary-General")
    assert office.holder_on(PartialDate(year)).name == name


def test_a_year_before_the_office_existed_has_no_holder():
    office = knowledge().offices[0]
    assert office.holder_on(PartialDate(2002)) is None


@pytest.mark.parametrize(
    ("name", "city"),
    [
        ("Nur-Sultan", "Astana"),
        ("Astana", "Astana"),
        ("BEIJING", "Beijing"),
        ("Cholpon Ata", "Cholpon-Ata"),
    ],
)
def test_gazetteer_aliases_lead_to_one_city(name, city):
    assert knowledge().place(name).name == city


def test_offices_of_a_person_lists_their_terms():
    (term,) = knowledge().offices_of("Vladimir Norov")
    assert (term.role, term.start, term.end) == ("SCO Secretary-General", 2019, 2021)


def test_knowledge_is_frozen_and_picklable():
    import pickle

    assert pickle.loads(pickle.dumps(knowledge())) == knowledge()


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ([], "the top level"),
        ({"offices": {"role": "x"}}, "offices"),
        (
            {"offices": [{"role": "SG", "holders": [{"name": "A", "start": "2019-13"}]}]},
            "offices[0].holders[0].start",
        ),
        (
            {"offices": [{"role": "SG", "holders": [{"name": "A", "start": 2019, "end": 2010}]}]},
            "offices[0].holders[0].end",
        ),
        ({"places": [{"name": "Bishkek"}]}, "places[0].country"),
        ({"kinds": [{"kind": "news", "title": "attends"}]}, "kinds[0].title"),
        ({"topics": [{"slug": "a", "keywords": []}]}, "topics[0].keywords"),
        ({"topics": [{"slug": "a", "keywords": ["x"], "min_count": 0}]}, "topics[0].min_count"),
        (
            {"topics": [{"slug": "a", "keywords": ["x"]}, {"slug": "a", "keywords": ["y"]}]},
            "topics[1].slug",
        ),
    ],
)
def test_a_malformed_knowledge_file_is_reported_with_file_and_key(data, key):
    with pytest.raises(
        KnowledgeError, match=r"^mine\.yaml: " + key.replace("[", r"\[").replace("]", r"\]")
    ):
        parse_knowledge(data, "mine.yaml")


def test_unreadable_or_invalid_yaml_names_the_file(tmp_path: Path):
    with pytest.raises(KnowledgeError, match=r"missing\.yaml"):
        load_knowledge(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("offices: [\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"bad\.yaml: not valid YAML"):
        load_knowledge(bad)


def test_a_curator_can_add_a_city_without_touching_python(tmp_path: Path):
    path = tmp_path / "knowledge.yaml"
    path.write_text("places:\n  - {name: Kazan, country: Russia}\n", encoding="utf-8")
    assert load_knowledge(path).place("Kazan").country == "Russia"


def test_events_parse_with_their_aliases_and_numbered_sessions():
    data = {
        "places": [{"name": "Ufa", "country": "Russia"}],
        "events": [
            {
                "name": "Council of Heads of State",
                "aliases": ["Heads of State Council", "Совет глав государств"],
                "sessions": [{"number": 15, "year": 2015, "city": "Ufa"}, {"year": 2020}],
            },
            {"name": "SCO Forum"},
        ],
    }
    council, forum = parse_knowledge(data, "mine.yaml").events
    assert council.aliases == ("Heads of State Council", "Совет глав государств")
    assert council.session(15).city == "Ufa"
    assert council.session_in(2020).city is None  # held online: no city
    assert council.session(16) is None
    assert forum.aliases == ("SCO Forum",)  # the name stands for itself


def test_our_events_know_where_each_numbered_summit_was():
    council = next(e for e in knowledge().events if e.name == "Council of Heads of State")
    assert council.session(9).city == "Yekaterinburg"
    heads_of_government = next(
        e for e in knowledge().events if e.name == "Council of Heads of Government"
    )
    assert heads_of_government.session_in(2015).city == "Zhengzhou"


@pytest.mark.parametrize(
    ("event", "key"),
    [
        ({"aliases": ["x"]}, "events[0].name"),
        ({"name": "C", "aliases": "Council"}, "events[0].aliases"),
        ({"name": "C", "sessions": [{"city": "Ufa"}]}, "events[0].sessions[0]"),
        ({"name": "C", "sessions": [{"number": "9th"}]}, "events[0].sessions[0].number"),
        (
            {"name": "C", "sessions": [{"number": 1, "city": "Atlantis"}]},
            "events[0].sessions[0].city",
        ),
        ({"name": "C", "sessions": [{"number": 1}, {"number": 1}]}, "events[0].sessions"),
    ],
)
def test_a_malformed_event_is_reported_with_its_key(event, key):
    data = {"places": [{"name": "Ufa", "country": "Russia"}], "events": [event]}
    with pytest.raises(
        KnowledgeError, match=r"^mine\.yaml: " + key.replace("[", r"\[").replace("]", r"\]")
    ):
        parse_knowledge(data, "mine.yaml")


def test_a_term_may_be_known_to_the_month_or_the_day_and_holds_at_the_precision_both_give():
    holders = [
        {"name": "Qin Gang", "start": datetime.date(2022, 12, 30), "end": "2023-07"},
        {"name": "Lin Jian", "start": 2024, "end": None},
    ]
    knowledge = parse_knowledge({"offices": [{"role": "FM", "holders": holders}]}, "mine.yaml")
    qin, lin = knowledge.offices[0].holders
    assert (qin.start, qin.end) == (2022, 2023)
    assert qin.held_on(PartialDate(2022, 12, 31)) and qin.held_on(PartialDate(2022))
    assert not qin.held_on(PartialDate(2022, 4, 19))
    assert qin.held_on(PartialDate(2023, 7, 31)) and not qin.held_on(PartialDate(2023, 8, 1))
    assert lin.held_on(PartialDate(2031, 1, 1)) and not lin.held_on(PartialDate(2023, 12))
