"""Topics from the controlled vocabulary: each topic's keywords counted against its threshold."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..knowledge import Knowledge, Topic
from ..model import Field, Origin, Paragraph
from .text import alternation, clip, norm

_SCAN_LIMIT = 300_000  # characters: a book-length report is judged by its first ~50,000 words


@lru_cache(maxsize=256)
def _pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    # Acronyms (UN, ICT, RATS) match case-sensitively so that "un" in prose never counts.
    upper = [k for k in keywords if k.isupper()]
    other = [k for k in keywords if not k.isupper()]
    parts = []
    if other:
        parts.append(rf"(?i:{alternation(other)})")
    if upper:
        parts.append(alternation(upper))
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])")


def infer_topics(
    title: str, title_line: int, paragraphs: Sequence[Paragraph], knowledge: Knowledge
) -> Field | None:
    """Every topic whose keywords occur `min_count` times, in vocabulary order."""
    texts = []
    budget = _SCAN_LIMIT
    for text, line in [(title, title_line), *((p.text, p.line) for p in paragraphs)]:
        text = text[:budget]
        budget -= len(text)
        texts.append((text, norm(text), line))
        if budget <= 0:
            break
    chosen: list[str] = []
    hits: list[Hit] = []
    for topic in (knowledge.topics or {}).values():
        hit = _first_hit(topic, texts)
        if hit is not None:
            chosen.append(topic.slug)
            hits.append(hit)
    if not chosen:
        return None
    _index, _start, line, snippet = min(hits)  # the keyword met first in reading order
    return Field(tuple(chosen), Origin.TEXT, "topic-keywords", 0.7, line, snippet)


Hit = tuple[int, int, int, str]  # (text index, offset, line, snippet)


def _first_hit(topic: Topic, texts: list[tuple[str, str, int]]) -> Hit | None:
    pattern = _pattern(topic.keywords)
    count = 0
    first: Hit | None = None
    for index, (text, plain, line) in enumerate(texts):
        for match in pattern.finditer(plain):
            count += 1
            first = first or (index, match.start(), line, clip(text, *match.span()))
    return first if count >= topic.min_count else None
