"""The speaker and their role: named in the title or lead, or resolved from an office and a date."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from sco_archive.infer.kinds import (
    ANNOUNCES,
    INTERVIEW,
    NEWS,
    NO_SPEAKER,
    PRESS_CONFERENCE,
    reports_adopted_text,
    title_kind,
)
from sco_archive.infer.matcher import holders_named, offices_named, per_knowledge
from sco_archive.infer.text import (
    alternation,
    clip,
    first_sentence,
    is_cjk,
    norm,
    phrase_pattern,
)
from sco_archive.knowledge import Holder, Knowledge, Office
from sco_archive.model import Field, Origin, Paragraph, PartialDate
from sco_archive.read.structure import STAMP_OPENING, squash

# Chinese pages are also written in traditional characters ("張德廣", "上合組織秘書長"), and the
# knowledge file spells its Chinese names in simplified ones. Each traditional character of
# those names (and of the verbs below) folds to its simplified form, one character for one, so
# offsets still point into the text as written. Made with OpenCC: every character that its
# t2s table folds to a character of the `offices:` section (or of the verbs below), other than
# the characters of that section themselves.
_TRADITIONAL = (
    "亞佈倫傑傢優內別剋剛劉劍務區厤參員問囌國埰執堅奧寀寧寶崑庫廣張強彆慶懞捨採揚曆書會東楊楓構"
    "機歷溫漢潔澤濛濟濤烏熱爾瑩瑪璿發盧矇硃祕稱約紅納紮紹組統絲維緻總織羅習聯舉茲華萊萬葉蓆蓋蔔"
    "蔘薑薩蘇蘭衚裏裡見託記訪說説調談諾謝議賈趙辭達邁錦錶鎔長閤陸韋韓馬髮鬆鬍魯麗齊齣"
)
_SIMPLIFIED = (
    "亚布伦杰家优内别克刚刘剑务区历参员问苏国采执坚奥采宁宝昆库广张强别庆蒙舍采扬历书会东杨枫构"
    "机历温汉洁泽蒙济涛乌热尔莹玛璇发卢蒙朱秘称约红纳扎绍组统丝维致总织罗习联举兹华莱万叶席盖卜"
    "参姜萨苏兰胡里里见托记访说说调谈诺谢议贾赵辞达迈锦表镕长合陆韦韩马发松胡鲁丽齐出"
)
_FOLD_SCRIPT = str.maketrans(_TRADITIONAL, _SIMPLIFIED)


@lru_cache(maxsize=64)  # the rules read one document's lead paragraphs several times each
def _plain(text: str) -> str:
    """`norm`, and traditional Chinese characters as simplified: offsets are kept."""
    plain = norm(text)
    return plain if plain.isascii() else plain.translate(_FOLD_SCRIPT)


_NAME_TOKEN = r"(?:[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)?|[A-Z]\.)"
# Capitalised words that are part of a role or an institution, never of a person's name.
_NOT_NAME_WORDS = """
SCO UN RATS OSCE CSTO CIS ASEAN The the Of of And and At Secretary Secretary-General General
Minister President Director Chairman Chairwoman Chair Ambassador Head Deputy Prime Foreign
Affairs Chief Envoy Representative Adviser Advisor Vice Premier Spokesperson Commissioner
Mayor Governor Executive Committee Council Secretariat Mr Mrs Ms Dr H.E. Excellency His Her
Special Permanent State Security National Defence Defense Minister-Counsellor Counsellor
Organisation Organization Shanghai Cooperation Structure Regional Anti-Terrorist Member
States Republic People's Federation Kingdom Meeting Conference Forum Summit Address Speech
Remarks Statement Interview Article Message Press Information Report News Joint Opening
Closing Keynote Welcoming Congratulatory Video Greetings Extraordinary Plenipotentiary
Kyrgyz Kazakh Uzbek Tajik Chinese Russian Indian Pakistani Iranian Belarusian Mongolian Afghan
Turkish Azerbaijani Armenian Kyrgyzstan Kazakhstan Uzbekistan Tajikistan China Russia India
Pakistan Iran Belarus Mongolia Afghanistan Turkey Azerbaijan Armenia Egypt Qatar Cambodia Nepal
Sri Lanka Arabia Saudi Emirates Kuwait Bahrain Maldives Myanmar Laos Turkmenistan Islamic
Media Center Centre Home Archive Details Breaking Politics World
"""
_NOT_NAME = frozenset(_NOT_NAME_WORDS.split())
_TITLE_PREFIX = re.compile(
    r"^\W*(?:[\w-]+\s+){0,3}?(?:by|of|from|with|given\s+by)\s+", re.IGNORECASE
)
_ROLE_NOUN = re.compile(
    r"\b(?:President|Minister|Secretary|Director|Ambassador|Chair\w*|Head|Governor|Mayor|Deputy|"
    r"Envoy|Representative|Commissioner|Premier|Spokes\w+|Adviser|Advisor|Chief|Speaker)\b"
)
_WHO_END = re.compile(
    r"(?:'s\b|\s+(?:at|on|to|in|during|for|with|before|following|regarding|about|"
    r"dedicated|devoted|marking|concerning)\b|\s*[(,:]|\s-\s|$)"
)


@dataclass(frozen=True)
class _PeopleIndex:
    """Office holders by the last word of their names ("Alimov", "Путин"), and every term of
    office by any of its holder's names, casefolded: built once per knowledge object."""

    by_surname: dict[str, tuple[Holder, ...]]
    terms: dict[str, tuple[Holder, ...]]


@per_knowledge
def _people_index(knowledge: Knowledge) -> _PeopleIndex:
    by_surname: dict[str, list[Holder]] = {}
    terms: dict[str, list[Holder]] = {}
    for holder in knowledge.holders:
        for name in {n.casefold() for n in holder.names}:  # as Knowledge.offices_of looks up
            terms.setdefault(name, []).append(holder)
        for name in {n.split()[-1] for n in holder.names if " " in n and not is_cjk(n)}:
            by_surname.setdefault(name, []).append(holder)
    return _PeopleIndex(
        {k: tuple(v) for k, v in by_surname.items()}, {k: tuple(v) for k, v in terms.items()}
    )


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None
    start: int
    end: int
    holder: Holder | None = None
    rule: str = "speaker-named"  # the kind of evidence, as calibration counts it


