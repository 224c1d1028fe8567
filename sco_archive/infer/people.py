"""The speaker and their role: named in the title or lead, or resolved from an office and a date."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..knowledge import Holder, Knowledge, Office
from ..model import Field, Origin, Paragraph, PartialDate
from .kinds import NEWS, NO_SPEAKER, title_kind
from .matcher import holders_named, offices_named
from .text import alternation, clip, first_sentence, is_cjk, norm, phrase_pattern

# Chinese pages are also written in traditional characters ("張德廣", "上合組織秘書長"), and the
# knowledge file spells its Chinese names in simplified ones. Each traditional character of
# those names (and of the verbs below) folds to its simplified form, one character for one, so
# offsets still point into the text as written. Made with OpenCC (s2t, s2tw, s2hk) from the
# Chinese of the `offices:` section; a character used in both scripts is left alone.
_TRADITIONAL = (
    "萬東絲舉烏習書亞優會倫蘭茲內劉剛別劍務區華盧歷參發葉員國堅奧寧寶爾廣慶庫張強總執揚機楊傑構"
    "楓漢澤潔濟濤溫熱瑪蓋祕稱紅約納組織紹統維羅聯蘇萊瑩薩見議記訪說説諾調談謝賈趙辭達邁採裡錦鎔長"
    "問陸韋韓馬魯齊"
)
_SIMPLIFIED = (
    "万东丝举乌习书亚优会伦兰兹内刘刚别剑务区华卢历参发叶员国坚奥宁宝尔广庆库张强总执扬机杨杰构"
    "枫汉泽洁济涛温热玛盖秘称红约纳组织绍统维罗联苏莱莹萨见议记访说说诺调谈谢贾赵辞达迈采里锦镕长"
    "问陆韦韩马鲁齐"
)
_FOLD_SCRIPT = str.maketrans(_TRADITIONAL, _SIMPLIFIED)


def _plain(text: str) -> str:
    """`norm`, and traditional Chinese characters as simplified: offsets are kept."""
    return norm(text).translate(_FOLD_SCRIPT)


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
class Person:
    name: str
    role: str | None
    start: int
    end: int
    holder: Holder | None = None


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
    if kind in NO_SPEAKER:
        return None, None
    found = _from_title(title, title_line, knowledge, date)
    if found is None:
        found = _byline(paragraphs, knowledge, date)
    if found is None:
        found = _from_lead(paragraphs, knowledge, date, kind)
    if found is None and date is None and era is not None:
        found = _from_title(title, title_line, knowledge, era, guess=True) or _from_lead(
            paragraphs, knowledge, era, kind, guess=True
        )
    return found if found is not None else (None, None)


def _from_title(
    title: str, line: int, knowledge: Knowledge, date: PartialDate | None, guess: bool = False
) -> tuple[Field, Field | None] | None:
    segment = _subject_segment(title, knowledge)
    person = (
        _known_person(segment, knowledge)
        or _office_surname(segment, knowledge, date)
        or _generic_person(segment, knowledge)
    )
    if person is not None:
        confidence = 0.95 if person.holder else 0.7
        return _person_fields(person, title, line, Origin.TITLE, confidence, knowledge, date)
    confidence = 0.35 if guess else 0.85
    return _office_only(segment, title, line, knowledge, date, confidence, Origin.TITLE)


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
) -> tuple[Field, Field | None] | None:
    for paragraph in paragraphs[:3]:
        if _VOCATIVE.match(_plain(paragraph.text)):
            continue  # "Dear Secretary-General Zhang Ming," greets the listener, not the speaker
        sentence = first_sentence(paragraph.text)
        person = None
        if kind == NEWS:
            # A news item is about its subject ("Foreign Minister Jeenbek Kulubaev met with
            # SCO Secretary-General Zhang Ming") or the person it quotes ("…, Kulubaev said").
            person = _lead_subject(sentence, knowledge, date) or _attributed(sentence, knowledge)
        person = (
            person
            or _known_person(sentence, knowledge)
            or _office_surname(sentence, knowledge, date)
            or _holder_by_surname(sentence, knowledge, date)
        )
        # In a speech or statement a person named in the lead is the speaker only when the
        # sentence reports what they did; a news item or an interview is about its subject.
        if person is not None and (kind in (NEWS, "interview") or _acts(sentence[person.end :])):
            return _person_fields(
                person, paragraph.text, paragraph.line, Origin.TEXT, 0.8, knowledge, date
            )
        confidence = 0.35 if guess else 0.85
        office = _office_only(sentence, paragraph.text, paragraph.line, knowledge, date, confidence)
        if office is not None and _acts(sentence[_office_end(sentence, knowledge) :]):
            return office
    return None


# "By Rashid Alimov", "Vladimir Norov, SCO Secretary-General": a line naming the author alone.
# Only office holders from the knowledge file: a news agency's byline names its reporters.
_BYLINE_WORDS = 8


def _byline(
    paragraphs: Sequence[Paragraph], knowledge: Knowledge, date: PartialDate | None
) -> tuple[Field, Field | None] | None:
    for paragraph in paragraphs[:3]:
        plain = _plain(paragraph.text).strip()
        if len(plain.split()) > _BYLINE_WORDS or _VOCATIVE.match(plain):
            continue
        person = _known_person(plain, knowledge)
        if person is None:
            continue
        rest = (plain[: person.start] + " " + plain[person.end :]).strip(" ,.-—:")
        rest = re.sub(r"^(?:By|Author:?)\b", "", rest, flags=re.IGNORECASE).strip(" ,")
        if rest and not _only_an_office(rest, knowledge):
            continue  # more on the line than a name and an office: not a byline
        return _person_fields(
            person, paragraph.text, paragraph.line, Origin.TEXT, 0.8, knowledge, date
        )
    return None


def _only_an_office(text: str, knowledge: Knowledge) -> bool:
    _office, match = _office_named(text, knowledge)
    if match is None:
        return False
    return not (text[: match.start()] + text[match.end() :]).strip(" ,.")


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
    r"strongly|firmly)"
)


_RU_ACT_VERB = (
    r"(?:принял[аи]?|провел[аи]?|провёл|встретил(?:ся|ась)|посетил[аи]?|выступил[аи]?|"
    r"заявил[аи]?|отметил[аи]?|подчеркнул[аи]?|призвал[аи]?|сообщил[аи]?|рассказал[аи]?)"
)
_ZH_ACT_VERB = r"(?:会见|会谈|出席|参加|表示|指出|强调|访问|举行|发表|接受)"


def _acts(text: str) -> bool:
    """The person or office just named is the subject of a reported act ("… met …")."""
    plain = _plain(text)
    return bool(
        re.search(rf"^[^.;]{{0,60}}?\b{_ACT_VERB}\b", plain)
        or re.search(rf"^[^.;]{{0,60}}?(?<!\w){_RU_ACT_VERB}(?!\w)", plain)
        or re.search(rf"^[^。；]{{0,20}}?{_ZH_ACT_VERB}", plain)
    )


# What opens a news lead before its subject: a dateline, a date, a place.
_LEAD_OPENER = re.compile(
    r"^\W*(?:[A-Z][A-Za-z.' -]{1,40}(?:,\s*[A-Z][A-Za-z.' -]{1,30})?,\s*"
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
    r"(?:,\s*\d{4})?\s*(?:\([^)]{1,80}\)|\.?\s*/[^/]{1,30}/)?\s*[:.\-]*\s*(?:-+\s*)?)?"
    r"(?:On\s+[^,]{4,40},\s*)?(?:in\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?,\s*)?(?:the\s+)?"
)


def _lead_subject(sentence: str, knowledge: Knowledge, date: PartialDate | None) -> Person | None:
    """The person a news lead opens with, before its first reporting verb."""
    plain = _plain(sentence)
    opener = _LEAD_OPENER.match(plain)
    start = opener.end() if opener else 0
    verb = re.search(rf"\b{_ACT_VERB}\b", plain[start:])
    if verb is None:
        return None
    subject = plain[start : start + verb.start()]
    subject = re.sub(
        r"\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*$", "", subject
    )
    person = _known_person(subject, knowledge) or _office_surname(subject, knowledge, date)
    if person is None:
        person = _generic_person(subject, knowledge)
    if person is None:
        return None
    return Person(person.name, person.role, person.start + start, person.end + start, person.holder)


# "…, Foreign Minister of Kyrgyzstan Jeenbek Kulubaev said at a briefing on Tuesday."
_ATTRIBUTION = re.compile(
    r"(?:,|\s-)\s+(?P<who>(?:[A-Z][\w'.-]*|of|the|and|for)(?:\s+(?:[A-Z][\w'.-]*|of|the|and|for)){1,14})"
    r"\s+(?:said|says|told|stated|noted|stressed|announced|added|believes)\b"
)


def _attributed(sentence: str, knowledge: Knowledge) -> Person | None:
    plain = _plain(sentence)
    for match in _ATTRIBUTION.finditer(plain):
        who = match["who"]
        person = _known_person(who, knowledge) or _generic_person(who, knowledge)
        if person is not None:
            offset = match.start("who")
            return Person(
                person.name, person.role, person.start + offset, person.end + offset, person.holder
            )
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


def _known_person(text: str, knowledge: Knowledge) -> Person | None:
    """The first office holder from the knowledge file named in `text`."""
    plain = _plain(text)
    best: Person | None = None
    for holder in holders_named(plain, knowledge):
        match = _holder_pattern(holder).search(plain)
        if match and (best is None or match.start() < best.start):
            role = _role_before(plain, match.start(), knowledge)
            best = Person(holder.name, role, match.start(), match.end(), holder)
    return best


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
    role_words = " ".join(tokens[: len(tokens) - len(name_tokens)]).strip()
    role_words = re.sub(rf"^{_HONORIFIC}", "", role_words + " ").strip()
    if not role_words:  # "Speech by H.E. Mr. Shavkat Mirziyoyev, President of Uzbekistan, at …"
        appositive = _APPOSITIVE.match(plain, end)
        role_words = appositive["role"].strip() if appositive else ""
    role = _canonical_role(role_words, knowledge) or (role_words or None)
    name_start = start + who.rfind(name_tokens[0]) if name_tokens else start
    return Person(name, role, name_start, name_start + len(name))


_APPOSITIVE = re.compile(
    r",\s*(?P<role>(?:[A-Z][\w'-]*|of|the|and|for)(?:\s+(?:[A-Z][\w'-]*|of|the|and|for))*)\s*(?:,|$)"
)


def _role_before(plain: str, start: int, knowledge: Knowledge) -> str | None:
    before = canonical_office_text(plain[max(0, start - 160) : start])
    for office in knowledge.offices:
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
    return re.compile(rf"(?<![\w-])(?:{_flexible(aliases)})", re.IGNORECASE)


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
    speaker = Field(person.name, origin, "speaker-named", confidence, line, snippet)
    if person.role:
        return speaker, Field(person.role, origin, "role-named", confidence, line, snippet)
    holder = person.holder
    if holder is None:
        return speaker, None
    terms = knowledge.offices_of(holder.name)
    if date is not None:
        terms = [h for h in terms if h.held_on(date)]
    if len(terms) != 1:
        return speaker, None
    return speaker, Field(terms[0].role, Origin.KNOWLEDGE, "role-of-holder", 0.7, line, snippet)
