"""The SCO's recurring meetings (knowledge `events:`), found where a text makes one its occasion.

A council's name alone ("Council of Heads of Government") is not yet the event: the text's own
wording around it is ("the 24th meeting of the SCO Council of Heads of Government"), and that
wording is the venue. A mention is the occasion only where the text says someone attends, hosts,
speaks at or holds it, or that it was held; "the decisions of the Council of Heads of State" is in
passing. A numbered meeting's host city comes from the knowledge file's `sessions`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sco_archive.infer.matcher import events_named
from sco_archive.infer.text import CJK, alternation, is_cjk, norm
from sco_archive.knowledge import Event, Knowledge, Session

_SCO = (
    r"(?:SCO|Shanghai\s+Cooperation\s+Organi[sz]ation(?:\s*\(SCO\))?|ШОС|"
    r"Шанхайской\s+организации\s+сотрудничества|организации)"
)
_ACRONYM = r"(?:\s*\((?:[A-ZА-Я][\w-]*\s*){1,3}\))"
_UNIT_ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"thirtieth|fortieth)"
)
_ORDINAL_WORD = rf"(?:(?:twenty|thirty|forty)-?)?{_UNIT_ORDINAL}"
# What may stand between the article and "meeting of": "the 24th", "a two-day", "the regular".
_MODIFIER = (
    rf"(?:\d+\s*-?\s*(?:st|nd|rd|th|ое|ом|ого|ому|ой|ая|ую|ые|ых|е|й|го|м)?|{_ORDINAL_WORD}|"
    r"\d{4}|regular|extraordinary|"
    r"extended|expanded|enlarged|restricted|narrow|plenary|annual|informal|jubilee|anniversary|"
    r"(?:one|two|three)-day|очередн\w+|внеочередн\w+|расширенн\w+|юбилейн\w+)"
)
_MEETING = (
    r"(?:meeting|session|summit|sitting|заседани\w*|встреч\w+|саммит\w*|сесси\w+|совещани\w+)"
)
# "the 24th meeting of the SCO …", "заседании …", before the body's own name.
_LEFT = re.compile(
    # "my first meeting of …" is the speaker's first, not the meeting's number.
    rf"(?:(?<!my\s)(?<!our\s)(?<!his\s)(?<!her\s)\b(?:{_MODIFIER}\s+){{0,3}}"
    rf"(?:{_MEETING}\s+(?:of\s+)?(?:the\s+)?)?){{0,2}}"
    rf"(?:{_SCO}(?:'s)?\s+(?:member\s+states'\s+)?)?$",
    re.IGNORECASE,
)
# "… of the Member States of the Shanghai Cooperation Organization (SCO)", "-членов ШОС"
_RIGHT = re.compile(
    rf"{_ACRONYM}?(?:\s+(?:meeting|session|summit))?"
    rf"(?:\s+of\s+(?:the\s+)?(?:member\s+(?:states|countries)\s+of\s+(?:the\s+)?)?{_SCO}"
    rf"{_ACRONYM}?(?:\s+member\s+(?:states|countries))?)?"
    rf"(?:\s*-\s*(?:член\w*|участник\w*)(?:\s+{_SCO})?|\s+{_SCO}(?=[\s,.;]|$))?{_ACRONYM}?",
    re.IGNORECASE,
)
_ZH_LEFT = re.compile(r"(?:“?上海合作[组組][织織]”?|上合[组組][织織])?(?:成[员員][国國])?$")
_ZH_RIGHT = re.compile(
    r"(?:第[一二三四五六七八九十百〇\d]+次)?(?:例行|扩大|擴大)?(?:会议|會議|会晤|會晤)?"
)

# The text makes the mention its occasion: someone is at it, hosts it, speaks to it, …
_OCCASION_BEFORE = re.compile(
    r"(?:\b(?:at|to|attend\w*|participat\w*\s+in|take\s+part\s+in|taking\s+part\s+in|"
    r"took\s+part\s+in|takes\s+part\s+in|host\w*|chair\w*|open\w*|address\w*|join\w*|"
    r"following|during|convened|held|holds|"
    # "Declaration of the Tenth Meeting of the Council …": adopted there.
    r"declaration\s+of|communiqu[eé]\s+of)"
    r"(?:\s*,\s*[A-Z][a-z]+\s*,)?\s+(?:(?:the|an?|this|its|my|our)\s+)?"
    r"(?:(?:first|important|historic|current)\s+)?"
    r"|(?:участи[еяю]\s+в|выступ\w+\s+на|на|по\s+итогам|состоял\w*|прош(?:ло|ла|[её]л)|"
    r"состоится|пройд[её]т|провел\w*|провёл)\s+"
    r"|(?:(?:出席|参加|參加|举行|舉行|主持)了?|(?:召开|召開|举行|舉行)的))$",
    re.IGNORECASE,
)
# … or says it was held: "The 20th session of the Council … was held on 27 March in Tashkent."
_OCCASION_AFTER = re.compile(
    r"[^.;]{0,60}?\b(?:(?:was|were|is|will\s+be)\s+(?:held|convened|hosted|opened|underway)|"
    r"took\s+place|takes\s+place|opened|opens|kicked\s+off|kicks\s+off|began|begins|"
    r"concluded|concludes|closed|closes|ended|ends|wrapped\s+up|"
    r"hosted\s+in|held\s+in|состоял\w*|прош(?:ло|ла|[её]л)|открыл\w*|завершил\w*)\b"
    r"|[^。，,]{0,30}?在[^。，,]{1,15}?(?:隆重)?(?:举行|舉行|召开|召開|开幕|開幕)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    """An event as the text words it, where (in the normalised text) and which one it is."""

    event: Event
    words: str
    start: int
    end: int


def occasion_in(text: str, knowledge: Knowledge, *, news: bool = False) -> Mention | None:
    """The first known event `text` names as its occasion, in the text's own wording. Only a
    news item's may be still to come ("Tashkent will host a meeting of the RATS Council"): an
    article or a speech names a coming event in passing."""
    plain = norm(text)
    for mention in _mentions(plain, knowledge):
        start, end = sentence_around(plain, mention)
        sentence = plain[start:end]
        before = plain[max(start, mention.start - 80) : mention.start]
        clause = plain[start : mention.start]  # the sentence up to the mention
        if _PASSING.search(before) or _ONLY_TO_ATTEND.search(clause):
            continue
        if _RU_FUTURE.search(sentence) or (not news and _TO_COME.search(sentence)):
            continue
        if _OCCASION_BEFORE.search(before) or (
            _SUBJECT.fullmatch(clause) and _OCCASION_AFTER.match(plain, mention.end, end)
        ):
            return mention
    return None


def sentence_around(plain: str, mention: Mention) -> tuple[int, int]:
    """Where the sentence holding `mention` starts and ends in `plain`."""
    return sentence_span(plain, mention.start, mention.end)


def sentence_span(plain: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding [start, end) starts and ends in `plain`."""
    starts = [m.end() for m in _SENTENCE_BREAK.finditer(plain, 0, start)]
    following = _SENTENCE_BREAK.search(plain, end)
    return (starts[-1] if starts else 0), (following.start() if following else len(plain))


