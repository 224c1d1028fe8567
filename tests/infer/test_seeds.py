"""The five founding documents infer exactly what a careful reader takes from their text."""

from __future__ import annotations

import pytest

from sco_archive.infer import infer_fields
from sco_archive.infer.calibration import RAW
from sco_archive.model import Origin, PartialDate
from tests.infer.helpers import SEEDS, knowledge, split_seed, value

VENUE_14TH = "14th Meeting of Security Council Secretaries of SCO Member States"
NOROV = ("Vladimir Norov", "SCO Secretary-General")
# file stem: (date, precision, speaker, role, venue, city, kind)
EXPECTED = {
    "000": (
        "2020-06-24",
        "day",
        *NOROV,
        "OSCE Annual Security Review Conference",
        None,
        "statement",
    ),
    "001": ("2020-06", "month", *NOROV, "press conference", None, "address"),
    "002": (None, None, *NOROV, "Moscow Conference on International Security", "Moscow", "remarks"),
    "003": ("2019-05-15", "day", None, None, VENUE_14TH, "Bishkek", "report"),
    "004": ("2019-05-15", "day", *NOROV, VENUE_14TH, "Bishkek", "news"),
}


def seed(prefix: str) -> dict:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    title, title_line, paragraphs = split_seed(path.read_text(encoding="utf-8"))
    # The rules' own judgement: what real documents make of it is measured apart.
    return infer_fields(
        title, title_line, paragraphs, knowledge(), filename=path.name, calibration=RAW
    )


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_founding_document_infers_what_its_text_says(prefix):
    fields = seed(prefix)
    date = value(fields, "date")
    row = (
        date.iso() if date else None,
        date.precision if date else None,
        *(value(fields, k) for k in ("speaker", "speaker_role", "venue", "city", "kind")),
    )
    assert row == EXPECTED[prefix]
    assert value(fields, "language") == "en"
    assert "date_end" not in fields


def test_statement_by_the_office_only_is_resolved_to_the_holder_on_the_title_date():
    speaker = seed("000")["speaker"]
    assert speaker.origin is Origin.KNOWLEDGE and speaker.rule == "office-holder-on-date"


def test_title_date_has_high_confidence_and_the_title_line():
    date = seed("000")["date"]
    assert date.origin is Origin.TITLE and date.confidence >= 0.9 and date.line == 3


def test_press_conference_on_eve_of_anniversary_is_dated_to_the_month_only():
    date = seed("001")["date"]
    assert date.value.precision == "month" and date.confidence < 0.9
    assert "anniversary" in date.snippet


def test_report_date_comes_from_the_first_paragraph_not_dates_in_passing():
    date = seed("003")["date"]
    assert date.value.iso() == "2019-05-15" and date.line == 5 and date.confidence >= 0.5


def test_snippets_are_returned_as_written_with_no_break_spaces():
    assert "\u00a0" in seed("004")["city"].snippet


def test_curated_date_resolves_an_office_only_speaker_when_the_text_has_none():
    title, line, paragraphs = split_seed(next(SEEDS.glob("000_*.txt")).read_text())
    fields = infer_fields(title.split(" (")[0], line, paragraphs, knowledge())
    assert "speaker" not in fields  # no date in the text: the office alone names no one
    fields = infer_fields(
        title.split(" (")[0], line, paragraphs, knowledge(), curated={"date": PartialDate(2017, 5)}
    )
    assert value(fields, "speaker") == "Rashid Alimov"


def test_an_office_named_in_the_title_gives_a_role_from_the_title():
    role = seed("000")["speaker_role"]
    assert (role.value, role.origin) == ("SCO Secretary-General", Origin.TITLE)