def infer_people(
    title: str,
    title_line: int,
    paragraphs: Sequence[Paragraph],
    knowledge: Knowledge,
    *,
    kind: str | None = None,
    date: PartialDate | None = None,
    era: PartialDate | None = None,
) -> tuple[Field | None, Field | None]:
    """(speaker, speaker_role) as the text names them; a report about a meeting has none.

    `date` is the document's date; without it, `era` (the latest date the text mentions) can
    still name an office's holder, as a guess.
    """
    if kind in NO_SPEAKER or reports_adopted_text(title, knowledge):
        return None, None
    found = _from_title(title, title_line, knowledge, date)
    if found is None:
        found = _byline(paragraphs, knowledge, date) or _signature(paragraphs, knowledge, date)
    if found is None:
        found = _transcript(paragraphs, knowledge, date)
    if found is None:
        found = _announced_author(paragraphs, knowledge, date)
    if found is None:
        found = _from_lead(paragraphs, knowledge, date, kind, title=title)
    if found is None and date is None and era is not None:
        found = _from_title(title, title_line, knowledge, era, guess=True) or _from_lead(
            paragraphs, knowledge, era, kind, guess=True, title=title
        )
    return found if found is not None else (None, None)


# "Following is the text of UN Secretary-General Ban Ki-moon's message to …, delivered by …":
# whose text it is comes before the possessive, whoever delivered it.
_WHOSE = re.compile(r"(?P<who>[^.;:]{3,120}?)['’]s?\s")


def _announced_author(
    paragraphs: Sequence[Paragraph], knowledge: Knowledge, date: PartialDate | None
) -> tuple[Field, Field | None] | None:
    """The author a line that announces the text below it names."""
    for paragraph in paragraphs[:_ANNOUNCING_LINES]:
        plain = norm(paragraph.text[:400])
        announced = ANNOUNCES.match(plain)
        whose = _WHOSE.match(plain, announced.end()) if announced is not None else None
        if whose is None:
            continue
        person = _known_person(whose["who"], knowledge)
        if person is not None:
            person = replace(_shifted(person, whose.start("who")), rule="speaker-announced")
            line = paragraph.line
            return _person_fields(person, paragraph.text, line, Origin.TEXT, 0.9, knowledge, date)
    return None


_ANNOUNCING_LINES = 6  # paragraphs that may hold the line announcing the text


def _from_title(
    title: str, line: int, knowledge: Knowledge, date: PartialDate | None, guess: bool = False
) -> tuple[Field, Field | None] | None:
    if _greets(title):
        return None  # "Your Excellency Prime Minister …,": a speech's first line names its listener
    segment = _subject_segment(title, knowledge)
    person = (
        _known_person(segment, knowledge, subject=True)
        or _office_surname(segment, knowledge, date)
        or _generic_person(segment, knowledge)
        or _surname_speaking(segment, knowledge, date)
        # A headline's attribution: "…, Secretary-General Rashid Alimov says", "…, according to X"
        or _attributed(title, knowledge)
    )
    if person is not None and _JOINED_BY.match(_plain(segment), person.end):
        return None  # two who act together: neither is the one speaker
    if person is not None and _announced(_plain(segment)[person.end :]):
        # "Prime Minister X will represent Pakistan at the summit", "X to attend …": a report
        # that announces an event; whoever it names, its words are the announcer's.
        return None
    if person is not None:
        confidence = 0.95 if person.holder else 0.7
        return _person_fields(person, title, line, Origin.TITLE, confidence, knowledge, date)
    if _announced(_plain(segment)[_office_end(segment, knowledge) :]):
        return None
    confidence = 0.35 if guess else 0.85
    return _office_only(segment, title, line, knowledge, date, confidence, Origin.TITLE)


_HEADLINE_FUTURE = re.compile(
    r"^\s+to\s+(?:attend|visit|chair|host|lead|represent|travel|take\s+part|participate|"
    r"head|pay|go|fly)\b",
    re.IGNORECASE,
)


def _announced(after: str) -> bool:
    return bool(_FUTURE.match(after) or _HEADLINE_FUTURE.match(after))


def _subject_segment(title: str, knowledge: Knowledge) -> str:
    """The part of a title that names the speaker: before the verb of a news title."""
    found = title_kind(title, knowledge)
    if found is not None and found[0] == NEWS and found[1].start() > 0:
        return title[: found[1].start()]
    return title


def _from_lead(
    paragraphs: Sequence[Paragraph],
    knowledge: Knowledge,
    date: PartialDate | None,
    kind: str | None = None,
    guess: bool = False,
    title: str = "",
) -> tuple[Field, Field | None] | None:
    for paragraph in _lead_paragraphs(paragraphs, title, deep=kind in _REPORTING_KINDS):
        if _greets(paragraph.text):
            continue  # "Dear Secretary-General Zhang Ming," greets the listener, not the speaker
        skip = _stamp_end(paragraph.text)
        text = paragraph.text[skip:]
        sentence = first_sentence(text)
        person = _lead_person(sentence, text, knowledge, date, kind)
        if person is not None:
            person = _shifted(person, skip)
            return _person_fields(
                person, paragraph.text, paragraph.line, Origin.TEXT, 0.8, knowledge, date
            )
        confidence = 0.35 if guess else 0.85
        office = _office_only(sentence, text, paragraph.line, knowledge, date, confidence)
        if office is not None and _acts(sentence[_office_end(sentence, knowledge) :]):
            return office
    return None


