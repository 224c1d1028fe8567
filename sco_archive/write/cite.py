"""Citations of a document: plain, Chicago, APA, BibTeX, and RIS and CSL-JSON for reference
managers, each split around the page's URL."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from slugify import slugify

from sco_archive.knowledge import NameOrders
from sco_archive.model import MONTH_NAMES, Document, PartialDate, remembered

ARCHIVE_NAME = "SCO Speech Archive"
# The page's absolute URL is known only when the site is rendered (site_url may be overridden
# on the command line), so each citation is stored as the text before and after the URL.
Split = tuple[str, str]

_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
UNKNOWN_NAMES = NameOrders()  # without a knowledge file every name is cited as written
_MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@remembered  # `serve` rebuilds: an unchanged document is not cited again
def citations(
    document: Document, archive: str = ARCHIVE_NAME, names: NameOrders = UNKNOWN_NAMES
) -> dict[str, Split]:
    """Every style of citation for `document`, in a fixed order; `names` says which way round
    the speaker's name is written."""
    speaker = _speaker(document, names)
    return {
        "plain": plain(document, archive),
        "chicago": chicago(document, archive, speaker),
        "apa": apa(document, archive, speaker),
        "bibtex": bibtex(document, archive, speaker),
        "ris": ris(document, archive, speaker),
        "csl-json": csl_json(document, archive, speaker),
    }


@dataclass(frozen=True)
class Name:
    """A person's name as written, and which part of it is the family name (None: not known,
    so cite it as written)."""

    written: str
    family: str | None = None
    given: str = ""
    family_first: bool = False

    @property
    def listed(self) -> str:
        """As a bibliography lists it: `Norov, Vladimir`; `Zhang Ming` stays as written."""
        return self.written if self.family_first else self.family_comma_given

    @property
    def initialled(self) -> str:
        """APA: `Norov, V.`, `Zhang, M.`; a name not known is cited as written."""
        if self.family is None or not self.given:
            return self.written
        initials = " ".join(f"{w[0]}." for w in re.split(r"[\s-]+", self.given) if w)
        return f"{self.family}, {initials}"

    @property
    def family_comma_given(self) -> str:
        """`Zhang, Ming`, `Norov, Vladimir`, as RIS and reference managers store an author;
        a name not known is kept as written."""
        if self.family is None or not self.given:
            return self.written
        return f"{self.family}, {self.given}"

    @property
    def bibtex(self) -> str:
        """`Norov, Vladimir`, `Zhang, Ming`; `{Name As Written}` so that BibTeX splits nothing."""
        if self.family is None or not self.given:
            return "{" + bibtex_escape(self.written) + "}"
        return bibtex_escape(self.family_comma_given)


def listed_author(document: Document, names: NameOrders = UNKNOWN_NAMES) -> str | None:
    """The speaker as a catalogue lists an author (`citation_author`): `Norov, Vladimir`."""
    speaker = _speaker(document, names)
    return speaker.listed if speaker else None


def _speaker(document: Document, names: NameOrders) -> Name | None:
    written = document.value("speaker")
    if not written:
        return None
    order = names.of(written)
    words = written.split()
    if order is None or len(words) < 2:
        return Name(written)
    if order == "family-first":
        return Name(written, words[0], " ".join(words[1:]), family_first=True)
    return Name(written, words[-1], " ".join(words[:-1]))


def join(split: Split, url: str) -> str:
    """A stored citation with its URL put back in."""
    return f"{split[0]}{url}{split[1]}"


def _sentence(text: str) -> str:
    """End with a full stop unless the text already ends with a punctuation mark."""
    return text if text[-1:] in ".?!" else text + "."


def _day_month_year(date: PartialDate | None) -> str:
    if date is None:
        return "date not stated"
    month = MONTH_NAMES[date.month] if date.month else ""
    return " ".join(str(p) for p in (date.day, month, date.year) if p)


def plain(document: Document, archive: str = ARCHIVE_NAME) -> Split:
    """`Speaker, "Title", venue, city, 24 June 2020. SCO Speech Archive. URL.` No "accessed"
    date: a static page cannot know the day its reader cites it."""
    parts = [document.value("speaker"), f"“{document.title}”", document.where()]
    lead = ", ".join(p for p in parts if p)
    return f"{lead}, {_day_month_year(document.date)}. {archive}. ", "."


def _chicago_date(date: PartialDate | None) -> str:
    if date is None:
        return "n.d."
    if date.month is None:
        return str(date.year)
    month = MONTH_NAMES[date.month]
    return f"{month} {date.day}, {date.year}" if date.day else f"{month} {date.year}"


def chicago(document: Document, archive: str = ARCHIVE_NAME, speaker: Name | None = None) -> Split:
    """Chicago notes-bibliography style for a speech or lecture."""
    title = f"“{_sentence(document.title)}”"
    details = [
        document.value("kind", "").capitalize(),
        document.where(),
        _chicago_date(document.date),
    ]
    lead = f"{_sentence(speaker.listed)} {title}" if speaker else title
    return f"{lead} {', '.join(d for d in details if d)}. {archive}. ", "."


def _apa_date(date: PartialDate | None) -> str:
    if date is None:
        return "(n.d.)"
    if date.month is None:
        return f"({date.year})"
    month = MONTH_NAMES[date.month]
    return f"({date.year}, {month} {date.day})" if date.day else f"({date.year}, {month})"


