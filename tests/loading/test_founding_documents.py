"""The five founding documents load exactly as a careful reader records them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sco_archive.loader import load_corpus
from sco_archive.model import Origin

SPEECHES = Path(__file__).resolve().parents[2] / "speeches"
VENUE_14TH = "14th Meeting of Security Council Secretaries of SCO Member States"

# file: (date, precision, speaker, role, venue, city, kind) — with the shipped sidecars
AS_SHIPPED = {
    "000_a248d1fd639199f1.txt": (
        "2020-06-24",
        "day",
        "Vladimir Norov",
        "SCO Secretary-General",
        "OSCE Annual Security Review Conference",
        None,
        "statement",
    ),
    "001_5053c25469639f1a.txt": (
        "2020-06",
        "month",
        "Vladimir Norov",
        "SCO Secretary-General",
        "press conference",
        "Beijing",
        "address",
    ),
    "002_e61eb7bfdfb8ae4c.txt": (
        "2019-04-24",
        "day",
        "Vladimir Norov",
        "SCO Secretary-General",
        "Moscow Conference on International Security",
        "Moscow",
        "remarks",
    ),
    "003_00bf8023feeb3ada.txt": ("2019-05-15", "day", None, None, VENUE_14TH, "Bishkek", "report"),
    "004_ef72023147b7557a.txt": (
        "2019-05-15",
        "day",
        "Vladimir Norov",
        "SCO Secretary-General",
        VENUE_14TH,
        "Bishkek",
        "news",
    ),
}
TITLES = {
    "000_a248d1fd639199f1.txt": "SCO Secretary-General's statement at the OSCE Annual Security "
    "Review Conference (24 June, 2020)",
    "001_5053c25469639f1a.txt": "Address by SCO Secretary-General Vladimir Norov at a press "
    "conference",
    "002_e61eb7bfdfb8ae4c.txt": "SCO Secretary-General Vladimir Norov’s remarks at the Moscow "
    "Conference on International Security",
    "003_00bf8023feeb3ada.txt": "Information report following the 14th Meeting of Security "
    "Council Secretaries of the Shanghai Cooperation Organisation "
    "Member States",
    "004_ef72023147b7557a.txt": "SCO Secretary-General Vladimir Norov attends Meeting of SCO "
    "Security Council Secretaries",
}


@pytest.fixture(scope="module")
def shipped():
    return {d.source: d for d in load_corpus(SPEECHES).documents}


@pytest.fixture(scope="module")
def text_only(tmp_path_factory):
    """The same five files without their sidecars: only what the text itself says."""
    folder = tmp_path_factory.mktemp("text-only")
    for path in SPEECHES.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    return {d.source: d for d in load_corpus(folder).documents}


def row(document) -> tuple:
    date = document.date
    return (
        date.iso() if date else None,
        date.precision if date else None,
        *(document.value(k) for k in ("speaker", "speaker_role", "venue", "city", "kind")),
    )


@pytest.mark.parametrize("name", sorted(AS_SHIPPED))
def test_each_founding_document_loads_as_a_careful_reader_records_it(shipped, name):
    assert row(shipped[name]) == AS_SHIPPED[name]
    assert shipped[name].title == TITLES[name]
    assert shipped[name].value("language") == "en"


def test_the_founding_documents_load_without_warnings(shipped):
    problems = [
        d.format()
        for doc in shipped.values()
        for d in doc.diagnostics
        if d.severity.value != "info"
    ]
    assert problems == []


def test_an_office_only_speaker_is_resolved_from_the_office_holders(shipped):
    speaker = shipped["000_a248d1fd639199f1.txt"].fields["speaker"]
    assert speaker.origin is Origin.KNOWLEDGE and speaker.value == "Vladimir Norov"


def test_the_date_in_the_title_is_the_documents_date(shipped):
    date = shipped["000_a248d1fd639199f1.txt"].fields["date"]
    assert date.origin is Origin.TITLE and date.value.iso() == "2020-06-24"
    # Its confidence is what a date in a title measured on real documents, not a typed number.
    assert date.evidence == "date-closes-title@high" and date.measured is not None


def test_a_date_mentioned_in_passing_is_not_the_documents_date(text_only):
    report = text_only["003_00bf8023feeb3ada.txt"]
    assert report.date is not None and report.date.iso() == "2019-05-15"


def test_without_a_sidecar_the_press_conference_is_dated_to_the_month_only(text_only):
    address = text_only["001_5053c25469639f1a.txt"]
    assert address.date is not None and address.date.iso() == "2020-06"
    assert address.value("city") is None


def test_without_a_sidecar_the_moscow_remarks_have_no_date(text_only):
    remarks = text_only["002_e61eb7bfdfb8ae4c.txt"]
    assert remarks.date is None
    assert [d.code for d in remarks.diagnostics if d.code == "no-date"] == ["no-date"]


def test_curated_values_are_marked_as_curated(shipped):
    fields = shipped["002_e61eb7bfdfb8ae4c.txt"].fields
    assert fields["date"].origin is Origin.CURATED
    assert fields["date"].line == 3  # the line in the sidecar


def test_a_title_repeated_as_the_first_paragraph_is_shown_once(shipped):
    remarks = shipped["002_e61eb7bfdfb8ae4c.txt"]
    assert remarks.paragraphs[0].text.startswith("Mr Chairman")


def test_numbered_paragraphs_keep_their_numbers(shipped):
    texts = [p.text for p in shipped["002_e61eb7bfdfb8ae4c.txt"].paragraphs]
    assert texts[1].startswith("1. First") and texts[2].startswith("2. Today")