def _lead_person(
    sentence: str, text: str, knowledge: Knowledge, date: PartialDate | None, kind: str | None
) -> Person | None:
    """The speaker a lead's first sentence (or, in Russian, its attribution) names."""
    if kind in _REPORTING_KINDS:
        # A news item is about its subject ("Foreign Minister Jeenbek Kulubaev met with
        # SCO Secretary-General Zhang Ming") or the person it quotes ("…, Kulubaev said").
        person = _lead_subject(sentence, knowledge, date) if kind == NEWS else None
        person = person or (_meeting_of(sentence, knowledge) if kind == NEWS else None)
        person = (
            person
            or _attributed(sentence, knowledge)
            or _ru_attributed(text[:_RU_ATTRIBUTION_SPAN], knowledge)
        )
        if person is not None:
            return person
    person = (
        _known_person(sentence, knowledge)
        or _office_surname(sentence, knowledge, date)
        or _holder_by_surname(sentence, knowledge, date)
    )
    # A person merely named in the lead ("attended by figures like …", "will attend") is the
    # speaker only when the sentence reports what they did; an interview is about its subject.
    if person is not None and kind != INTERVIEW and not _acting(sentence, person):
        return None
    return person


def _stamp_end(text: str) -> int:
    """Where the page's stamp before a lead's dateline ends: " date 2025-11-17 BISHKEK, …"."""
    stamp = STAMP_OPENING.match(text)
    return stamp.end() if stamp else 0


_REPORTING_KINDS = frozenset({NEWS, INTERVIEW, PRESS_CONFERENCE, None})
_LEAD_PARAGRAPHS = 3


def _lead_paragraphs(
    paragraphs: Sequence[Paragraph], title: str = "", deep: bool = True
) -> list[Paragraph]:
    """The first paragraphs with a sentence in them: page furniture ("LINE", "Text:AAAPrint",
    "Focus on learning progress", a menu, a portal's credits) and the title printed again are
    not the lead. A speech's lead is its first paragraphs as they are: past its salutation, its
    body names other people, as speakers of what it quotes."""
    if not deep:
        return list(paragraphs[:_LEAD_PARAGRAPHS])
    again = squash(title) if len(title) >= 10 else None
    found = [
        p
        for p in paragraphs[:_FURNITURE_LINES]
        if _has_sentence(p.text) and not (again and again in squash(p.text))
    ]
    return found[:_LEAD_PARAGRAPHS]


_FURNITURE_LINES = 30
_HAN = re.compile(r"[\u3400-\u9fff]")
_SENTENCE_STOP = re.compile(r"[.!?\"»”。！？]\s*$")


def _has_sentence(text: str) -> bool:
    words = len(text.split())
    if words >= 10 or len(_HAN.findall(text[:40])) >= 12:
        return True
    return words >= 4 and bool(_SENTENCE_STOP.search(text))


# "By Rashid Alimov", "Vladimir Norov, SCO Secretary-General": a line naming the author alone.
# Only office holders from the knowledge file: a news agency's byline names its reporters.
_BYLINE_WORDS = 8


def _byline(
    paragraphs: Sequence[Paragraph], knowledge: Knowledge, date: PartialDate | None
) -> tuple[Field, Field | None] | None:
    for paragraph in paragraphs[:3]:
        person = _name_line(paragraph.text, knowledge)
        if person is not None:
            return _person_fields(
                person, paragraph.text, paragraph.line, Origin.TEXT, 0.8, knowledge, date
            )
    return None


def _name_line(text: str, knowledge: Knowledge) -> Person | None:
    """An office holder on a line of their own, with their office at most."""
    plain = _plain(text).strip()
    if len(plain.split()) > _BYLINE_WORDS or _VOCATIVE.match(plain):
        return None
    person = _known_person(plain, knowledge)
    if person is None:
        return None
    rest = (plain[: person.start] + " " + plain[person.end :]).strip(" ,.-—:")
    rest = re.sub(r"^(?:By|Author:?)\b", "", rest, flags=re.IGNORECASE).strip(" ,")
    if rest and not _only_an_office(rest, knowledge):
        return None  # more on the line than a name and an office: not a byline
    return person


# A letter or message is signed at its foot: "Respectfully, / Nurlan Yermekbayev / Secretary-
# General of the Shanghai Cooperation Organization". The name line counts when an office line
# follows it or a closing precedes it, so a caption or a name in a list does not.
_SIGNATURE_LINES = 4
_CLOSING = re.compile(
    r"^\W*(?:Respectfully|Sincerely|Yours|With\s+(?:respect|best\s+regards|deep\s+respect)|"
    r"Best\s+regards|Kind\s+regards|С\s+уважением|此致|顺致)",
    re.IGNORECASE,
)


def _signature(
    paragraphs: Sequence[Paragraph], knowledge: Knowledge, date: PartialDate | None
) -> tuple[Field, Field | None] | None:
    tail = list(paragraphs[-_SIGNATURE_LINES:])
    for index, paragraph in enumerate(tail):
        person = _name_line(paragraph.text, knowledge)
        if person is None:
            continue
        after = tail[index + 1].text if index + 1 < len(tail) else ""
        before = tail[index - 1].text if index > 0 else ""
        signed = person.role is not None or _only_an_office(_plain(after).strip(), knowledge)
        if signed or _CLOSING.match(_plain(before)):
            person = replace(person, rule="speaker-signs")
            return _person_fields(
                person, paragraph.text, paragraph.line, Origin.TEXT, 0.8, knowledge, date
            )
    return None


# A transcript gives each turn as "Vladimir Norov: …", "Secretary-General Zhang Ming: …",
# "Alimov: …" or "毛宁：…": the office holder who answers is the speaker. Two holders with as
# many turns each (a joint press conference) leave it open.
_TURN = re.compile(r"^\W{0,3}(?P<label>[^:：.?!。]{2,60}?)\s*[:：]\s*\S")
_TURN_PARAGRAPHS = 60
_TURN_WORDS = 8


def _transcript(
    paragraphs: Sequence[Paragraph], knowledge: Knowledge, date: PartialDate | None
) -> tuple[Field, Field | None] | None:
    turns: dict[str, list[tuple[Person, Paragraph]]] = {}
    for paragraph in paragraphs[:_TURN_PARAGRAPHS]:
        turn = _TURN.match(paragraph.text)
        if turn is None or len(turn["label"].split()) > _TURN_WORDS:
            continue
        person = _turn_speaker(_plain(turn["label"]), knowledge, date)
        if person is not None:
            offset = turn.start("label")
            person = _shifted(person, offset)
            turns.setdefault(person.name, []).append((person, paragraph))
    ranked = sorted(turns.values(), key=len, reverse=True)
    if not ranked or (len(ranked) > 1 and len(ranked[1]) == len(ranked[0])):
        return None
    person, paragraph = ranked[0][0]
    person = replace(person, rule="speaker-takes-turns")
    return _person_fields(person, paragraph.text, paragraph.line, Origin.TEXT, 0.8, knowledge, date)


