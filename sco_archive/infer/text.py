"""Text helpers shared by the inference rules: matching-safe normalisation, phrases, sentences."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from opencc import OpenCC

from sco_archive.model import Paragraph
from sco_archive.read.structure import is_furniture

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


@lru_cache(maxsize=512)  # the rules normalise the same title and lead again and again
def norm(text: str) -> str:
    """Whitespace, apostrophes, quotes and dashes made plain, and traditional Chinese characters
    simplified, keeping every offset."""
    # str.replace per character is several times faster than str.translate with a dict.
    for old, new in _SAME_LENGTH:
        if old in text:
            text = text.replace(old, new)
    if _CJK_CHAR.search(text):
        text = text.translate(_simplified())
    return text


@lru_cache(maxsize=1)
def _simplified() -> dict[int, str]:
    """Each traditional character that OpenCC simplifies to one character, and that character.

    A text from Taiwan, Hong Kong or an older Xinhua page writes "上海合作組織" and "張德廣" where
    the knowledge file and the rules write "上海合作组织" and "张德广": matched both through one
    script, they are the same names. Character by character (OpenCC converts each line alone,
    and its phrase table never spans a line break), so that every offset stays.
    """
    chars = [chr(c) for start, end in _CJK_BLOCKS for c in range(start, end)]
    converted = OpenCC("t2s").convert("\n".join(chars)).split("\n")
    return {ord(t): s for t, s in zip(chars, converted, strict=True) if len(s) == 1 and s != t}


CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_BLOCKS = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))
# Chinese writes no spaces between words: a word boundary there would hide every name.
_CJK_CHAR = re.compile(rf"[{CJK}]")
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]{3,}")
# Russian declines names and places ("Чжан Мина", "Нурлана Ермекбаева", "в Бишкеке"): a Cyrillic
# word of a phrase may take a case ending. A form that changes the stem ("Тяньцзинь" →
# "в Тяньцзине") is listed as an alias of its own in the knowledge file.
_CASE_ENDING = r"(?:а|у|ом|ым|ем|е|ой|ы|и|ого|ому|ую)?"


def is_cjk(text: str) -> bool:
    return bool(_CJK_CHAR.search(text))


def as_written(value: str, sources: Iterable[str]) -> str:
    """`value`, cut from a normalised text, in the characters of the source that holds it: a
    venue read from "上海合作組織…會議" stays in traditional characters, as the text writes it."""
    for source in sources:
        for original in (source, without_pinyin(source)):
            at = norm(original).find(value)
            if at >= 0:
                return original[at : at + len(value)]
    return value


_PINYIN = re.compile(rf"(?<=[{CJK}])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)")


def without_pinyin(words: str) -> str:
    """ "吹風(fēng)會(huì)" → "吹風會": some pages gloss characters with their reading."""
    return _PINYIN.sub("", words)


def _word_pattern(word: str) -> str:
    escaped = re.escape(norm(word))
    return escaped + _CASE_ENDING if _CYRILLIC_WORD.fullmatch(word) else escaped


def word_start(phrase: str) -> str:
    """A left word boundary for a phrase, or none when it starts with a Chinese character."""
    # Not inside a word, nor after a hyphen that joins one ("Sary-Arka"); after a dash that
    # opens a line ("—Speech by …", the dash made "-" by norm) a word does start.
    return r"(?<!\w)(?<!\w-)" if re.match(r"\w", phrase) and not is_cjk(phrase[:1]) else ""


def word_end(phrase: str) -> str:
    return r"(?![\w-])" if re.search(r"\w$", phrase) and not is_cjk(phrase[-1:]) else ""


@lru_cache(maxsize=4096)
def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A case-insensitive whole-word pattern for a phrase whose spaces match any whitespace run."""
    body = r"\s+".join(_word_pattern(w) for w in phrase.split())
    return re.compile(word_start(phrase) + body + word_end(phrase), re.IGNORECASE)


@lru_cache(maxsize=4096)
def key_word(phrase: str) -> str:
    """The phrase's longest word, lower-cased: wherever the phrase's pattern matches, this word
    stands as written, so a plain substring test rules most phrases out before any regex runs."""
    return max(norm(phrase).split(), key=len).lower()


