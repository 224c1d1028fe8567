"""Venue (the event spoken at) and city (from the gazetteer), never a place mentioned in passing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..knowledge import Knowledge, Place
from ..model import Field, Origin, Paragraph
from .kinds import NEWS
from .text import alternation, clip, first_sentence, norm

PRESS_CONFERENCE = "press conference"
VIDEO = "video conference"  # the city of an event held online: a value of its own, not a place
_VIDEO = re.compile(
    r"\b(?:via|by|through|in\s+the\s+format\s+of(?:\s+a)?|in\s+(?:a\s+)?)\s*"
    r"(?:video\s*-?\s*conferenc(?:e|ing)|video\s*link|videolink|online\s+format|video\s+format)"
    r"|\bvideo\s*-?\s*conference\b|\bonline\b",
    re.IGNORECASE,
)
# Where the event is named, strongest first: a title's "… at the X", a report's "following the X".
_TITLE_VENUE = re.compile(
    r"(?:\bat|\bfollowing|\bon\s+the\s+results\s+of|\bon\s+the\s+sidelines\s+of|\bto|\bin|"
    r"\bon(?=\s+(?:the\s+)?(?:\d+\w*\s+|[A-Z]\w+\s+)?(?:meeting|session|summit)\b)|"
    r"\battends?|\battended|\btakes?\s+part\s+in|\btook\s+part\s+in|\bparticipated\s+in|"
    r"\bparticipates\s+in|\baddresse?s|\baddressed|\bopens|\bopened|\bhosts|\bhosted)\s+"
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
    r"spoke\s+at|speaks\s+at|addressed|delivered\s+a\s+speech\s+at|made\s+a\s+speech\s+at|"
    r"opened)\s+(?:the\s+|an?\s+)?(?P<venue>[A-Za-z0-9][^,;.]*)",
    re.IGNORECASE,
)
_LEAD_SUBJECT_VENUE = re.compile(
    r"^\W*(?:the\s+)?(?P<venue>[A-Z0-9][^;.]*?)\s*(?:,[^;.]*?,\s*)?"
    r"(?:took\s+place|was\s+held|were\s+held|is\s+held|opened|was\s+convened)\b",
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_VENUE_END = re.compile(
    r"\s*(?:\(|\[|;|:|,|\s-\s|\bvia\b|\bby\s+video|\bthrough\b|\bchaired\s+by\b|\bheld\b|"
    r"\bwhich\b|\bwhere\b|\bthat\b|\bin\s+(?:the\s+|a\s+)?(?:format|video|online)|"
    rf"\bon\s+(?:\d|the\s+\d|the\s+sidelines|{_MONTH}\s+\d)|\bin\s+{_MONTH}\b|\bfrom\s+\d|"
    r"\band\s+(?:said|noted|stressed|delivered|made|gave)\b)",
    re.IGNORECASE,
)


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
        if venue and _EVENT_WORD.search(venue):
            snippet = clip(title, match.start("venue"), match.start("venue") + len(venue))
            return Field(venue, Origin.TITLE, "venue-in-title", 0.85, line, snippet)
    return None


def _lead_venue(paragraphs: Sequence[Paragraph], knowledge: Knowledge) -> Field | None:
    for paragraph in paragraphs[:2]:
        sentence = norm(first_sentence(paragraph.text))
        for pattern in (_LEAD_VENUE, _LEAD_SUBJECT_VENUE):
            match = pattern.search(sentence)
            if match is None:
                continue
            venue = _clean_venue(match["venue"], knowledge)
            # The event word comes early in an event's name ("The 14th Meeting of …"); a subject
            # that only mentions one later is a person or a body, not the event.
            if venue and _EVENT_WORD.search(" ".join(venue.split()[:4])):
                snippet = clip(paragraph.text, *match.span("venue"))
                return Field(venue, Origin.TEXT, "venue-in-lead", 0.75, paragraph.line, snippet)
    return None


def _clean_venue(raw: str, knowledge: Knowledge) -> str:
    """The event's name alone: cut at its date, place or clause; SCO's long names made short."""
    text = " ".join(raw.split())
    end = _VENUE_END.search(text)
    if end is not None:
        text = text[: end.start()]
    city = _city_pattern(knowledge).search(text)
    if city is not None and re.search(r"\bin\s+$", text[: city.start()]):
        text = text[: city.start()]
        text = re.sub(r"\s*\bin\s*$", "", text)
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(" .,'\""), flags=re.IGNORECASE)
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
    return found


def _landmark_city(
    title: str, title_line: int, paragraphs: Sequence[Paragraph], knowledge: Knowledge
) -> Field | None:
    """ "… held a meeting with the Ambassador at the SCO Secretariat": Beijing."""
    texts = [(title, title_line), *((first_sentence(p.text), p.line) for p in paragraphs[:2])]
    for text, line in texts:
        plain = norm(text)
        for landmark in knowledge.landmarks:
            where = rf"\b(?:at|in)\s+(?:the\s+)?(?:{alternation(landmark.aliases)})(?![\w-])"
            match = re.search(where, plain, re.IGNORECASE)
            if match is not None:
                snippet = clip(text, *match.span())
                return Field(landmark.city, Origin.KNOWLEDGE, "landmark-city", 0.6, line, snippet)
    return None


def _lead_city(paragraphs: Sequence[Paragraph], knowledge: Knowledge) -> Field | None:
    for paragraph in paragraphs[:2]:
        sentence = first_sentence(paragraph.text)
        found = _city_in(sentence, paragraph.line, knowledge, Origin.TEXT, 0.8, paragraph.text)
        if found is None and _VIDEO.search(norm(sentence)):
            found = _video(paragraph.text, paragraph.line, Origin.TEXT)
        if found is not None:
            return found
    return None


@lru_cache(maxsize=32)
def _city_pattern_for(names: tuple[str, ...]) -> re.Pattern[str]:
    # Datelines write cities in capitals ("BEIJING, June 10"); prose never writes "male" as Male.
    spellings = (*names, *(n.upper() for n in names))
    return re.compile(rf"(?<![\w-])(?:{alternation(spellings)})(?![\w-])")


def _city_pattern(knowledge: Knowledge) -> re.Pattern[str]:
    return _city_pattern_for(tuple(n for p in knowledge.places for n in p.names))


# A city is the event's only where the text says the event happened there: "in Bishkek" after an
# event verb or a date, "On 15 May 2019, in Bishkek", a dateline "BEIJING, June 10", or
# "(September 10, 2020, Moscow)". "The Bishkek summit" or "the Bishkek Declaration" are in passing.
_CITY_CONTEXT = re.compile(
    r"(?:^\W*|\b(?:in|at)\s+(?:the\s+city\s+of\s+)?|\d{4},?\s+|\d\s*,\s*|"
    r"\b(?:visit|trip|travelled|traveled|came|arrived)\s+(?:to\s+|in\s+)?)$",
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
    r"situation|victims|events|violence|shooting)\s+(?:in|at|near)\s+(?:the\s+city\s+of\s+)?$",
    re.IGNORECASE,
)
# "(Goa, 5 May 2023)", "Samarkand, 16 September 2022": a place and the day of the event.
_DATE_AFTER = re.compile(r",\s*(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}\b)")
_ENUMERATION = re.compile(r"^\s*(?:,|and\b|&)\s*")
_PASSING_AFTER = re.compile(
    r"^['’]?s?\s*(?:summit|declaration|initiative|spirit|process|format|charter|convention|"
    r"agreement|programme|program|strategy|group)\b",
    re.IGNORECASE,
)


def _city_in(
    text: str, line: int, knowledge: Knowledge, origin: Origin, confidence: float, full: str = ""
) -> Field | None:
    plain = norm(text)
    for match in _city_pattern(knowledge).finditer(plain):
        before = plain[max(0, match.start() - 40) : match.start()]
        after = plain[match.end() : match.end() + 30]
        if (
            re.search(r"\bthe\s+$", before)
            or _PASSING_AFTER.search(after.strip())
            or (origin is Origin.TEXT and _PASSING_BEFORE.search(before))
            or _SUBJECT_PLACE.search(before)
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
    return joint is not None and _city_pattern(knowledge).match(after, joint.end()) is not None


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
    assert place is not None  # the pattern is built from the gazetteer's own names
    return place


def _video(text: str, line: int, origin: Origin) -> Field:
    match = _VIDEO.search(norm(text))
    snippet = clip(text, *match.span()) if match else ""
    return Field(VIDEO, origin, "held-online", 0.7, line, snippet)


def _city_in_venue(venue: Field, knowledge: Knowledge) -> Field | None:
    """`Moscow Conference on International Security` is held in Moscow."""
    match = _city_pattern(knowledge).match(norm(venue.value))
    if match is None:
        return None
    place = _place(match.group(0), knowledge)
    return Field(place.name, venue.origin, "city-in-venue-name", 0.7, venue.line, venue.snippet)