def _turn_speaker(label: str, knowledge: Knowledge, date: PartialDate | None) -> Person | None:
    person = _known_person(label, knowledge) or _office_surname(label, knowledge, date)
    if person is None:
        return _surname_alone(label, knowledge, date)
    rest = (label[: person.start] + " " + label[person.end :]).strip(" ,.-")
    if rest and not (_only_an_office(rest, knowledge) or _ROLE_WORDS.fullmatch(rest)):
        return None  # "Question to Vladimir Norov": a name inside a label is not its speaker
    return person


# "Secretary-General", "Chinese Foreign Minister", "上合组织秘书长": words of a role only.
_ROLE_WORDS = re.compile(r"(?:(?:[A-Z][\w'.-]*|of|the|and|for)\s*){1,8}|[\u3400-\u9fff]{1,12}")


def _surname_alone(text: str, knowledge: Knowledge, date: PartialDate | None) -> Person | None:
    """ "Alimov", "Путин": a surname alone names the one office holder of that surname (on the
    date, if it is known)."""
    word = text.strip()
    if not re.fullmatch(r"[A-ZА-ЯЁ][a-zа-яё'-]{2,}", word):
        return None
    terms = _people_index(knowledge).by_surname.get(word, ())
    holders = {h.name: h for h in terms if date is None or h.held_on(date)}
    if len(holders) != 1:
        return None
    holder = next(iter(holders.values()))
    start = text.index(word)
    return Person(holder.name, None, start, start + len(word), holder)


def _shifted(person: Person, offset: int) -> Person:
    """The same find in a text that begins `offset` characters earlier."""
    return replace(person, start=person.start + offset, end=person.end + offset)


def _surname_speaking(title: str, knowledge: Knowledge, date: PartialDate | None) -> Person | None:
    """ "Путин: все больше государств …": a title that gives one holder's words by surname."""
    turn = _TURN.match(_plain(title))
    if turn is None:
        return None
    person = _surname_alone(turn["label"], knowledge, date)
    if person is None:
        return None
    return replace(_shifted(person, turn.start("label")), rule="speaker-surname-quoted")


def _only_an_office(text: str, knowledge: Knowledge) -> bool:
    _office, match = _office_named(text, knowledge)
    if match is None:
        return False
    return not (text[: match.start()] + text[match.end() :]).strip(" ,.")


def _greets(text: str) -> bool:
    """A line that greets or addresses someone: "Dear …", "His Excellency Mr. X, President of
    …" (a letter's addressee), or a line of a speech's salutation: titles and names, and a
    comma at its end ("Deputy Prime Minister … Murat Nurtleu,")."""
    plain = _plain(text).strip()
    if _VOCATIVE.match(plain) or _ADDRESSEE.match(plain):
        return True
    return plain.endswith(",") and bool(_SALUTATION_LINE.fullmatch(plain))


_SALUTATION_LINE = re.compile(r"(?:(?:[A-Z][\w'.-]*|of|the|and|for|to|[&,])\s*)+", re.UNICODE)
_ADDRESSEE = re.compile(r"^\W*(?:His|Her)\s+(?:Excellency|Majesty|Highness)\b", re.IGNORECASE)
_VOCATIVE = re.compile(
    r"^\W*(?:Dear|Your\s+Excellenc|Excellenc|Distinguished|Esteemed|Honou?rable|Respected|"
    r"Ladies|Mr\.?\s+(?:Chairman|President|Secretary)|Madam|Colleagues|Friends)",
    re.IGNORECASE,
)
_ACT_VERB = (
    r"(?:has\s+|have\s+|had\s+)?(?:took|takes|attended|attends|met|meets|held|holds|visited|"
    r"visits|participated|participates|delivered|delivers|said|says|noted|notes|stressed|"
    r"stresses|spoke|speaks|received|receives|addressed|addresses|gave|gives|told|tells|"
    r"emphasi[sz]ed|emphasi[sz]es|discussed|discusses|answered|answers|presented|presents|"
    r"opened|opens|chaired|chairs|made|makes|expressed|expresses|congratulated|congratulates|"
    r"condemned|condemns|welcomed|welcomes|briefed|briefs|informed|informs|highlighted|"
    r"highlights|called|calls|pointed|points|underlined|underlines|shared|shares|paid|pays|"
    r"stated|announced|announces|hosted|arrived|arrives|introduced|introduces|proposed|proposes|"
    r"revealed|reveals|urged|urges|praised|praises|lauded|lauds|sent|wrote|writes|signed|"
    r"led|leads|is\s+leading|headed|is\s+heading|strongly|firmly)"
)


_RU_ACT_VERB = (
    r"(?:принял[аи]?|провел[аи]?|провёл|встретил(?:ся|ась)|посетил[аи]?|выступил[аи]?|"
    r"заявил[аи]?|отметил[аи]?|подчеркнул[аи]?|призвал[аи]?|сообщил[аи]?|рассказал[аи]?|"
    r"поздравил[аи]?|направил[аи]?|отвечает|ответил[аи]?)"
)
_ZH_ACT_VERB = r"(?:会见|会谈|出席|参加|表示|指出|强调|访问|举行|发表|接受|介绍|主持|宣布|致辞|说)"
_ACTS = (
    re.compile(rf"^[^.;]{{0,60}}?\b{_ACT_VERB}\b", re.IGNORECASE),
    re.compile(rf"^[^.;]{{0,60}}?(?<!\w){_RU_ACT_VERB}(?!\w)"),
    re.compile(rf"^[^。；]{{0,20}}?{_ZH_ACT_VERB}"),
    # "Guterres' remarks at …", "Lavrov's statement": the words that follow are theirs.
    re.compile(r"^'s?\s+(?:\w+\s+)?(?:remarks|speech|statement|address|message|article)\b", re.I),
)
# "… Nawaz Sharif will attend the summit": an announcement, not what the person did.
_FUTURE = re.compile(
    r"^\s*(?:,[^,]{1,80},\s*)?(?:will|would|is\s+(?:set|expected|due|scheduled)\s+to|is\s+to)\b",
    re.IGNORECASE,
)