# "ahead of the summit", "the decisions of the Council", "the programme adopted at": the event
# is not the occasion ("resolutions were signed at the meeting" is). Nor is one someone only will
# attend ("will represent Pakistan at the upcoming summit", "будет присутствовать на саммите").
_PASSING = re.compile(
    r"(?:\b(?:prior|ahead|preparations?|report|decisions?|results|since|next|upcoming|previous|"
    r"last|forthcoming|before|until|after)|(?<!was\s)(?<!were\s)(?<!been\s)\b(?:adopted|"
    r"approved|signed))\b[^.;,]{0,25}$"
    r"|(?:по\s+завершении|после|накануне|перед)\s+[^.;,]{0,25}$",
    re.IGNORECASE,
)
# "Xi to chair SCO summit", "Modi will be visiting Samarkand … to attend the SCO summit".
_ONLY_TO_ATTEND = re.compile(
    r"(?:\b(?:will|shall)|\b(?:is|are|plans?|set|expected|due|going)\s+to|^[A-Z][\w.'-]*\s+to)"
    r"\s+(?:\w+\s+)?(?:attend|participate|take\s+part|represent|lead|travel|chair)\b[^.;]{0,60}$"
    r"|\bwill\b[^.;]{0,120}?\bto\s+(?:attend|participate|take\s+part)\b[^.;]{0,60}$",
    re.IGNORECASE,
)
_TO_COME = re.compile(
    r"\b(?:will\s+(?:host|hold|be\s+held)|to\s+be\s+held)\b|состоится|пройд[её]т|将于|將於|将在|將在"
)
# Russian says who will attend or decide with a future verb anywhere in the sentence.
_RU_FUTURE = re.compile(r"(?<!\w)(?:будет|будут|обсудят|примет|примут|посетит|выступит)(?!\w)")
_SENTENCE_BREAK = re.compile(r"[.;!?。]\s+|[。；]")
# The mention is the sentence's subject: only a date or an article before it.
_SUBJECT = re.compile(
    r"\W*(?:On\s+[^,;]{4,30}?(?:,\s*\d{4})?,\s*|"
    r"(?:\d{4}年)?[\d一二三四五六七八九十]+月[\d一二三四五六七八九十]+日[,，]?|"
    r"\d{1,2}\s+[а-я]+\s+(?:\d{4}\s+года\s+)?)?(?:the\s+|a\s+)?",
    re.IGNORECASE,
)


