"""A document's shape: which lines are its title and how its body splits into paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sco_archive.model import Paragraph

_BOLD = re.compile(r"^\s*\*\*(.*?)\*\*\s*$", re.DOTALL)
# Only the opening hashes are matched by a regex; the closing ones are stripped with string
# methods, because `(.*?)\s*#*\s*$` backtracks cubically on a long run of spaces.
_HEADING_OPEN = re.compile(r"#{1,6}\s+")
# A hard-wrapped line (a Word file saved as text) stops mid-sentence; a paragraph does not.
_SENTENCE_END = re.compile(r"[.!?:;\"”’»)\]]\s*$")
_WRAP_WIDTH = 100
_MAX_TITLE_CHARS = 400


@dataclass(frozen=True)
class Structure:
    title: str  # "" when the document has no recognisable title
    title_line: int  # 1-based source line of the title (0 when there is none)
    title_repeated: bool  # the first paragraph was the title again, and was dropped
    paragraphs: list[Paragraph]
    title_rule: str = "first-line"  # or "headline-below-furniture"


def squash(text: str) -> str:
    """Whitespace folded to single spaces (no-break spaces too), for comparisons only."""
    return " ".join(text.split())


def split_structure(text: str, first_line: int = 1, known_title: str | None = None) -> Structure:
    """Find the title and paragraphs of a body that starts on source line `first_line`.

    `known_title` is a title given outside the body (front matter): the first line is then
    the title only if it says the same, and otherwise the first paragraph, never dropped.
    """
    blocks = _blocks(text, first_line)
    if not blocks:
        return Structure("", 0, False, [])
    title, title_line, rest = _take_title(blocks)
    rule = "first-line" if title_line == blocks[0][0][0] else "headline-below-furniture"
    if known_title and title and not _same_title(title, known_title):
        title, title_line, rest = "", 0, blocks
    paragraphs = [p for block in rest for p in _block_paragraphs(block)]
    repeated = bool(title) and bool(paragraphs) and _same_title(paragraphs[0].text, title)
    if repeated:
        paragraphs = paragraphs[1:]
    return Structure(title, title_line, repeated, paragraphs, rule)


def _same_title(text: str, title: str) -> bool:
    return squash(_unwrap(text)).casefold() == squash(title).casefold()


def _unwrap(text: str) -> str:
    bold = _BOLD.match(text)
    if bold:
        return bold.group(1)
    heading = _heading(text)
    return text if heading is None else heading


def _heading(line: str) -> str | None:
    """The text of an ATX heading (`## Title ##`), or None when the line is not one."""
    opened = _HEADING_OPEN.match(line)
    if opened is None:
        return None
    return line[opened.end() :].rstrip().rstrip("#").rstrip()


Block = list[tuple[int, str]]  # (line number, line) of consecutive non-blank lines


def _blocks(text: str, first_line: int) -> list[Block]:
    blocks: list[Block] = []
    current: Block = []
    for number, line in enumerate(text.split("\n"), start=first_line):
        if line.strip():
            current.append((number, line))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _take_title(blocks: list[Block]) -> tuple[str, int, list[Block]]:
    headline = _headline_below_furniture(blocks)
    if headline is not None:
        return headline
    return _first_line_title(blocks)


def _headline_below_furniture(blocks: list[Block]) -> tuple[str, int, list[Block]] | None:
    """A page saved from the web opens with furniture (a breadcrumb, a stamp, the site's name,
    "Currency rates from …"): its headline is the first line below that is not furniture.
    The page keeps every line where it stands, the headline too: the text reads in its order."""
    lines = [(b, i) for b, block in enumerate(blocks) for i in range(len(block))]
    if not lines or not is_furniture(blocks[0][0][1]):
        return None
    number, first = blocks[0][0]
    stamp = STAMP_OPENING.match(first)
    if stamp is not None:
        # " date 2018-04-06 Tashkent hosts regular RATS SCO meeting": the stamp and the
        # headline on one line (a lead there ends as a sentence, and is no headline).
        rest = squash(first[stamp.end() :])
        if _is_headline(rest) and _headline_shaped(rest, [(number, rest)]):
            return rest, number, blocks
    for b, i in lines[1:_HEADLINE_WINDOW]:
        number, line = blocks[b][i]
        # A stamp just above or below is no line of a hard-wrapped paragraph the headline
        # would be in.
        block = blocks[b]
        own_lines = [e for j, e in enumerate(block) if j == i or not is_furniture(e[1])]
        if is_furniture(line) or not _headline_shaped(line, own_lines):
            continue
        candidate = _STAMP_PREFIX.sub("", squash(_unwrap(line)), count=1)
        following = [blocks[c][j][1] for c, j in lines if (c, j) > (b, i)][:1]
        if following and _runs_on(candidate, following[0]):
            candidate = f"{candidate} {squash(following[0])}"
        if len(candidate) > _MAX_TITLE_CHARS or _looks_like_prose(candidate):
            return None
        return candidate, number, blocks
    return None


# The stamp a stored page opens with: " date 2018-04-06", " date 2019-06-11 16:04", " date 2022-07".
STAMP_OPENING = re.compile(r"^\W*date\s+\d{4}-\d{2}(?:-\d{2})?(?:\s+[0-2]?\d:[0-5]\d)?\s+")


def _is_headline(text: str) -> bool:
    """Words enough for a headline and not too many, none of them furniture."""
    return (
        len(text.split()) >= _FEWEST_HEADLINE_WORDS
        and len(text) <= _MAX_TITLE_CHARS
        and not is_furniture(text)
        and not _looks_like_prose(text)
    )


_FEWEST_HEADLINE_WORDS = 3


# A headline wrapped before its end: "JOINT COMMUNIQUÉ OF MEETING OF THE COUNCIL OF THE HEADS OF"
# then "THE MEMBER STATES OF …". A line that ends in a word that cannot end one runs on.
_OPEN_END = re.compile(
    r"\b(?:of|the|and|to|in|for|on|at|with|by|from|a|an|и|в|во|на|по|для|о|об|с|со|к)\s*$",
    re.IGNORECASE,
)


def _runs_on(headline: str, next_line: str) -> bool:
    """Whether `next_line` is the rest of a headline cut short."""
    rest = next_line.strip()
    return bool(
        _OPEN_END.search(headline)
        and rest
        and not is_furniture(rest)
        and not re.search(r"[.!?。]\s*$", rest)
        and len(headline) + len(rest) <= _MAX_TITLE_CHARS
    )


# Classes of page furniture, each seen on many saved pages: a URL, a breadcrumb, a stamp or a
# clock, a line of a word or two (a section or the site's name), and the usual boilerplate.
_URL = re.compile(r"https?://|\bwww\.\w", re.IGNORECASE)
# "WORLD> Asia-Pacific" too, and "Department of Public Information • News and Media Division"
_BREADCRUMB = re.compile(r">>|\s[>»›]\s|\w>\s|\s/\s|\||\S\s+•\s+\S")
# A navigation bar opens with its first item: "Home Embassy Info About China …", "Главная".
_NAVIGATION = re.compile(r"^\W*(?:home|main\s+page|главная|首页)(?=\s|$|[>»›|/])", re.IGNORECASE)
# The site's own name, alone on its line: "Ministry of Foreign Affairs", "Consulate General of
# the People's Republic of China in Houston", "SCO - Shanghai Cooperation Organisation".
_INSTITUTION = re.compile(
    r"^\W*(?:the\s+)?(?:Ministry|Embassy|Consulate(?:\s+General)?|Permanent\s+Mission|"
    r"Mission|Secretariat|Department|Министерство|Посольство|Генеральное\s+консульство)\b"
    r"(?:\s+(?:of|for|the|and|in|at|to|по|в|и|People's|[A-ZА-Я][\w'’.-]*))*\s*$"
    r"|^\W*[A-ZА-Я]{2,}\s+[-–—|:]\s+(?:[A-ZА-Я][\w'’-]*\s*)+$"
    # … and the state it serves, on a line of its own: "The People’s Republic of China".
    r"|^\W*(?:the\s+)?(?:[A-Z][\w'’]*\s+){0,2}(?:Republic|Federation|Kingdom)\s+of"
    r"(?:\s+(?:the\s+)?[A-Z][\w'’-]*)+\s*$"
)
_CLOCK = re.compile(r"\b[0-2]?\d:[0-5]\d\b")
_STAMP_LINE = re.compile(
    r"^\W*(?:date|published|updated|posted)\b|"
    r"^\W*(?:作者|来源|來源|更新时间|更新時間|发布时间|發佈時間|發布時間)\s*[:：]|^\W*(?:[^\W\d]+,?\s+)?\d{1,4}[\s./-]+"
    r"(?:[^\W\d]+|\d{1,2})[\s.,/-]+\d{2,4}\b\W*(?:г\.|года)?\s*$",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"©|\bpage was saved\b|\bcurrency rates\b|\bfinancial (?:assistance|support)\b|"
    r"финансовой поддержк|^\W*(?:photo|фото)\b|\[ad_\d|\bcover story\b|"
    r"^\W*(?:all|archive|breaking|latest)\s+news\s*$|^\W*media\s+cent(?:er|re)\b|"
    r"^\W*[A-Z]{2,}(?:/[A-Z]{2,})+/\d+\s*$|"
    # A journal's issue line and a Chinese site's chrome: where you are, share buttons, the
    # registration numbers ("Volume 8 No. 1", "本页位置:首页", "点击右上角", "国内刊号:50-9210").
    r"\bVol(?:ume|\.)\s*\d+,?\s+(?:No|Issue)\.?\s*\d+|"
    r"^\W*(?:本[页頁]位置|当前位置|當前位置|您的位置|你的位置|所在位置)\s*[:：]|^\W*分享到|"
    r"^\W*点击右上角|^\W*點擊右上角|刊号\s*[:：]|刊號\s*[:：]|\bISSN\b|ICP[备備]|"
    r"^\W*(?:主管|主办|主辦|承办|承辦)(?:单位|單位)\s*[:：]|分享功能|分享给|分享給",
    re.IGNORECASE,
)
# "Uzbekistan 17/08/2007 Central Asian presidents hail …": a section and a stamp glued to the
# headline on one line; the headline is what follows.
_STAMP_PREFIX = re.compile(r"^\W*(?:[^\W\d]+\s+){0,2}\d{1,2}[./]\d{1,2}[./]\d{4}\s+(?=\S)")
_SITE_LINES = (_URL, _BREADCRUMB, _BOILERPLATE, _NAVIGATION, _INSTITUTION)
_CJK = re.compile(r"[\u3400-\u9fff]")
_HEADLINE_WINDOW = 10  # lines searched for a headline below the furniture


def _headline_shaped(line: str, block: Block) -> bool:
    """A headline is not a sentence, a list item or a line of a hard-wrapped paragraph; a
    Markdown heading ("# 上合组织秘书长:…") is one wherever it stands."""
    if _heading(line) is not None:
        return True
    return not (
        # A sentence, a clause that goes on, or a salutation ("Dear colleagues:", "尊敬的同事：")
        re.search(r"[.!?。,;，；:：]\s*$", line)
        or _starts_item(line)
        or (len(block) > 1 and _is_hard_wrapped(block))
    )


_FOUR_LETTERS = re.compile(r"(?:[^\W\d_][\W\d_]*){4}")  # stops at the fourth letter


@lru_cache(maxsize=2048)  # inference asks again of the same lines, rule after rule
def is_furniture(line: str) -> bool:
    """A line of a web page's furniture, not of the document."""
    text = line.strip()
    if len(text.split()) <= 2 and len(_CJK.findall(text)) < 6:
        return True
    if not _FOUR_LETTERS.search(text):  # "$1 – 12931.94", "UZS – -0.06%"
        return True
    if _CLOCK.search(text) or _STAMP_LINE.search(text):
        return True
    return names_the_site(text)


