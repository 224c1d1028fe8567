"""Venue (the event spoken at) and city (from the gazetteer), never a place mentioned in passing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import islice

from sco_archive.infer.events import (
    Mention,
    mentions_in,
    nominative,
    occasion_in,
    ordinal,
    session_of,
)
from sco_archive.infer.kinds import NEWS
from sco_archive.infer.matcher import events_named, places_named
from sco_archive.infer.text import (
    CJK,
    RECORD_PARAGRAPHS,
    RECORD_PLACE,
    as_written,
    bounded_alternation,
    clip,
    first_sentence,
    is_cjk,
    lead_paragraphs,
    norm,
    phrase_pattern,
    without_pinyin,
    word_count,
)
from sco_archive.knowledge import Knowledge, Place
from sco_archive.model import Field, Origin, Paragraph
from sco_archive.read.structure import STAMP_OPENING

PRESS_CONFERENCE = "press conference"
VIDEO = "video conference"  # the city of an event held online: a value of its own, not a place
_VIDEO = re.compile(
    r"\b(?:via|by|through|in\s+the\s+format\s+of(?:\s+a)?|in\s+(?:a\s+)?)\s*"
    r"(?:video\s*-?\s*conferenc(?:e|ing)|video\s*link|videolink|online\s+format|video\s+format)"
    r"|\bvideo\s*-?\s*conference\b|\bonline\b",
    re.IGNORECASE,
)
# Events someone holds that are the occasion of the text; "held a meeting with the Ambassador"
# or "held talks" name an encounter, not an event with a name of its own.
_HELD_EVENT = (
    r"(?:\w+\s+){0,2}(?:press\s+conference|briefing|round\s*table|seminar|conference|forum|"
    r"ceremony|reception|lecture|presentation|exhibition|festival|celebrations?|festivities|"
    r"concert|gala)\b"
)
# Where the event is named, strongest first: a title's "… at the X", a report's "following the X".
_TITLE_VENUE = re.compile(
    # "in" names the event ("Remarks in the UN Security Council") unless it follows what a
    # title is about: "Pakistan's role in Samarkand summit".
    r"(?:\bat|\bfollowing|\bon\s+the\s+results\s+of|\bon\s+the\s+sidelines\s+of|\bto|"
    r"(?<!role)(?<!participation)(?<!contribution)(?<!interest)(?<!success)(?<!place)\s\bin|"
    r"\bon(?=\s+(?:the\s+)?(?:\d+\w*\s+|[A-Z]\w+\s+)?(?:meeting|session|summit)\b)|"
    r"\battends?|\battended|\btakes?\s+part\s+in|\btook\s+part\s+in|\bparticipated\s+in|"
    r"\bparticipates\s+in|\baddresse?s|\baddressed|\bopens|\bopened|\bhosts|\bhosted|"
    rf"\bhold(?:s|ing)?(?=\s+(?:the\s+|an?\s+)?{_HELD_EVENT}))\s+"
    r"(?:the\s+|an?\s+)?(?P<venue>[A-Za-z0-9].*)",
    re.IGNORECASE,
)
_EVENT_WORD = re.compile(
    r"\b(?:meeting|conference|forum|summit|session|council|press\s+conference|briefing|"
    r"round\s*table|roundtable|seminar|symposium|ceremony|reception|exhibition|dialogue|congress|"
    r"festival|event|talks|consultations|assembly|presentation|celebration|marathon|expo|games)s?\b",
    re.IGNORECASE,
)
# A name runs on through a quoted title with commas in it: the "…" of a special event.
_NAME = r'[^,;.«"]*(?:(?:«[^»]*»|"[^"]*")[^,;.«"]*)*'
_LEAD_VENUE = re.compile(
    # Each branch starts at a word's start: the search tries no other place (it is faster).
    r"\b(?:took\s+part\s+in|takes\s+part\s+in|take\s+part\s+in|participated\s+in|"
    r"participates\s+in|attended|attends|attending|chaired|chairs|chairing|"
    # A translation's inverted order: "In Beijing took place the presentation of …"
    r"(?:took\s+place|was\s+held)(?=\s+the\s)|"
    r"spoke\s+at|speaks\s+at|speaking\s+at|said\s+at|addressed|delivered\s+a\s+speech\s+at|"
    # "the hosts of this conference" are people, not an act of hosting
    r"made\s+a\s+speech\s+at|opened|(?<!the\s)(?<!our\s)(?<!its\s)(?<!his\s)(?<!her\s)"
    r"(?:held|holds|hosted|hosts|gives|gave)(?=\s+(?:the\s+|an?\s+)?"
    rf"{_HELD_EVENT})|"
    # The UN's "Following are the Secretary-General's remarks at …", "video message to …"
    r"(?:remarks|speech|statement|message|address|lecture)\s+(?:by\s+[^,;.]{0,80}?\s+)?(?:at|to))"
    rf"\s+(?:the\s+|an?\s+)?(?P<venue>[A-Za-z0-9]{_NAME})"
    # Russian: "принял участие в Международной конференции «…»", "выступил на заседании …",
    # "по итогам встречи …" (following the meeting)
    r"|(?<!\w)(?:принял[аи]?\s+участие\s+в|принима(?:ет|ют)\s+участие\s+в|выступ\w*\s+на|"
    r"по\s+итогам|состоял(?:ось|ась|ся)|состоится|прош(?:ло|ла|[её]л))"
    r"\s+(?P<ru>[А-ЯЁа-яё0-9][^,;]*)",
    re.IGNORECASE,
)
# "The 14th Meeting … took place", "On 15 June 2023, a ceremony marking the SCO Day was held"
_LEAD_SUBJECT_VENUE = re.compile(
    r"^\W*(?:On\s+[^,;.]{4,40}(?:,\s*\d{4})?,\s*(?:in\s+[A-Z][a-z]+,\s*)?)?(?:the\s+|an?\s+)?"
    r"(?P<venue>[A-Za-z0-9][^;.]*?)\s*(?:,[^;.]*?,\s*)?"
    r"(?:took\s+place|was\s+held|were\s+held|is\s+held|opened|was\s+convened|"
    r"(?:is|was|got|gets)\s+underway|kick(?:s|ed)\s+off|(?:was\s+)?hosted\s+in|held\s+in|"
    r"opens\s+in|began|begins)\b",
)
_SPOKEN_AT = re.compile(r"\b(?:lecture|speech|talk)\s+at\s+(?:the\s+)?$", re.IGNORECASE)
# A title's "to host …" or "to attend …" names what someone will do, not an event's name.
_VERB_FIRST = re.compile(
    r"^(?:host|hold|attend|visit|take|participate|discuss|sign|open|join|meet|become|consider|"
    r"strengthen|boost|expand|promote|develop|support|launch|deepen|be|make|chair|ensure|"
    r"prepare|represent|"
    # "at the upcoming SCO Summit": an event still to come is not the one the text reports.
    r"upcoming|next|forthcoming|future)\b",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_VENUE_END = re.compile(
    # "(SCO)", "(CHG)" belong to the name; "(June 10-11, 2010, Tashkent)" ends it.
    r"\s*(?:\((?!(?:[A-ZА-Я][\w-]*\s*){1,3}\))|\[|;|:|,|\s-\s(?!член|member)|\bvia\b|"
    r"\bby\s+video|\bthrough\b|\bchaired\s+by\b|\bheld\b|"
    r"\bwhich\b|\bwhere\b|\bthat\b|\bin\s+(?:the\s+|a\s+)?(?:format|video|online)|"
    rf"\bon\s+(?:\d|the\s+\d|the\s+sidelines|{_MONTH}\s+\d)|\bin\s+{_MONTH}\b|\bfrom\s+\d|"
    r"\bon\s+the\s+results\b|"
    r"\band\s+(?:said|noted|stressed|delivered|made|gave|delivers|makes|gives|says|notes|"
    r"stresses|holds|meets|calls|signs)\b|"
    r"\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
    r"\b(?:here|today|yesterday)\b)",
    re.IGNORECASE,
)
_QUOTED = re.compile(r'«[^»]*»|"[^"]*"|“[^”]*”')


def infer_venue(
    title: str,
    title_line: int,
    paragraphs: Sequence[Paragraph],
    knowledge: Knowledge,
    *,
    kind: str | None = None,
) -> Field | None:
    """The event the document was given at or reports on, in the words of the title or lead."""
    title_venue = _title_venue(title, title_line, knowledge)
    lead_venue = _lead_venue(paragraphs, knowledge)
    if kind == NEWS and lead_venue is not None:
        return lead_venue
    found = title_venue or lead_venue
    found = found or _opening_venue(title, title_line, paragraphs, knowledge, news=kind == NEWS)
    found = found or _later_venue(paragraphs, knowledge)
    if found is None and kind == PRESS_CONFERENCE and _NAMES_A_BRIEFING.search(title):
        # "Press conference of SCO Secretary-General …": the press conference is the occasion.
        # (A kind read from the text alone does not say the text was given at one.)
        found = Field(
            PRESS_CONFERENCE, Origin.TITLE, "press-conference-kind", 0.7, title_line, title
        )
    if found is not None and is_cjk(found.value):
        sources = (title, *(p.text for p in paragraphs))
        found = replace(found, value=as_written(found.value, sources))
    return found


_NAMES_A_BRIEFING = re.compile(
    r"press\s*-?\s*conference|news\s+conference|briefing|presser|пресс-конференц|брифинг|"
    r"记者会|記者會|发布会|發佈會|發布會|吹风会|吹風會",
    re.IGNORECASE,
)


def _title_venue(title: str, line: int, knowledge: Knowledge) -> Field | None:
    plain = norm(title)
    for match in (*_TITLE_VENUE.finditer(plain), *_TITLE_SUBJECT.finditer(plain)):
        venue = _clean_venue(match["venue"], knowledge)
        # "Lecture at Peking University": where a lecture is given is its venue.
        spoken = _SPOKEN_AT.search(plain[: match.start("venue")]) is not None
        if match.re is _TITLE_SUBJECT and not _subject_is_event(venue):
            continue
        if venue and (_EVENT_WORD.search(venue) or spoken) and not _VERB_FIRST.match(venue):
            snippet = clip(title, match.start("venue"), match.start("venue") + len(venue))
            return Field(venue, Origin.TITLE, "venue-in-title", 0.85, line, snippet)
    return None


# A title whose subject is the event: "The 22nd session of … hosted in Tashkent", "SCO Summit
# Opens in Yekaterinburg", or the event and its city alone: "SCO summit in Tashkent".
_TITLE_SUBJECT = re.compile(
    r"^\W*(?:the\s+)?(?P<venue>[A-Za-z0-9][^;:.]*?)\s+"
    r"(?:(?:was\s+|is\s+)?(?:held|hosted)\s+in|(?:was|is)\s+held|opens|opened|kicks\s+off|"
    r"kicked\s+off|"
    r"(?:is|gets)\s+underway|begins|took\s+place|takes\s+place|concludes|closes|ends|"
    r"in(?=\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?\s*$))\b",
)


def _subject_is_event(venue: str) -> bool:
    """ "SCO summit", not "SCO Anti-Terrorist Structure Holds Session": the subject a title
    names as what was held or opened begins with its event word or ends with it, verbless."""
    words = venue.split()
    return bool(_EVENT_WORD.search(" ".join(words[:4]))) and not _TITLE_VERB.search(venue)


_TITLE_VERB = re.compile(
    r"\b(?:holds?|held|hosts?|opens?|attends?|meets?|visits?|takes?|joins?|says?|calls?)\b", re.I
)


def _lead_venue(paragraphs: Sequence[Paragraph], knowledge: Knowledge) -> Field | None:
    for paragraph in lead_paragraphs(paragraphs)[-2:]:
        sentence = norm(first_sentence(paragraph.text))
        for pattern in (_LEAD_VENUE, _LEAD_SUBJECT_VENUE):
            match = pattern.search(sentence)
            if match is None:
                continue
            group = "ru" if match.groupdict().get("ru") else "venue"
            venue = _clean_venue(match[group], knowledge)
            if group == "ru":
                venue = _russian_venue(venue, sentence[match.start(group) + len(venue) :])
            # The event word comes early in an event's name ("The 14th Meeting of …"); a subject
            # that only mentions one later is a person or a body, not the event.
            first_words = " ".join(venue.split()[:4])
            if venue and (_EVENT_WORD.search(first_words) or _RU_EVENT_WORD.search(first_words)):
                snippet = clip(paragraph.text, *match.span(group))
                return Field(venue, Origin.TEXT, "venue-in-lead", 0.75, paragraph.line, snippet)
    return None


# After the lead only the occasion of someone's words counts: "Speaking at a symposium, …".
_SPEAKING_AT = re.compile(
    r"\b(?:speaking|spoke|said|addressing)\s+(?:at|to)\s+(?:the\s+|an?\s+)?"
    r"(?P<venue>[A-Za-z0-9][^,;.]*)",
    re.IGNORECASE,
)


def _later_venue(paragraphs: Sequence[Paragraph], knowledge: Knowledge) -> Field | None:
    """ "Speaking at a symposium in Beijing, Zhang said …" in the paragraph after the lead."""
    lead = lead_paragraphs(paragraphs)
    following = paragraphs[len(lead) : len(lead) + 1]
    for paragraph in following:
        sentence = norm(first_sentence(paragraph.text))
        match = _SPEAKING_AT.search(sentence)
        if match is None:
            continue
        venue = _clean_venue(match["venue"], knowledge)
        if venue and _EVENT_WORD.search(" ".join(venue.split()[:4])):
            snippet = clip(paragraph.text, *match.span("venue"))
            return Field(venue, Origin.TEXT, "venue-after-lead", 0.6, paragraph.line, snippet)
    return None


_RU_EVENT_WORD = re.compile(
    r"(?:конференци|заседани|совещани|форум|саммит|встреч|сессии|семинар|церемони|выставк|"
    r"кругл\w+\s+стол|брифинг|торжеств|при[её]м)",
    re.IGNORECASE,
)
# "торжество, посвященное годовщине …": a head with no name of its own takes its occasion.
_DEVOTED = re.compile(r"\s*,\s*(посвящ[её]нн\w+\s+[^,;.]+)")


def _russian_venue(venue: str, rest: str) -> str:
    """In the nominative; a bare "торжество" with what it was devoted to."""
    devoted = _DEVOTED.match(rest) if len(venue.split()) == 1 else None
    venue = nominative(venue)
    return f"{venue}, {devoted.group(1).strip()}" if devoted else venue


def _opening_venue(
    title: str, title_line: int, paragraphs: Sequence[Paragraph], knowledge: Knowledge, news: bool
) -> Field | None:
    """The first event the title or the opening makes its occasion: a council of the knowledge
    file, or an event named in Chinese."""
    opening = [Paragraph(title, title_line), *_opening_paragraphs(paragraphs)]
    whole = " ".join(p.text for p in opening)
    # One pass over the whole opening rules most documents out of each search.
    known, chinese = bool(events_named(whole, knowledge)), is_cjk(whole)
    for paragraph in opening:
        text = paragraph.text[:700]
        found: list[tuple[int, Field]] = []
        if known:
            found += _known_event(text, paragraph.line, knowledge, news)
        if chinese:
            found += _chinese_venue(text, paragraph.line)
        if found:
            return min(found, key=lambda item: item[0])[1]  # the one the text names first
    return None


Found = tuple[tuple[int, Field], ...]  # (where in the text, the venue), or () for none


def _known_event(text: str, line: int, knowledge: Knowledge, news: bool) -> Found:
    """A council or forum of the knowledge file that the text makes the occasion: "Islamabad
    is hosting a two-day meeting of the Council of Heads of Government"."""
    mention = occasion_in(text, knowledge, news=news)
    if mention is None:
        return ()
    venue = _clean_venue(_mention_words(mention), knowledge)
    if not venue:
        return ()
    snippet = clip(text, mention.start, mention.end)
    return ((mention.start, Field(venue, Origin.TEXT, "known-event-occasion", 0.7, line, snippet)),)


