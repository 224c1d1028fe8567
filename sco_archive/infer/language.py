"""The document's language (ISO 639-1) from the share of Latin, Cyrillic and CJK letters."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sco_archive.model import Field, Origin, Paragraph

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ENGLISH = re.compile(r"\b(?:the|and|of|to|in|is|that|for|with)\b", re.IGNORECASE)
_SAMPLE = 5_000  # characters: enough to decide (all 286 real documents of bench/eval_corpus)


def infer_language(title: str, title_line: int, paragraphs: Sequence[Paragraph]) -> Field | None:
    text = title
    for paragraph in paragraphs:
        if len(text) >= _SAMPLE:
            break
        text += " " + paragraph.text[:_SAMPLE]
    text = text[:_SAMPLE]
    cjk, cyrillic, latin = (len(p.findall(text)) for p in (_CJK, _CYRILLIC, _LATIN))
    # A Chinese character carries about as much as a word: weigh it against Latin letters.
    total = cjk * 3 + cyrillic + latin
    if total < 20:
        return None
    line = paragraphs[0].line if paragraphs else title_line
    if cjk * 3 / total > 0.3:
        return Field("zh", Origin.TEXT, "script-share", _share(cjk * 3, total), line)
    if cyrillic / total > 0.5:
        return Field("ru", Origin.TEXT, "script-share", _share(cyrillic, total), line)
    words = len(text.split())
    english = len(_ENGLISH.findall(text))
    if latin / total > 0.5 and english and english * 12 > words:
        return Field("en", Origin.TEXT, "script-share", _share(latin, total), line)
    return None


def _share(part: int, total: int) -> float:
    return round(min(0.99, 0.5 + part / total / 2), 2)
