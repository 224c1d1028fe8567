"""Related documents: the same event or day first, then the nearest texts by TF-IDF cosine."""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from itertools import chain

import numpy as np
import scipy.sparse as sp

from sco_archive.model import Document, PartialDate

RELATED = 5  # links shown under a speech
TOP_TERMS = 40  # each document is represented by its heaviest terms only: O(N·k), not O(N²)
CHAMPIONS = 64  # per term, only the documents it weighs most in are candidates (champion lists)
BATCH = 1024  # documents scored at once: bounds the memory of the score matrix

_WORD = re.compile(r"[^\W\d_]{3,}")
_STOPWORD_TEXT = """
the and for that with this from are was were have has had not but its our their they
    which will would been also all can into more other than these those such there who whom
    what when where while about between within upon over under very shall should may might
    must could being each any both one two his her him she them you your yours ours out off
    only own same some then thus too per via ltd mr mrs ms dear ladies gentlemen
colleagues"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
# bytes.translate table: ASCII letters lower-cased, every other ASCII byte a space, and the
# bytes of non-ASCII characters (always >= 0x80 in UTF-8) kept as they are.
_ASCII_CUT = bytes(
    b if b >= 0x80 else ord(chr(b).lower()) if chr(b).isalpha() else ord(" ") for b in range(256)
)


def tokens(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.casefold()) if w not in _STOPWORDS]


def _pieces(text: str) -> list[bytes]:
    """The text cut (in C) at every ASCII non-letter: its tokens are its pieces' tokens.

    No word crosses an ASCII non-letter, before or after case-folding (which maps each
    character on its own), so the regex in `tokens` need only see each distinct piece once.
    """
    return text.encode("utf-8", "surrogatepass").translate(_ASCII_CUT).split()


def _ones(lengths: list[int], columns: np.ndarray, width: int) -> sp.csr_matrix:
    """Rows of 1s: row i has a 1 in each of its next `lengths[i]` columns; repeats add up.

    The repeats are left stored: a matrix product sums them anyway, and sorting them out of
    millions of entries would cost more than the product.
    """
    indptr = np.cumsum([0, *lengths])
    data = np.ones(len(columns), np.int32)
    return sp.csr_matrix((data, columns, indptr), shape=(len(lengths), width))


def _counts(texts: list[str]) -> tuple[sp.csr_matrix, list[str]]:
    """Term counts, one row per text, and the terms of its columns, in sorted order."""
    # A dict that numbers each new key as it is first looked up: with `map`, the millions of
    # pieces in a large corpus are numbered in C without ever meeting Python code.
    numbers: defaultdict[bytes, int] = defaultdict()
    numbers.default_factory = numbers.__len__
    in_text = []
    for text in texts:
        pieces = _pieces(text)
        in_text.append(np.fromiter(map(numbers.__getitem__, pieces), np.int32, len(pieces)))
    # Each distinct piece is tokenised once, not once for every time it occurs.
    piece_terms = [tokens(p.decode("utf-8", "surrogatepass")) for p in numbers]
    vocabulary = sorted(set(chain.from_iterable(piece_terms)))
    column = dict(zip(vocabulary, range(len(vocabulary)), strict=True))
    term_columns = np.fromiter(map(column.__getitem__, chain.from_iterable(piece_terms)), np.int32)
    terms_of_piece = _ones(list(map(len, piece_terms)), term_columns, len(vocabulary))
    piece_columns = np.concatenate(in_text) if in_text else np.zeros(0, np.int32)
    pieces_of_text = _ones(list(map(len, in_text)), piece_columns, len(numbers))
    return pieces_of_text @ terms_of_piece, vocabulary


class TermNumbers:
    """A number for every term counted so far. Each document's term counts are remembered
    on it under these numbers: `serve` keeps one TermNumbers from one rebuild to the next,
    so that a rebuild counts the terms of the documents it has not seen before only."""

    def __init__(self) -> None:
        self.terms: list[str] = []
        self._number: dict[str, int] = {}

    def of(self, terms: list[str]) -> np.ndarray:
        for term in terms:
            if term not in self._number:
                self._number[term] = len(self.terms)
                self.terms.append(term)
        return np.fromiter(map(self._number.__getitem__, terms), np.int32, len(terms))


def _text(document: Document) -> str:
    return "\n".join(p.text for p in document.paragraphs) + "\n" + document.title


def term_counts(documents: list[Document], numbers: TermNumbers) -> sp.csr_matrix:
    """Term counts: one row per document, one column per term, columns in sorted term order.

    The same matrix whichever documents were counted before under `numbers`.
    """
    missing = [d for d in documents if numbers not in d.derived]
    if missing:
        counts, vocabulary = _counts([_text(d) for d in missing])
        counts.sum_duplicates()  # each row in term order, which no later term can change
        term_number = numbers.of(vocabulary)
        for row, document in enumerate(missing):
            span = slice(counts.indptr[row], counts.indptr[row + 1])
            document.derived[numbers] = (term_number[counts.indices[span]], counts.data[span])
    rows = [d.derived[numbers] for d in documents]
    found = np.concatenate([r[0] for r in rows]) if rows else np.zeros(0, np.int32)
    is_present = np.zeros(len(numbers.terms), bool)
    is_present[found] = True
    present = np.flatnonzero(is_present)  # the numbers of these documents' terms
    by_term = sorted(
        range(len(present)), key=[numbers.terms[t] for t in present.tolist()].__getitem__
    )
    column = np.full(len(numbers.terms), -1, np.int32)  # term number → column, if present
    column[present[by_term]] = np.arange(len(present), dtype=np.int32)
    matrix = sp.csr_matrix(
        (
            np.concatenate([r[1] for r in rows]) if rows else np.zeros(0, np.int32),
            column[found],
            np.cumsum([0, *(len(r[0]) for r in rows)]),
        ),
        shape=(len(documents), len(present)),
    )
    # Canonical, like the count of all documents at once: each row in term order, once each.
    matrix.has_canonical_format = True
    return matrix


def _heaviest(matrix: sp.csr_matrix, k: int) -> sp.csr_matrix:
    """Each row cut to its `k` largest entries; of equal ones, those in the lowest columns.

    Expects no stored zeros (a zero is how an entry is dropped) and no repeated columns.
    """
    matrix = matrix.copy()
    lengths = np.diff(matrix.indptr)
    for row in np.flatnonzero(lengths > k).tolist():
        span = slice(matrix.indptr[row], matrix.indptr[row + 1])
        values, columns = matrix.data[span], matrix.indices[span]  # views: edits go through
        cut = np.partition(values, len(values) - k)[len(values) - k]  # the k-th largest
        keep = values > cut
        tied = np.flatnonzero(values == cut)
        keep[tied[np.argsort(columns[tied])][: k - np.count_nonzero(keep)]] = True
        values[~keep] = 0
    matrix.eliminate_zeros()
    return matrix


def _vectors(counts: sp.csr_matrix) -> sp.csr_matrix:
    """Unit-length TF-IDF rows (sublinear tf), each cut to its TOP_TERMS heaviest terms.

    Terms are columns in sorted order, so equal weights are broken by term, as before.
    """
    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((1 + n) / (1 + df))
    # A term found in one document only can match nothing: leave it out of the top terms.
    # One found in every document weighs nothing (idf 0) and is dropped with the zeros.
    idf[df < 2] = 0
    tf_idf = (1 + np.log(counts.data)) * idf[counts.indices]
    weights = sp.csr_matrix((tf_idf, counts.indices, counts.indptr), shape=counts.shape)
    weights.eliminate_zeros()
    top = _heaviest(weights, TOP_TERMS)
    norms = np.sqrt(np.asarray(top.multiply(top).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1 / norms) @ top)


def _best(others: np.ndarray, scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The `k` highest scores as (index, score), ranked by (-round(score, 9), index)."""
    if k <= 0:
        return []
    if len(scores) > k:
        cut = np.partition(scores, len(scores) - k)[len(scores) - k]
        # Anything that could round to the k-th score's 9 decimals stays a candidate.
        near = scores >= cut - 1e-8
        others, scores = others[near], scores[near]
    pairs = zip(others.tolist(), scores.tolist(), strict=True)
    best = heapq.nsmallest(k, pairs, key=lambda js: (-round(js[1], 9), js[0]))
    return [(j, round(s, 4)) for j, s in best if s > 0]


