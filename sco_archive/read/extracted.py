"""What a format reader hands back: the text as paragraphs, and what the file says of itself."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sco_archive.model import PageEvidence


@dataclass(frozen=True)
class Extracted:
    """A document's text taken out of its format (a web page, a PDF, a Word file).

    `blocks` are the title (when the file marks one) and then the paragraphs, in reading order,
    each on one line: `text` joins them with blank lines, the shape a `.txt` file has, so that
    structure.py reads every format alike.
    """

    blocks: tuple[str, ...]
    evidence: tuple[PageEvidence, ...] = ()
    # What the library had to repair or skip on the way (a damaged stream): the text may be
    # short of the original's, which a curator should compare.
    problems: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "".join(block + "\n\n" for block in self.blocks)


class FormatError(ValueError):
    """The file is of its format but yields no text we can trust; the message says what to do."""


# Only the layout's whitespace: a no-break space is the text's own (`in\xa0Bishkek`), kept as a
# .txt keeps it.
_LAYOUT_SPACE = re.compile(r"[ \t\n\r\f\v\u2028\u2029]+")


def one_line(text: str) -> str:
    """A block's text on one line: the format's line breaks and runs of spaces folded."""
    return _LAYOUT_SPACE.sub(" ", text).strip(" ")


def clean_blocks(blocks: Sequence[str]) -> tuple[str, ...]:
    return tuple(b for b in (one_line(block) for block in blocks) if b)