def alternation(phrases: Iterable[str]) -> str:
    """Phrases as one regex alternation, longest first so that no phrase shadows a longer one."""
    ordered = sorted({p for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(_word_pattern(w) for w in p.split()) for p in ordered)


def bounded_alternation(phrases: Iterable[str]) -> str:
    """Like `alternation`, each phrase with the word boundaries that fit its script."""
    ordered = sorted({p for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(
        word_start(p) + r"\s+".join(_word_pattern(w) for w in p.split()) + word_end(p)
        for p in ordered
    )


def word_count(text: str) -> int:
    """Words, counting two Chinese characters as one word (Chinese has no spaces)."""
    cjk = len(_CJK_CHAR.findall(text))
    return len(text.split()) + cjk // 2


_SENTENCE_END = re.compile(
    r"(?<![A-Z][a-z])(?<!\b[A-Z])(?<!Mr)(?<!Ms)(?<!Dr)(?<!Jan)(?<!Feb)(?<!Aug)(?<!Sept)(?<!Sep)"
    r"(?<!Oct)(?<!Nov)(?<!Dec)[.!?](?=\s+[\"'(]?[A-Z0-9\u0410-\u042f])|[。！？]"
)


@lru_cache(maxsize=512)  # every rule reads the lead's first sentence
def first_sentence(text: str) -> str:
    """The first sentence (up to 600 characters) of a paragraph.

    A dateline ("ASTANA, June 9. /TASS/.") is not a sentence: the one after it is included.
    """
    end = 0
    while end < 40 or _inside_quotes(text, end):
        found = _SENTENCE_END.search(text, end)
        if found is None:
            return text[:600]
        end = found.end()
    return text[: min(end, 600)]


def _inside_quotes(text: str, at: int) -> bool:
    """A full stop inside «…» ends a quoted title, not the sentence around it."""
    before = text[:at]
    return before.count("«") > before.count("»")


def clip(text: str, start: int, end: int, margin: int = 40) -> str:
    """The original text around [start, end), for a snippet: whole words only, "…" where the
    text goes on."""
    left = max(0, start - margin)
    right = min(len(text), end + margin)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    snippet = text[left:right].strip()
    return ("… " if left > 0 else "") + snippet + (" …" if right < len(text) else "")


_LONGEST_FURNITURE = 400  # characters: a longer paragraph is prose, whatever else it holds
_LEAD_LINES = 6  # a stamp, a dateline, a photo and its caption may stand before the prose


def lead_paragraphs(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """The first paragraph with prose, and the short lines before it (dateline, date, photo)."""
    lead: list[Paragraph] = []
    for paragraph in paragraphs[:_LEAD_LINES]:
        lead.append(paragraph)
        if is_prose(paragraph.text):
            break
    return lead


def is_prose(text: str) -> bool:
    # A breadcrumb or a row of links may be long, but is no prose (nor so long as this).
    return word_count(text) > 12 and (len(text) > _LONGEST_FURNITURE or not is_furniture(text))


_HAS_SENTENCES = re.compile(r"[.。!！?？]")


def opening_paragraphs(
    paragraphs: Sequence[Paragraph], prose: int = 3, most: int = 12
) -> list[Paragraph]:
    """The text's opening: its first `prose` paragraphs of prose, with the furniture and
    short lines before and between them (however much of it a web page puts first)."""
    opening: list[Paragraph] = []
    for paragraph in paragraphs[:most]:
        opening.append(paragraph)
        # A headline repeated under the page's title is no prose: prose has sentences.
        prose -= is_prose(paragraph.text) and _HAS_SENTENCES.search(paragraph.text) is not None
        if prose == 0:
            break
    return opening


def title_is_lead(title: str) -> bool:
    """A first line taken for the title that is the text's first sentence: a page stored
    without its headline. It is long and ends as prose does, or runs on past a sentence."""
    title = title.strip()
    if word_count(title) <= 12:
        return False
    return title[-1:] in ".。!！?？,，:：;；" or first_sentence(title) != title


# An archive's record states its fields by name: "[Place] Astana [Date] October 30, 2008",
# "Date: 15 June 2001", "Место: …", "日期：…". What follows a field's name is its value.
_RECORD_FIELD = r"(?:^|(?<=\s))(?:\[\s*(?:{names})\s*\]|(?:{names})\s*[:：])\s*"
RECORD_DATE = re.compile(_RECORD_FIELD.format(names=r"Date|Dated|Дата|日期|时间"), re.IGNORECASE)
RECORD_PARAGRAPHS = 8  # a record's fields stand above its text
RECORD_PLACE = re.compile(
    _RECORD_FIELD.format(names=r"Place|Venue|Location|Место(?:\s+проведения)?|地点"), re.IGNORECASE
)
