"""Related documents: the same event or day first, then the nearest texts by TF-IDF cosine."""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict

from .model import Document, PartialDate

RELATED = 5  # links shown under a speech
TOP_TERMS = 40  # each document is represented by its heaviest terms only: O(N·k), not O(N²)
CHAMPIONS = 64  # per term, only the documents it weighs most in are candidates (champion lists)

_WORD = re.compile(r"[^\W\d_]{3,}")
_STOPWORD_TEXT = """
the and for that with this from are was were have has had not but its our their they
    which will would been also all can into more other than these those such there who whom
    what when where while about between within upon over under very shall should may might
    must could being each any both one two his her him she them you your yours ours out off
    only own same some then thus too per via ltd mr mrs ms dear ladies gentlemen
colleagues"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def tokens(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.casefold()) if w not in _STOPWORDS]


def _vectors(texts: list[str]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors (sublinear tf), each cut to its TOP_TERMS heaviest terms."""
    counts = [Counter(tokens(t)) for t in texts]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(texts)
    vectors = []
    for c in counts:
        # A term found in one document only can match nothing: leave it out of the top terms.
        weights = {
            t: (1 + math.log(k)) * math.log((1 + n) / (1 + df[t]))
            for t, k in c.items()
            if df[t] > 1
        }
        top = heapq.nsmallest(TOP_TERMS, weights.items(), key=lambda tw: (-tw[1], tw[0]))
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        vectors.append({t: w / norm for t, w in top if w > 0})
    return vectors


def similar(texts: list[str], k: int = RELATED) -> list[list[tuple[int, float]]]:
    """For each text, up to `k` others as (index, cosine), most similar first.

    Cosine over truncated vectors, accumulated through an inverted index of the top terms.
    """
    vectors = _vectors(texts)
    postings: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        for term, weight in vector.items():
            postings[term].append((weight, i))
    # Each term keeps its CHAMPIONS heaviest documents: the work per document is bounded by
    # TOP_TERMS × CHAMPIONS whatever the corpus size, so the whole pass is O(N).
    champions = {
        t: heapq.nsmallest(CHAMPIONS, p, key=lambda wi: (-wi[0], wi[1]))
        for t, p in postings.items()
    }
    result = []
    for i, vector in enumerate(vectors):
        scores: dict[int, float] = defaultdict(float)
        for term, weight in vector.items():
            for other, j in champions[term]:
                if j != i:
                    scores[j] += weight * other
        best = heapq.nsmallest(k, scores.items(), key=lambda js: (-round(js[1], 9), js[0]))
        result.append([(j, round(s, 4)) for j, s in best if s > 0])
    return result


def _day(date: PartialDate | None) -> str | None:
    return date.iso() if date is not None and date.day is not None else None


def _event(document: Document) -> tuple[str, str] | None:
    """Documents at one venue in the same month (or on the same day) are one event."""
    venue, date = document.value("venue"), document.date
    if not venue or date is None or date.month is None:
        return None
    return (venue.casefold(), f"{date.year:04d}-{date.month:02d}")


def related(documents: list[Document], k: int = RELATED) -> list[list[tuple[int, str]]]:
    """For each document (in the given order), up to `k` related ones as (index, reason).

    Reasons: `same event`, `same day`, then `similar text`.
    """
    by_event: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_day: dict[str, list[int]] = defaultdict(list)
    for i, document in enumerate(documents):
        if (event := _event(document)) is not None:
            by_event[event].append(i)
        if (day := _day(document.date)) is not None:
            by_day[day].append(i)
    texts = ["\n".join(p.text for p in d.paragraphs) + "\n" + d.title for d in documents]
    nearest = similar(texts, k)
    result = []
    for i, document in enumerate(documents):
        chosen: list[tuple[int, str]] = []
        event, day = _event(document), _day(document.date)
        candidates = [
            *((j, "same event") for j in (by_event[event][: k + 1] if event else [])),
            *((j, "same day") for j in (by_day[day][: k + 1] if day else [])),
            *((j, "similar text") for j, _ in nearest[i]),
        ]
        for j, reason in candidates:
            if j != i and j not in {c for c, _ in chosen} and len(chosen) < k:
                chosen.append((j, reason))
        result.append(chosen)
    return result