def mentions_in(text: str, knowledge: Knowledge) -> list[Mention]:
    """Every known event `text` names, in its own wording, in the order they occur."""
    return _mentions(norm(text), knowledge)


def _mentions(plain: str, knowledge: Knowledge) -> list[Mention]:
    events = events_named(plain, knowledge)
    if not events:
        return []
    pattern, owner = _pattern_for(events)
    found = []
    for match in pattern.finditer(plain):
        event = owner[match.lastgroup]
        found.append(_widened(plain, event, match.start(), match.end()))
    return found


_Compiled = tuple[re.Pattern[str], dict[str, Event]]
_PATTERNS: dict[tuple[int, ...], tuple[tuple[Event, ...], _Compiled]] = {}


def _pattern_for(events: tuple[Event, ...]) -> _Compiled:
    """Compiled once per set of events (by identity: hashing the events costs more)."""
    key = tuple(id(event) for event in events)
    kept = _PATTERNS.get(key)
    if kept is None or any(a is not b for a, b in zip(kept[0], events, strict=True)):
        if len(_PATTERNS) > 256:
            _PATTERNS.clear()
        kept = _PATTERNS[key] = (events, _aliases_of(events))
    return kept[1]


def _aliases_of(events: tuple[Event, ...]) -> _Compiled:
    """One pattern for the aliases of all `events`, each event's in groups of its own: its Latin
    and Cyrillic aliases after one word boundary (the search then tries only word starts), its
    Chinese ones anywhere. None ends on a boundary, so that a Russian alias runs on into
    "-членов"."""
    words, chinese, owner = [], [], {}
    for i, event in enumerate(events):
        ordered = sorted(event.aliases, key=len, reverse=True)
        latin = [a for a in ordered if not is_cjk(a[:1])]
        han = [a for a in ordered if is_cjk(a[:1])]
        if latin:
            words.append(f"(?P<w{i}>{alternation(latin)})")
            owner[f"w{i}"] = event
        if han:
            chinese.append(f"(?P<z{i}>{alternation(han)})")
            owner[f"z{i}"] = event
    branches = ([rf"\b(?:{'|'.join(words)})"] if words else []) + chinese
    return re.compile("|".join(branches), re.IGNORECASE), owner


