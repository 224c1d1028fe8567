"""The document's kind (statement, speech, news, report …) from its title, then its lead."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from sco_archive.infer.matcher import kind_titles_named
from sco_archive.infer.text import (
    clip,
    first_sentence,
    norm,
    opening_paragraphs,
    phrase_pattern,
    title_is_lead,
    word_count,
)
from sco_archive.knowledge import Knowledge
from sco_archive.model import Field, Origin, Paragraph

NEWS = "news"
INTERVIEW = "interview"
PRESS_CONFERENCE = "press conference"
SPOKEN = frozenset({"speech", "remarks", "address", "statement"})
NO_SPEAKER = frozenset({"report", "press release", "declaration"})


def title_kind(title: str, knowledge: Knowledge) -> tuple[str, re.Match[str]] | None:
    """The kind whose signal phrase occurs first in the title (ties: lexicon order), unless
    the rest of the title says the text is something else."""
    plain = unquoted(norm(title))
    first = _first_signal(plain, knowledge)
    if first is None:
        return None
    kind, match = first
    if kind == NEWS:
        # "Zhang Ming gives interview to CGTN" is the interview itself, not news about one;
        # "The Foreign Ministry holds a briefing …" is the briefing.
        for other in (INTERVIEW, PRESS_CONFERENCE):
            found = _signal(plain, knowledge, other)
            if found is not None:
                return other, found
        # "… sent a message of greetings to Sergey Lavrov": the page gives the message.
        if (sent := _SENT_MESSAGE.search(plain)) is not None:
            return "address", sent
    if kind in SPOKEN and (answers := _ANSWERS.search(plain)) is not None:
        # "Remarks and answers to media questions": the speech opens a press conference.
        # (A briefing it was given *at* is its venue, not its kind: "Remarks … at the Briefing".)
        return PRESS_CONFERENCE, answers
    if (adopted := _adopted(plain, kind)) is not None:
        # "SCO summit issues joint communique", "… подписали коммюнике": news of a declaration.
        return NEWS, adopted
    return kind, match


def reports_adopted_text(title: str, knowledge: Knowledge) -> bool:
    """The title is news of a declaration signed or issued: its subject is that text, and
    the report has no speaker."""
    plain = unquoted(norm(title))
    first = _first_signal(plain, knowledge)
    return first is not None and _adopted(plain, first[0]) is not None


def _adopted(plain: str, kind: str) -> re.Match[str] | None:
    return _ADOPTED.search(plain) if kind == "declaration" else None


def _first_signal(plain: str, knowledge: Knowledge) -> tuple[str, re.Match[str]] | None:
    best: tuple[int, int, str, re.Match[str]] | None = None
    for order, signal, phrase in kind_titles_named(plain, knowledge):
        match = next((m for m in phrase_pattern(phrase).finditer(plain) if not _agent(m)), None)
        if match is None:
            continue
        candidate = (match.start(), order, signal.kind, match)
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    return (best[2], best[3]) if best else None


_SENT_MESSAGE = re.compile(
    r"\b(?:sent|sends|addressed|addresses)\s+(?:a|an|his|her|the)\s+(?:\w+\s+){0,2}"
    r"(?:message|letter|greetings|telegram)\b"
    r"|\bнаправил\w*\s+(?:\w+\s+){0,2}(?:послание|письмо|поздравлени\w*|телеграмм\w*)"
    r"|致(?:函|信|贺电|贺信)",
    re.IGNORECASE,
)
_ANSWERS = re.compile(
    r"\banswers?\s+(?:to\s+)?(?:the\s+)?(?:media|press|journalists'?)?\s*questions\b"
    r"|ответ\w*\s+на\s+вопросы|答记者问",
    re.IGNORECASE,
)
_ADOPTED = re.compile(
    r"\b(?:issues?|issued|signs?|signed|adopts?|adopted|releases?|released|approves?|approved)\b"
    r"|\b(?:подписа\w*|принят\w*|принял\w*|утвержд\w*|утверди\w*|опубликова\w*)"
    r"|签署|签订|通过了",
    re.IGNORECASE,
)
_QUOTED = re.compile(r'"[^"]*"|«[^»]*»')


def _agent(match: re.Match[str]) -> bool:
    """A Chinese kind word made a person by 人: "发言人" is a spokesperson, not a speech."""
    return match.string[match.end() : match.end() + 1] == "人"


def unquoted(plain: str) -> str:
    """Quoted words blanked out (same length): "Norov: “Chairmanship gives impetus”" has no verb."""
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), plain)


def _signal(plain: str, knowledge: Knowledge, kind: str) -> re.Match[str] | None:
    for signal in knowledge.kinds:
        if signal.kind == kind:
            for phrase in signal.title:
                match = phrase_pattern(phrase).search(plain)
                if match is not None:
                    return match
    return None


def infer_kind(
    title: str, title_line: int, paragraphs: Sequence[Paragraph], knowledge: Knowledge
) -> Field | None:
    """The kind the strongest evidence gives, the others' proposals kept as `considered`
    (infer_fields then lets the evidence that measured best decide)."""
    if title_is_lead(title):  # no headline: the "title" is the lead, and read as one
        paragraphs = [Paragraph(title, title_line), *paragraphs]
    found = title_kind(title, knowledge)
    in_title = None
    if found is not None:
        kind, match = found
        snippet = clip(title, *match.span())
        in_title = Field(kind, Origin.TITLE, "kind-in-title", 0.9, title_line, snippet)
    proposed = [
        _announced_kind(paragraphs, knowledge),
        in_title,
        _form_in_text(paragraphs),
        _lead_kind(paragraphs, knowledge),
        _byline_article(paragraphs),
        _salutation(paragraphs),
        _question_answered(paragraphs),
        _third_person_report(paragraphs),
    ]
    candidates = [c for c in proposed if c is not None]
    if not candidates:
        return None
    first, others = candidates[0], []
    for candidate in candidates[1:]:
        if candidate.value not in {first.value, *(o.value for o in others)}:
            others.append(candidate)
    return replace(first, considered=tuple(others))


# Classes of evidence the title does not give, each measured (infer/calibration.py): the form a
# text takes — questions and answers, a spokesperson's briefing, a declaration's heading, a
# salutation — and, failing all, the third person of a news report.
_TURN = re.compile(
    r"^\W*(?:Q|Question|Вопрос|问|记者|Корр\.?|Корреспондент)\s*[:：]"
    r"|^\W*(?:A|Answer|Ответ|答)\s*[:：]",
    re.IGNORECASE,
)
_TOLD_OUTLET = re.compile(
    r"\b(?:told|said\s+in\s+an\s+(?:exclusive\s+)?interview\s+(?:with|to)|in\s+an\s+"
    r"(?:exclusive\s+)?interview\s+(?:with|to)|gave\s+an\s+interview|interviewed\s+by)\s+"
    r"(?:the\s+)?(?:[A-Z][\w.-]+|TASS|RIA|Xinhua)"
    r"|(?:в|во)\s+(?:эксклюзивном\s+)?интервью|рассказал\w*\s+(?:ТАСС|РИА|агентству|изданию)"
    r"|интервью\s+(?:агентству|газете|изданию|телеканалу|ТАСС|РИА|Известиям|Синьхуа)"
    # One journalist's questions, or readers', answered: an interview; the media's, a briefing.
    r"|отвеча\w*\s+на\s+вопросы\s+(?:журналиста|корреспондента|ведущего|читателей)"
    r"|接受[^。]{0,20}(?:专访|采访)|答记者问|——访|专访",
)
_BRIEFING = re.compile(
    r"\b(?:spokes(?:person|man|woman)|press\s+conference|news\s+conference|(?:press|media)\s+"
    r"briefing|regular\s+briefing|answers\s+to\s+(?:media\s+)?questions|answered\s+(?:the\s+)?"
    r"questions\s+(?:of|from)\s+(?:the\s+)?(?:media|journalists|reporters))\b"
    r"|пресс-конференц\w*|брифинг\w*|официальн\w+\s+представител\w+|ответ\w*\s+на\s+вопросы\s+СМИ"
    r"|例行记者会|记者会|新闻发布会|吹风会|发言人",
    re.IGNORECASE,
)
# A declaration heads its own text ("Declaration of the Heads of …", "JOINT COMMUNIQUÉ");
# one merely named in a report ("the leaders signed the Astana Declaration") makes news.
_DECLARATION_HEADING = re.compile(
    r"^\W*(?:[\w-]+\s+){0,2}(?:declaration|joint\s+communiqu[eé]|communiqu[eé]|joint\s+statement)"
    r"\s+(?:of|by|on)\b|^\W*(?:[\w-]+\s+){0,2}(?:деклараци\w+|коммюнике|совместн\w+\s+заявлени\w+)"
    r"\s|^\W*[\u4e00-\u9fff]{0,20}(?:宣言|联合公报|联合声明)\s*$",
    re.IGNORECASE,
)
_SALUTATION = re.compile(
    r"^\W*(?:dear\s|distinguished\s|excellenc|ladies\s+and\s+gentlemen|your\s+excellenc|"
    r"уважаем\w+|дамы\s+и\s+господа|尊敬的|女士们|各位)",
    re.IGNORECASE,
)
_REPORTING = re.compile(
    r"\b(?:took\s+part|takes\s+part|was\s+held|were\s+held|held|met|meets|received|visited|"
    r"attended|participated|took\s+place|said|says|noted|stressed|told|announced|reported|"
    r"opened|hosted|signed|discussed|arrived|chaired|according\s+to)\b"
    r"|принял\w*\s+участие|состоял\w*|прош[её]л\w*|заявил\w*|сообщил\w*|отметил\w*|"
    r"встретил\w*|провел\w*|провёл\w*|посетил\w*|подчеркнул\w*|передает|сообщает"
    r"|会见|会谈|出席|参加|举行|表示|指出|强调|访问|召开|主持|会晤|开幕|闭幕|据",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I am|my)\b|\bWe\s+(?:are|have|will)\b|\bя\b|我(?!们|国)")


# A line that says what the text below it is: "Following is the text of UN Secretary-General
# António Guterres' video message at …", "— Remarks by Chinese President Hu Jintao at …".
ANNOUNCES = re.compile(
    r"^\W*(?:(?:the\s+)?following\s+(?:is|are)\s+(?:the\s+)?(?:full\s+)?(?:text\s+of\s+)?"
    r"|(?:full\s+)?text\s+of\s+|ниже\s+(?:приводится|публикуется)\s+(?:полный\s+)?(?:текст\s+)?"
    r"|以下(?:是|为))",
    re.IGNORECASE,
)
_HEADS_ITS_LINE = re.compile(r"^\W*$")
_NEAR = 200  # characters
_BY_OR_AT = re.compile(r"\s+(?:by|of|at|delivered|given)\b|\s+[A-ZА-Я]", re.IGNORECASE)


def _announced_kind(paragraphs: Sequence[Paragraph], knowledge: Knowledge) -> Field | None:
    """The kind a line of the opening gives the text below it: the text it announces, or the
    kind word that opens the line and says whose it is."""
    for paragraph in _opening(paragraphs):
        plain = norm(first_sentence(paragraph.text))
        announced = ANNOUNCES.match(plain)
        # The kind word stands near the announcement, or opens the line: only so far is read.
        if announced is not None:
            found = title_kind(plain[announced.end() : announced.end() + _NEAR], knowledge)
            rule = "text-announced"
        else:
            found = title_kind(plain[:_NEAR], knowledge)
            rule = "kind-opens-line"
            if found is not None and not (
                _HEADS_ITS_LINE.match(plain[: found[1].start()])
                and _BY_OR_AT.match(plain, found[1].end())
            ):
                found = None
        if found is not None and found[0] != NEWS:
            offset = announced.end() if announced is not None else 0
            snippet = clip(paragraph.text, offset + found[1].start(), offset + found[1].end())
            return Field(found[0], Origin.TEXT, rule, 0.7, paragraph.line, snippet)
    return None


def _form_in_text(paragraphs: Sequence[Paragraph]) -> Field | None:
    """The form the text itself takes: an interview's turns, a briefing, a declaration."""
    opening = _opening(paragraphs)
    turns = [p for p in paragraphs[:_TURNS_SEEN] if _TURN.match(norm(p.text))]
    if len(turns) >= 2:
        return Field(INTERVIEW, Origin.TEXT, "question-answer-turns", 0.7, turns[0].line,
                     turns[0].text[:80])  # fmt: skip
    for rule, kind, pattern in (
        ("briefing-in-lead", "press conference", _BRIEFING),
        ("told-an-outlet", INTERVIEW, _TOLD_OUTLET),
        ("declaration-heading", "declaration", _DECLARATION_HEADING),
    ):
        for paragraph in opening:
            match = pattern.search(norm(paragraph.text)[:_LEAD_CHARS])
            if match is not None:
                snippet = clip(paragraph.text, *match.span())
                return Field(kind, Origin.TEXT, rule, 0.6, paragraph.line, snippet)
    return None


