"""Venue (the event spoken at) and city (from the gazetteer), never a place mentioned in passing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..knowledge import Knowledge, Place
from ..model import Field, Origin, Paragraph
from .kinds import NEWS
from .matcher import places_named
from .text import bounded_alternation, clip, first_sentence, lead_paragraphs, norm, phrase_pattern

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
    r"ceremony|reception|lecture|presentation|exhibition|festival)\b"
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
    r"festival|event|talks|consultations|assembly|presentation|celebration|marathon|expo|games)\b",
    re.IGNORECASE,
)
_LEAD_VENUE = re.compile(
    r"(?:took\s+part\s+in|takes\s+part\s+in|participated\s+in|participates\s+in|attended|attends|"
    r"spoke\s+at|speaks\s+at|speaking\s+at|said\s+at|addressed|delivered\s+a\s+speech\s+at|"
    r"made\s+a\s+speech\s+at|opened|(?:held|holds|hosted|hosts)(?=\s+(?:the\s+|an?\s+)?"
    rf"{_HELD_EVENT}))\s+(?:the\s+|an?\s+)?(?P<venue>[A-Za-z0-9][^,;.]*)"
    # Russian: "принял участие в Международной конференции «…»", "выступил на заседании …"
    r"|(?:принял[аи]?\s+участие\s+в|выступил[аи]?\s+на|состоял(?:ось|ась|ся)|"
    r"прош(?:ло|ла|[её]л))\s+(?P<ru>[А-ЯЁа-яё][^,;]*)",
    re.IGNORECASE,
)
# "The 14th Meeting … took place", "On 15 June 2023, a ceremony marking the SCO Day was held"
_LEAD_SUBJECT_VENUE = re.compile(
    r"^\W*(?:On\s+[^,;.]{4,40},\s*(?:in\s+[A-Z][a-z]+,\s*)?)?(?:the\s+|an?\s+)?"
    r"(?P<venue>[A-Za-z0-9][^;.]*?)\s*(?:,[^;.]*?,\s*)?"
    r"(?:took\s+place|was\s+held|were\s+held|is\s+held|opened|was\s+convened)\b",
)
_SPOKEN_AT = re.compile(r"\b(?:lecture|speech|talk)\s+at\s+(?:the\s+)?$", re.IGNORECASE)
# A title's "to host …" or "to attend …" names what someone will do, not an event's name.
_VERB_FIRST = re.compile(
    r"^(?:host|hold|attend|visit|take|participate|discuss|sign|open|join|meet|become|consider|"
    r"strengthen|boost|expand|promote|develop|support|launch|deepen|be)\b",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_VENUE_END = re.compile(
    r"\s*(?:\(|\[|;|:|,|\s-\s(?!член|member)|\bvia\b|\bby\s+video|\bthrough\b|\bchaired\s+by\b|\bheld\b|"
    r"\bwhich\b|\bwhere\b|\bthat\b|\bin\s+(?:the\s+|a\s+)?(?:format|video|online)|"
    rf"\bon\s+(?:\d|the\s+\d|the\s+sidelines|{_MONTH}\s+\d)|\bin\s+{_MONTH}\b|\bfrom\s+\d|"
    r"\bon\s+the\s+results\b|"
    r"\band\s+(?:said|noted|stressed|delivered|made|gave)\b|"
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
    found = title_venue or lead_venue or _later_venue(paragraphs, knowledge)
    if found is None and kind == PRESS_CONFERENCE:
        # "Press conference of SCO Secretary-General …": the press conference is the occasion.
        found = Field(
            PRESS_CONFERENCE, Origin.TITLE, "press-conference-kind", 0.7, title_line, title
        )
    return found


def _title_venue(title: str, line: int, knowledge: Knowledge) -> Field | None:
    plain = norm(title)
    for match in _TITLE_VENUE.finditer(plain):
        venue = _clean_venue(match["venue"], knowledge)
        # "Lecture at Peking University": where a lecture is given is its venue.
        spoken = _SPOKEN_AT.search(plain[: match.start("venue")]) is not None
        if venue and (_EVENT_WORD.search(venue) or spoken) and not _VERB_FIRST.match(venue):
            snippet = clip(title, match.start("venue"), match.start("venue") + len(venue))
            return Field(venue, Origin.TITLE, "venue-in-title", 0.85, line, snippet)
    return None


def _lead_venue(paragraphs: Sequence[Paragraph], knowledge: Knowledge) -> Field | None:
    for paragraph in lead_paragraphs(paragraphs)[-2:]:
        sentence = norm(first_sentence(paragraph.text))
        for pattern in (_LEAD_VENUE, _LEAD_SUBJECT_VENUE):
            match = pattern.search(sentence)
            if match is None:
                continue
            group = "ru" if match.groupdict().get("ru") else "venue"
            venue = _clean_venue(match[group], knowledge)
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
    r"круглом\s+столе|брифинг)",
    re.IGNORECASE,
)


def _clean_venue(raw: str, knowledge: Knowledge) -> str:
    """The event's name alone: cut at its date, place or clause; SCO's long names made short."""
    text = " ".join(raw.split())
    end = _end_outside_quotes(text)
    if end is not None:
        text = text[:end]
    # "a reception at the SCO Secretariat marking …": the building is where, not what.
    text = _landmark_pattern(knowledge).sub("", text)
    city = _city_pattern(knowledge, text).search(text)
    if city is not None and re.search(r"\bin\s+$", text[: city.start()]):
        text = text[: city.start()]
        text = re.sub(r"\s*\bin\s*$", "", text)
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(" .,'\""), flags=re.IGNORECASE)
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
        if not any(start < match.start() < end for start, end in quoted):
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
    found = _city_in(title, title_line, knowledge, Origin.TITLE, 0.9)
    if found is None and _VIDEO.search(norm(title)):
        found = _video(title, title_line, Origin.TITLE)
    if found is None:
        found = _lead_city(paragraphs, knowledge)
    if found is None and venue is not None:
        found = _city_in_venue(venue, knowledge)
    if found is None:
        found = _landmark_city(title, title_line, paragraphs, knowledge)
    if found is None:
        found = _closing_city(paragraphs, knowledge)
    return found


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
    for paragraph in lead_paragraphs(paragraphs):
        sentence = first_sentence(paragraph.text)
        found = _event_city(sentence, paragraph, knowledge) or _city_in(
            sentence, paragraph.line, knowledge, Origin.TEXT, 0.8, paragraph.text
        )
        if found is None and _VIDEO.search(norm(sentence)):
            found = _video(paragraph.text, paragraph.line, Origin.TEXT)
        if found is not None:
            return found
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
    r"\d{4}\s+(?:года|г\.)\s+в\s+|在|于|新华社)$",
    re.IGNORECASE,
)
_PASSING_BEFORE = re.compile(
    r"\b(?:summit|adopted|signed|approved|since|next|upcoming|will|would|founded|established|"
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
    r"|^合作组织|^合组织",  # 上海合作组织: the SCO's own name, not the city
    re.IGNORECASE,
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
            or _SUBJECT_PLACE.search(plain[max(0, match.start() - 100) : match.start()])
            or _enumerated(after, knowledge)
        ):
            continue
        at_start = match.start() == len(plain) - len(plain.lstrip())
        # "BEIJING, June 10 (APP):", "MOSCOW. KAZINFORM …", "Panaji, 5 May 2023"
        dateline = (at_start and after.startswith(",")) or _DATE_AFTER.match(after) is not None
        dateline = dateline or (at_start and match.group(0).isupper() and after.startswith("."))
        if not (dateline or _CITY_CONTEXT.search(before)):
            continue
        if origin is Origin.TEXT and not dateline and not _event_sentence(plain):
            continue
        place = _place(match.group(0), knowledge)
        snippet = clip(full or text, match.start(), match.end())
        return Field(place.name, origin, "city-named", confidence, line, snippet)
    return None


def _enumerated(after: str, knowledge: Knowledge) -> bool:
    """ "Beijing, Tashkent and Moscow": a list of places, none of them the event's."""
    joint = _ENUMERATION.match(after)
    if joint is None:
        return False
    return _city_pattern(knowledge, after).match(after, joint.end()) is not None


