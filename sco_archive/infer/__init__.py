"""Metadata inference: rules per field, combined by `infer_fields`; confidences as measured."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sco_archive.infer.calibration import Calibration, chosen, load_calibration
from sco_archive.infer.dates import infer_date, latest_mentioned
from sco_archive.infer.embedded import with_page_evidence
from sco_archive.infer.kinds import infer_kind
from sco_archive.infer.language import infer_language
from sco_archive.infer.people import infer_people
from sco_archive.infer.places import infer_city, infer_venue
from sco_archive.infer.text import without_pinyin
from sco_archive.infer.topics import infer_topics
from sco_archive.knowledge import Knowledge
from sco_archive.model import GUESS_BELOW, Field, Origin, PageEvidence, Paragraph, PartialDate

__all__ = ["infer_fields"]


def infer_fields(
    title: str,
    title_line: int,
    paragraphs: Sequence[Paragraph],
    knowledge: Knowledge,
    *,
    curated: Mapping[str, Any] = {},
    filename: str = "",
    calibration: Calibration | None = None,
    page_evidence: Sequence[PageEvidence] = (),
) -> dict[str, Field]:
    """Infer date, date_end, speaker, speaker_role, venue, city, kind, topics, language.

    Values are what the text says; `curated` values are only inputs to rules that depend on
    another field (an office-only speaker needs the date). A key is absent when the text is silent.
    `page_evidence`, what the file says of itself (a web page's meta tags), is weighed against
    the text's values afterwards (infer/embedded.py): a candidate, never an override.
    """
    # Some Chinese pages gloss characters with their reading ("吹風(fēng)會(huì)"); the rules read
    # the words. The page itself keeps every gloss: only what inference reads drops them.
    title = without_pinyin(title or "")
    paragraphs = [Paragraph(without_pinyin(p.text), p.line) for p in paragraphs]
    found: dict[str, Field | None] = {}
    dates = infer_date(title, title_line, paragraphs, curated, filename, knowledge)
    found["date"], found["date_end"] = dates.date, dates.date_end
    found["published"] = dates.published
    found["notes"] = _note_for_date(dates.date)
    kind = infer_kind(title, title_line, paragraphs, knowledge)
    found["kind"] = kind
    kind_value = _text(curated.get("kind")) or (kind.value if kind else None)
    date, era = _dates_for_offices(curated, found["date"], paragraphs)
    found["speaker"], found["speaker_role"] = infer_people(
        title, title_line, paragraphs, knowledge, kind=kind_value, date=date, era=era
    )
    found["speaker_role"] = _role_for_curated_speaker(
        curated, found["speaker"], found["speaker_role"], knowledge, date or era
    )
    venue = infer_venue(title, title_line, paragraphs, knowledge, kind=kind_value)
    found["venue"] = venue
    found["city"] = infer_city(title, title_line, paragraphs, knowledge, venue=venue)
    found["topics"] = infer_topics(title, title_line, paragraphs, knowledge)
    found["language"] = infer_language(title, title_line, paragraphs)
    # Rules compare their own raw strengths above; what leaves inference is measured precision.
    calibration = calibration or load_calibration()
    measured = {
        key: chosen(key, value, calibration) for key, value in found.items() if value is not None
    }
    return with_page_evidence(measured, page_evidence, calibration)


# Rules whose date is the page's, not the event's: the reader is told so on the page.
_PUBLICATION_RULES = {
    "publication-stamp": "Date of publication: the text does not say when it happened.",
    "date-in-file-name": "Date from the file name: the text does not say when it happened.",
}


def _note_for_date(date: Field | None) -> Field | None:
    if date is None or date.rule not in _PUBLICATION_RULES:
        return None
    note = _PUBLICATION_RULES[date.rule]
    return Field(note, date.origin, "note-on-date", date.confidence, date.line, date.snippet)


def _dates_for_offices(
    curated: Mapping[str, Any], inferred: Field | None, paragraphs: Sequence[Paragraph]
) -> tuple[PartialDate | None, PartialDate | None]:
    """(date, era) for resolving an office to its holder: a sure date, or only a hint of one."""
    date = curated.get("date")
    if isinstance(date, PartialDate):
        return date, None
    if inferred is not None and inferred.confidence >= GUESS_BELOW:
        return inferred.value, None
    # A guessed date names the holder only as a guess: pass it on as the era, not as the date.
    return None, inferred.value if inferred is not None else latest_mentioned(paragraphs)


def _role_for_curated_speaker(
    curated: Mapping[str, Any],
    speaker: Field | None,
    role: Field | None,
    knowledge: Knowledge,
    date: PartialDate | None,
) -> Field | None:
    """The role must fit the speaker shown: a curated speaker the text doesn't name takes theirs
    from the office-holder table, never the role of the person the text names."""
    name = _text(curated.get("speaker"))
    if name is None or (speaker is not None and speaker.value == name):
        return role
    terms = knowledge.offices_of(name)
    if date is not None:
        terms = [t for t in terms if t.held_on(date)]
    if len(terms) != 1:
        return None
    return Field(terms[0].role, Origin.KNOWLEDGE, "role-of-curated-speaker", 0.7, None, name)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