# A question that is a paragraph of its own, answered by the next: "What will the summit
# decide?" then the answer. An interview, when nothing stronger says what the text is.
_QUESTION_END = re.compile(r"[?？]\s*[»”\"]?\s*$")
_QUESTION_CHARS = 400  # a question is short; a long paragraph ending in "?" is rhetoric
_QUESTIONS_SEEN = 60  # paragraphs


def _question_answered(paragraphs: Sequence[Paragraph]) -> Field | None:
    seen = paragraphs[:_QUESTIONS_SEEN]
    for question, answer in itertools.pairwise(seen):
        text = question.text.strip()
        if (
            len(text) < _QUESTION_CHARS
            and _QUESTION_END.search(text)
            and not _QUESTION_END.search(answer.text.strip())
        ):
            snippet = text[:80]
            return Field(INTERVIEW, Origin.TEXT, "question-answered", 0.5, question.line, snippet)
    return None


def _salutation(paragraphs: Sequence[Paragraph]) -> Field | None:
    for paragraph in _opening(paragraphs):
        match = _SALUTATION.match(norm(paragraph.text))
        if match is not None:
            snippet = clip(paragraph.text, *match.span())
            return Field("speech", Origin.TEXT, "salutation", 0.5, paragraph.line, snippet)
    return None