def _acts(text: str) -> bool:
    """The person or office just named is the subject of a reported act ("… met …")."""
    plain = _plain(text)
    if _FUTURE.match(plain):
        return False
    return any(pattern.search(plain) for pattern in _ACTS)


# The person is the object of the sentence: "chaired by Foreign Minister of China Wang Yi",
# "prominent figures like Chinese Premier Li Qiang", or part of a quoted name (a round table
# called «Muratbek Imanaliev: …»). Role words between are skipped.
_OBJECT_OF = re.compile(
    r"(?:\b(?:by|like|including|with|to|for|as)\s+|(?<!\S)[\"«“„])"
    r"(?:(?:[A-Z][\w'.-]*|of|the|and)\s+)*$"
)


def _acting(sentence: str, person: Person) -> bool:
    """A person named in a lead sentence who is its subject and does something."""
    plain = _plain(sentence)
    before = plain[: person.start]
    if _SPOKEN_BY.search(before):
        return True  # a subtitle: "— Remarks by Chinese President Hu Jintao at the 12th Meeting …"
    if _OBJECT_OF.search(before) or _JOINED_BY.match(plain, person.end):
        return False
    return _acts(plain[person.end :]) or _opens_with_colon(plain, person)


# "Sergei Lavrov and his Chinese counterpart, Wang Yi, …", "Лавров и его китайский коллега":
# two who act together, neither the one speaker.
_JOINED_BY = re.compile(
    r"\s*,?\s*(?:and\s+(?:his|her)\s+(?:[\w-]+\s+){0,2}counterparts?"
    r"|и\s+(?:его|ее|её)\s+(?:\w+\s+){0,2}коллег\w*)\b",
    re.IGNORECASE,
)


_SPOKEN_BY = re.compile(
    r"^\W*(?:(?:Keynote|Opening|Closing|Welcoming|Video)\s+)?"
    r"(?:Remarks|Speech|Address|Statement|Message|Article|Interview|Lecture)\s+(?:by|of)\s+"
    r"(?:(?:[A-Z][\w'.-]*|of|the|and)\s+)*$"
)


def _opens_with_colon(plain: str, person: Person) -> bool:
    """ "张明：…", "Чжан Дэгуан: Без ШОС …": a line that opens with a person's name and a colon
    gives their words."""
    before = plain[: person.start]  # nothing, or an office: "上合组织秘书长阿利莫夫:…"
    return (
        len(before) <= 40
        and not _CLAUSE_MARK.search(before)
        and bool(_COLON.match(plain[person.end :]))
    )


_CLAUSE_MARK = re.compile(r"[\"«“„.,;:。，；]")
_COLON = re.compile(r"\s*[:：]")


# What opens a news lead before its subject: a dateline, a date, a place.
_LEAD_OPENER = re.compile(
    r"^\W*(?:[A-Z][A-Za-z.' -]{1,40}(?:,\s*[A-Z][A-Za-z.' -]{1,30})?,\s*"
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
    r"(?:,\s*\d{4})?\s*(?:\([^)]{1,80}\)|\.?\s*/[^/]{1,30}/)?\s*[:.\-]*\s*(?:-+\s*)?)?"
    r"(?:On\s+[^,]{4,40},\s*)?(?:in\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?,\s*)?(?:the\s+)?"
)


# "… состоялась встреча Генерального секретаря ШОС Владимира Норова с Директором …": the
# meeting is the first one's, who met the second.
_MEETING_OF = re.compile(r"(?<!\w)встреч[аеиуы]\s+(?P<who>[^,.;:]{3,160}?)\s+с\s+", re.IGNORECASE)


def _meeting_of(sentence: str, knowledge: Knowledge) -> Person | None:
    plain = _plain(sentence)
    match = _MEETING_OF.search(plain)
    if match is None:
        return None
    person = _known_person(match["who"], knowledge)
    return None if person is None else _shifted(person, match.start("who"))


def _lead_subject(sentence: str, knowledge: Knowledge, date: PartialDate | None) -> Person | None:
    """The person a news lead opens with, before its first reporting verb."""
    plain = _plain(sentence)
    opener = _LEAD_OPENER.match(plain)
    start = opener.end() if opener else 0
    verb = _SUBJECT_VERB.search(plain, start)
    if verb is None:
        return None
    subject = plain[start : verb.start()]
    subject = _WEEKDAY_END.sub("", subject)
    person = _known_person(subject, knowledge) or _office_surname(subject, knowledge, date)
    if person is None:
        person = _generic_person(subject, knowledge) or _appositive_person(subject, knowledge)
    if person is None:
        return None
    if _OBJECT_OF.search(subject[: person.start]) or _MODAL.search(subject[person.end :]):
        return None  # "… Nawaz Sharif will attend the summit, the Foreign Ministry said"
    return _shifted(person, start)


_SUBJECT_VERB = re.compile(rf"\b{_ACT_VERB}\b")
_WEEKDAY_END = re.compile(
    r"\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*$"
)
# "Moin ul Haque", "Abdullah bin Zayed": a particle between the words of a name.
_PARTICLE = r"(?:ul|ud|al|el|bin|ibn|de|van|von)"
_MODAL = re.compile(r"\b(?:will|would|is\s+(?:set|expected|due|scheduled)\s+to)\b", re.IGNORECASE)
# "Chairman of the Cabinet of Ministers of the Kyrgyz Republic, Adylbek Kasymaliev, has …"
_ROLE_COMMA_NAME = re.compile(
    rf"^(?P<role>[A-Z][^,]{{2,160}}),\s+(?P<name>{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_TOKEN}){{1,2}})"
    r",?\s*$"
)