def _event_sentence(sentence: str) -> bool:
    return bool(
        re.search(
            r"\b(?:took place|was held|were held|held|hosted|on\s+\d|\d{4}|took part|attended|"
            r"participated|visited|met|arrived|opened|convened|(?:On|on)\s+[A-Z][a-z]+\s+\d)",
            sentence,
        )
    )


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
    r"\b(?:at|during|on\s+the\s+sidelines\s+of)\s+(?:the|a|an)\s+(?P<event>[^.;]{0,120}?)"
    r"\s+in\s+$",
    re.IGNORECASE,
)
_FUTURE_EVENT = re.compile(r"\b(?:upcoming|next|will|to\s+be\s+held|forthcoming|scheduled)\b", re.I)


# "the programme adopted at the 2018 SCO Summit in Qingdao": the summit is in passing.
_DONE_AT = re.compile(
    r"\b(?:adopted|signed|approved|agreed|reached|decided|launched|announced|since|after|before|"
    r"following|recalled|recalling)\s*$",
    re.IGNORECASE,
)


def _event_city(sentence: str, paragraph: Paragraph, knowledge: Knowledge) -> Field | None:
    plain = norm(sentence)
    for match in _city_pattern(knowledge, plain).finditer(plain):
        before = plain[max(0, match.start() - 160) : match.start()]
        event = _EVENT_IN.search(before)
        if event is None or not _EVENT_WORD.search(event["event"]):
            continue
        if _FUTURE_EVENT.search(before) or _DONE_AT.search(before[: event.start()]):
            continue
        place = _place(match.group(0), knowledge)
        snippet = clip(paragraph.text, match.start(), match.end())
        return Field(place.name, Origin.TEXT, "city-of-event", 0.8, paragraph.line, snippet)
    return None


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


def _city_in_venue(venue: Field, knowledge: Knowledge) -> Field | None:
    """`Moscow Conference on International Security` is held in Moscow."""
    match = _city_pattern(knowledge, venue.value).match(norm(venue.value))
    if match is None:
        return None
    place = _place(match.group(0), knowledge)
    return Field(place.name, venue.origin, "city-in-venue-name", 0.7, venue.line, venue.snippet)
