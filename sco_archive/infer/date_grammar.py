"""How texts write a date: the forms of English, Russian and Chinese dates, ranges and year-less
datelines, found with their positions (`find_dates`); which date is *the* date is infer/dates.py's.

Why our own patterns and not a date library: python-dateutil's parser reads one date string
well, but its fuzzy mode turns any number into a date and says neither where in the text the
date was nor how precise it is; dateparser's `search_dates` finds dates in many languages but
has the same blind spots (and "2020" alone becomes a full date). Choosing *the* date needs the
position of each date (the words before and after it say "signed on", "the next meeting on"),
its precision (a month alone stays a month), ranges ("8-9 June 2017") and year-less datelines
whose year must be earned. `datetime` validates every date and gives weekdays.
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sco_archive.infer.text import norm
from sco_archive.model import MONTH_NAMES, WEEKDAY_NAMES, PartialDate

MONTHS = {
    name: number
    for number in range(1, 13)
    for name in {MONTH_NAMES[number].lower(), MONTH_NAMES[number][:3].lower()}
}
MONTHS["sept"] = 9
RU_MONTHS = {
    "января": 1,
    "февраля": 2,
    "марта": 3,
    "апреля": 4,
    "мая": 5,
    "июня": 6,
    "июля": 7,
    "августа": 8,
    "сентября": 9,
    "октября": 10,
    "ноября": 11,
    "декабря": 12,
}
# Agencies abbreviate in datelines: "АСТАНА, 6 июн — Sputnik".
RU_MONTHS.update(
    {"янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8,
     "сен": 9, "сент": 9, "окт": 10, "ноя": 11, "нояб": 11, "дек": 12}
)  # fmt: skip
WEEKDAYS = [d.lower() for d in WEEKDAY_NAMES]

_M = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_RU = "|".join(sorted(RU_MONTHS, key=len, reverse=True))
_D = r"[0-3]?\d(?:st|nd|rd|th)?"
YEAR_DIGITS = r"(?:19|20)\d\d"  # a year of the SCO's era, as a pattern to build on
_DASH = r"\s*(?:-|to|till|until)\s*"
_HAN_VALUES = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
_HAN_DIGITS = "".join(_HAN_VALUES)
_HAN_TENS = _HAN_DIGITS + "十"
HAN_NUMBER = rf"[{_HAN_TENS}]{{1,3}}"  # a day, a month or an anniversary: "五", "二十八"

# Each pattern names its groups d/m/y (start) and d2/m2 (end of a range). Order = priority when
# two matches overlap: ranges before single dates before month-only and year-less dates.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(rx, re.IGNORECASE))
    for name, rx in [
        (
            "dm-dm-y",
            rf"\b(?P<d>{_D})\s+(?P<m>{_M}){_DASH}(?P<d2>{_D})\s+(?P<m2>{_M}),?\s+(?P<y>{YEAR_DIGITS})\b",
        ),
        (
            "md-md-y",
            rf"\b(?P<m>{_M})\s+(?P<d>{_D}){_DASH}(?P<m2>{_M})\s+(?P<d2>{_D}),?\s+(?P<y>{YEAR_DIGITS})\b",
        ),
        (
            "d-dm-y",
            rf"\b(?P<d>{_D})(?:{_DASH}|\s*(?:and|&)\s*)(?P<d2>{_D})\s+(?:of\s+)?(?P<m>{_M}),?\s+(?P<y>{YEAR_DIGITS})\b",
        ),
        ("md-d-y", rf"\b(?P<m>{_M})\s+(?P<d>{_D}){_DASH}(?P<d2>{_D}),?\s+(?P<y>{YEAR_DIGITS})\b"),
        ("dmy", rf"\b(?P<d>{_D})\s+(?:of\s+)?(?P<m>{_M}),?\s+(?P<y>{YEAR_DIGITS})\b"),
        ("mdy", rf"\b(?P<m>{_M})\s+(?P<d>{_D}),?\s+(?P<y>{YEAR_DIGITS})\b"),
        ("iso", rf"\b(?P<y>{YEAR_DIGITS})-(?P<mn>[01]\d)-(?P<d>[0-3]\d)\b"),
        ("numeric", rf"\b(?P<d>[0-3]?\d)\.(?P<mn>[01]?\d)\.(?P<y>{YEAR_DIGITS})\b"),
        # "2019/6/27", "2022 / 11 / 11": year first, as Chinese sites write it.
        ("ymd-slash", rf"\b(?P<y>{YEAR_DIGITS})\s?/\s?(?P<mn>[01]?\d)\s?/\s?(?P<d>[0-3]?\d)\b"),
        # "17/08/2007" or "6/15/2001": day and month told apart only when one exceeds 12.
        ("slash", rf"\b(?P<s1>[0-3]?\d)/(?P<s2>[0-3]?\d)/(?P<y>{YEAR_DIGITS})\b"),
        (
            "ru",
            rf"(?<!\w)(?P<d>[0-3]?\d)\s+(?P<ru>{_RU}),?\s+(?P<y>{YEAR_DIGITS})(?:\s*(?:года|г\.))?",
        ),
        # "2006年7月24-27日", "6月9日至10日": a range of days in one month.
        (
            "zh-range",
            rf"(?P<y>{YEAR_DIGITS})\s*年\s*(?P<mn>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日?"
            r"\s*(?:-|至|到)\s*(?P<d2>[0-3]?\d)\s*日",
        ),
        ("zh", rf"(?P<y>{YEAR_DIGITS})\s*年\s*(?P<mn>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日"),
        ("zh-month", rf"(?P<y>{YEAR_DIGITS})\s*年\s*(?P<mn>[01]?\d)\s*月"),
        # In Chinese numerals, as older datelines write them: "二〇〇六年五月十五日", "五月十五日".
        (
            "zh-han",
            rf"(?P<yh>[{_HAN_DIGITS}]{{4}})\s*年\s*(?P<mh>[{_HAN_TENS}]{{1,2}})\s*月\s*"
            rf"(?P<dh>[{_HAN_TENS}]{{1,3}})\s*日",
        ),
        (
            "zh-han-md",
            rf"(?<![{_HAN_TENS}年])(?P<mh>[{_HAN_TENS}]{{1,2}})月(?P<dh>[{_HAN_TENS}]{{1,3}})日",
        ),
        # Year-less ranges: "November 20-21", "20-21 ноября", "11月20日至21日". Their first day
        # is the date (the last day needs the year, which is found later, and is left out).
        ("md-d", rf"\b(?P<m>{_M})\s+(?P<d>{_D}){_DASH}(?P<d2x>{_D})(?![\w-])"),
        (
            "d-dm",
            rf"\b(?P<d>{_D})(?:{_DASH}|\s*(?:and|&)\s*)(?P<d2x>{_D})\s+(?:of\s+)?(?P<m>{_M})(?![\w-])",
        ),
        ("ru-d-dm", rf"(?<!\w)(?P<d>[0-3]?\d)\s*-\s*(?P<d2x>[0-3]?\d)\s+(?P<ru>{_RU})(?!\w)"),
        (
            "zh-md-d",
            r"(?<![\d年])(?P<mn>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日?\s*(?:-|至|到)\s*"
            r"(?P<d2x>[0-3]?\d)\s*日",
        ),
        # Year-less forms of datelines: "МОСКВА, 16 мая. /ТАСС/.", "新华社北京6月15日电"
        ("ru-dm", rf"(?<!\w)(?P<d>[0-3]?\d)\s+(?P<ru>{_RU})(?!\w)"),
        ("zh-md", r"(?<![\d年])(?P<mn>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日"),
        ("my", rf"\b(?P<m>{_M}),?\s+(?P<y>{YEAR_DIGITS})\b"),
        ("dm", rf"\b(?P<d>{_D})\s+(?P<m>{_M})(?![\w-])"),
        ("md", rf"\b(?P<m>{_M})\s+(?P<d>{_D})(?![\w-])"),
    ]
]
_DIGIT = re.compile(r"\d")
_ORDINAL = re.compile(r"(st|nd|rd|th)$", re.IGNORECASE)
# A year wherever it stands; not \b: Chinese writes "2001年" with no break between the year
# and the next character.
YEAR = re.compile(rf"(?<![0-9A-Za-z])({YEAR_DIGITS})(?![0-9A-Za-z])")


@dataclass(frozen=True)
class Mention:
    """A date written somewhere in a text; `date` lacks the year when the text gives none."""

    start: int
    end: int
    rule: str
    month: int | None
    day: int | None
    year: int | None
    end_date: PartialDate | None = None

    @property
    def date(self) -> PartialDate | None:
        return PartialDate(self.year, self.month, self.day) if self.year else None


@lru_cache(maxsize=1024)  # the rules read the same lead and title again and again
def find_dates(text: str) -> tuple[Mention, ...]:
    """Every date written in `text`, in order of position, overlapping matches resolved by rule."""
    if not _DIGIT.search(text) and "月" not in text:
        return ()  # every form of date the patterns know has a digit, or is Chinese
    plain = norm(text)
    taken: list[tuple[int, int]] = []  # sorted, non-overlapping spans already claimed
    found: list[Mention] = []
    for rule, pattern in _PATTERNS:
        for match in pattern.finditer(plain):
            if _overlaps(taken, match.start(), match.end()):
                continue
            mention = _mention(rule, match)
            if mention is not None:
                bisect.insort(taken, (match.start(), match.end()))
                found.append(mention)
    return tuple(sorted(found, key=lambda m: m.start))


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    # Spans never overlap one another, so only the neighbours of `start` can overlap it.
    index = bisect.bisect_left(taken, (start, start))
    return any(s < end and start < e for s, e in taken[max(0, index - 1) : index + 1])


def han_number(text: str) -> int:
    """ "十五" → 15, "二十八" → 28, "二〇〇六" → 2006: Chinese numerals as dates write them."""
    if "十" not in text:
        return int("".join(str(_HAN_VALUES[c]) for c in text))
    tens, _, units = text.partition("十")
    return (_HAN_VALUES[tens] if tens else 1) * 10 + (_HAN_VALUES[units] if units else 0)


def _mention(rule: str, match: re.Match[str]) -> Mention | None:
    g = match.groupdict()
    if g.get("mh"):
        g = {**g, "mn": str(han_number(g["mh"])), "d": str(han_number(g["dh"]))}
        if g.get("yh"):
            g["y"] = str(han_number(g["yh"]))
    if g.get("s1"):
        g = _day_and_month(int(g["s1"]), int(g["s2"]), g)
        if g is None:
            return None
    year = int(g["y"]) if g.get("y") else None
    month = _month(g)
    day = int(_ORDINAL.sub("", g["d"])) if g.get("d") else None
    if month is None or not valid_date(year or 2000, month, day):
        return None
    end = None
    if g.get("d2"):
        end_month = MONTHS.get(g["m2"].lower().rstrip(".")) if g.get("m2") else month
        end_day = int(_ORDINAL.sub("", g["d2"]))
        if year is None or end_month is None or not valid_date(year, end_month, end_day):
            return None
        end = PartialDate(year, end_month, end_day)
        if (year, month, day) >= (end.year, end.month, end.day):
            return None
    return Mention(match.start(), match.end(), rule, month, day, year, end)


def _day_and_month(first: int, second: int, g: dict[str, Any]) -> dict[str, Any] | None:
    """d/m or m/d: known when one of the two cannot be a month (or both are the same)."""
    if first > 12 >= second or first == second:
        day, month = first, second
    elif second > 12 >= first:
        day, month = second, first
    else:
        return None  # 05/06/2019: the 5th of June or the 6th of May
    return {**g, "d": str(day), "mn": str(month)}


def _month(g: dict[str, Any]) -> int | None:
    if g.get("m"):
        return MONTHS.get(g["m"].lower().rstrip("."))
    if g.get("ru"):
        return RU_MONTHS.get(g["ru"].lower())
    if g.get("mn"):
        number = int(g["mn"])
        return number if 1 <= number <= 12 else None
    return None


def valid_date(year: int, month: int, day: int | None) -> bool:
    try:
        datetime.date(year, month, day or 1)
    except ValueError:
        return False
    return True
