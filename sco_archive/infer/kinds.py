"""The document's kind (statement, speech, news, report …) from its title, then its lead."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..knowledge import Knowledge
from ..model import Field, Origin, Paragraph
from .text import clip, norm, phrase_pattern

NEWS = "news"
INTERVIEW = "interview"
NO_SPEAKER = frozenset({"report", "press release", "declaration"})


def title_kind(title: str, knowledge: Knowledge) -> tuple[str, re.Match[str]] | None:
    """The kind whose signal phrase occurs first in the title (ties: lexicon order)."""
    plain = unquoted(norm(title))
    best: tuple[int, int, str, re.Match[str]] | None = None
    for order, signal in enumerate(knowledge.kinds):
        for phrase in signal.title:
            match = phrase_pattern(phrase).search(plain)
            if match is None:
                continue
            candidate = (match.start(), order, signal.kind, match)
            if best is None or candidate[:2] < best[:2]:
                best = candidate
    if best is not None and best[2] == NEWS:
        # "Zhang Ming gives interview to CGTN" is the interview itself, not news about one.
        interview = _signal(plain, knowledge, INTERVIEW)
        if interview is not None:
            return INTERVIEW, interview
    return (best[2], best[3]) if best else None


_QUOTED = re.compile(r'"[^"]*"|«[^»]*»')


def unquoted(plain: str) -> str:
    """Quoted words blanked out (same length): "Norov: “Chairmanship gives impetus”" has no verb."""
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), plain)


def _signal(plain: str, knowledge: Knowledge, kind: str) -> re.Match[str] | None:
    for signal in knowledge.kinds:
        if signal.kind == kind:
            for phrase in signal.title:
                match = phrase_pattern(phrase).search(plain)
                if match is not None:
                    return match
    return None


def infer_kind(
    title: str, title_line: int, paragraphs: Sequence[Paragraph], knowledge: Knowledge
) -> Field | None:
    found = title_kind(title, knowledge)
    if found is not None:
        kind, match = found
        return Field(
            kind, Origin.TITLE, "kind-in-title", 0.9, title_line, clip(title, *match.span())
        )
    return (
        _lead_kind(paragraphs, knowledge)
        or _byline_article(paragraphs)
        or _name_colon_title(title, title_line)
    )


# "By Rashid Alimov" under a title that names no form: an article, most likely. A news agency's
# byline ("by Xinhua writers Zhang Hao, Liu Lu") names reporters, not an author.
_BYLINE = re.compile(
    r"^\W*By\s+(?![^\n]*\b(?:writers?|reporters?|correspondents?|staff|Xinhua|TASS|APP)\b)"
    r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}\s*$"
)


def _byline_article(paragraphs: Sequence[Paragraph]) -> Field | None:
    for paragraph in paragraphs[:2]:
        if _BYLINE.match(norm(paragraph.text)) is not None:
            snippet = paragraph.text.strip()
            return Field("article", Origin.TEXT, "byline", 0.45, paragraph.line, snippet)
    return None


# "Rashid Alimov: SCO agenda is an agenda for development" heads an interview (or an article).
_NAME_COLON = re.compile(r"^\W*[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}\s*:\s+\S")


def _name_colon_title(title: str, title_line: int) -> Field | None:
    match = _NAME_COLON.match(norm(title))
    if match is None:
        return None
    snippet = title[: match.end()]
    return Field(INTERVIEW, Origin.TITLE, "name-colon-title", 0.4, title_line, snippet)


def _lead_kind(paragraphs: Sequence[Paragraph], knowledge: Knowledge) -> Field | None:
    for paragraph in paragraphs[:2]:
        plain = norm(paragraph.text)[:300]
        for signal in knowledge.kinds:
            for phrase in signal.lead:
                match = phrase_pattern(phrase).search(plain)
                if match is not None:
                    snippet = clip(paragraph.text, *match.span())
                    # A reporting verb or an interview's questions are strong signs; a salutation
                    # only suggests a speech (statements and remarks open the same way).
                    confidence = 0.45 if signal.kind == "speech" else 0.6
                    return Field(
                        signal.kind,
                        Origin.TEXT,
                        "kind-in-lead",
                        confidence,
                        paragraph.line,
                        snippet,
                    )
    return None