def _appositive_person(subject: str, knowledge: Knowledge) -> Person | None:
    match = _ROLE_COMMA_NAME.match(subject.strip())
    if match is None or not _ROLE_NOUN.search(match["role"]):
        return None
    if any(word in _NOT_NAME for word in match["name"].split()):
        return None
    start = subject.index(match["name"])
    role = _canonical_role(match["role"], knowledge) or match["role"].strip()
    return Person(match["name"], role, start, start + len(match["name"]))


# "…, Foreign Minister of Kyrgyzstan Jeenbek Kulubaev said at a briefing on Tuesday."
_ATTRIBUTION = re.compile(
    r"(?:,|\s-)\s+(?P<who>(?:[A-Z][\w'.-]*|of|the|and|for)(?:\s+(?:[A-Z][\w'.-]*|of|the|and|for)){1,14})"
    r"\s+(?:said|says|told|stated|noted|stressed|announced|added|believes)\b"
)


# "…, according to the body's secretary-general Zhang Deguang."
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?P<who>[^,.;:\"]{3,120}?)\s*(?:[,.;]|$)")


def _attributed(sentence: str, knowledge: Knowledge) -> Person | None:
    plain = _plain(sentence)
    for match in (*_ATTRIBUTION.finditer(plain), *_ACCORDING_TO.finditer(plain)):
        who = match["who"]
        person = _known_person(who, knowledge) or _generic_person(who, knowledge)
        if person is not None:
            offset = match.start("who")
            return _shifted(person, offset)
    return None


# Russian puts the speaker after the verb: "…, заявил президент РФ Владимир Путин", "Об этом
# сообщил сегодня официальный представитель МИД России …", "На это обратил внимание …". Only
# office holders the knowledge file knows: it gives their names in English.
_RU_ATTRIBUTION = re.compile(
    r"(?:^|[.!?»\"]\s+|,\s*[-—]?\s*)(?:Об\s*этом\s*|На\s+это\s+)?(?:сегодня\s+|вчера\s+)?"
    r"(?:заявил|сообщил|сказал|рассказал|отметил|подчеркнул|указал|обратил)[аи]?\s+"
    # "… заявил 14 сентября генеральный секретарь …", "… заявил и. о. министра …"
    r"(?:внимание\s+)?(?:сегодня\s+|вчера\s+|\d{1,2}\s+[а-я]+\s+)?(?:и\.\s*о\.\s*|врио\s+)?"
    r"(?P<who>[^.,;:!?«»\"]{3,200})"
)
# A preposition before the name: "… заявил журналистам после встречи с Путиным" names another.
_RU_PREPOSITION = re.compile(r"(?<!\w)(?:с|со|после|на|в|во|о|об|для|к|от|по|при|у)\s", re.I)
_RU_ATTRIBUTION_SPAN = 600


def _ru_attributed(text: str, knowledge: Knowledge) -> Person | None:
    plain = _plain(text)
    for match in _RU_ATTRIBUTION.finditer(plain):
        who = match["who"]
        person = _known_person(who, knowledge)
        if person is not None and not _RU_PREPOSITION.search(who[: person.start]):
            offset = match.start("who")
            return replace(_shifted(person, offset), rule="speaker-attributed")
    return None


def _office_surname(text: str, knowledge: Knowledge, date: PartialDate | None) -> Person | None:
    """ "Генсек ШОС Норов", "SCO Secretary-General Norov": an office and its holder's surname."""
    plain = _plain(text)
    for office in offices_named(plain, knowledge):
        match = _office_pattern(office.aliases).search(plain)
        if match is None:
            continue
        word = re.match(rf"\s+(?:{_INITIALS})?([A-ZА-ЯЁ][\w'-]+)", plain[match.end() :])
        if word is None:
            continue
        holders = [
            h
            for h in office.holders
            if any(phrase_pattern(n.split()[-1]).fullmatch(word[1]) for n in h.names if " " in n)
            and (date is None or h.held_on(date))
        ]
        if len(holders) == 1:
            start = match.end() + word.start(1)
            return Person(holders[0].name, office.role, start, start + len(word[1]), holders[0])
    return None


def _office_end(sentence: str, knowledge: Knowledge) -> int:
    _office, match = _office_named(sentence, knowledge)
    return match.end() if match is not None else 0


def _known_person(text: str, knowledge: Knowledge, subject: bool = False) -> Person | None:
    """The first office holder from the knowledge file named in `text`; with `subject`, not
    one the title names as its object ("… briefing on President Xi Jinping's attendance")."""
    plain = _plain(text)
    best: Person | None = None
    for holder in holders_named(plain, knowledge):
        matches = _holder_pattern(holder).finditer(plain)
        match = next((m for m in matches if not (subject and _is_object(plain, m.start()))), None)
        if match and (best is None or match.start() < best.start):
            role = _role_before(plain, match.start(), knowledge)
            best = Person(holder.name, role, match.start(), match.end(), holder)
    return best


# "… for the media on President Xi Jinping's attendance", "Meeting with Foreign Minister X",
# "Встреча с Президентом …": a name after such a preposition is what the title is about.
_OBJECT_PREPOSITION = re.compile(
    r"(?:\b(?:on|about|to|for|with|regarding|concerning|and)|(?<!\w)(?:с|со|о|об|для))\s+"
    r"(?:the\s+\w+\s+of\s+)?(?:(?:[A-ZА-ЯЁ][\w'.-]*|of|the|[а-яё]+ом|[а-яё]+ем)\s+)*$"
)


def _is_object(plain: str, start: int) -> bool:
    before = plain[max(0, start - 160) : start]
    return bool(_OBJECT_PREPOSITION.search(before) or _QUOTED_NAME.search(before))


# «Муратбек Иманалиев: профессиональный путь …»: a name that opens a quoted title.
_QUOTED_NAME = re.compile(r"(?<!\S)[\"«“„]$")


# A patronymic between first name and surname ("Vladimir Imamovich Norov", "Рашид Кутбиддинович
# Алимов") and a second initial ("R.K. Alimov") still name the holder.
_PATRONYMIC = r"(?:[A-ZА-ЯЁ][a-zа-яё]+(?:ovich|evich|ich|ovna|evna|ович|евич|ич|овна|евна)\s+)?"
_INITIALS = r"[A-ZА-ЯЁ]\.\s?(?:[A-ZА-ЯЁ]\.\s?)?"


