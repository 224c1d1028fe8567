"""The plain data that flows between the pipeline's stages: read → infer → plan → write."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar


class Origin(StrEnum):
    """Where a metadata value came from, strongest first."""

    CURATED = "curated"  # front matter of a .md document, or its sidecar
    TITLE = "title"
    TEXT = "text"
    # The file's own metadata beside its text: a web page's meta tags, a PDF's or Word file's
    # document properties (read/html.py, pdf.py, docx.py; weighed in infer/embedded.py).
    PAGE = "page"
    KNOWLEDGE = "knowledge"  # corpus knowledge (office holders, gazetteer, …)
    FILENAME = "filename"
    DEFAULT = "default"


class Severity(StrEnum):
    ERROR = "error"  # the document cannot be published
    WARNING = "warning"  # published, but a curator should look; fails a --strict build
    INFO = "info"  # worth knowing (a curated value overrules the text); never fails a build


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding about one file, printed by the CLI as `file:line: severity: [code] message`."""

    file: str
    line: int | None
    severity: Severity
    code: str
    message: str

    def format(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.severity.value}: [{self.code}] {self.message}"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to day, month or year precision."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        """`2020-06-24`, `2020-06` or `2020`."""
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @classmethod
    def parse_iso(cls, text: str) -> PartialDate:
        """Inverse of `iso()`; raises ValueError on anything else (or an impossible date)."""
        import datetime

        pieces = str(text).strip().split("-")
        if not 1 <= len(pieces) <= 3 or not all(p.isdigit() for p in pieces) or len(pieces[0]) != 4:
            raise ValueError(f"not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {text!r}")
        numbers = [int(p) for p in pieces] + [None] * (3 - len(pieces))
        year, month, day = numbers
        datetime.date(year, month or 1, day or 1)  # validates
        return cls(year, month, day)


@dataclass(frozen=True)
class Field:
    """One inferred or curated metadata value and the evidence for it."""

    value: Any
    origin: Origin
    rule: str  # the name of the rule that produced it, e.g. "date-in-title"
    confidence: float = 1.0  # 0..1; below GUESS_BELOW is shown to readers as a guess
    line: int | None = None  # 1-based line in the source file
    snippet: str = ""  # the text that led to the value
    # The kind of evidence, whose measured precision the confidence is (infer/calibration.py);
    # empty for curated values.
    evidence: str = ""
    measured: tuple[int, int] | None = None  # (right, given) on real documents, when measured
    # The other values the evidence proposed, each with its own evidence (the runners-up).
    considered: tuple[Field, ...] = ()

    def described(self) -> str:
        """ "2017-09-22 (publication-stamp, line 3)": a value and its evidence, in one line."""
        value = self.value.iso() if hasattr(self.value, "iso") else self.value
        where = f", line {self.line}" if self.line else ""
        return f"{value} ({self.rule}{where})"


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of a document's body, exactly as written, and the line it starts on."""

    text: str
    line: int


@dataclass(frozen=True)
class PageEvidence:
    """A value a file states about itself beside its text (a web page's
    `article:published_time`, a PDF's /Title): a candidate for inference, never a value itself."""

    key: str  # the field it speaks to: title, published, language, speaker
    value: str  # as the file writes it
    origin: str  # where it was found, as `check` shows it: "html-meta: article:published_time"


@dataclass
class RawDocument:
    """A source file read into text; the reader never infers anything."""

    path: Path
    rel_path: str  # path relative to the speeches folder, with forward slashes
    text: str  # the body (front matter removed), newlines normalised to \n
    body_line: int = 1  # the source line on which `text` starts
    curated: dict[str, Any] = field(default_factory=dict)  # front matter and sidecar, merged
    curated_lines: dict[str, int] = field(default_factory=dict)  # key → line in its file
    curated_file: str = ""  # the file the curated values came from
    encoding: str = "utf-8"
    diagnostics: list[Diagnostic] = field(default_factory=list)
    format: str = "txt"  # what the file was: txt, md, html, pdf, docx (read/files.py FORMATS)
    page_evidence: tuple[PageEvidence, ...] = ()  # what the file says about itself
    size: int = 0  # bytes of the file as received


GUESS_BELOW = 0.5  # a value with less confidence than this is shown as a guess

