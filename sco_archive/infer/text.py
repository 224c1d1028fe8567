"""Text helpers shared by the inference rules: matching-safe normalisation, phrases, sentences."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# Same-length replacements only, so an offset in the normalised text is an offset in the original
# and snippets can be cut "as written".
_SAME_LENGTH = (
    ("\u00a0", " "),
    ("\u2007", " "),
    ("\u202f", " "),
    ("\t", " "),
    ("\n", " "),
    ("\r", " "),
    ("\u2019", "'"),
    ("\u2018", "'"),
    ("\u02bc", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u2013", "-"),
    ("\u2014", "-"),
    ("\u2011", "-"),
    ("\u2010", "-"),
)


def norm(text: str) -> str:
    """Whitespace, apostrophes, quotes and dashes made plain, keeping every offset."""
    # str.replace per character is several times faster than str.translate with a dict.
    for old, new in _SAME_LENGTH:
        if old in text:
            text = text.replace(old, new)
    return text


def squash(text: str) -> str:
    return " ".join(text.split())


@lru_cache(maxsize=4096)
def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A case-insensitive whole-word pattern for a phrase whose spaces match any whitespace run."""
    words = [re.escape(norm(w)) for w in phrase.split()]
    body = r"\s+".join(words)
    start = r"(?<![\w-])" if re.match(r"\w", phrase) else ""
    end = r"(?![\w-])" if re.search(r"\w$", phrase) else ""
    return re.compile(start + body + end, re.IGNORECASE)


def alternation(phrases: Iterable[str]) -> str:
    """Phrases as one regex alternation, longest first so that no phrase shadows a longer one."""
    ordered = sorted({p for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(norm(w)) for w in p.split()) for p in ordered)


_SENTENCE_END = re.compile(
    r"(?<![A-Z][a-z])(?<!\b[A-Z])(?<!Mr)(?<!Ms)(?<!Dr)[.!?](?=\s+[\"'(]?[A-Z0-9])"
)


def first_sentence(text: str) -> str:
    """The first sentence (up to 600 characters) of a paragraph.

    A dateline ("ASTANA, June 9. /TASS/.") is not a sentence: the one after it is included.
    """
    end = 0
    while end < 40:
        found = _SENTENCE_END.search(text, end)
        if found is None:
            return text[:600]
        end = found.end()
    return text[: min(end, 600)]


def clip(text: str, start: int, end: int, margin: int = 40) -> str:
    """The original text around [start, end), for a snippet."""
    left = max(0, start - margin)
    right = min(len(text), end + margin)
    return text[left:right].strip()