@lru_cache(maxsize=4096)  # one per holder in the knowledge file, and it holds hundreds
def _holder_pattern(holder: Holder) -> re.Pattern[str]:
    forms = [phrase_pattern(name).pattern for name in holder.names]
    for name in (holder.name, *holder.aliases):
        words = name.split()
        if len(words) == 2 and not is_cjk(name):
            first, last = (re.escape(w) for w in words)
            forms.append(rf"(?<![\w-]){first}\s+{_PATRONYMIC}{last}(?![\w-])")
            forms.append(rf"(?<![\w-]){_INITIALS}{last}(?![\w-])")
    return re.compile("|".join(forms), re.IGNORECASE)


_SURNAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


def _holder_by_surname(text: str, knowledge: Knowledge, date: PartialDate | None) -> Person | None:
    """ "Mr Norov said …": the one office holder of that name (on the date, if it is known)."""
    for match in _SURNAME.finditer(_plain(text)):
        word = match.group(1)
        holders = [h for h in knowledge.holders if word in h.name.split()]
        if date is not None:
            holders = [h for h in holders if h.held_on(date)]
        if len(holders) == 1:
            return Person(holders[0].name, None, match.start(), match.end(), holders[0])
    return None


def _generic_person(segment: str, knowledge: Knowledge) -> Person | None:
    """`Speech by Chinese Foreign Minister Wang Yi at …`: a name the knowledge file doesn't list."""
    plain = _plain(segment)
    prefix = _TITLE_PREFIX.match(plain)
    # "Speech by …" is a prefix; "President of Tajikistan …" is the role itself.
    if prefix is not None and _ROLE_NOUN.search(prefix.group()):
        prefix = None
    start = prefix.end() if prefix else 0
    end_match = _WHO_END.search(plain, start)
    end = end_match.start() if end_match else len(plain)
    who = plain[start:end].strip()
    if not who or who.lower().startswith("the "):
        return None
    tokens = who.split()
    name_tokens: list[str] = []
    for token in reversed(tokens):
        if token in _NOT_NAME or not re.fullmatch(_NAME_TOKEN, token) or len(name_tokens) == 3:
            break
        name_tokens.insert(0, token)
    if len(name_tokens) < 2:
        return None
    name = " ".join(name_tokens)
    written = " ".join(tokens[: len(tokens) - len(name_tokens)]).strip()
    role_words = re.sub(rf"^{_HONORIFIC}", "", written + " ").strip()
    honorific = role_words != written
    if not role_words:  # "Speech by H.E. Mr. Shavkat Mirziyoyev, President of Uzbekistan, at …"
        appositive = _APPOSITIVE.match(plain, end)
        role_words = appositive["role"].strip() if appositive else ""
    role = _canonical_role(role_words, knowledge) or (role_words or None)
    # Capitalised words alone ("Upholding Lasting Peace, …", "Eight Wonders Exhibition") are no
    # person: a name the knowledge file doesn't know needs a role, an honorific or "Speech by".
    speech_prefix = prefix is not None and _SPEECH_PREFIX.search(prefix.group())
    if not (speech_prefix or honorific or _ROLE_NOUN.search(role_words)):
        return None
    name_start = start + who.rfind(name_tokens[0]) if name_tokens else start
    return Person(name, role, name_start, name_start + len(name))


_SPEECH_PREFIX = re.compile(
    r"\b(?:by|remarks|speech|address|statement|interview|message|article|lecture|greetings|"
    r"letter|briefing|words|op-ed)\b",
    re.IGNORECASE,
)
_APPOSITIVE = re.compile(
    r",\s*(?P<role>(?:[A-Z][\w'-]*|of|the|and|for)(?:\s+(?:[A-Z][\w'-]*|of|the|and|for))*)\s*(?:,|$)"
)


def _role_before(plain: str, start: int, knowledge: Knowledge) -> str | None:
    written = plain[max(0, start - 160) : start]
    before = canonical_office_text(written)
    # Only offices whose key words the text has (one pass), in the knowledge file's order.
    for office in offices_named(written, knowledge):
        if _role_pattern(office.aliases).search(before):
            return office.role
    return None


@lru_cache(maxsize=256)
def _role_pattern(aliases: tuple[str, ...]) -> re.Pattern[str]:
    """An office named just before a name, maybe with an honorific between."""
    alternatives = alternation(canonical_office_text(a) for a in aliases)
    return re.compile(rf"(?:{alternatives})\s*,?\s*{_HONORIFIC}$", re.IGNORECASE)


# "Secretary General of Shanghai Cooperation Organization (SCO), Ambassador Zhang Ming" and
# "SCO Secretary-General Zhang Ming" name one office: compare them in one spelling.
_HONORIFIC = (
    r"(?:(?:Ambassador|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|H\.\s?E\.?|His\s+Excellency|Her\s+Excellency)"
    r"\s+)*"
)
_CANONICAL = [
    (re.compile(r"\s*\(SCO\)"), ""),
    (re.compile(r"\bShanghai\s+Cooperation\s+Organi[sz]ation\b", re.I), "SCO"),
    (re.compile(r"\bSecretary\s*-?\s*General\b", re.I), "Secretary-General"),
    (re.compile(r"\bSecretary-General\s*,\s*SCO\s*,?", re.I), "Secretary-General of SCO"),
    (re.compile(r"\bof\s+the\s+SCO\b", re.I), "of SCO"),
    (re.compile(r"\s+"), " "),
]


def canonical_office_text(text: str) -> str:
    for pattern, replacement in _CANONICAL:
        text = pattern.sub(replacement, text)
    return text


def _canonical_role(words: str, knowledge: Knowledge) -> str | None:
    words = canonical_office_text(_plain(words))
    for office in knowledge.offices:
        if any(pattern.search(words) for pattern in _canonical_alias_patterns(office.aliases)):
            return office.role
    return None