def _mention_words(mention: Mention) -> str:
    words = re.sub(r"^(?:one|two|three)-day\s+", "", mention.words)  # how long, not which
    return nominative(without_pinyin(words))


def _opening_paragraphs(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """The lead, and in a speech the first paragraphs of prose after its salutation lines
    ("Your Excellency …,")."""
    return [*lead_paragraphs(paragraphs), *_after_salutation(paragraphs[:12])]


def _after_salutation(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """A speech's first paragraphs of prose after its salutation lines, if it has any."""
    salutations = [i for i, p in enumerate(paragraphs) if _is_salutation(p.text.rstrip())]
    if not salutations:
        return []
    following = paragraphs[salutations[-1] + 1 :]
    return list(islice((p for p in following if word_count(p.text) > 12), 3))


def _is_salutation(text: str) -> bool:
    """ "Excellencies,", "Director of the Executive Committee … Mirzaev,", "尊敬的各位同事："."""
    return text.endswith((",", ":", "!", "，", "：", "！")) and word_count(text) <= 30


# Chinese names the event where someone holds, attends or chairs it ("主持例行记者会"), or where
# it "在…举行" (was held in …); the name ends in a word for an event.
_ZH_EVENT = (
    r"(?:会议|會議|峰会|峰會|论坛|論壇|招待会|招待會|记者会|記者會|发布会|發佈會|發布會|吹风会|"
    r"吹風會|典礼|典禮|仪式|儀式|会晤|會晤|座谈会|座談會|研讨会|研討會|博览会|博覽會|展览会|"
    r"展覽會|开幕式|開幕式|圆桌会|圓桌會|年会|年會|大会|大會|晚会|晚會|音乐会|音樂會)"
)
_ZH_NAME = rf"[{CJK}“”·0-9]{{2,40}}{_ZH_EVENT}"
_ZH_DATE = r"(?:\d{4}年)?(?:[\d一二三四五六七八九十]{1,2}月)?(?:[\d一二三四五六七八九十]{1,3}日)?"
_ZH_VENUE = re.compile(
    rf"(?:出席|参加|參加|举行|舉行|主持|召开|召開)了?(?:在[^，。,]{{1,15}}?(?:举行|舉行|召开|召開)的)?"
    rf"(?P<held>{_ZH_NAME})"
    rf"|(?P<subject>{_ZH_NAME})(?:“[^”]{{0,40}}”)?{_ZH_DATE}(?:上午|下午|晚)?"
    r"在[^，。,]{1,15}?(?:隆重)?(?:举行|舉行|召开|召開|开幕|開幕)"
)


def _chinese_venue(text: str, line: int) -> Found:
    written = without_pinyin(text)
    plain = norm(written)  # offset for offset the text as written, in one script
    for match in _ZH_VENUE.finditer(plain):
        group = "held" if match["held"] else "subject"
        # "阿利莫夫的就职招待会": the event, not whose it is.
        venue = match[group].rpartition("的")[2].strip("“”·")
        if len(venue) >= 4 and not _ZH_NUMBER_ONLY.fullmatch(venue):
            snippet = clip(written, *match.span(group))
            field = Field(venue, Origin.TEXT, "venue-named-zh", 0.6, line, snippet)
            return ((match.start(), field),)
    return ()


# "举行第六次会晤" (held its sixth meeting) names no event: only its number.
_ZH_NUMBER_ONLY = re.compile(
    rf"(?:第[一二三四五六七八九十\d]+次|首次|本次|此次|这次|這次){_ZH_EVENT}"
)


def _clean_venue(raw: str, knowledge: Knowledge) -> str:
    """The event's name alone: cut at its date, place or clause; SCO's long names made short."""
    text = " ".join(raw.split())
    # "today's special session": when, not which (and "today" would end the name).
    text = re.sub(r"^(?:today|this\s+year|yesterday)'s\s+", "", text, flags=re.IGNORECASE)
    end = _end_outside_quotes(text)
    if end is not None:
        text = text[:end]
    # "a reception at the SCO Secretariat marking …": the building is where, not what.
    text = _landmark_pattern(knowledge).sub("", text)
    city = _city_pattern(knowledge, text).search(text)
    if city is not None and re.search(r"\b(?:in|at)\s+$", text[: city.start()]):
        text = text[: city.start()]
        text = re.sub(r"\s*\b(?:in|at)\s*$", "", text)
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(" .,'\""), flags=re.IGNORECASE)
    # "news conference by SCO Secretary-General … on the results": who gave it is not its name.
    text = re.sub(
        r"^((?:joint\s+)?(?:press|news)\s+conference|(?:press\s+|media\s+)?briefing)\s+by\s+.+?"
        r"(?=\s+(?:on|following|after|for)\s|$)",
        r"\1",
        text,
        flags=re.IGNORECASE,
    )
    # "India-hosted SCO Foreign Ministers' Meeting": who hosted it is not part of its name.
    text = re.sub(r"^[A-Z][\w]+-(?:hosted|led|chaired|organi[sz]ed)\s+", "", text, flags=re.I)
    # "address to the participants of the International Conference …"
    text = re.sub(r"^(?:participants|guests|delegates)\s+of\s+(?:the\s+)?", "", text, flags=re.I)
    text = re.sub(
        r"(?:the\s+)?Shanghai\s+Cooperation\s+Organi[sz]ation(?:\s+\(SCO\))?", "SCO", text
    )
    # "Meeting of SCO member states' Security Council Secretaries" is the same event as
    # "Meeting of Security Council Secretaries of SCO Member States": one spelling for both.
    text = re.sub(
        r"\bof\s+(?:the\s+)?SCO\s+member\s+states'\s+(.+)$", r"of \1 of SCO Member States", text
    )
    text = re.sub(r"\bSCO\s+member\s+states\b", "SCO Member States", text, flags=re.IGNORECASE)
    return text.strip()[:160]


def _end_outside_quotes(text: str) -> int | None:
    """Where the event's name ends: the first clause break not inside «…» or "…"."""
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    for match in _VENUE_END.finditer(text):
        if any(start < match.start() < end for start, end in quoted):
            continue
        # "SCO - Council of Heads of Government Meeting": a dash before the event word is not
        # the end of its name.
        if match.group(0).strip() == "-" and not _EVENT_WORD.search(text[: match.start()]):
            continue
        return match.start()
    return None


def _landmark_pattern(knowledge: Knowledge) -> re.Pattern[str]:
    aliases = tuple(a for landmark in knowledge.landmarks for a in landmark.aliases)
    return _landmark_pattern_for(aliases)


@lru_cache(maxsize=32)
def _landmark_pattern_for(aliases: tuple[str, ...]) -> re.Pattern[str]:
    if not aliases:
        return re.compile(r"(?!)")
    return re.compile(rf"\s+(?:at|in)\s+(?:the\s+)?(?:{bounded_alternation(aliases)})", re.I)


def infer_city(
    title: str,
    title_line: int,
    paragraphs: Sequence[Paragraph],
    knowledge: Knowledge,
    *,
    venue: Field | None = None,
) -> Field | None:
    """The city the event took place in; "video conference" when it was held online."""
    found = _event_city(title, Paragraph(title, title_line), knowledge) or _city_in(
        title, title_line, knowledge, Origin.TITLE, 0.9
    )
    if found is None and _VIDEO.search(norm(title)):
        found = _video(title, title_line, Origin.TITLE)
    if found is None:
        found = _lead_city(paragraphs, knowledge) or _dateline_city(paragraphs, knowledge)
    if found is None:
        found = _reported_from(paragraphs, knowledge)
    if found is None and venue is not None:
        found = _city_in_venue(venue, knowledge) or _session_city(venue, title, knowledge)
    if found is None:
        found = _landmark_city(title, title_line, paragraphs, knowledge)
    if found is None:
        found = _closing_city(paragraphs, knowledge) or _record_city(paragraphs, knowledge)
    return found


def _reported_from(paragraphs: Sequence[Paragraph], knowledge: Knowledge) -> Field | None:
    """Where the reporter is: "…, сообщает специальный корреспондент Tengrinews.kz из Уфы",
    "Sputnik comes live from Tashkent"."""
    for paragraph in lead_paragraphs(paragraphs):
        plain = norm(first_sentence(paragraph.text))
        for match in _city_pattern(knowledge, plain).finditer(plain):
            if _FROM_THE_SCENE.search(plain[max(0, match.start() - 80) : match.start()]):
                snippet = clip(paragraph.text, match.start(), match.end())
                place = _place(match.group(0), knowledge)
                return Field(place.name, Origin.TEXT, "reported-from", 0.7, paragraph.line, snippet)
    return None


_FROM_THE_SCENE = re.compile(
    r"(?:корреспондент\w*|репортер\w*|репортёр\w*)\b[^;]{0,60}?\s+из\s+$"
    r"|\b(?:live|reporting|reports?)\s+from\s+$",
    re.IGNORECASE,
)


def _record_city(paragraphs: Sequence[Paragraph], knowledge: Knowledge) -> Field | None:
    """An archive record's own field, above its text: "[Place] Astana"."""
    for paragraph in paragraphs[:RECORD_PARAGRAPHS]:
        plain = norm(paragraph.text)
        for label in RECORD_PLACE.finditer(plain):
            city = _city_pattern(knowledge, plain).match(plain, label.end())
            if city is not None:
                place = _place(city.group(0), knowledge)
                snippet = clip(paragraph.text, label.start(), city.end())
                rule = "record-place-field"
                return Field(place.name, Origin.TEXT, rule, 0.8, paragraph.line, snippet)
    return None


def _landmark_city(
    title: str, title_line: int, paragraphs: Sequence[Paragraph], knowledge: Knowledge
) -> Field | None:
    """ "… held a meeting with the Ambassador at the SCO Secretariat": Beijing."""
    lead = lead_paragraphs(paragraphs)
    texts = [(title, title_line), *((first_sentence(p.text), p.line) for p in lead)]
    for text, line in texts:
        plain = norm(text)
        for landmark in knowledge.landmarks:
            match = _at_landmark(landmark.aliases).search(plain)
            if match is not None:
                snippet = clip(text, *match.span())
                return Field(landmark.city, Origin.KNOWLEDGE, "landmark-city", 0.6, line, snippet)
    return None


@lru_cache(maxsize=64)
def _at_landmark(aliases: tuple[str, ...]) -> re.Pattern[str]:
    where = rf"(?:\b(?:at|in|to|в|во)\s+(?:the\s+)?|在)(?:{bounded_alternation(aliases)})"
    return re.compile(where, re.IGNORECASE)


def _lead_city(paragraphs: Sequence[Paragraph], knowledge: Knowledge) -> Field | None:
    lead = [(first_sentence(p.text), p) for p in lead_paragraphs(paragraphs)]
    # The event's own city first, wherever in the lead: "New Delhi: Modi attended the summit in
    # Samarkand" happened in Samarkand, whatever the dateline says. A dateline may stand as a
    # sentence of its own ("BISHKEK, Kyrgyzstan, November 17."): the next one counts too.
    for sentence, paragraph in lead:
        found = _event_city(sentence, paragraph, knowledge)
        if found is None and len(sentence) < 80:  # a dateline alone, perhaps
            second = first_sentence(paragraph.text[len(sentence) :])
            found = _event_city(second, paragraph, knowledge, offset=len(sentence))
        if found is not None:
            return found
    for sentence, paragraph in lead:
        found = _city_in(sentence, paragraph.line, knowledge, Origin.TEXT, 0.8, paragraph.text)
        if found is None and _VIDEO.search(norm(sentence)):
            found = _video(paragraph.text, paragraph.line, Origin.TEXT)
        if found is not None:
            return found
    return None


# A news dateline below the lead (after a subtitle or a photo credit): "UFA, July 10. /TASS/.",
# "Islamabad: …", "DUSHANBE -- …", "(Beijing, June 7, 2012)", "Astana, 9 June 2017",
# "ТАШКЕНТ, 16 июн — Sputnik", "新华社阿斯塔纳6月30日电".
_DATELINE_AFTER = re.compile(
    r"(?:,\s*[A-Z][a-z]+)?(?:,\s*(?:\d{1,2}\s+[A-Za-zА-Яа-я]+|[A-Z][a-z]+\.?\s+\d{1,2}\b)"
    r"|\s*(?::|--|-\s)|\.\s+/)"
)
_MAY_BE_DATELINE = re.compile(r"^\W*(?:date\s+\S+\s+)?(?:\S+\s+){0,5}?\S+(?:,|:|\s-|\.\s+/)|电|電")
# "Xinhua News Agency, Beijing, November 5": the agency before the city.
_AGENCY = re.compile(r"\W*(?:[A-Z][\w.]*\s+){0,3}(?:News\s+)?Agency\s*,\s*")
_ZH_DATELINE = re.compile(
    r"(?:\d{4}年)?[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日(?:电|電)"
)


def _dateline_city(paragraphs: Sequence[Paragraph], knowledge: Knowledge) -> Field | None:
    for paragraph in paragraphs[len(lead_paragraphs(paragraphs)) : 8]:
        if not _MAY_BE_DATELINE.search(paragraph.text[:80]):
            continue  # most paragraphs: no place and date at their start
        plain = norm(paragraph.text[:200])
        for match in _city_pattern(knowledge, plain).finditer(plain):
            at_start = not plain[: match.start()].strip(" (") or _AGENCY.fullmatch(
                plain[: match.start()]
            )
            after = plain[match.end() :]
            western = at_start and _DATELINE_AFTER.match(after) is not None
            # "新华社阿斯塔纳6月30日电", "中新社北京6月6日電": an agency, the city, the day, 电.
            chinese = _ZH_DATELINE.match(after) is not None and is_cjk(match.group(0))
            if western or chinese:
                place = _place(match.group(0), knowledge)
                snippet = clip(paragraph.text, match.start(), match.end())
                return Field(place.name, Origin.TEXT, "dateline-city", 0.8, paragraph.line, snippet)
    return None


_NOTHING = re.compile(r"(?!)")


@lru_cache(maxsize=4096)  # one per set of places a text names: few sets recur
def _city_pattern_for(names: tuple[str, ...]) -> re.Pattern[str]:
    # Datelines write cities in capitals ("BEIJING, June 10"); prose never writes "male" as Male.
    spellings = (*names, *(n.upper() for n in names))
    return re.compile(rf"(?:{bounded_alternation(spellings)})")


def _city_pattern(knowledge: Knowledge, text: str) -> re.Pattern[str]:
    """The places `text` may name, as one pattern (infer/matcher.py finds which, in one pass)."""
    names = tuple(n for p in places_named(text, knowledge) for n in p.names)
    return _city_pattern_for(names) if names else _NOTHING


# A city is the event's only where the text says the event happened there: "in Bishkek" after an
# event verb or a date, "On 15 May 2019, in Bishkek", a dateline "BEIJING, June 10", or
# "(September 10, 2020, Moscow)". "The Bishkek summit" or "the Bishkek Declaration" are in passing.
_CITY_CONTEXT = re.compile(
    r"(?:^\W*|\b(?:in|at|в|во)\s+(?:the\s+city\s+of\s+)?|\d{4},?\s+|\d\s*,\s*|"
    r"\b(?:visit|trip|travelled|traveled|came|arrived)\s+(?:to\s+|in\s+)?|"
    # "in the Uzbek capital Tashkent", "in east China's coastal city of Qingdao",
    # "в кыргызской столице Бишкеке", "在塔吉克斯坦首都杜尚别", "在山东省青岛市"
    r"\b(?:in|at)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}(?:capital|city)(?:\s+of)?\s+|"
    r"\bв\s+(?:\w+\s+)?столиц[еы]\s+(?:\w+\s+)?|"
    rf"(?:在|于|於|抵达|抵達)(?:[{CJK}]{{0,8}}?(?:首都|省|州|斯坦|罗斯|羅斯|印度|伊朗|蒙古))?|"
    r"\d{4}\s+(?:года|г\.)\s+в\s+(?:г\.\s*)?|\bв\s+г\.\s*|新华社)$",
    re.IGNORECASE,
)
_PASSING_BEFORE = re.compile(
    # "the 2018 SCO Summit in Qingdao" in passing, but "SCO Summit Opens in Yekaterinburg"
    r"\b(?:summit(?!\s+(?:opens|opened|was\s+held|is\s+held|took\s+place|kicks\s+off|kicked\s+off)"
    r"\s+in\s*$)|adopted|signed|approved|since|next|upcoming|will|would|founded|established|"
    r"sites|cities)\b[^.;,]*$",
    re.IGNORECASE,
)
# Where something happened that the document is about, not where it was given: "the terrorist
# attack in Moscow", "the situation in Kabul".
_SUBJECT_PLACE = re.compile(
    r"\b(?:attacks?|bombings?|explosions?|blasts?|earthquakes?|floods?|tragedy|crash|incidents?|"
    r"situation|victims|events|violence|shooting)\b"
    # "the attack carried out on 2 November 2020 at Kabul University"
    r"(?:\s+(?:carried\s+out|committed|perpetrated|that\s+occurred|which\s+took\s+place)"
    r"(?:\s+on\s+[^.;]{1,25}?)?)?"
    # "the terrorist attack on the Consulate General of China in Karachi"
    r"(?:\s+(?:on|against)\s+[^.;,]{1,60}?)?"
    r"\s+(?:in|at|near)\s+(?:the\s+city\s+of\s+)?$",
    re.IGNORECASE,
)
# "(Goa, 5 May 2023)", "Samarkand, 16 September 2022": a place and the day of the event.
_DATE_AFTER = re.compile(
    r",\s*(?:\d{1,2}\s+[A-Za-zА-Яа-я]+|[A-Z][a-z]+\.?\s+\d{1,2}\b)|\d{1,2}月\d{1,2}日"
)
_ENUMERATION = re.compile(r"^\s*(?:,|and\b|&)\s*")
_PASSING_AFTER = re.compile(
    r"^['’]?s?\s*(?:summit|declaration|initiative|spirit|process|format|charter|convention|"
    r"agreement|programme|program|strategy|group|Cooperation\s+Organi[sz]ation|Five)\b"
    # "Astana will host the summit next week": a place named for what is still to come.
    r"|^\s*(?:will|is\s+to|is\s+going\s+to|would)\b"
    r"|^,?\s*(?:котор\w+\s+(?:состоится|пройд[её]т|будет))"  # "в Душанбе, который состоится"
    r"|^合作[组組][织織]|^合[组組][织織]"  # 上海合作组织: the SCO's own name, not the city
    r"|^[^，,。]{0,4}?(?:发生|發生)",  # "在伏尔加格勒发生的恐怖袭击": where an attack happened
    re.IGNORECASE,
)
# An event still to come, in a title too: "the summit scheduled for June 15-16 in …",
# "将于今年秋天在天津举行峰会" (will hold the summit in Tianjin this autumn).
_FUTURE_BEFORE = re.compile(
    r"\b(?:scheduled|slated|upcoming|forthcoming|to\s+be\s+held)\b[^.;,]*$"
    r"|^[A-Z][\w.'-]*\s+to\s+(?:attend|chair|visit|participate)\b[^.;]*$"  # "Xi to chair … in …"
    r"|(?:将|將|即将|即將)(?:于|於)?[^，,。]{0,12}$"
)


def _city_in(
    text: str, line: int, knowledge: Knowledge, origin: Origin, confidence: float, full: str = ""
) -> Field | None:
    plain = norm(text)
    for match in _city_pattern(knowledge, plain).finditer(plain):
        before = plain[max(0, match.start() - 40) : match.start()]
        after = plain[match.end() : match.end() + 30]
        if (
            re.search(r"\bthe\s+$", before)
            or _PASSING_AFTER.search(after.strip())
            or (origin is Origin.TEXT and _PASSING_BEFORE.search(before))
            or _FUTURE_BEFORE.search(plain[max(0, match.start() - 80) : match.start()])
            or _SUBJECT_PLACE.search(plain[max(0, match.start() - 100) : match.start()])
            or _enumerated(after, knowledge)
        ):
            continue
        dateline = _is_dateline(plain, match, after)
        if not (dateline or _CITY_CONTEXT.search(before)):
            continue
        if origin is Origin.TEXT and not dateline and not _event_sentence(plain):
            continue
        place = _place(match.group(0), knowledge)
        snippet = clip(full or text, match.start(), match.end())
        return Field(place.name, origin, "city-named", confidence, line, snippet)
    return None


def _is_dateline(plain: str, match: re.Match[str], after: str) -> bool:
    """ "BEIJING, June 10 (APP):", "MOSCOW. KAZINFORM …", "Panaji, 5 May 2023", "Islamabad: …",
    "DUSHANBE -- …"; or "… remarks at the event, in New York today"."""
    if _DATE_AFTER.match(after) or re.match(r"\s+today\b", after):
        return True
    # A dateline opens the text, after the page's "date 2024-10-15" stamp if any.
    if STAMP_OPENING.sub("", plain[: match.start()]).strip():
        return False
    capitals = match.group(0).isupper()
    return after.startswith((",", ":")) or (capitals and after.startswith((".", " -")))


def _enumerated(after: str, knowledge: Knowledge) -> bool:
    """ "Beijing, Tashkent and Moscow": a list of places, none of them the event's."""
    joint = _ENUMERATION.match(after)
    if joint is None:
        return False
    return _city_pattern(knowledge, after).match(after, joint.end()) is not None


_EVENT_VERB = re.compile(
    r"\b(?:took place|was held|were held|held|hosted|on\s+\d|\d{4}|took part|attended|"
    r"participated|visited|met|arrived|opened|convened|(?:On|on)\s+[A-Z][a-z]+\s+\d|chaired|"
    r"gathered|attending|kicked off|opens|underway|began)"
    # Russian and Chinese: "в Витебске прошла встреча", "在北京举行"
    r"|(?:состоял|состоится|прош(?:ло|ла|[её]л)|пройд[её]т|провел|провёл|провод|принял|принима|"
    r"участ|встрет|открыл|выступ|посетил|прибыл|собрал)"
    r"|举行|舉行|召开|召開|开幕|開幕|闭幕|閉幕|出席|参加|參加|会见|會見|会晤|會晤|举办|舉辦|接受|"
    r"访问|訪問|抵达|抵達|主持|发表|發表|表示|致辞|致辭|签署|簽署"
)


def _event_sentence(sentence: str) -> bool:
    return _EVENT_VERB.search(sentence) is not None


def _place(name: str, knowledge: Knowledge) -> Place:
    place = knowledge.place(name)
    if place is not None:
        return place
    # A declined Russian form ("Бишкеке") or a capitalised one ("МОСКВА") of a gazetteer name.
    for candidate in knowledge.places:
        if any(phrase_pattern(n).fullmatch(name) for n in candidate.names):
            return candidate
    raise LookupError(name)  # the pattern is built from the gazetteer's own names


# "…, speaking at the meeting of the SCO Council of Foreign Ministers in Dushanbe": the event's
# city, which a news agency's dateline ("MOSCOW, July 14. /TASS/.") does not give.
_EVENT_IN = re.compile(
    r"\b(?:at|during|on\s+the\s+sidelines\s+of|attended|attending|attends|took\s+part\s+in|"
    r"taking\s+part\s+in|participated\s+in|participating\s+in|chaired|following)"
    r"\s+(?:the|a|an)\s+(?P<event>[^.;]{0,120}?)\s+in\s+$",
    re.IGNORECASE,
)
# "… has arrived in Moscow to participate in the 24th meeting …": where the event is, whatever the
# dateline says. "прибыл в Москву для участия", "抵达阿斯塔纳,参加".
_ARRIVED_BEFORE = re.compile(r"(?:\barriv\w+\s+in|\bприбы\w+\s+в|抵达|抵達)\s*$", re.I)
_ARRIVED_AFTER = re.compile(
    r"^[^.;]{0,60}?\bto\s+(?:take\s+part|participate|attend)|"
    r"^[^.;]{0,40}?(?:для\s+участия|чтобы\s+принять\s+участие)|^[^。]{0,20}?(?:参加|參加|出席)",
    re.IGNORECASE,
)
_FUTURE_EVENT = re.compile(r"\b(?:upcoming|next|will|to\s+be\s+held|forthcoming|scheduled)\b", re.I)


# "the programme adopted at the 2018 SCO Summit in Qingdao": the summit is in passing.
_DONE_AT = re.compile(
    r"\b(?:adopted|signed|approved|agreed|reached|decided|launched|announced|since|after|before|"
    r"following|recalled|recalling)\s*$",
    re.IGNORECASE,
)


def _event_city(
    sentence: str, paragraph: Paragraph, knowledge: Knowledge, offset: int = 0
) -> Field | None:
    """`offset`: where the sentence starts in its paragraph (for the snippet)."""
    plain = norm(sentence)
    for match in _city_pattern(knowledge, plain).finditer(plain):
        rule = _why_the_events_city(plain, match)
        if rule is None:
            continue
        place = _place(match.group(0), knowledge)
        snippet = clip(paragraph.text, offset + match.start(), offset + match.end())
        return Field(place.name, Origin.TEXT, rule, 0.8, paragraph.line, snippet)
    return None


def _why_the_events_city(plain: str, match: re.Match[str]) -> str | None:
    """The rule that makes a city named in the sentence the event's, if one does."""
    before = plain[max(0, match.start() - 160) : match.start()]
    if _ARRIVED_BEFORE.search(before[-40:]) and _ARRIVED_AFTER.search(plain[match.end() :]):
        return "city-arrived-for-event"
    event = _EVENT_IN.search(before)
    if event is None or not _EVENT_WORD.search(event["event"]):
        return None
    if _FUTURE_EVENT.search(before) or _DONE_AT.search(before[: event.start()]):
        return None
    return "city-of-event"


def _closing_city(paragraphs: Sequence[Paragraph], knowledge: Knowledge) -> Field | None:
    """A signature line at the end, `Beijing, 24 March 2024`: where the text was issued."""
    for paragraph in list(paragraphs[-2:])[::-1]:
        if len(paragraph.text.split()) > 8:
            continue
        plain = norm(paragraph.text)
        match = _city_pattern(knowledge, plain).match(plain.lstrip("( "))
        offset = len(plain) - len(plain.lstrip("( "))
        if match is None or not re.match(r"\s*[,，]\s*\d", plain[offset + match.end() :]):
            continue
        place = _place(match.group(0), knowledge)
        snippet = clip(paragraph.text, offset + match.start(), offset + match.end())
        return Field(place.name, Origin.TEXT, "closing-city-line", 0.8, paragraph.line, snippet)
    return None


def _video(text: str, line: int, origin: Origin) -> Field:
    match = _VIDEO.search(norm(text))
    snippet = clip(text, *match.span()) if match else ""
    return Field(VIDEO, origin, "held-online", 0.7, line, snippet)


def _session_city(venue: Field, title: str, knowledge: Knowledge) -> Field | None:
    """ "The ninth summit of the Council of Heads of Member States", "Address at the Meeting of
    the Heads of Government (December 15, 2015)": the knowledge file knows where each numbered
    meeting, or each year's, was; none for one held online."""
    mention = next(iter(mentions_in(venue.value, knowledge)), None)
    years = set(re.findall(r"(?<!\d)(20[0-3]\d)(?!\d)", title))
    year = int(years.pop()) if len(years) == 1 else None
    session = session_of(mention, year) if mention is not None else None
    if session is None or session.city is None:
        return None
    # A number in the event's own name is surer than a year somewhere in the title.
    numbered = session.number is not None and ordinal(mention.words) == session.number
    rule, confidence = (
        ("city-of-numbered-meeting", 0.7) if numbered else ("city-of-year-meeting", 0.6)
    )
    return Field(session.city, Origin.KNOWLEDGE, rule, confidence, venue.line, venue.snippet)


def _city_in_venue(venue: Field, knowledge: Knowledge) -> Field | None:
    """`Moscow Conference on International Security` is held in Moscow."""
    match = _city_pattern(knowledge, venue.value).match(norm(venue.value))
    if match is None or _PASSING_AFTER.search(venue.value[match.end() :].strip()):
        return None
    place = _place(match.group(0), knowledge)
    return Field(place.name, venue.origin, "city-in-venue-name", 0.7, venue.line, venue.snippet)
