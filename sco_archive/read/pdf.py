"""PDF files: the text layer (pdfminer.six) as paragraphs, without the layout's furniture."""

from __future__ import annotations

import io
import logging
import re
import statistics
import struct
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTPage, LTTextBox, LTTextLine
from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
from pdfminer.pdfexceptions import PDFException
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.psexceptions import PSException
from pdfminer.utils import decode_text

from sco_archive.model import PageEvidence
from sco_archive.read.extracted import Extracted, FormatError, one_line

NO_TEXT_LAYER = "no text layer; run OCR first (e.g. ocrmypdf) and add the result"
# What a damaged file makes pdfminer raise besides its own errors (it reads untrusted bytes).
_DAMAGED = (PDFException, PSException, ValueError, KeyError, TypeError, struct.error)
_MARGIN = 0.12  # the share of a page's height at its top and bottom where furniture stands
_PAGE_NUMBER = re.compile(
    r"^\W*(?:page\s+|стр\.?\s*)?(\d{1,4})(?:\s*(?:of|/|из)\s*\d{1,4})?\W*$", re.I
)
# How far a printed page number may run ahead of the page's place in the file (a document
# numbered on from the pages of a bulletin it was cut from).
_MAX_NUMBER_OFFSET = 20
_SENTENCE_END = re.compile(r"[.!?:;…\"”’»)\]。]$")


@dataclass(frozen=True)
class Box:
    """A block of lines pdfminer grouped on a page, and where it stands."""

    lines: tuple[str, ...]
    page: int  # 1-based
    x0: float
    x1: float
    top: float  # distance from the page's top edge to the box's top
    bottom: float  # distance from the page's top edge to the box's bottom
    size: float  # the median font size of its characters
    page_width: float
    page_height: float
    column: int = 0  # 0 the left (or only) column, 1 the right one

    @property
    def text(self) -> str:
        return one_line(" ".join(self.lines))

    @property
    def in_margin(self) -> bool:
        band = self.page_height * _MARGIN
        return self.bottom <= band or self.top >= self.page_height - band


class _Problems(logging.Handler):
    """pdfminer's warnings while it reads one file: what it repaired or skipped."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message not in self.found:
            self.found.append(message)


def read_pdf(data: bytes) -> Extracted:
    """A PDF → its title and paragraphs in reading order, and its document properties."""
    # pdfminer tells of damage it worked round in its log, not in what it returns: heard here
    # and handed on as the document's problems, instead of lines on the build's stderr.
    logger = logging.getLogger("pdfminer")
    problems, propagate = _Problems(), logger.propagate
    logger.addHandler(problems)
    logger.propagate = False
    try:
        extracted = _read(data)
    finally:
        logger.removeHandler(problems)
        logger.propagate = propagate
    return replace(extracted, problems=tuple(problems.found[:3]))


def _read(data: bytes) -> Extracted:
    evidence = _properties(data)
    pages = _pages(data)
    if not any(pages):
        raise FormatError(NO_TEXT_LAYER)
    running = _running_furniture(pages)
    offset = _numbering_offset(pages)
    body_size = statistics.median(b.size for page in pages for b in page)
    body: list[Box] = []
    notes: list[Box] = []
    for page in pages:
        kept = [b for b in page if not _is_furniture(b, running, offset)]
        for box in _reading_order(kept):
            # A footnote (smaller type, low on its page) is read after the text it interrupts.
            footnote = box.size < body_size * 0.85 and box.top > box.page_height * 0.7
            (notes if footnote else body).append(box)
    headers = [b.text for b in pages[0] if b.in_margin and _shape(b.text) in running]
    evidence += tuple(PageEvidence("header", h, "pdf: page 1 header") for h in headers[:1])
    vocabulary = _hyphenated_words(body + notes)
    blocks = [_unbroken(lines, vocabulary) for lines in _paragraphs(body)]
    blocks += [_unbroken(b.lines, vocabulary) for b in notes]
    return Extracted(tuple(b for b in blocks if b), evidence)


def _pages(data: bytes) -> list[list[Box]]:
    with _pdf_errors():
        return [list(_boxes(page)) for page in extract_pages(io.BytesIO(data), laparams=LAParams())]


@contextmanager
def _pdf_errors() -> Iterator[None]:
    """pdfminer's errors as the messages a curator reads."""
    try:
        yield
    except PDFPasswordIncorrect as error:
        raise FormatError(_ENCRYPTED) from error
    except _DAMAGED as error:
        raise FormatError(
            f"the PDF is damaged ({_reason(error)}); save or export it again"
        ) from error


_ENCRYPTED = "the PDF is encrypted with a password; save an unprotected copy and add that instead"


def _reason(error: Exception) -> str:
    return str(error).strip() or type(error).__name__


def _boxes(page: LTPage) -> Iterator[Box]:
    for element in page:
        if not isinstance(element, LTTextBox):
            continue
        lines = tuple(line.get_text().strip() for line in element if isinstance(line, LTTextLine))
        sizes = [c.size for line in element for c in line if isinstance(c, LTChar)]
        if not any(lines) or not sizes:
            continue
        yield Box(
            tuple(line for line in lines if line),
            page.pageid,
            element.x0,
            element.x1,
            page.height - element.y1,
            page.height - element.y0,
            statistics.median(sizes),
            page.width,
            page.height,
        )