def _widened(plain: str, event: Event, start: int, end: int) -> Mention:
    """The alias and the words that make it one meeting: "the 24th meeting of the SCO …"."""
    if re.match(rf"[{CJK}]", plain[start : start + 1]):
        left, right = _ZH_LEFT, _ZH_RIGHT
    else:
        left, right = _LEFT, _RIGHT
    before = left.search(plain[max(0, start - 80) : start])
    if before is not None:
        start -= len(before.group(0))
    after = right.match(plain, end)
    if after is not None:
        end = after.end()
    words = re.sub(r"^(?:the|a|an|this|its)\s+", "", plain[start:end].strip(), flags=re.I)
    return Mention(event, words, end - len(words), end)


_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40}
_ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def ordinal(words: str) -> int | None:
    """The number of a meeting as its name gives it: "24th", "twenty-third", "7-е", "第十八次"."""
    found = re.search(
        r"(?<!\d)(\d{1,2})\s*-?\s*(?:st|nd|rd|th|ое|ом|ого|ому|ой|ая|ую|ые|ых|е|й|го|м)\b",
        words,
        re.I,
    )
    if found:
        return int(found.group(1))
    found = re.search(rf"\b{_ORDINAL_WORD}\b", words, re.I)
    if found:
        return _english_ordinal(found.group(0).lower())
    found = re.search(r"第([一二三四五六七八九十\d]+)次", words)
    return _chinese_number(found.group(1)) if found else None


def _english_ordinal(word: str) -> int | None:
    for tens, value in _TENS.items():
        if word.startswith(tens):  # "twenty-third"; "twentieth" does not start with "twenty"
            rest = word[len(tens) :].lstrip("-")
            return value + _UNITS[rest] if rest in _UNITS else None
    return _UNITS.get(word)


def _chinese_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return _ZH_DIGITS.get(text)
    return (_ZH_DIGITS.get(tens, 1) if tens else 1) * 10 + _ZH_DIGITS.get(units, 0)


def session_of(mention: Mention, year: int | None = None) -> Session | None:
    """The meeting the mention names by its number ("the ninth summit"), or else the one of
    `year` (the year a title gives), when the knowledge file knows where it was."""
    number = ordinal(mention.words)
    if number is not None:
        return mention.event.session(number)
    return mention.event.session_in(year) if year is not None else None


# A Russian event's head noun as the text declines it ("на заседании", "по итогам встречи") and
# as a name is written: the nominative ("заседание", "встреча").
_NOMINATIVE = (
    (r"заседани(?:и|я|ю|ем)", "заседание"),
    (r"совещани(?:и|я|ю|ем)", "совещание"),
    (r"мероприяти(?:и|я|ю|ем)", "мероприятие"),
    (r"встреч(?:е|и|у|ей)", "встреча"),
    (r"выставк(?:е|и|у|ой)", "выставка"),
    (r"конференци(?:и|ю|ей)", "конференция"),
    (r"сесси(?:и|ю|ей)", "сессия"),
    (r"церемони(?:и|ю|ей)", "церемония"),
    (r"саммит(?:е|а|у|ом)", "саммит"),
    (r"форум(?:е|а|у|ом)", "форум"),
    (r"брифинг(?:е|а|у|ом)", "брифинг"),
    (r"семинар(?:е|а|у|ом)", "семинар"),
    (r"торжеств(?:е|а|у|ом)", "торжество"),
    (r"при[её]м(?:е|а|у|ом)", None),
    (r"кругл(?:ом|ого|ому|ым)\s+стол(?:е|а|у|ом)", "круглый стол"),
)
# Only a head that opens the name: "Международной конференции" would need its adjective declined.
_HEAD = re.compile(
    "^(?:" + "|".join(f"(?:{p})" for p, _ in _NOMINATIVE) + r")(?![\w-])", re.IGNORECASE
)


def nominative(words: str) -> str:
    """ "заседании Совета глав государств" → "заседание Совета глав государств"."""
    head = _HEAD.match(words)
    if head is None:
        return words
    form = head.group(0)
    for pattern, name in _NOMINATIVE:
        if re.fullmatch(pattern, form, re.IGNORECASE):
            # "приёме" → "приём": the stem as the text spells it (with ё or е).
            name = name or re.sub(r"(?:ом|е|а|у)$", "", form)
            if form[:1].isupper():
                name = name[:1].upper() + name[1:]
            return name + words[head.end() :]
    return words
