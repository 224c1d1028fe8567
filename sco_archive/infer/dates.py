"""The document's date, end date and publication: which of the dates a text writes is *the* date
(the event's), which the page's stamp, and where a year-less date takes its year from. How a
date is written, and found, is infer/date_grammar.py's.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import Any

from sco_archive.infer.date_grammar import (
    HAN_NUMBER,
    WEEKDAYS,
    YEAR,
    YEAR_DIGITS,
    Mention,
    find_dates,
    han_number,
    valid_date,
)
from sco_archive.infer.events import mentions_in, ordinal, sentence_around, sentence_span
from sco_archive.infer.matcher import holders_named, places_named
from sco_archive.infer.text import (
    RECORD_DATE,
    RECORD_PARAGRAPHS,
    clip,
    first_sentence,
    is_cjk,
    key_word,
    lead_paragraphs,
    norm,
    phrase_pattern,
    word_count,
)
from sco_archive.knowledge import Holder, Knowledge
from sco_archive.model import Field, Origin, Paragraph, PartialDate
from sco_archive.read.structure import names_the_site

SCO_FOUNDED = datetime.date(2001, 6, 15)

_WEEKDAY_BEFORE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\s*,?\s*(?:the\s+)?$", re.IGNORECASE)
# Words before a date in the lead that make it a date mentioned in passing, not the event's
# ("the agreement signed in Qingdao on 10 June 2018", "the next meeting … on 12 May 2020").
_PASSING = re.compile(
    r"\b(signed|signing|adopted|adoption|approved|since|until|till|next|previous|last year|ago|"
    r"founded|founding|established|establishment|created|creation|concluded|ratified|"
    r"entered into force|scheduled|will|would|to be held|upcoming|plans? to|expected|born|"
    r"anniversary of|основан\w*|подписан\w*|принят\w*|состоится|пройд[её]т)\b[^.;]*$"
    # Chinese has no word boundaries: founded (成立), signed (签署), adopted (通过), will (将).
    r"|(?:成立|签署|通过|将于|将在|以来|下一)[^。；]*$",
    re.IGNORECASE,
)
# …and words after it: "On 15 June 2001, the SCO was founded in Shanghai."
_PASSING_AFTER = re.compile(
    r"^[^.;]{0,80}?\b(?:was|were|had\s+been|has\s+been)\s+(?:founded|established|signed|"
    r"adopted|created|set\s+up|born|ratified|launched)\b",
    re.IGNORECASE,
)
# Bounds that keep a 10 MB file fast: the rules that look near the start look only there.
_NEAR_START = 5_000  # characters of a paragraph searched for a weekday or anniversary
_SCAN_LIMIT = 200_000  # characters searched for the latest date a text mentions
SCO_ERA = 2001  # a date before the SCO existed is history, never an SCO document's date
_TITLE_PASSING = re.compile(
    r"\b(?:signed|adopted|approved|since|until|till|founded|established|ratified|of|"
    r"ahead\s+of(?:\s+the)?|next|upcoming|forthcoming|to\s+be\s+held|will\s+be\s+held|"
    r"scheduled\s+for)\s+(?:on\s+|in\s+|for\s+)?$",
    re.IGNORECASE,
)
# "Following the summit held in Samarkand on 16 September 2022, the Secretary-General …": the
# date is the summit's, in a clause before the news, unless a comma closes that clause first.
_PASSING_CLAUSE = re.compile(
    r"\b(?:following|in\s+the\s+wake\s+of|ahead\s+of|prior\s+to|on\s+the\s+results\s+of)\b"
    r"[^.;,]*$",
    re.IGNORECASE,
)
# Weaker cues: "the Bishkek summit in June 2019" is in passing, "the summit was held … on" is not.
_PASSING_UNLESS_EVENT = re.compile(r"\b(summit|before|after|during)\b(?P<rest>[^.;]*)$", re.I)
# The event verbs of a lead sentence: "took place in Bishkek on 15 May, 2019".
_EVENT = re.compile(
    r"\b(took place|takes place|was held|were held|is held|are held|held|hosted|convened|"
    r"opened|met|meets|visited|visits|took part|takes part|attended|attends|participated|"
    r"participates|received|receives|addressed|delivered|spoke|gave|hold|holds|"
    r"состоялось|состоялась|состоялся|прошло|прошла|прошел|прошёл)\b[^.;]{0,140}$",
    re.IGNORECASE,
)
# What follows a dateline's date: "(APP):", "/TASS/.", "--", ". /TASS/."
# … and Chinese news sites' "中国网7月15日讯" as the agencies' "新华社北京7月15日电".
_DATELINE_END = re.compile(r"\s*(?:\([^)]{1,80}\)?|\.?\s*/[^/]{1,30}/)?\s*(?:[:.\-]|$)|电|讯")
# "Beijing, 12 March 2023 —", "TASHKENT, Uzbekistan, March 12, 2023 (UzA) -"
_CITY_DATELINE = re.compile(
    r"\s*[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё.' -]{1,40}(?:,\s*[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё.' -]{1,30})?,\s*"
    # 新华社北京6月15日电: Xinhua, Beijing, 15 June; 中新网 北京10月17日电 likewise.
    r"|\W*(?:新华社|新华网|中新社|中新网|中国新闻网|人民网|央视网|央广网|光明网|中国网|环球网|"
    r"国际在线|中国日报网|俄新网)"
    r"\s*[\u4e00-\u9fff]{0,8}"
)
_ANNIVERSARY = re.compile(
    r"\b(?P<how>on\s+the\s+eve\s+of|ahead\s+of|on\s+the\s+occasion\s+of|on|celebrating|marking)"
    r"\s+the\s+(?P<n>\d{1,2})(?:st|nd|rd|th)\s+anniversary\s+of\s+"
    r"(?:the\s+)?(?:SCO|Shanghai\s+Cooperation\s+Organi[sz]ation)(?:\s*\(SCO\))?"
    # The anniversary of the SCO itself, not of its Secretariat, Charter or RATS.
    r"(?!\s*(?:Secretariat|Charter|RATS|Regional|Business|Interbank|Energy|Youth|University|"
    r"Development|Convention|Treaty|Day))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class YearHints:
    """Where a year-less date may take its year from: a curated date, the years the text names,
    the years in office of the office holders it names, an SCO anniversary, a weekday."""

    curated: int | None
    named: tuple[int, ...]
    anniversary: int | None = None
    weekday: int | None = None  # 0 = Monday, as the lead names it: "on Tuesday", "в четверг"
    stamp: PartialDate | None = None  # the page's publication stamp, when it has one
    # What the people and meetings are read from, only when a year-less date asks for them:
    # most documents write their year, and the scans cost a millisecond a document.
    texts: tuple[str, ...] = field(default=(), compare=False, repr=False)
    knowledge: Knowledge | None = field(default=None, compare=False, repr=False)

    @cached_property
    def people(self) -> Mapping[str, tuple[Holder, ...]]:
        """The terms of each office holder the text names, by person."""
        if self.knowledge is None:
            return {}
        return _terms_by_person(self.texts, self.knowledge)

    @cached_property
    def terms(self) -> frozenset[int]:
        """The years in which the people the text names held office together."""
        return _years_of_the_text(self.people)

    @cached_property
    def meetings(self) -> tuple[set[int], ...]:
        """The years of the meetings the text names (it costs a scan per meeting, so only
        when a year-less date asks)."""
        if self.knowledge is None:
            return ()
        return tuple(_meeting_years(self.texts, self.knowledge))

    @cached_property
    def handover(self) -> tuple[set[int], ...]:
        """The year of each change of office the text reports: the first year of the holder
        who takes office, the last of the one who leaves it."""
        if self.knowledge is None:
            return ()
        return tuple(_handover_years(self.texts, self.knowledge))

    def fixed(self, month: int | None = None, day: int | None = None) -> int | None:
        """The one year every clue of the text allows at once for a date on `month`/`day`: the
        terms of each office holder it names (to the day where the knowledge file knows it),
        the numbered meeting it names, the meeting it places in a city. A text about a change
        of office names the outgoing and the incoming holder, whose terms never overlap: the
        change itself dates it."""
        if self.handover:
            return _fixed_year({}, [*self.handover, *self.meetings], month, day)
        return _fixed_year(self.people, self.meetings, month, day)

    def year_for(
        self, sentence_years: tuple[int, ...] = (), month: int | None = None, day: int | None = None
    ) -> tuple[int | None, float]:
        if self.curated is not None:
            return self.curated, 0.6
        if len(set(sentence_years)) == 1:  # "BEIJING, March 2 (… 2nd Mar, 2022)"
            return sentence_years[0], 0.7
        if self.stamp is not None and month is not None:
            # A page stamped 3 January reporting "December 30" reports last year's December.
            later = (month, day or 0) > (self.stamp.month or 12, self.stamp.day or 31)
            return self.stamp.year - 1 if later else self.stamp.year, 0.8
        fixed = self.fixed(month, day)
        if fixed is not None:
            return fixed, 0.65
        fitting = self._fitting_weekday(month, day)
        if fitting is not None:
            # The one candidate year on which the day is the weekday the text names. Sure only
            # when the text also names that year and it falls in the named holder's term: the
            # weekday may be the day before the dateline's ("said on Tuesday", filed Wednesday).
            sure = fitting in self.named and fitting in self.terms
            return fitting, 0.6 if sure else 0.45
        if self.anniversary is not None and (not self.terms or self.anniversary in self.terms):
            return self.anniversary, 0.45
        # The latest year the text names is usually the current one, but only a guess; a year
        # outside the term of the office holder the text names is history.
        current = [y for y in self.named if y > SCO_ERA and (not self.terms or y in self.terms)]
        if current:
            return max(current), 0.45 if len(set(current)) == 1 else 0.35
        if self.named and not self.terms:
            return max(self.named), 0.35
        return None, 0.0  # every year the text names is outside the named holder's term

    def _fitting_weekday(self, month: int | None, day: int | None) -> int | None:
        if self.weekday is None or month is None or day is None:
            return None
        candidates = {y for y in self.named if y > SCO_ERA} | self.terms
        if self.anniversary is not None:
            candidates.add(self.anniversary)
        fits = [
            y
            for y in sorted(candidates)
            if valid_date(y, month, day) and datetime.date(y, month, day).weekday() == self.weekday
        ]
        return fits[0] if len(fits) == 1 else None


# ---------------------------------------------------------------------------------------------
# Choosing the document's date, strongest rule first.


@dataclass(frozen=True)
class DateFields:
    """What the text says of time: when it happened (`date`, `date_end`) and when the page
    was published (`published`); any may be None."""

    date: Field | None
    date_end: Field | None = None
    published: Field | None = None


def infer_date(
    title: str,
    title_line: int,
    paragraphs: Sequence[Paragraph],
    curated: Mapping[str, Any] | None = None,
    filename: str = "",
    knowledge: Knowledge | None = None,
) -> DateFields:
    """The event's date as the text states it; the page's stamp as `published`.

    Every rule proposes at most one date; the strongest kind of evidence wins and the others
    are kept as `considered`. A publication stamp is never the event's date while the text
    gives one; alone, it is the date only as a guess (the file name's date likewise).
    """
    stamp, shown_title, shown = find_stamp(title, title_line, paragraphs)
    if _reads_as_lead(shown_title):
        # A text with no headline: its first line, taken as the title, is the lead itself
        # ("新华社北京4月19日电 …。"), and its dateline dates the text as a lead's would.
        shown = [Paragraph(shown_title, title_line), *shown]
    years = _year_hints(title, paragraphs, curated or {}, knowledge, stamp)
    rules = (
        _title_date,
        _lead_date,
        _record_date,
        _declared_date,
        _closing_date,
        _anniversary_date,
        _weekday_date,
        _this_year,
    )
    proposed = [rule(shown_title, title_line, shown, years) for rule in rules]
    candidates = [found for found in proposed if found is not None]
    published = stamp or _dateline_filed(shown, years)
    if not candidates and stamp is not None:
        candidates.append(_day_of_stamp_month(shown, stamp) or _date_from_stamp(stamp, years))
    if not candidates:
        file_date = filename_date(filename)
        if file_date is not None:
            candidates.append((file_date, None))
    if not candidates:
        return DateFields(None, None, published)
    date, end = candidates[0]
    considered = tuple(f for f, _ in candidates[1:] if f.value != date.value)
    if stamp is not None and stamp.value != date.value and stamp.rule != date.rule:
        considered += (stamp,)
    return DateFields(replace(date, considered=considered), end, published)


def _reads_as_lead(title: str) -> bool:
    """A long line that ends as a sentence ends: prose, not a headline. Stricter than
    text.title_is_lead (which kinds use): read with that one, dates measured worse on the dev
    part (one more wrong, one less published), so the two stay apart."""
    return word_count(title) > _LEAD_WORDS and title.rstrip()[-1:] in ".。!！?？"


_LEAD_WORDS = 12  # as text.lead_paragraphs counts a paragraph of prose


def _date_from_stamp(stamp: Field, years: YearHints) -> Chosen:
    """No date in the text but the stamp's: the stamp, or the weekday the lead names before it."""
    value = stamp.value
    if years.weekday is not None and value.day is not None:
        stamped = datetime.date(value.year, value.month, value.day)
        day = _weekday_on_or_before(stamped, years.weekday)
        dated = PartialDate(day.year, day.month, day.day)
        rule = "weekday-before-stamp" if dated != value else "stamp-weekday"
        return Field(dated, stamp.origin, rule, 0.6, stamp.line, stamp.snippet), None
    confidence = 0.45 if stamp.rule == "publication-stamp" else 0.6
    return Field(value, stamp.origin, stamp.rule, confidence, stamp.line, stamp.snippet), None


# Chinese news names the day alone, "8日在北京接受…专访": a day of the month it was filed in
# (or of the month before, when the day is later than the stamp's).
_ZH_DAY = re.compile(r"(?<![\d月年/.-])([0-3]?\d)\s*日(?![电電])")


def _day_of_stamp_month(paragraphs: Sequence[Paragraph], stamp: Field) -> Chosen | None:
    filed = stamp.value
    if filed.day is None:
        return None
    for paragraph in lead_paragraphs(paragraphs):
        match = _ZH_DAY.search(norm(first_sentence(paragraph.text)))
        if match is None:
            continue
        day = int(match[1])
        year, month = filed.year, filed.month
        if day > filed.day:
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        if not valid_date(year, month, day):
            return None
        snippet = clip(paragraph.text, *match.span())
        date = PartialDate(year, month, day)
        rule = "day-of-stamp-month"
        return Field(date, Origin.TEXT, rule, 0.6, paragraph.line, snippet), None
    return None


def _weekday_on_or_before(day: datetime.date, weekday: int) -> datetime.date:
    return day - datetime.timedelta(days=(day.weekday() - weekday) % 7)


# ---------------------------------------------------------------------------------------------
# Publication stamps: "date 2022-08-22", "Published June 20, 2022 | 04:20 PM", "31.07.2014",
# "中國日報網 2018-06-05 08:50", "(Xinhua) 09:14, June 15, 2023": a line of page furniture
# that holds a full date and little else. They date the page, not what the page reports.

_STAMP_WORD = re.compile(
    r"(?<!\w)(?:date|dated|published|publication|updated?|posted|released|last\s+modified|"
    r"time|source|editor|author|views?|by|am|pm|gmt|utc|bjt|"
    r"опубликовано|дата|обновлено|источник|время|"
    r"发布时间|发布日期|发布|来源|时间|日期|编辑|责任编辑|更新|"
    # The day of the week a stamp may give: "понедельник, 26 марта 2012 г.", "星期一".
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|понедельник|вторник|среда|"
    r"четверг|пятница|суббота|воскресенье|г|星期[一二三四五六日天]|周[一二三四五六日])(?!\w)",
    re.IGNORECASE,
)
_STAMP_ONLY = re.compile(r"(?:published|updated|posted|опубликовано|发布时间|发布日期)", re.I)
_CLOCK = re.compile(r"\b[0-2]?\d:[0-5]\d(?::[0-5]\d)?\b")
_SITE_STAMP_WORDS = 24
_STAMP_WORDS = 14  # a stamp line is short
_STAMP_REST = 4  # words left once its date, time and furniture words are taken out
_STAMP_PARAGRAPHS = 4  # stamps stand above or just below the title
# "Updated: June 16, 2009 15:57", "date 2025-11-17 BISHKEK, …": a stamp inside other text,
# known by the word before its date.
_STAMP_MARKER = re.compile(
    # The longer marker first: "Date of publication: 17 January 2023" is no "date" marker.
    r"(?:\b(?:date\s+of\s+publication|published|updated|posted|released|last\s+modified|"
    r"publication\s+date)(?:\s+on)?|^\W*date|"
    r"опубликовано|обновлено|发布时间|发布日期|更新时间)\s*[:：]?\s*",
    re.IGNORECASE,
)
_OUTLET = r"[A-ZА-ЯЁ][\w.]*(?:\s+[A-ZА-ЯЁ][\w.]*){0,2}"
_NUMERIC_DAY = r"[0-3]?\d\.[01]?\d\.(?:19|20)\d\d"
_OUTLET_STAMP = re.compile(
    rf"(?:\s[-–—|]\s+{_OUTLET}\s*,\s*{_NUMERIC_DAY}|(?:^|[.!?]\s+){_NUMERIC_DAY}\s*,\s*{_OUTLET})\s*$"
)
_ANY_CLOCK = re.compile(r"\d:[0-5]\d")  # "日10:42": no word boundary in Chinese
_CLOCK_NEXT = re.compile(r"[\s,\[|-]{0,3}(?:(?:в|at)\s+)?[0-2]?\d:[0-5]\d(?::[0-5]\d)?\]?")
_CLOCK_AFTER = re.compile(r",?\s*[0-2]?\d:[0-5]\d(?::[0-5]\d)?(?:\s*(?:AM|PM|GMT|UTC)\b)?", re.I)


def find_stamp(
    title: str, title_line: int, paragraphs: Sequence[Paragraph]
) -> tuple[Field | None, str, list[Paragraph]]:
    """The publication stamp (as a `published` field), and the title and paragraphs with every
    stamp taken out, for the rules that look for the event's date."""
    first: Field | None = None
    kept_title = title
    if title:
        first, kept_title = _without_stamps(title, title_line)
        kept_title = " ".join(kept_title.split())
    kept: list[Paragraph] = []
    for index, paragraph in enumerate(paragraphs):
        if index >= _STAMP_PARAGRAPHS:
            kept.extend(paragraphs[index:])
            break
        found, text = _without_stamps(paragraph.text, paragraph.line)
        first = first or found
        if found is None:
            kept.append(paragraph)
            continue
        # What follows a stamp starts afresh: "来源:中国日报网 2019-01-01 10:17 2018年12月31日,
        # 在北京…" is a source, a stamp, and a lead that opens with its date.
        kept += [
            Paragraph(piece.strip(), paragraph.line) for piece in text.split("\n") if piece.strip()
        ]
    return first, kept_title, kept


def _without_stamps(text: str, line: int) -> tuple[Field | None, str]:
    """The first stamp in `text` (a line of its own, or a marked one: "Updated: June 16, 2009
    15:57", "date 2025-11-17 BISHKEK, …") and the text with the stamps taken out."""
    found: Field | None = None
    kept = []
    for number, piece in enumerate(text.split("\n")):
        stamp = _stamp_in(piece, line + number)
        if stamp is not None:
            piece = ""
        else:
            stamp, piece = _marked_stamp(piece, line + number)
        found = found or stamp
        if piece.strip():
            kept.append(piece)
    return found, "\n".join(kept)


def _marked_stamp(text: str, line: int) -> tuple[Field | None, str]:
    plain = norm(text)
    signed = _OUTLET_STAMP.search(plain)
    if signed is not None:
        # "… - РИА Новости, 05.01.2023", "… tour. 29.07.2022, Sputnik International": the
        # outlet's name and its day, closing a headline or a subtitle.
        mention = next((m for m in find_dates(signed.group(0)) if m.date and m.day), None)
        if mention is not None:
            start, end = signed.start() + mention.start, signed.start() + mention.end
            stamp = Field(mention.date, Origin.TEXT, "outlet-stamp", 0.9, line, text[start:end])
            return stamp, text[:start] + "\n" + text[end:]
    clocked = _ANY_CLOCK.search(plain[:_NEAR_START]) is not None
    for mention in find_dates(plain[:_NEAR_START]) if clocked else ():
        # "… communique 2007-08-17 03:17:54 Print", "08 April 2016 [11:26] - TODAY.AZ",
        # "2019年03月09日10:42 | 来源": a date with a time of day is a machine's stamp.
        clock = _CLOCK_NEXT.match(plain, mention.end)
        if mention.date is None or mention.day is None or clock is None:
            continue
        snippet = text[mention.start : clock.end()].strip()
        stamp = Field(mention.date, Origin.TEXT, "publication-stamp", 0.9, line, snippet)
        return stamp, text[: mention.start] + "\n" + text[clock.end() :]
    for marker in _STAMP_MARKER.finditer(plain[:_NEAR_START]):
        after = plain[marker.end() : marker.end() + 40]
        mentions = [m for m in find_dates(after) if m.date is not None and m.day is not None]
        if not mentions or mentions[0].start > 2:
            continue
        mention = mentions[0]
        end = marker.end() + mention.end
        clock = _CLOCK_AFTER.match(plain, end)
        end = clock.end() if clock else end
        snippet = text[marker.start() : end].strip()
        stamp = Field(mention.date, Origin.TEXT, "publication-stamp", 0.9, line, snippet)
        return stamp, text[: marker.start()] + "\n" + text[end:]
    return None, text


def _stamp_in(text: str, line: int) -> Field | None:
    # A site's name beside the stamp may be long ("… Department of Public Information • News
    # and Media Division • New York"); prose is longer still.
    if word_count(text) > (_SITE_STAMP_WORDS if names_the_site(text) else _STAMP_WORDS):
        return None
    full = [m for m in find_dates(text) if m.date is not None and m.day is not None]
    if len(full) != 1 or full[0].end_date is not None:
        return None
    mention = full[0]
    plain = norm(text)
    rest = plain[: mention.start] + " " + plain[mention.end :]
    rest = _CLOCK.sub(" ", rest)
    rest = re.sub(r"\([^()]{0,40}\)|@\w+", " ", rest)  # "(Xinhua)", "(@ChaudhryMAli88)"
    # "16 June 2009 Department of Public Information • …": the date beside the site's name.
    named_as_stamp = _STAMP_ONLY.search(rest) is not None or names_the_site(rest)
    rest = _STAMP_WORD.sub(" ", rest)
    left = [w for w in re.split(r"[\W_]+", rest) if w]
    if not named_as_stamp and (len(left) > _STAMP_REST or _EVENT_WORD.search(plain)):
        return None
    if not named_as_stamp and left and mention.rule not in ("iso", "numeric", "ymd-slash", "slash"):
        # "Beijing, 24 June 2020" above a statement dates the statement: a place and a date
        # written out are the document's own date line, not the page's stamp.
        return None
    snippet = clip(text, mention.start, mention.end)
    # A date with nothing around it ("24.06.2020" under a speech's title) may be the speech's
    # own date as well as the page's: a kind of evidence of its own, measured apart.
    marked = named_as_stamp or len(plain.split()) > 1
    rule = "publication-stamp" if marked else "date-only-line"
    return Field(mention.date, Origin.TEXT, rule, 0.9, line, snippet)


_EVENT_WORD = re.compile(
    r"\b(?:held|took|met|meets|opened|signed|said|says|visit\w*|attend\w*)\b", re.IGNORECASE
)


# "2019-05-15-norov.txt", "20190515_538722.txt": how archivists and the SCO website name files.
# Not inside a longer run of letters or digits: a content hash may hold eight digits by chance.
_FILENAME_DATE = re.compile(
    r"(?<![0-9A-Za-z])((?:19|20)\d\d)[-_.]?([01]\d)[-_.]?([0-3]\d)(?![0-9A-Za-z])"
)


def filename_date(filename: str) -> Field | None:
    match = _FILENAME_DATE.search(filename)
    if match is None:
        return None
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12 or not valid_date(year, month, day):
        return None
    date = PartialDate(year, month, day)
    return Field(date, Origin.FILENAME, "date-in-file-name", 0.6, None, filename)


Chosen = tuple[Field, Field | None]


def _title_date(title: str, line: int, _p: Sequence[Paragraph], _y: YearHints) -> Chosen | None:
    plain = norm(title)
    for mention in find_dates(title):
        # A title's date is the document's, unless it dates a thing the title names ("the Charter
        # signed on 7 June 2002"); "before the Council" or "anniversary" do not make it so.
        cue = _TITLE_PASSING.search(plain[max(0, mention.start - 30) : mention.start])
        # "… Conference (24 June, 2020)", "… Media Forum, June 2017": the date that closes a
        # title is how a speech's page dates it, apart from a date inside a headline.
        closes = re.fullmatch(r"[\W_]*", plain[mention.end :]) is not None
        # A day names an occasion. A month inside a title more often names an issue, a period
        # or a figure's base ("Dialogue July-September, 2006", "为2009年5月以来最深跌幅"): as
        # the document's date it was right 0 of 4 times on real documents, so it is none.
        if mention.date is not None and cue is None and (mention.day or closes):
            confidence = 0.95 if mention.day else 0.6  # a month alone: measured apart
            rule = "date-closes-title" if closes else "date-in-title"
            return _fields(mention, title, line, Origin.TITLE, rule, confidence)
    return None


def _lead_date(
    _t: str, _l: int, paragraphs: Sequence[Paragraph], years: YearHints
) -> Chosen | None:
    lead = lead_paragraphs(paragraphs)
    guessed: Chosen | None = None  # a year-less date: a full date later in the lead beats it
    for paragraph in lead:
        found = _lead_paragraph_date(paragraph, years)
        if found is not None and not found[0].rule.startswith("yearless-"):
            return found
        guessed = guessed or found
    if guessed is not None:
        return guessed
    # Page furniture (a photo and its caption) may fill the first paragraphs: "On 16 June
    # 2009, …" or an agency's dateline opening a later one is still the lead.
    for paragraph in paragraphs[len(lead) : _LATE_LEAD]:
        closing = paragraph in paragraphs[-2:]  # a signature line: the closing rule's
        found = None if closing else _lead_paragraph_date(paragraph, years)
        if found is not None and found[0].rule.startswith("dateline"):
            return found
        sentence = first_sentence(paragraph.text)
        for mention in find_dates(sentence)[:1]:
            before = norm(sentence)[: mention.start]
            if mention.date is None or not mention.day:
                continue
            if re.fullmatch(r"\W*On\s+", before):
                rule = "date-opens-paragraph"
                return _fields(mention, paragraph.text, paragraph.line, Origin.TEXT, rule, 0.8)
            if word_count(paragraph.text) <= 8 and _CITY_DATELINE.fullmatch(before) and not closing:
                # "Tianjin, July 15, 2025" under a heading: the place and day it was said
                rule = "place-date-line"
                return _fields(mention, paragraph.text, paragraph.line, Origin.TEXT, rule, 0.8)
    return None


_LATE_LEAD = 5  # paragraphs searched for a date that opens one


def _lead_paragraph_date(paragraph: Paragraph, years: YearHints) -> Chosen | None:
    text = paragraph.text
    sentence = _with_attribution(text, first_sentence(text))
    mentions = find_dates(sentence)
    # Two full dates in one lead sentence: the verb may belong to either, so neither is certain.
    doubt = 0.45 if sum(1 for m in mentions if m.day) > 1 else 1.0
    guessed: Chosen | None = None  # a year-less date: a full date later in the sentence beats it
    for mention in mentions:
        if mention.date is None:
            found = _dateline(paragraph, mention, years) or _yearless_on(
                paragraph, sentence, mention, years
            )
            if found is not None and found[0].rule.startswith("dateline"):
                return found
            guessed = guessed or found
            continue
        if _in_passing(sentence, mention):
            continue
        if mention.day is None:
            # A month alone in the lead is usually in passing ("the summit in June 2019") unless
            # it opens the lead: "In June 2019, the Secretary-General visited …", "(June 2019)".
            before = norm(sentence)[: mention.start]
            if re.fullmatch(r"\W*(?:In\s+)?|.*\(\s*", before):
                return _fields(mention, text, paragraph.line, Origin.TEXT, "month-opens-lead", 0.6)
            continue
        found = _lead_rule(norm(sentence)[: mention.start], word_count(text))
        if found is not None:
            rule, confidence = found
            if rule not in ("date-opens-lead", "dateline"):
                confidence = min(confidence, doubt)
            if rule == "dateline":
                mention, rule = _on_the_weekday(mention, years)
            return _fields(mention, text, paragraph.line, Origin.TEXT, rule, confidence)
    return guessed


def _with_attribution(text: str, sentence: str) -> str:
    """The first sentence, and the next when it says who said it and when (Russian news puts
    it second: "… примут решения. Об этом заявил 14 сентября генеральный секретарь …")."""
    rest = text[len(sentence) :]
    if _ATTRIBUTION_NEXT.match(rest):
        return sentence + first_sentence(rest)
    return sentence


_ATTRIBUTION_NEXT = re.compile(r"\s*(?:Об\s*этом|Как\s+(?:сообщил|заявил|рассказал))", re.I)


def _lead_rule(before: str, words: int) -> tuple[str, float] | None:
    """Which lead rule, if any, makes a date the event's date, judged by the text before it."""
    if before.strip() == "" or re.search(r"\(\s*$", before):
        return "date-opens-lead", 0.9
    if re.fullmatch(r"\W*\(\s*[A-ZА-ЯЁ][\w.' -]{1,40},\s*", before):
        return "place-date-opens-lead", 0.9  # "(Bishkek, August 16, 2007) It is a great …"
    if _CITY_DATELINE.fullmatch(before):
        return "dateline", 0.85
    if re.search(r"\btoday\s*,?\s*(?:on\s+)?$", before, re.IGNORECASE):
        return "today-date", 0.85
    if re.search(r"(?:^|[.;]\s+)\W*On\s+$", before):
        return "event-date-in-lead", 0.9
    if re.search(r"(?:^|[\s,;:])(?:on|dated)\s+$", before, re.IGNORECASE) and _EVENT.search(before):
        return "event-date-in-lead", 0.9
    if _EVENT.search(before):
        return "event-date-in-lead", 0.75
    if words <= 8:  # a line holding little but a date ("Beijing, 24 June 2020")
        return "date-line", 0.85
    if re.search(r"\bon\s+$", before, re.IGNORECASE) and not _SUBJECT_EVENT.search(before):
        # "… marked SCO Day with an exhibition in Beijing on 21 June 2019": a verb we do not list
        return "on-date-in-lead", 0.6
    return None


# What a statement is about, not when it was made: "condemns the terrorist act … on 3 April".
_SUBJECT_EVENT = re.compile(
    r"\b(?:attacks?|act|bombings?|explosions?|blasts?|earthquakes?|floods?|tragedy|crash|"
    r"incidents?|shooting|death|passing|birthday|election|elections|referendum)\b[^.;]{0,80}$",
    re.IGNORECASE,
)


def _in_passing(text: str, mention: Mention) -> bool:
    plain = norm(text)
    before = plain[max(0, mention.start - 80) : mention.start]
    if _PASSING.search(before) or _PASSING_AFTER.search(plain[mention.end :]):
        return True
    if _PASSING_CLAUSE.search(before):
        return True
    weak = _PASSING_UNLESS_EVENT.search(before)
    return weak is not None and not _EVENT.search(weak["rest"])


def _dateline(paragraph: Paragraph, mention: Mention, years: YearHints) -> Chosen | None:
    """`BEIJING, June 10 (APP):` or `this Monday, June 9`: a year-less date, year from elsewhere.

    The dateline is the day the agency filed; "… on Monday" in the lead is the event's day,
    the last Monday on or before it.
    """
    found = _dateline_mention(paragraph, mention, years)
    if found is None:
        return None
    filed, confidence = found
    event, rule = _on_the_day(filed, first_sentence(paragraph.text)[mention.end :])
    if rule == "dateline":
        event, rule = _on_the_weekday(filed, years)
    return _fields(event, paragraph.text, paragraph.line, Origin.TEXT, rule, confidence)


# "新华社塔什干3月16日电 … 理事会15日在塔什干宣布": Chinese news gives the event's day of the
# month alone, after the dateline of the day it was filed.
_DAY_ALONE = re.compile(r"(?<![\d月年/.-])([0-3]?\d)\s*日(?!电)")  # 電 is 电 once normalised


def _on_the_day(filed: Mention, rest: str) -> tuple[Mention, str]:
    """The day the lead gives alone after a Chinese dateline, in the dateline's month (or the
    month before, for a day after the dateline's); else the dateline's own day."""
    found = _DAY_ALONE.search(norm(rest))
    if found is None or filed.year is None or filed.month is None or filed.day is None:
        return filed, "dateline"
    day = int(found.group(1))
    year, month = filed.year, filed.month
    if day > filed.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    if day == filed.day or not valid_date(year, month, day):
        return filed, "dateline"
    return Mention(filed.start, filed.end, filed.rule, month, day, year), "dateline-day"


def _on_the_weekday(filed: Mention, years: YearHints) -> tuple[Mention, str]:
    """The dateline's day, or the last day on or before it that is the weekday the lead names."""
    if years.weekday is None or filed.day is None or filed.year is None or filed.month is None:
        return filed, "dateline"
    day = datetime.date(filed.year, filed.month, filed.day)
    event = _weekday_on_or_before(day, years.weekday)
    if event == day:
        return filed, "dateline"
    shifted = Mention(filed.start, filed.end, filed.rule, event.month, event.day, event.year)
    return shifted, "dateline-weekday"


def _dateline_mention(
    paragraph: Paragraph, mention: Mention, years: YearHints
) -> tuple[Mention, float] | None:
    """The dateline's own date, its year found, and how sure that year is."""
    plain = norm(paragraph.text)
    before = plain[: mention.start]
    is_dateline = _CITY_DATELINE.fullmatch(before) is not None
    after = plain[mention.end : mention.end + 90]
    ending = _DATELINE_END.match(after)
    if not is_dateline or ending is None:
        return None
    # Only a year inside the dateline itself ("(… - 2nd Mar, 2022)") is the dateline's year;
    # "Pakistan, which joined the SCO in 2017, …" right after it is history.
    sentence_years = tuple(int(y) for y in YEAR.findall(plain[: mention.end + ending.end()]))
    year, confidence = years.year_for(sentence_years, mention.month, mention.day)
    if year is None:
        return None
    return Mention(mention.start, mention.end, mention.rule, mention.month, mention.day, year), (
        confidence
    )


def _dateline_filed(paragraphs: Sequence[Paragraph], years: YearHints) -> Field | None:
    """The day a news agency filed the story, from its dateline: the page's publication. A
    subtitle or a photo caption may stand above the dateline, as _lead_date allows."""
    lead = lead_paragraphs(paragraphs)
    for paragraph in paragraphs[: max(len(lead), _LATE_LEAD)]:
        for mention in find_dates(first_sentence(paragraph.text)):
            if mention.day is None:
                continue
            if mention.date is not None:
                before = norm(paragraph.text)[: mention.start]
                # "Beijing, 24 June 2020" alone on a line is the document's own date line.
                if _CITY_DATELINE.fullmatch(before) is None or word_count(paragraph.text) <= 8:
                    continue
                snippet = clip(paragraph.text, mention.start, mention.end)
                rule = "dateline-filed"
                return Field(mention.date, Origin.TEXT, rule, 0.7, paragraph.line, snippet)
            found = _dateline_mention(paragraph, mention, years)
            if found is not None:
                filed, _ = found
                snippet = clip(paragraph.text, filed.start, filed.end)
                assert filed.date is not None
                # The year is the hints' ("新华社北京12月28日电"), not written: measured apart,
                # and never stated as sure (calibration._year_inferred).
                rule = "dateline-filed-yearless"
                return Field(filed.date, Origin.TEXT, rule, 0.7, paragraph.line, snippet)
    return None


# What may stand before a lead's opening date: "On", "Вчера", the time of day ("В первой
# половине дня", "Утром"), the local time ("当地时间").
_OPENS_ON = re.compile(
    r"\W*(?:On\s+|(?:Вчера|Сегодня|Утром|Днем|Днём|Вечером|"
    r"В\s+(?:первой|второй)\s+половине\s+дня),?\s*|当地时间)?"
)


# What reports a day: "… met the Ambassador on 12 March", "… today, 28 August:", and Russian's
# verb before the day, "Об этом заявил 14 сентября генеральный секретарь …".
_REPORTED_ON = re.compile(
    r"\bon\s+$|\btoday\s*,?\s*$|"
    r"(?:заявил|сообщил|сказал|рассказал|отметил|подчеркнул|объявил)[аи]?\s+$",
    re.IGNORECASE,
)


_OBSERVANCE = re.compile(
    r"\b(?:celebrat\w*|mark\w*|observ\w*)\b[^.;]{0,40}\bDay\b|\bSCO\s+Day\b|"
    r"День\s+ШОС|отмеча\w+\s+(?:\w+\s+){0,2}(?:День|праздник)|上合组织日",
    re.IGNORECASE,
)


def _sentence_of(plain: str, start: int, end: int) -> str:
    """The sentence of `plain` that holds [start, end)."""
    left, right = sentence_span(plain, start, end)
    return plain[left:right]


def _yearless_on(
    paragraph: Paragraph, sentence: str, mention: Mention, years: YearHints
) -> Chosen | None:
    """ "On 12 March, SCO Secretary-General Zhang Ming met …": the year comes from elsewhere."""
    before = norm(sentence)[: mention.start]
    # "On 12 March, …", and as Russian and Chinese open a lead: "16 августа в …", "6月30日,…"
    opens = _OPENS_ON.fullmatch(before) is not None
    # "… Zhang Ming met the Ambassador on 12 March." as well as "On 12 March, …", and
    # "… delivered by …, in Dushanbe, today, 28 August:"
    reported = _REPORTED_ON.search(before) is not None
    if mention.day is None or not (opens or reported) or _in_passing(sentence, mention):
        return None
    # "16 августа … в 2007 году": a year the same sentence names is the likeliest (that
    # sentence only: "On 15 June, we celebrate the SCO Day. Eighteen years ago, on 15 June
    # 2001, …" names 2001 in the next one).
    own = _sentence_of(norm(sentence), mention.start, mention.end)
    year, confidence = years.year_for(_years_named(own), mention.month, mention.day)
    if year is None:
        return None
    dated = Mention(mention.start, mention.end, mention.rule, mention.month, mention.day, year)
    rule = "yearless-event-date" if opens or _EVENT.search(before) else "yearless-on-date"
    if _OBSERVANCE.search(own):
        # "On 15 June, we celebrate the SCO Day": a day kept every year, which a message may
        # precede or follow; its own kind of evidence, not yet measured.
        rule = "yearless-observance-date"
    return _fields(dated, paragraph.text, paragraph.line, Origin.TEXT, rule, min(confidence, 0.45))


def _record_date(_t: str, _l: int, paragraphs: Sequence[Paragraph], _y: YearHints) -> Chosen | None:
    """An archive record's own field, above its text: "[Date] October 30, 2008"."""
    for paragraph in paragraphs[:RECORD_PARAGRAPHS]:
        plain = norm(paragraph.text)
        for label in RECORD_DATE.finditer(plain):
            found = [m for m in find_dates(plain) if m.start == label.end() and m.date]
            if found:
                rule = "record-date-field"
                return _fields(found[0], paragraph.text, paragraph.line, Origin.TEXT, rule, 0.8)
    return None


def _declared_date(
    _t: str, _l: int, paragraphs: Sequence[Paragraph], _y: YearHints
) -> Chosen | None:
    """A declaration's preamble ends on the meeting that adopts it: "… the meeting of the SCO
    Heads of State Council held in Dushanbe on 17 September 2021, hereby state the following"."""
    for paragraph in paragraphs[:_PREAMBLE_PARAGRAPHS]:
        plain = norm(paragraph.text)
        operative = _OPERATIVE.search(plain)
        if operative is None:
            continue
        offset = max(0, operative.start() - _PREAMBLE_REACH)
        before = plain[offset : operative.start()]
        days = [m for m in find_dates(before) if m.date is not None and m.day is not None]
        if days:
            last = days[-1]
            dated = replace(last, start=last.start + offset, end=last.end + offset)
            rule = "declared-at-meeting"
            return _fields(dated, paragraph.text, paragraph.line, Origin.TEXT, rule, 0.8)
    return None


# The clause that turns a preamble into what it declares.
_OPERATIVE = re.compile(
    r"\b(?:hereby\s+(?:state|declare|agree|decide)|(?:state|declare)\s+(?:as\s+follows|the\s+"
    r"following)|заявляют\s+(?:о\s+следующем|следующее)|констатируют\s+следующее)"
    r"|(?:声明|宣布|宣言)如下",
    re.IGNORECASE,
)
_PREAMBLE_PARAGRAPHS = 40  # a preamble may run to dozens of clauses, one paragraph each
_PREAMBLE_REACH = 300  # characters before the clause: the meeting is named in its sentence


def _closing_date(
    _t: str, _l: int, paragraphs: Sequence[Paragraph], _y: YearHints
) -> Chosen | None:
    """A signature line at the end: `Beijing, 24 June 2020`."""
    for paragraph in list(paragraphs[-2:])[::-1]:
        if word_count(paragraph.text) > 8:
            continue
        for mention in find_dates(paragraph.text):
            if mention.date is None or mention.day is None or _in_passing(paragraph.text, mention):
                continue
            rule = "closing-date-line"
            return _fields(mention, paragraph.text, paragraph.line, Origin.TEXT, rule, 0.85)
    return None


def _anniversary_date(
    _t: str, _l: int, paragraphs: Sequence[Paragraph], _y: YearHints
) -> Chosen | None:
    """`on the eve of the 19th anniversary of SCO` (founded 15 June 2001): June 2020, no day."""
    for paragraph in paragraphs[:6]:
        match = _ANNIVERSARY.search(norm(paragraph.text[:_NEAR_START]))
        if match:
            year = SCO_FOUNDED.year + int(match["n"])
            snippet = clip(paragraph.text, match.start(), match.end())
            date = PartialDate(year, SCO_FOUNDED.month)
            # "Ahead of" or "marking" an anniversary may be weeks or months from 15 June.
            near = match["how"].lower().startswith(("on", "on the"))
            confidence = 0.7 if near else 0.45
            return (
                Field(date, Origin.TEXT, "sco-anniversary", confidence, paragraph.line, snippet),
                None,
            )
    return None


def _weekday_date(
    _t: str, _l: int, paragraphs: Sequence[Paragraph], years: YearHints
) -> Chosen | None:
    """`this Monday, June 9`: the year in the text on which that day is that weekday."""
    for paragraph in paragraphs[:6]:
        text = paragraph.text[:_NEAR_START]
        plain = norm(text)
        for mention in find_dates(text):
            if mention.year is not None or mention.day is None:
                continue
            weekday = _WEEKDAY_BEFORE.search(plain[max(0, mention.start - 20) : mention.start])
            if weekday is None:
                continue
            return _weekday_field(paragraph, mention, WEEKDAYS.index(weekday[1].lower()), years)
    return None


def _weekday_field(
    paragraph: Paragraph, mention: Mention, weekday: int, years: YearHints
) -> Chosen | None:
    assert mention.month is not None and mention.day is not None
    candidates = {years.curated} if years.curated is not None else set(years.named)
    fitting = [
        y
        for y in sorted(candidates)
        if valid_date(y, mention.month, mention.day)
        and datetime.date(y, mention.month, mention.day).weekday() == weekday
    ]
    snippet = clip(paragraph.text, mention.start, mention.end)
    if len(fitting) == 1:
        date = PartialDate(fitting[0], mention.month, mention.day)
        return Field(date, Origin.TEXT, "weekday-date", 0.7, paragraph.line, snippet), None
    if not candidates:
        return None
    # The weekday fits no single year the text names: trust the month, not the day.
    date = PartialDate(max(candidates), mention.month)
    return Field(date, Origin.TEXT, "weekday-date-unresolved", 0.4, paragraph.line, snippet), None


# "As the year 2017 comes to a close", "This year the SCO celebrates its 20th anniversary": the
# text was written in that year, though it never says on which day.
_THIS_YEAR = re.compile(
    rf"\b(?:the\s+year\s+)?(?P<y>{YEAR_DIGITS})\s+"
    r"(?:is\s+coming|comes|is\s+drawing|draws)\s+to\s+"
    r"(?:a\s+close|an\s+end)\b"
    rf"|\bthis\s+year\s*,?\s*\(?(?P<this>{YEAR_DIGITS})\b"
    r"|\bthis\s+year,?\s+(?:the\s+)?(?:SCO|Shanghai\s+Cooperation\s+Organi[sz]ation)\s+"
    r"(?:celebrates|marks|is\s+celebrating)\s+its\s+(?P<n>\d{1,2})(?:st|nd|rd|th)\s+anniversary",
    re.IGNORECASE,
)


def _this_year(_t: str, _l: int, paragraphs: Sequence[Paragraph], _y: YearHints) -> Chosen | None:
    for paragraph in paragraphs[:3]:
        match = _THIS_YEAR.search(norm(paragraph.text[:_NEAR_START]))
        if match is None:
            continue
        year = int(match["y"] or match["this"] or SCO_FOUNDED.year + int(match["n"]))
        snippet = clip(paragraph.text, *match.span())
        date = PartialDate(year)
        return Field(date, Origin.TEXT, "current-year", 0.55, paragraph.line, snippet), None
    return None


def _fields(
    mention: Mention, text: str, line: int, origin: Origin, rule: str, confidence: float
) -> Chosen:
    assert mention.date is not None
    if mention.date.year < SCO_ERA:
        confidence = min(confidence, 0.3)
    snippet = clip(text, mention.start, mention.end)
    date = Field(mention.date, origin, rule, confidence, line, snippet)
    end = None
    if mention.end_date is not None:
        end = Field(mention.end_date, origin, rule + "-range-end", confidence, line, snippet)
    return date, end


def _year_hints(
    title: str,
    paragraphs: Sequence[Paragraph],
    curated: Mapping[str, Any],
    knowledge: Knowledge | None = None,
    stamp: Field | None = None,
) -> YearHints:
    """Years the text names, for year-less dates; a curated date's year overrules them."""
    date = curated.get("date")
    texts = [norm(title), *(norm(p.text[:_NEAR_START]) for p in paragraphs[:8])]
    named = tuple(y for text in texts for y in _years_named(text) if 1990 <= y <= 2100)
    lead = " ".join(norm(p.text[:600]) for p in lead_paragraphs(paragraphs))
    return YearHints(
        date.year if isinstance(date, PartialDate) else None,
        named,
        _anniversary_year(" ".join(texts)),
        _weekday_named(lead),
        stamp.value if stamp is not None else None,
        tuple(texts),
        knowledge,
    )


# "the Development Strategy until 2035", "by 2030", "the 2030 Agenda": a year a plan aims at is
# no hint of when the text was written (a "June 9" in it would otherwise become June 2035).
_TARGET_BEFORE = re.compile(
    r"\b(?:until|till|through|up\s+to|by|agenda|vision|horizon)\s+(?:the\s+(?:year\s+)?)?$|"
    r"\b(?:до|к)\s+$",
    re.IGNORECASE,
)
_TARGET_AFTER = re.compile(r"^\s+(?:agenda|vision)\b", re.IGNORECASE)


# "Sary-Arka-Antiterror-2019", "Solidarity-2019-2021": a year in a name or a span of years.
_YEAR_IN_NAME = re.compile(r"\w-$")
_SPAN_AFTER = re.compile(r"-\d")


def _years_named(text: str) -> tuple[int, ...]:
    """The years `text` names as years of its own time: not those it aims at or names a thing by."""
    return tuple(int(m[1]) for m in YEAR.finditer(text) if not _names_a_target(m))


def _names_a_target(year: re.Match[str]) -> bool:
    """A year the text aims at or names a thing by: no hint of when it was written."""
    text = year.string
    before = text[max(0, year.start() - 20) : year.start()]
    if _TARGET_BEFORE.search(before) or _TARGET_AFTER.match(text[year.end() :]):
        return True
    return bool(_YEAR_IN_NAME.search(before) or _SPAN_AFTER.match(text, year.end()))


def _years_of_the_text(terms: Mapping[str, Sequence[Holder]]) -> frozenset[int]:
    """The years in which every office holder the text names held office; when no year does
    (a predecessor named in passing), the years any of them did."""
    years = [_years_in_office(t, None, None) for t in terms.values()]
    together = set.intersection(*years) if years else set()
    return frozenset(together or set().union(*years))


_OPEN_TERM = 3  # years an office holder still in office is assumed to serve, for year-less dates


def _terms_by_person(texts: Sequence[str], knowledge: Knowledge) -> dict[str, tuple[Holder, ...]]:
    """The terms in office of every office holder the text names (by name, not by office),
    each person's terms together: a Foreign Minister who was once a spokesman keeps both. A
    term still open ends, here, a few years on."""
    terms: dict[str, tuple[Holder, ...]] = {}
    joined = "\n".join(texts)
    lowered = joined.lower()
    # Still in office: until at least the knowledge file's own present (the latest term it
    # records begins then), not a year of the clock, so the same input gives the same dates.
    present = max((h.start for h in knowledge.holders), default=SCO_ERA) + 1
    for holder in holders_named(joined, knowledge):
        if _names_one_of(joined, lowered, holder.names):
            if holder.until is None:
                end = max(holder.start + _OPEN_TERM - 1, present)
                holder = replace(holder, until=PartialDate(end))
            terms[holder.name] = (*terms.get(holder.name, ()), holder)
    return terms


def _handover_years(texts: Sequence[str], knowledge: Knowledge) -> list[set[int]]:
    """For each office holder a sentence says takes office: their first year; leaves it:
    their last ("努尔加利耶夫正式就任上海合作组织秘书长", "即将离任的秘书长阿利莫夫"). A sentence
    that writes a year tells history ("张德广2004年就任"), not the text's own day."""
    found = []
    for text in texts:
        for change in _HANDOVER.finditer(text):
            left, right = sentence_span(text, change.start(), change.end())
            sentence = text[left:right]
            if YEAR.search(sentence):
                continue
            kind = change.lastgroup or ""
            at = change.start() - left
            holder = _holder_beside(sentence, at, kind.endswith("after"), knowledge)
            if holder is None:
                continue
            if kind.startswith("takes"):
                found.append({holder.start})
            elif holder.until is not None:
                found.append({holder.until.year})
    return found


# A change of office, and on which side of it the holder's name stands: "Nurgaliyev took
# office", "就任" after the name; "the outgoing Secretary-General Alimov", "即将离任的…阿利莫夫",
# "新任秘书长…" before it.
_HANDOVER = re.compile(
    r"(?P<takes_before>\b(?:took|takes|assumed|assumes)\s+office|вступил\w*\s+в\s+должность|"
    r"приступил\w*\s+к\s+исполнению|就任|上任|就职(?!典礼|仪式))"
    r"|(?P<takes_after>\bnewly\s+appointed|\bincoming\b|новый\s+генеральн\w+|新任)"
    r"|(?P<leaves_after>\boutgoing\b|即将离任的|离任的|卸任的|即将卸任的)"
    r"|(?P<leaves_before>\bleaves\s+office|\bleft\s+office|завершил\w*\s+(?:свою\s+)?миссию|"
    r"离任|卸任)",
    re.IGNORECASE,
)


def _holder_beside(sentence: str, at: int, after: bool, knowledge: Knowledge) -> Holder | None:
    """The office holder named nearest `at` on the side the change word points to."""
    best: tuple[int, Holder] | None = None
    for holder in holders_named(sentence, knowledge):
        for name in holder.names:
            for named in phrase_pattern(name).finditer(sentence):
                if after != (named.start() >= at):
                    continue
                distance = named.start() - at if after else at - named.end()
                if best is None or distance < best[0]:
                    best = (distance, holder)
    return best[1] if best else None


def _years_in_office(terms: Sequence[Holder], month: int | None, day: int | None) -> set[int]:
    """The years in which a date on `month`/`day` (any day, when None) falls in one of `terms`."""
    years = set()
    for term in terms:
        for year in range(term.start, (term.end or term.start) + 1):
            if month is None or term.held_on(PartialDate(year, month, day)):
                years.add(year)
    return years


def _fixed_year(
    people: Mapping[str, Sequence[Holder]],
    meetings: Sequence[set[int]],
    month: int | None,
    day: int | None,
) -> int | None:
    """The one year all the text's clues allow: every named person in office, the numbered
    meeting it names held, the meeting it names in a city held there. None when the clues
    disagree (a predecessor named in passing) or leave more than one year."""
    clues = [*(_years_in_office(t, month, day) for t in people.values()), *meetings]
    if not clues:
        return None
    allowed = set.intersection(*clues)
    return allowed.pop() if len(allowed) == 1 else None


def _meeting_years(texts: Sequence[str], knowledge: Knowledge) -> list[set[int]]:
    """For each known meeting the text names: the year of the one its number names, or the
    years it met in the city named in the same sentence."""
    found = []
    for text in texts:
        for mention in mentions_in(text, knowledge):
            sessions = mention.event.sessions
            number = ordinal(mention.words)
            if number is not None:
                years = {s.year for s in sessions if s.number == number and s.year}
            else:
                plain = norm(text)
                start, end = sentence_around(plain, mention)
                # The dateline's city is where the news was filed, not where the meeting met.
                sentence = _without_dateline(_SCO_NAMED.sub(_blank, plain[start:end]))
                lowered = sentence.lower()
                named = places_named(sentence, knowledge)
                cities = {p.name for p in named if _names_one_of(sentence, lowered, p.names)}
                years = {s.year for s in sessions if s.city in cities and s.year}
            if years:
                found.append(years)
        found += _sessions_by_city(text, knowledge)
    return found


# "the Council of Heads of State of the Shanghai Cooperation Organization" names no city.
_SCO_NAMED = re.compile(
    r"Shanghai\s+Co-?operation\s+Organi[sz]ation|Шанхайск\w+\s+организаци\w+\s+сотрудничества"
    r"|上海合作组织",
    re.IGNORECASE,
)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _without_dateline(sentence: str) -> str:
    """The sentence without the dateline that opens it ("新华社北京6月15日电", "BEIJING, June 15
    (Xinhua) --"), if it has one."""
    for mention in find_dates(sentence)[:1]:
        ending = _DATELINE_END.match(sentence, mention.end)
        if ending is not None and _CITY_DATELINE.fullmatch(sentence[: mention.start]):
            return sentence[ending.end() :]
    return sentence


def _sessions_by_city(text: str, knowledge: Knowledge) -> list[set[int]]:
    """For each session the text names by its host city ("the Qingdao summit", "саммит в
    Душанбе", "去年撒马尔罕峰会"): the years it met there, a year on for "last year's"."""
    found = []
    places = places_named(text, knowledge)
    for event in knowledge.events:
        if not event.by_city:
            continue
        for place in places:
            years = {s.year for s in event.sessions if s.called_after == place.name and s.year}
            if not years:
                continue
            for match in _by_city_pattern(place.names, event.by_city).finditer(text):
                before = text[max(0, match.start() - 16) : match.start()]
                shift = 1 if _LAST_YEARS.search(before) else 0
                found.append({year + shift for year in years})
    return found


@lru_cache(maxsize=256)
def _by_city_pattern(cities: tuple[str, ...], words: tuple[str, ...]) -> re.Pattern[str]:
    """ "Qingdao summit", "summit in Qingdao", "саммите ШОС в Душанбе", "青岛峰会"."""
    forms = []
    for city, word in ((c, w) for c in cities for w in words):
        c, w = re.escape(city), re.escape(word)
        if is_cjk(city):
            forms.append(c + w)
        else:
            forms += [
                rf"(?<!\w){c}(?:'s)?\s+(?:SCO\s+)?{w}(?!\w)",
                rf"(?<!\w){w}\w*\s+(?:(?:of\s+the\s+)?(?:SCO|ШОС)\s+)?(?:in|в|во)\s+{c}",
            ]
    return re.compile("|".join(forms), re.IGNORECASE)


_LAST_YEARS = re.compile(
    r"last\s+year'?s?\s*(?:\w+\s+)?$|去年的?$|прошлогодн\w*\s*$", re.IGNORECASE
)


def _names_one_of(text: str, lowered: str, names: Sequence[str]) -> bool:
    """Whether `text` (`lowered`, lower-cased) names any of `names` as a whole word: a cheap
    substring test first, the word pattern only where that passes."""
    return any(key_word(n) in lowered and phrase_pattern(n).search(text) for n in names)


_ANNIVERSARY_YEAR = re.compile(
    r"\b(?P<n>\d{1,2})(?:st|nd|rd|th)\s+anniversary\s+of\s+(?:the\s+)?"
    r"(?:SCO|Shanghai\s+Cooperation\s+Organi[sz]ation)(?!\s*(?:Secretariat|Charter|RATS))\b"
    r"|(?:SCO|Organi[sz]ation)\s+(?:celebrates|marks|is\s+celebrating)\s+its\s+(?P<its>\d{1,2})"
    r"(?:st|nd|rd|th)\s+anniversary"
    rf"|(?:上合组织|上海合作组织)成立\s*(?P<zh>\d{{1,2}}|{HAN_NUMBER})\s*周年",
    re.IGNORECASE,
)


def _anniversary_year(text: str) -> int | None:
    """The year of the SCO's anniversary the text marks, or of another body's whose founding
    year the text gives ("地区反恐怖机构成立十周年 … 2004年6月正式成立": 2014)."""
    found = {
        SCO_FOUNDED.year + _number(m["n"] or m["its"] or m["zh"])
        for m in _ANNIVERSARY_YEAR.finditer(text)
    }
    if not found:
        numbers = {_number(m["n"] or m["zh"]) for m in _ANY_ANNIVERSARY.finditer(text)}
        founded = {int(m["y"] or m["zy"]) for m in _FOUNDED_IN.finditer(text)}
        if len(numbers) == 1 and len(founded) == 1:
            found = {founded.pop() + numbers.pop()}
    return found.pop() if len(found) == 1 else None


_ANY_ANNIVERSARY = re.compile(
    rf"\b(?P<n>\d{{1,2}})(?:st|nd|rd|th)\s+anniversary\b|成立\s*(?P<zh>\d{{1,2}}|{HAN_NUMBER})\s*周年",
    re.IGNORECASE,
)
_FOUNDED_IN = re.compile(
    rf"\b(?:established|founded|created|set\s+up|launched)\s+in\s+(?:\w+\s+)?(?P<y>{YEAR_DIGITS})\b"
    rf"|(?P<zy>{YEAR_DIGITS})年[^。]{{0,30}}?(?:正式)?(?:成立|建立|创建|启动)",
    re.IGNORECASE,
)


def _number(written: str) -> int:
    """ "5", "五", "二十": an anniversary's number, in figures or in Chinese numerals."""
    return int(written) if written.isdigit() else han_number(written)


_WEEKDAY_NAMED = re.compile(
    r"\b(?P<en>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\bв[о]?\s+(?P<ru>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b"
    r"|(?:星期|周)(?P<zh>[一二三四五六日天])",
)
_RU_WEEKDAYS = ["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"]
_ZH_WEEKDAYS = "一二三四五六日"


def _weekday_named(lead: str) -> int | None:
    """The one weekday a news lead names ("said on Tuesday"); None when it names several."""
    days = set()
    for match in _WEEKDAY_NAMED.finditer(lead):
        if match["en"]:
            days.add(WEEKDAYS.index(match["en"].lower()))
        elif match["ru"]:
            days.add(_RU_WEEKDAYS.index(match["ru"].lower()))
        else:
            days.add(_ZH_WEEKDAYS.index(match["zh"].replace("天", "日")))
    return days.pop() if len(days) == 1 else None


_FUTURE = re.compile(
    r"\b(?:will|next|upcoming|scheduled|until|till|by|to be|plans?)\b[^.;]*$", re.I
)


def latest_mentioned(paragraphs: Sequence[Paragraph]) -> PartialDate | None:
    """The latest past date a text names: a document is usually given soon after it."""
    latest: PartialDate | None = None
    budget = _SCAN_LIMIT
    for paragraph in paragraphs[:300]:
        text = paragraph.text[:budget]
        budget -= len(text)
        if not text:
            break
        plain = norm(text)
        for mention in find_dates(text):
            date = mention.date
            if date is None or date.month is None:
                continue
            if _FUTURE.search(plain[max(0, mention.start - 60) : mention.start]):
                continue
            if latest is None or _key(date) > _key(latest):
                latest = date
    return latest


def _key(date: PartialDate) -> tuple[int, int, int]:
    # PartialDate's own ordering cannot compare a missing day with a day.
    return date.year, date.month or 0, date.day or 0
