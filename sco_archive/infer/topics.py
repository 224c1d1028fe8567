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

from ahocorasick_rs import AhoCorasick

from sco_archive.infer.text import is_cjk, key_word, norm, word_count
from sco_archive.knowledge import Knowledge, Topic
from sco_archive.model import Field, Origin, Paragraph

_SCAN_LIMIT = 300_000  # characters: a book-length report is judged by its first ~50,000 words
TITLE_WEIGHT = 3
LEAD_WEIGHT = 2
LEAD_PARAGRAPHS = 2
# Weighted keyword hits per 1,000 words a topic needs: about one sentence in ten on it.
PER_THOUSAND_WORDS = 8.0
MIN_WORDS = 150  # a short text is judged as if it had this many words: two hits, not one
MAX_TOPICS = 4  # a topic page lists documents about it, not every one that touches on it


# Russian declines keywords as it declines names (text._CASE_ENDING): the endings, in the order
# a regex would try them.
_ENDINGS = ("а", "у", "ом", "ым", "ем", "е", "ой", "ы", "и", "ого", "ому", "ую")
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]{3,}$")


class _Keywords:
    """One topic's keywords, found in one pass (Aho–Corasick) and chosen as a regex alternation
    of them, longest first, would choose, each with the word boundaries of its script: none in
    Chinese, Russian case endings, acronyms (UN, ICT) only in capitals."""

    def __init__(self, keywords: Sequence[str]):
        self.keywords = tuple(keywords)
        keys = [" ".join(k.lower().split()) for k in self.keywords]
        self.automaton = AhoCorasick(keys)

    def found_in(self, text: str) -> list[str]:
        """Every keyword in `text` (whitespace already folded), as the text writes it."""
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lower case is longer: keep offsets
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        # Every occurrence, overlapping; then, as a regex alternation would: leftmost first, the
        # longest keyword that fits its boundaries, and on after it.
        candidates = sorted(
            self.automaton.find_matches_as_indexes(lowered, overlapping=True),
            key=lambda m: (m[1], m[1] - m[2]),
        )
        found, taken = [], 0
        for index, start, end in candidates:
            if start < taken:
                continue
            end = self._end(self.keywords[index], text, lowered, start, end)
            if end is not None:
                found.append(text[start:end])
                taken = end
        return found

    @staticmethod
    def _end(keyword: str, text: str, lowered: str, start: int, end: int) -> int | None:
        if is_cjk(keyword):
            return end
        if keyword.isupper() and text[start:end] != keyword:
            return None
        if start > 0 and _word_char(lowered[start - 1]):
            return None
        if _CYRILLIC_WORD.search(keyword):
            for ending in _ENDINGS:
                after = end + len(ending)
                if lowered.startswith(ending, end) and not _word_char_at(lowered, after):
                    return after
        return None if _word_char_at(lowered, end) else end


def _word_char(char: str) -> bool:
    return char.isalnum() or char in "_-"


def _word_char_at(text: str, index: int) -> bool:
    return index < len(text) and _word_char(text[index])


@lru_cache(maxsize=256)
def _keywords(keywords: tuple[str, ...]) -> _Keywords:
    return _Keywords(keywords)


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
    texts = [(" ".join(norm(title).split()), title_line, TITLE_WEIGHT)]
    budget = _SCAN_LIMIT
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text[:budget]
        budget -= len(text)
        weight = LEAD_WEIGHT if index < LEAD_PARAGRAPHS else 1
        texts.append((" ".join(norm(text).split()), paragraph.line, weight))
        if budget <= 0:
            break
    return texts


def _tally(topic: Topic, texts: list[tuple[str, int, int]]) -> _Tally:
    keywords = _keywords(topic.keywords)
    tally = _Tally()
    for plain, line, weight in texts:
        for word in keywords.found_in(plain):
            tally.weight += weight
            tally.words[word] += 1
            if tally.line is None:
                tally.line = line
    return tally


def _evidence(tally: _Tally) -> str:
    """The words that matched, most frequent first: `terrorist ×6, extremism ×2`."""
    shown = [f"{word} ×{count}" for word, count in tally.words.most_common(4)]
    more = len(tally.words) - len(shown)
    return ", ".join(shown) + (f" +{more} more" if more > 0 else "")
