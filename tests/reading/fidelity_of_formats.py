"""What every format's fidelity test asks of an extraction: the article whole, in order, and
nothing of the furniture."""

from __future__ import annotations

import re

from tests.reading.made import FURNITURE_WORDS, Article

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def missing_paragraphs(article: Article, text: str) -> list[str]:
    """The article's title and paragraphs whose words are not found, each as one run, in
    order, in `text`."""
    haystack = " ".join(words(text))
    missing, position = [], 0
    for paragraph in (article.title, *article.paragraphs):
        needle = " ".join(words(paragraph))
        at = haystack.find(needle, position)
        if at < 0:
            missing.append(paragraph)
        else:
            position = at + len(needle)
    return missing


def furniture_in(text: str) -> set[str]:
    return set(words(text)) & FURNITURE_WORDS