def _third_person_report(paragraphs: Sequence[Paragraph]) -> Field | None:
    """A report in the third person ("took part", "was held", "said") is news; so, more
    weakly, is any text of some length that never speaks in the first person."""
    opening = paragraphs[:_REPORT_PARAGRAPHS]
    lead = unquoted(" ".join(norm(p.text)[:_LEAD_CHARS] for p in opening))
    if not opening or _FIRST_PERSON.search(lead):
        return None
    line = opening[0].line
    match = _REPORTING.search(lead)
    if match is not None:
        snippet = clip(lead, *match.span())
        return Field(NEWS, Origin.TEXT, "third-person-report", 0.5, line, snippet)
    if sum(word_count(p.text) for p in opening) >= _REPORT_WORDS:
        return Field(NEWS, Origin.TEXT, "no-first-person", 0.4, line, lead[:80])
    return None


_OPENING = 6  # paragraphs read for the form of the text (page furniture may fill the first)
_TURNS_SEEN = 30  # paragraphs searched for an interview's questions and answers
_LEAD_CHARS = 400
_REPORT_PARAGRAPHS = 6  # page furniture may fill the first few
_REPORT_WORDS = 40


# "By Rashid Alimov" under a title that names no form: an article, most likely. A news agency's
# byline ("by Xinhua writers Zhang Hao, Liu Lu") names reporters, not an author.
_BYLINE = re.compile(
    r"^\W*By\s+(?![^\n]*\b(?:writers?|reporters?|correspondents?|staff|Xinhua|TASS|APP)\b)"
    r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}\s*$"
)