def _nearest(counts: sp.csr_matrix, k: int) -> list[list[tuple[int, float]]]:
    """For each row of term counts, up to `k` others as (index, cosine), most similar first.

    Cosine over truncated vectors, accumulated through champion lists of the top terms.
    """
    vectors = _vectors(counts)
    # Each term keeps its CHAMPIONS heaviest documents: the work per document is bounded by
    # TOP_TERMS × CHAMPIONS whatever the corpus size, so the whole pass is O(N).
    champions = _heaviest(sp.csr_matrix(vectors.T), CHAMPIONS)
    result = []
    for start in range(0, vectors.shape[0], BATCH):
        scores = vectors[start : start + BATCH] @ champions
        # Every text is its own best match: drop it (scores are positive, a zero is dropped).
        rows = np.repeat(np.arange(start, start + scores.shape[0]), np.diff(scores.indptr))
        scores.data[scores.indices == rows] = 0
        scores.eliminate_zeros()
        for row in range(scores.shape[0]):
            span = slice(scores.indptr[row], scores.indptr[row + 1])
            result.append(_best(scores.indices[span], scores.data[span], k))
    return result


def _day(date: PartialDate | None) -> str | None:
    return date.iso() if date is not None and date.day is not None else None


def _event(document: Document) -> tuple[str, str] | None:
    """Documents at one venue in the same month (or on the same day) are one event."""
    venue, date = document.value("venue"), document.date
    if not venue or date is None or date.month is None:
        return None
    return (venue.casefold(), f"{date.year:04d}-{date.month:02d}")


def related(
    documents: list[Document], k: int = RELATED, numbers: TermNumbers | None = None
) -> list[list[tuple[int, str]]]:
    """For each document (in the given order), up to `k` related ones as (index, reason).

    Reasons: `same event`, `same day`, then `similar text`. `numbers`: see TermNumbers.
    """
    events = [_event(d) for d in documents]
    days = [_day(d.date) for d in documents]
    by_event: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_day: dict[str, list[int]] = defaultdict(list)
    for i, (event, day) in enumerate(zip(events, days, strict=True)):
        if event is not None:
            by_event[event].append(i)
        if day is not None:
            by_day[day].append(i)
    nearest = _nearest(term_counts(documents, numbers or TermNumbers()), k)
    result = []
    for i, (event, day) in enumerate(zip(events, days, strict=True)):
        chosen: list[tuple[int, str]] = []
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