def names_the_site(line: str) -> bool:
    """A line that names the site or the place of a page in it: a URL, a breadcrumb, a menu,
    the site's own name or its boilerplate (a stamp may share the line: "16 June 2009
    Department of Public Information • News and Media Division • New York")."""
    text = line.strip()
    return any(pattern.search(text) for pattern in _SITE_LINES)


def _first_line_title(blocks: list[Block]) -> tuple[str, int, list[Block]]:
    first = blocks[0]
    joined = "\n".join(line for _, line in first)
    bold = _BOLD.match(joined)
    if bold:  # `**…**`, perhaps split over several lines
        return squash(bold.group(1)), first[0][0], blocks[1:]
    number, line = first[0]
    heading = _heading(line)
    candidate = squash(line if heading is None else heading)
    if len(candidate) > _MAX_TITLE_CHARS or _looks_like_prose(candidate):
        return "", 0, blocks
    taken = 1
    if heading is None and len(first) > 1 and _runs_on(candidate, first[1][1]):
        candidate, taken = f"{candidate} {squash(first[1][1])}", 2
    rest = [first[taken:]] if len(first) > taken else []
    return candidate, number, rest + blocks[1:]


def _looks_like_prose(line: str) -> bool:
    """A first line with several sentences is the start of the text, not a title."""
    return len(re.findall(r"[.!?]\s", line + " ")) >= 2 and len(line) > 200


def _block_paragraphs(block: Block) -> list[Paragraph]:
    if _is_hard_wrapped(block):
        return [Paragraph(" ".join(line.strip() for _, line in block), block[0][0])]
    return [Paragraph(line.strip(), number) for number, line in block]


def _is_hard_wrapped(block: Block) -> bool:
    body = [line.strip() for _, line in block[:-1]]
    if not body or any(len(line) > _WRAP_WIDTH for line in body):
        return False
    open_ended = sum(1 for line in body if not _SENTENCE_END.search(line))
    return open_ended * 2 >= len(body) and not any(_starts_item(line) for _, line in block[1:])


def _starts_item(line: str) -> bool:
    """Numbered or bulleted lines stay paragraphs of their own."""
    return bool(re.match(r"\s*(\d+[.)]|[-•*–—]\s)", line))