# English names, not `calendar`'s, which follow the machine's locale: texts are read, and the
# site is written, the same wherever the archive is built.
MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass
class Document:
    """A loaded document: its text and every metadata field with its evidence."""

    source: str  # rel_path of the source file
    title: str
    paragraphs: list[Paragraph]
    fields: dict[str, Field]  # keys from METADATA_KEYS; a missing key means "not known"
    diagnostics: list[Diagnostic] = field(default_factory=list)
    disputed: dict[str, Field] = field(default_factory=dict)  # what the text says, overruled
    content_hash: str = ""
    encoding: str = "utf-8"
    format: str = "txt"  # the file as received: txt, md, html, pdf, docx
    size: int = 0  # its bytes, for the link to the original
    # What later stages derived from this document alone (`remembered`). `serve` keeps an
    # unchanged document from one rebuild to the next, and with it all that was derived.
    derived: dict[Any, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        # The loader's cache stores what was loaded, not what a build derived from it.
        return {k: v for k, v in self.__dict__.items() if k not in _DERIVED_ATTRIBUTES}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, derived={})

    def value(self, key: str, default: Any = None) -> Any:
        found = self.fields.get(key)
        if found is None:
            return default
        value = found.value
        # Not `value in (None, "", [])`, which compares every date with "" and [] (slowly).
        empty = value is None or (isinstance(value, str | list) and not value)
        return default if empty else value

    @functools.cached_property
    def date(self) -> PartialDate | None:
        # Cached: sorting, browsing and linking ask for it millions of times at 10,000 documents.
        return self.value("date")

    def where(self) -> str:
        """`Venue, City`, the venue or the city alone, or "": where it was said, as the page
        header, the lists and the citations say it. A venue that is only the document's kind
        ("press conference") says what the document is, not where it was given."""
        venue, city = self.value("venue"), self.value("city")
        if venue and str(venue).casefold() == str(self.value("kind") or "").casefold():
            venue = None
        if venue and city and str(city).casefold() != str(venue).casefold():
            return f"{venue}, {city}"
        return str(venue or city or "")

    @functools.cached_property
    def words(self) -> int:
        # Cached: browse pages, the home page and the exports ask for it many times per build.
        return sum(len(p.text.split()) for p in self.paragraphs)


CACHED_PROPERTIES = tuple(
    name for name, kind in vars(Document).items() if isinstance(kind, functools.cached_property)
)
# `derived` and every cached property: what a document's attributes hold beyond its fields.
_DERIVED_ATTRIBUTES = frozenset({"derived", *CACHED_PROPERTIES})

P = ParamSpec("P")
R = TypeVar("R")


def remembered(
    function: Callable[Concatenate[Document, P], R],
) -> Callable[Concatenate[Document, P], R]:
    """`function(document, *args)`, computed once per document and arguments.

    For what depends on the document and the arguments alone (documents are not changed once
    loaded). The value is shared between callers: they must not change it.
    """

    @functools.wraps(function)
    def remembering(document: Document, *args: P.args, **kwargs: P.kwargs) -> R:
        if kwargs:  # keyed by position only: f(d, x) and f(d, x=…) would be two entries
            raise TypeError(f"{function.__name__}: pass the arguments by position")
        key = (remembering, *args)
        try:
            return document.derived[key]
        except KeyError:
            value = document.derived[key] = function(document, *args)
            return value

    return remembering


# --- The field table ----------------------------------------------------------------------
#
# Every column a document's record has, in the one order that front matter, the downloads and
# `check` all use. Curated validation (read/curated.py) takes each metadata field's value type
# from here; nothing else lists the fields.


class ValueType(StrEnum):
    TEXT = "text"
    TITLE = "title"  # text that cannot be empty
    URL = "url"  # an http(s) address
    DATE = "date"
    TOPICS = "topics"
    REFERENCES = "references"  # other documents, by source file or page slug


@dataclass(frozen=True)
class Column:
    key: str
    type: ValueType = ValueType.TEXT
    # None: a metadata field (curated or inferred, in Document.fields); else how it is derived.
    derived: Callable[[Document], Any] | None = None
    default: Any = None  # the record's value when the field is not known


def _precision(document: Document) -> str | None:
    return document.date.precision if document.date else None


COLUMNS = (
    Column("title", ValueType.TITLE),
    Column("date", ValueType.DATE),
    Column("date_precision", derived=_precision),
    Column("date_end", ValueType.DATE),
    Column("published", ValueType.DATE),
    Column("speaker"),
    Column("speaker_role"),
    Column("venue"),
    Column("city"),
    Column("kind"),
    Column("topics", ValueType.TOPICS),
    Column("language", default="en"),  # the site's pages are English around the text
    Column("words", derived=lambda document: document.words),
    Column("source", derived=lambda document: document.source),
    Column("format", derived=lambda document: document.format),  # txt, md, html, pdf, docx
    Column("source_url", ValueType.URL),
    Column("notes"),
)
RECORD_KEYS = tuple(column.key for column in COLUMNS)
METADATA_FIELDS = tuple(column for column in COLUMNS if column.derived is None)
METADATA_KEYS = tuple(column.key for column in METADATA_FIELDS)
# Curated keys that relate a document to others instead of describing it: never inferred, not
# in its record (write/translations.py reads them); `check` shows them after the fields.
RELATION_KEYS = ("translation_of", "not_translation_of")


def plain(value: Any) -> Any:
    """A metadata value as JSON- and YAML-ready data: dates as ISO text, topics a list."""
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, tuple):
        return list(value)
    return value


def _cell(document: Document, column: Column) -> Any:
    if column.derived is not None:
        return column.derived(document)
    if column.key == "title":
        return document.title
    value = document.value(column.key, column.default)
    if column.type is ValueType.DATE:
        return value.iso() if isinstance(value, PartialDate) else None
    if column.type is ValueType.TOPICS:
        return list(value or ())
    return value


@remembered
def document_record(document: Document) -> dict[str, Any]:
    """A document's record under RECORD_KEYS: front matter, the downloads and `check` all give
    it; unknown values are None, topics a list."""
    return {column.key: _cell(document, column) for column in COLUMNS}