def _byline_article(paragraphs: Sequence[Paragraph]) -> Field | None:
    for paragraph in paragraphs[:2]:
        if _BYLINE.match(norm(paragraph.text)) is not None:
            snippet = paragraph.text.strip()
            return Field("article", Origin.TEXT, "byline", 0.45, paragraph.line, snippet)
    return None


def _lead_kind(paragraphs: Sequence[Paragraph], knowledge: Knowledge) -> Field | None:
    for paragraph in paragraphs[:2]:
        plain = norm(paragraph.text)[:300]
        for signal in knowledge.kinds:
            for phrase in signal.lead:
                match = phrase_pattern(phrase).search(plain)
                if match is not None:
                    snippet = clip(paragraph.text, *match.span())
                    # A reporting verb or an interview's questions are strong signs; a salutation
                    # only suggests a speech (statements and remarks open the same way).
                    confidence = 0.45 if signal.kind == "speech" else 0.6
                    return Field(
                        signal.kind,
                        Origin.TEXT,
                        "kind-in-lead",
                        confidence,
                        paragraph.line,
                        snippet,
                    )
    return None


def _opening(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """Where the form of a text shows: its opening, past any page furniture."""
    opening = opening_paragraphs(paragraphs)
    return opening if len(opening) > _OPENING else paragraphs[:_OPENING]