def apa(document: Document, archive: str = ARCHIVE_NAME, speaker: Name | None = None) -> Split:
    """APA 7 style; without a speaker the title takes the author's place."""
    kind = document.value("kind")
    title = document.title + (f" [{kind.capitalize()}]" if kind else "")
    where = document.where()
    tail = f"{_sentence(where)} {archive}. " if where else f"{archive}. "
    if speaker:
        author = _sentence(speaker.initialled)
        return f"{author} {_apa_date(document.date)}. {_sentence(title)} {tail}", ""
    return f"{_sentence(title)} {_apa_date(document.date)}. {tail}", ""


def bibtex_escape(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(c, c) for c in text)


def bibtex_key(document: Document, speaker: Name | None = None) -> str:
    """`norov2020address`: the author's family name (the whole name when which part that is is
    not known, or `sco`), year, first word of the title."""
    name = slugify(speaker.family or speaker.written, separator="") if speaker else "sco"
    year = str(document.date.year) if document.date else "nd"
    words = [w for w in slugify(document.title).split("-") if len(w) > 3]
    return f"{name or 'sco'}{year}{words[0] if words else 'document'}"


def bibtex(document: Document, archive: str = ARCHIVE_NAME, speaker: Name | None = None) -> Split:
    """A `@misc` entry; the title is braced so that BibTeX keeps its capitals."""
    date = document.date
    fields = [
        ("author", speaker.bibtex if speaker else ""),
        ("title", "{" + bibtex_escape(document.title) + "}"),
        ("howpublished", bibtex_escape(document.where())),
        ("year", str(date.year) if date else ""),
        ("month", _MONTH_MACROS[date.month - 1] if date and date.month else ""),
        ("date", date.iso() if date else ""),
        (
            "note",
            bibtex_escape(
                f"{archive}" + (f", {document.value('kind')}" if document.value("kind") else "")
            ),
        ),
    ]
    body = "".join(
        f"  {key} = {value},\n" if key == "month" else f"  {key} = {{{value}}},\n"
        for key, value in fields
        if value
    )
    return f"@misc{{{bibtex_key(document, speaker)},\n{body}  url = {{", "},\n}"


# What a reference manager calls each kind: RIS has no type for a speech (GEN, with the kind as
# the type of work); CSL has `speech` and `interview`.
_CSL_TYPES = {
    "speech": "speech", "remarks": "speech", "address": "speech", "statement": "speech",
    "press conference": "speech", "interview": "interview", "report": "report",
    "news": "article", "press release": "article", "article": "article",
}  # fmt: skip
_RIS_TYPES = {"report": "RPRT", "news": "NEWS", "press release": "PRESS"}
_URL_MARK = "\u2063URL\u2063"  # where the page's URL goes, in text nothing else contains


def ris(document: Document, archive: str = ARCHIVE_NAME, speaker: Name | None = None) -> Split:
    """A RIS record (Zotero, EndNote, Mendeley): one `TAG  - value` line per field."""
    kind = document.value("kind")
    date = document.date
    tags = [
        ("TY", _RIS_TYPES.get(kind or "", "GEN")),
        ("TI", document.title),
        ("AU", speaker.family_comma_given if speaker else ""),
        ("PY", str(date.year) if date else ""),
        ("DA", _ris_date(date)),
        ("M3", kind or ""),
        ("T2", document.value("venue") or ""),
        ("CY", document.value("city") or ""),
        ("PB", archive),
        ("LA", document.value("language") or ""),
        ("UR", _URL_MARK),
    ]
    lines = [f"{tag}  - {_one_line(value)}" for tag, value in tags if value]
    before, _, after = "\n".join([*lines, "ER  - ", ""]).partition(_URL_MARK)
    return before, after


def _ris_date(date: PartialDate | None) -> str:
    """`2020/06/24/`, `2020/06//`: RIS's year/month/day/other, empty where unknown."""
    if date is None:
        return ""
    month = f"{date.month:02d}" if date.month else ""
    day = f"{date.day:02d}" if date.day else ""
    return f"{date.year}/{month}/{day}/"


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def csl_json(document: Document, archive: str = ARCHIVE_NAME, speaker: Name | None = None) -> Split:
    """A CSL-JSON item (what Zotero exports and citeproc, Pandoc and Mendeley read)."""
    date = document.date
    item: dict[str, object] = {
        "id": bibtex_key(document, speaker),
        "type": _CSL_TYPES.get(document.value("kind") or "", "document"),
        "title": document.title,
    }
    if speaker is not None:
        person = {"family": speaker.family, "given": speaker.given}
        item["author"] = [
            person if speaker.family and speaker.given else {"literal": speaker.written}
        ]
    if date is not None:
        item["issued"] = {"date-parts": [[p for p in (date.year, date.month, date.day) if p]]}
    optional = {
        "genre": document.value("kind"),
        "event": document.value("venue"),  # CSL 1.0.1's name, which every processor reads
        "event-place": document.value("city"),
        "publisher": archive,
        "language": document.value("language"),
    }
    item.update({key: value for key, value in optional.items() if value})
    item["URL"] = _URL_MARK
    text = json.dumps([item], ensure_ascii=False, indent=2)
    before, _, after = text.partition(json.dumps(_URL_MARK, ensure_ascii=False)[1:-1])
    return before, after
