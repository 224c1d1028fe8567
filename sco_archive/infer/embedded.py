"""What a file says of itself (page metadata) weighed against what its text says, field by field.

A web page's `article:published_time`, `<html lang>` or `og:title`, a PDF's /Title or running
header, a Word file's properties (read/html.py, pdf.py, docx.py) are candidates like any rule's,
with their origin as the rule ("html-meta: article:published_time"). The text's own candidate
wins when its measured confidence is at least the page's; the loser is kept as a runner-up
(`Field.considered`), so `check` shows both. A page value is the value only where the text is
silent or measured less sure.

No page evidence has been measured on labelled documents yet (bench/eval_corpus holds text
only): its confidences below are judgements, kept under 0.8 so that they are never stated as
sure, and calibration caps them all the same (infer/calibration.py, UNMEASURED_CAP).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace

from sco_archive.infer.calibration import Calibration, chosen
from sco_archive.infer.date_grammar import find_dates
from sco_archive.model import Field, Origin, PageEvidence, PartialDate

# Judged, not measured (see above): a site's own tag is usually right about its page's date and
# language, less often about the document's headline; a byline names a writer, who is the
# speaker only of an article; a date in a PDF's running header is an issue's date at best.
_CONFIDENCE = {
    "html-meta": 0.6,
    "pdf": 0.55,
    "docx": 0.55,
    "htmldate": 0.5,
}
_BYLINE_CONFIDENCE = 0.4  # a guess: shown as one
_HEADER_DATE_CONFIDENCE = 0.45
# Kinds whose author is the one who speaks in them.
_AUTHORED_KINDS = {"article"}
_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_LANGUAGE = re.compile(r"^([a-z]{2})(?:[-_][A-Za-z0-9]+)*$")


def page_fields(
    evidence: Sequence[PageEvidence], *, kind: str | None, speaker_named: bool
) -> Iterator[tuple[str, Field]]:
    """Each page value as a candidate Field for its field, surest evidence first."""
    for item in evidence:
        found = _candidate(item, kind=kind, speaker_named=speaker_named)
        if found is not None:
            yield found


def _candidate(
    item: PageEvidence, *, kind: str | None, speaker_named: bool
) -> tuple[str, Field] | None:
    confidence = _CONFIDENCE.get(item.origin.split(":", 1)[0], 0.5)
    if item.key == "published":
        date = _iso_date(item.value)
        return None if date is None else ("published", _field(date, item, confidence))
    if item.key == "header":  # "Bulletin No. 12 · 24 June 2020"
        dates = [m.date for m in find_dates(item.value) if m.date is not None]
        if len(dates) != 1:
            return None
        return "published", _field(dates[0], item, _HEADER_DATE_CONFIDENCE)
    if item.key == "language":
        code = _LANGUAGE.match(item.value.strip().casefold().replace("_", "-"))
        return None if code is None else ("language", _field(code.group(1), item, confidence))
    if item.key == "source_url" and item.value.startswith(("http://", "https://")):
        return "source_url", _field(item.value, item, confidence)
    if item.key == "byline" and kind in _AUTHORED_KINDS and not speaker_named:
        return "speaker", _field(item.value, item, _BYLINE_CONFIDENCE)
    return None


def _field(value: object, item: PageEvidence, confidence: float) -> Field:
    return Field(value, Origin.PAGE, item.origin, confidence, None, item.value)


def _iso_date(text: str) -> PartialDate | None:
    """`2019-04-25T09:00:00+03:00` → 2019-04-25: the day the page gives, in its own zone."""
    match = _ISO.match(text)
    if match is None:
        return None
    try:
        return PartialDate.parse_iso("-".join(g for g in match.groups() if g))
    except ValueError:
        return None


def with_page_evidence(
    found: Mapping[str, Field],
    evidence: Sequence[PageEvidence],
    calibration: Calibration,
) -> dict[str, Field]:
    """`found` (the text's values, calibrated) with the page's candidates weighed in."""
    result = dict(found)
    kind = found["kind"].value if "kind" in found else None
    candidates = page_fields(evidence, kind=kind, speaker_named="speaker" in found)
    for key, candidate in candidates:
        result[key] = weigh(key, result.get(key), chosen(key, candidate, calibration))
    return result


def weigh(key: str, text: Field | None, page: Field) -> Field:
    """The surer of the two, the other kept as a runner-up; the text's on a tie."""
    if text is None:
        return page
    if _same(text.value, page.value):
        return text  # the page agrees: the value stands on its first evidence
    if text.confidence >= page.confidence:
        return replace(text, considered=(*text.considered, page))
    return replace(page, considered=(text, *text.considered))


def _same(a: object, b: object) -> bool:
    return str(a).casefold() == str(b).casefold()


def page_title(evidence: Sequence[PageEvidence], calibration: Calibration) -> Field | None:
    """A title from the file's own metadata (og:title, a PDF's /Title, a Word file's title
    property), for a text with no title line: the first one stated, surest tag first."""
    for item in evidence:
        if item.key == "title" and item.value.strip():
            confidence = _CONFIDENCE.get(item.origin.split(":", 1)[0], 0.5)
            return chosen("title", _field(item.value.strip(), item, confidence), calibration)
    return None
