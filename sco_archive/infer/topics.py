"""Topics from the controlled vocabulary: the few a document is really about, by keyword density.

One mention of a keyword does not make a document about a topic: a 700-word statement names
terrorism, drugs, the pandemic, trade and the UN in passing. A topic is assigned when its
keywords are dense enough for the document's length — a keyword in the title counts three
times, one in the first two paragraphs twice — and only the densest few are kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..knowledge import Knowledge, Topic
from ..model import Field, Origin, Paragraph
from .text import alternation, is_cjk, key_word, norm, word_count

_SCAN_LIMIT = 300_000  # characters: a book-length report is judged by its first ~50,000 words
TITLE_WEIGHT = 3
LEAD_WEIGHT = 2
LEAD_PARAGRAPHS = 2
# Weighted keyword hits per 1,000 words a topic needs: about one sentence in ten on it.
PER_THOUSAND_WORDS = 8.0
MIN_WORDS = 150  # a short text is judged as if it had this many words: two hits, not one
MAX_TOPICS = 4  # a topic page lists documents about it, not every one that touches on it


@lru_cache(maxsize=256)
def _pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    # Acronyms (UN, ICT, RATS) match case-sensitively so that "un" in prose never counts.
    # Chinese has no word boundaries: its keywords match anywhere. One boundary around each
    # alternation, not one per keyword, keeps the engine's search for literals fast.
    chinese = [k for k in keywords if is_cjk(k)]
    upper = [k for k in keywords if k.isupper() and not is_cjk(k)]
    other = [k for k in keywords if not k.isupper() and not is_cjk(k)]
    parts = []
    if other:
        parts.append(rf"(?<![\w-])(?i:{alternation(other)})(?![\w-])")
    if upper:
        parts.append(rf"(?<![\w-])(?:{alternation(upper)})(?![\w-])")
    if chinese:
        parts.append(alternation(chinese))
    return re.compile("|".join(parts))


@dataclass
class _Tally:
    """One topic's evidence in one document."""

    weight: int = 0
    words: Counter[str] = field(default_factory=Counter)  # keyword as written → hits
    line: int | None = None  # where its first keyword is


def infer_topics(
    title: str, title_line: int, paragraphs: Sequence[Paragraph], knowledge: Knowledge
) -> Field | None:
    """The topics whose keywords are densest, at most MAX_TOPICS, in vocabulary order."""
    texts = _texts(title, title_line, paragraphs)
    words = max(MIN_WORDS, sum(word_count(text) for text, _line, _weight in texts[1:]))
    lowered = "\n".join(text for text, _line, _weight in texts).lower()
    scored: list[tuple[float, str, _Tally]] = []
    for topic in (knowledge.topics or {}).values():
        if not any(key_word(keyword) in lowered for keyword in topic.keywords):
            continue  # no keyword can match: skip the regex pass over every paragraph
        tally = _tally(topic, texts)
        density = tally.weight * 1000 / words
        if sum(tally.words.values()) >= topic.min_count and density >= PER_THOUSAND_WORDS:
            scored.append((density, topic.slug, tally))
    if not scored:
        return None
    kept = sorted(scored, key=lambda s: -s[0])[:MAX_TOPICS]
    order = list(knowledge.topics or {})
    kept.sort(key=lambda s: order.index(s[1]))
    strongest = max(kept, key=lambda s: s[0])[2]
    snippet = "; ".join(f"{slug}: {_evidence(tally)}" for _d, slug, tally in kept)
    return Field(
        tuple(slug for _d, slug, _t in kept),
        Origin.TEXT,
        "topic-keyword-density",
        0.7,
        strongest.line,
        snippet,
    )


def _texts(
    title: str, title_line: int, paragraphs: Sequence[Paragraph]
) -> list[tuple[str, int, int]]:
    """(normalised text, line, weight of a hit in it): the title, the lead, the rest."""
    texts = [(norm(title), title_line, TITLE_WEIGHT)]
    budget = _SCAN_LIMIT
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text[:budget]
        budget -= len(text)
        weight = LEAD_WEIGHT if index < LEAD_PARAGRAPHS else 1
        texts.append((norm(text), paragraph.line, weight))
        if budget <= 0:
            break
    return texts


def _tally(topic: Topic, texts: list[tuple[str, int, int]]) -> _Tally:
    pattern = _pattern(topic.keywords)
    tally = _Tally()
    for plain, line, weight in texts:
        for match in pattern.finditer(plain):
            tally.weight += weight
            tally.words[match.group(0)] += 1
            if tally.line is None:
                tally.line = line
    return tally


def _evidence(tally: _Tally) -> str:
    """The words that matched, most frequent first: `terrorist ×6, extremism ×2`."""
    shown = [f"{word} ×{count}" for word, count in tally.words.most_common(4)]
    more = len(tally.words) - len(shown)
    return ", ".join(shown) + (f" +{more} more" if more > 0 else "")
