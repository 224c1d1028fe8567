"""A document's shape: which lines are its title and how its body splits into paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Paragraph

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
    if known_title and title and not _same_title(title, known_title):
        title, title_line, rest = "", 0, blocks
    paragraphs = [p for block in rest for p in _block_paragraphs(block)]
    repeated = bool(title) and bool(paragraphs) and _same_title(paragraphs[0].text, title)
    if repeated:
        paragraphs = paragraphs[1:]
    return Structure(title, title_line, repeated, paragraphs)


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
    rest = [first[1:]] if len(first) > 1 else []
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
