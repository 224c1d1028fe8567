"""infer_fields never raises, whatever the title and text, and returns well-formed Fields."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sco_archive.infer import infer_fields
from sco_archive.model import METADATA_KEYS, Field, Paragraph, PartialDate
from tests.infer.helpers import knowledge

WORDS = st.sampled_from(
    [
        "On",
        "15",
        "May",
        "2019",
        "June",
        "9-10",
        "in",
        "Bishkek",
        "SCO",
        "Secretary-General",
        "'s",
        "Vladimir",
        "Norov",
        "attends",
        "statement",
        "at",
        "the",
        "Meeting",
        "(",
        ")",
        ",",
        "BEIJING",
        "Monday",
        "took place",
        "31",
        "February",
        "2020-06-24",
        "24.06.2020",
        "\u00a0",
        "’",
        "年",
        "月",
        "日",
        "мая",
        "anniversary",
        "19th",
        "via",
        "video",
        "conference",
        "Press release",
    ]
)
PHRASES = st.lists(WORDS, max_size=30).map(" ".join)
TEXTS = st.one_of(st.text(max_size=200), PHRASES)
# What inference may give: every metadata field but the title (read, not inferred) and
# what only a curator supplies.
KEYS = set(METADATA_KEYS) - {"title", "source_url"}


def check(fields: dict) -> None:
    assert set(fields) <= KEYS
    for key, found in fields.items():
        assert isinstance(found, Field) and 0 <= found.confidence <= 1
        if key in ("date", "date_end"):
            assert isinstance(found.value, PartialDate)
            found.value.parse_iso(found.value.iso())  # a real calendar date


@settings(max_examples=300, deadline=None)
@given(title=TEXTS, texts=st.lists(TEXTS, max_size=5))
def test_infer_fields_never_raises_on_arbitrary_text(title, texts):
    paragraphs = [Paragraph(t, i + 2) for i, t in enumerate(texts)]
    check(infer_fields(title, 1, paragraphs, knowledge()))


@settings(max_examples=100, deadline=None)
@given(title=TEXTS, year=st.integers(1990, 2100), month=st.integers(1, 12))
def test_infer_fields_never_raises_with_a_curated_date(title, year, month):
    curated = {"date": PartialDate(year, month), "speaker": "Vladimir Norov"}
    check(infer_fields(title, 1, [Paragraph(title, 3)], knowledge(), curated=curated))