@lru_cache(maxsize=256)
def _canonical_alias_patterns(aliases: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(phrase_pattern(canonical_office_text(a)) for a in aliases)


def _office_only(
    segment: str,
    text: str,
    line: int,
    knowledge: Knowledge,
    date: PartialDate | None,
    confidence: float = 0.85,
    origin: Origin = Origin.TEXT,
) -> tuple[Field, Field | None] | None:
    """`SCO Secretary-General's statement …`: the holder of that office on the document's date."""
    office, match = _office_named(segment, knowledge)
    if office is None or match is None:
        return None
    snippet = clip(text, *match.span())
    role = Field(office.role, origin, "office-named", 0.85, line, snippet)
    holder = office.holder_on(date) if date is not None else None
    if holder is None:
        return None
    rule = "office-holder-on-date" if confidence >= 0.5 else "office-holder-in-era-of-text"
    return Field(holder.name, Origin.KNOWLEDGE, rule, confidence, line, snippet), role


def _office_named(text: str, knowledge: Knowledge) -> tuple[Office | None, re.Match[str] | None]:
    plain = _plain(text)
    for office in offices_named(plain, knowledge):
        match = _office_pattern(office.aliases).search(plain)
        if match is not None:
            return office, match
    return None, None


@lru_cache(maxsize=256)
def _office_pattern(aliases: tuple[str, ...]) -> re.Pattern[str]:
    # Compiled once: re's own cache of 512 patterns is outgrown by inference's, and thrashes.
    return re.compile(rf"(?<![\w-]){_NOT_A_DEPUTY}(?:{_flexible(aliases)})(?!s\b)", re.IGNORECASE)


# "Deputy Secretary-General of the SCO Sohail Khan", "заместитель генсека" name another office
# than the one their words contain; "SCO, UN Secretary-Generals" names two holders, not one.
_NOT_A_DEPUTY = (
    "".join(
        f"(?<!{word}\\s)"
        for word in ("deputy", "vice", "assistant", "заместитель", "заместителя", "заместителю")
    )
    + "(?<!vice-)(?<!under-)"
)


def _flexible(aliases: tuple[str, ...]) -> str:
    """An alternation of the aliases that also matches "Secretary General", "(SCO)" and such."""
    pattern = alternation(aliases)
    pattern = pattern.replace(r"Secretary\-General", r"Secretary\s*-?\s*General")
    return pattern.replace(
        r"SCO", r"(?:SCO|Shanghai\s+Cooperation\s+Organi[sz]ation(?:\s*\(SCO\))?)"
    )


def _person_fields(
    person: Person,
    text: str,
    line: int,
    origin: Origin,
    confidence: float,
    knowledge: Knowledge,
    date: PartialDate | None,
) -> tuple[Field, Field | None]:
    snippet = clip(text, person.start, person.end)
    speaker = Field(person.name, origin, person.rule, confidence, line, snippet)
    if person.role:
        role = person.role
        if _named_former(text, person):
            role = f"former {role}"
        elif _ACTING.search(norm(text[max(0, person.start - _FORMER_REACH) : person.start])):
            role = f"acting {role}"
        return speaker, Field(role, origin, "role-named", confidence, line, snippet)
    holder = person.holder
    if holder is None:
        return speaker, None
    terms = _people_index(knowledge).terms.get(holder.name.casefold(), ())
    if date is not None:
        held = [h for h in terms if h.held_on(date)]
        if not held:
            return speaker, _former_role(terms, date, line, snippet)
        terms = held
    if len(terms) != 1:
        return speaker, None
    if _named_former(text, person):
        role = f"former {terms[0].role}"
        return speaker, Field(role, Origin.KNOWLEDGE, "former-holder", 0.7, line, snippet)
    # With no date to check the term against, the role is what they were, not surely what
    # they were when the text was written ("Zhang Deguang", SG until 2006, speaking in 2009).
    rule = "role-of-holder" if date is not None else "role-of-undated-holder"
    return speaker, Field(terms[0].role, Origin.KNOWLEDGE, rule, 0.7, line, snippet)


# "Former Secretary General of the SCO Muratbek Imanaliev", "бывший генсек ШОС", "访上合组织前
# 秘书长努尔加利耶夫", or after the name: "Rashid Alimov, a former secretary general of the SCO".
_FORMER_BEFORE = re.compile(
    r"\b(?:former|ex-)\s*(?:[\w-]+\s+){0,2}(?:secretary|president|minister|foreign|prime|"
    r"chair|head|director|deputy|ambassador|spokes)[^.;!?]*$"
    r"|\bбывш\w+\s+(?:\w+\s+){0,2}(?:генсек|генеральн|президент|министр|глав|председател|"
    r"директор|посол|официальн)[^.;!?]*$"
    r"|前(?:任)?(?:秘书长|总统|外长|总理|主席|主任|大使)[^。;!?]*$",
    re.IGNORECASE,
)
_FORMER_AFTER = re.compile(r"\s*,\s*(?:a\s+|the\s+)?(?:former|ex-)\b|\s*,\s*бывш\w+", re.I)
_FORMER_REACH = 100  # characters before a name in which "former" may still qualify it
# "и. о. министра иностранных дел Узбекистана Владимир Норов", "Acting Foreign Minister X"
_ACTING = re.compile(
    r"(?:\bacting|\bи\.\s*о\.|\bврио|исполняющ\w+\s+обязанности)\s+[^.;!?]*$", re.IGNORECASE
)


def _named_former(text: str, person: Person) -> bool:
    """Whether the text calls the person a former holder of the office it names."""
    plain = norm(text)
    before = plain[max(0, person.start - _FORMER_REACH) : person.start]
    return bool(_FORMER_BEFORE.search(before) or _FORMER_AFTER.match(plain, person.end))


def _former_role(
    terms: Sequence[Holder], date: PartialDate, line: int, snippet: str
) -> Field | None:
    """A person named after every term of theirs had ended (none holds on `date`): "former"
    and the last office they left."""
    ended = [h for h in terms if h.until is not None and h.start <= date.year]
    if not ended:
        return None
    last = max(ended, key=lambda h: (h.end or 0, h.start))
    return Field(f"former {last.role}", Origin.KNOWLEDGE, "former-holder", 0.7, line, snippet)