def _is_furniture(box: Box, running: set[str], offset: int | None) -> bool:
    """A page number, or a running header or footer, in the page's top or bottom margin."""
    if not box.in_margin:
        return False
    number = _number(box)
    if number is not None:  # "2015." atop a column goes on a sentence; "– 2 –" counts pages
        return offset is not None and number - box.page == offset
    return _shape(box.text) in running


def _number(box: Box) -> int | None:
    found = _PAGE_NUMBER.match(box.text)
    return int(found.group(1)) if found else None


def _numbering_offset(pages: list[list[Box]]) -> int | None:
    """By how much the numbers in the margins run ahead of the pages, when they count them:
    the same offset on most pages (or the only page), never far."""
    offsets = Counter(
        number - box.page
        for page in pages
        for box in page
        if box.in_margin and (number := _number(box)) is not None
    )
    if not offsets:
        return None
    offset, count = offsets.most_common(1)[0]
    if abs(offset) > _MAX_NUMBER_OFFSET or count * 2 < len(pages):
        return None
    return offset


def _reading_order(page: Sequence[Box]) -> list[Box]:
    """Top to bottom, a left column before a right one: pdfminer's own order interleaves
    columns when their paragraphs do not line up (bench/format_readers.py). A box that starts
    left of the middle and ends right of it spans the page (a title), read in the left's turn."""

    def column(box: Box) -> int:
        middle = box.page_width / 2
        return 1 if box.x0 >= middle - box.page_width * 0.05 else 0

    placed = [replace(b, column=column(b)) for b in page]
    return sorted(placed, key=lambda b: (b.column, b.top))


def _shape(text: str) -> str:
    """A line with its numbers blanked: "Page 3 of 9" and "Page 4 of 9" are one furniture."""
    return re.sub(r"\d+", "#", one_line(text)).casefold()


def _running_furniture(pages: list[list[Box]]) -> set[str]:
    """The margin lines that come back on most pages: running headers and footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        # Lines of letters only: numbers are page numbers or text (_numbering_offset).
        counts.update({_shape(b.text) for b in page if b.in_margin and _number(b) is None})
    return {shape for shape, n in counts.items() if n >= 2 and n * 2 >= len(pages)}


def _paragraphs(body: list[Box]) -> list[tuple[str, ...]]:
    """Boxes as paragraphs: one a box, except that a paragraph broken by a column or a page
    (it stops mid-sentence at a column's foot, or the next box goes on in lower case) is one
    again."""
    joined: list[tuple[str, ...]] = []
    previous: Box | None = None
    for box in body:
        moved_on = previous is not None and (previous.page, previous.column) != (
            box.page,
            box.column,
        )
        last = joined[-1][-1] if joined else ""
        open_ended = bool(last) and not _SENTENCE_END.search(last)
        if open_ended and (moved_on or box.lines[0][:1].islower()):
            joined[-1] = joined[-1] + box.lines
        else:
            joined.append(box.lines)
        previous = box
    return joined


_HYPHENATED = re.compile(r"\b\w+-\w+\b")
_BROKEN = re.compile(r"(\w+)-$")


def _hyphenated_words(boxes: list[Box]) -> set[str]:
    """Words the document writes with a hyphen inside a line: their hyphen is no soft one."""
    return {w.casefold() for b in boxes for line in b.lines for w in _HYPHENATED.findall(line)}


def _unbroken(lines: Sequence[str], vocabulary: set[str]) -> str:
    """A paragraph's lines as one, words hyphenated at a line's end joined again: "activit-"
    and "ies" are "activities", but "Secretary-" and "General" stay "Secretary-General", as
    does "multi-" "profile" where the text writes "multi-profile" elsewhere."""
    text = ""
    for line in lines:
        broken = _BROKEN.search(text)
        if broken and line[:1].islower():
            word = f"{broken.group(1)}-{line.split()[0]}".casefold()
            keep = word.rstrip(".,;:!?)»”") in vocabulary
            text = text if keep else text[:-1]
        elif text:
            text += " "
        text += line
    return one_line(text)


def _properties(data: bytes) -> tuple[PageEvidence, ...]:
    """The document information (/Title, /Author) and the catalog's /Lang, as evidence."""
    with _pdf_errors():
        document = PDFDocument(PDFParser(io.BytesIO(data)))
    found: list[PageEvidence] = []
    for info in document.info:
        for name, key in (("Title", "title"), ("Author", "byline")):
            value = _text(info.get(name))
            if value and value.casefold() not in _NO_VALUE:
                found.append(PageEvidence(key, value, f"pdf: /{name}"))
    lang = _text(document.catalog.get("Lang"))
    if lang:
        found.append(PageEvidence("language", lang, "pdf: catalog /Lang"))
    return tuple(found)


# What writers put in /Author when nobody is named.
_NO_VALUE = {"anonymous", "unknown", "untitled", "user", "admin"}


def _text(value: object) -> str:
    value = resolve1(value)
    if isinstance(value, bytes):
        return one_line(decode_text(value))
    return one_line(value) if isinstance(value, str) else ""
