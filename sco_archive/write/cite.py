"""Citations of a document: plain, Chicago, APA and BibTeX, each split around the page's URL."""

from __future__ import annotations

import re

from slugify import slugify

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
_MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@remembered  # `serve` rebuilds: an unchanged document is not cited again
def citations(document: Document, archive: str = ARCHIVE_NAME) -> dict[str, Split]:
    """Every style of citation for `document`, in a fixed order."""
    return {
        "plain": plain(document, archive),
        "chicago": chicago(document, archive),
        "apa": apa(document, archive),
        "bibtex": bibtex(document, archive),
    }


def join(split: Split, url: str) -> str:
    """A stored citation with its URL put back in."""
    return f"{split[0]}{url}{split[1]}"


def _where(document: Document) -> str:
    return ", ".join(v for v in (document.value("venue"), document.value("city")) if v)


def _sentence(text: str) -> str:
    """End with a full stop unless the text already ends with a punctuation mark."""
    return text if text[-1:] in ".?!" else text + "."


def _day_month_year(date: PartialDate | None) -> str:
    if date is None:
        return "date not stated"
    month = MONTH_NAMES[date.month] if date.month else ""
    return " ".join(str(p) for p in (date.day, month, date.year) if p)


def plain(document: Document, archive: str = ARCHIVE_NAME) -> Split:
    """`Speaker, "Title", venue, city, 24 June 2020. SCO Speech Archive. URL (accessed …).`"""
    parts = [document.value("speaker"), f"“{document.title}”", _where(document)]
    lead = ", ".join(p for p in parts if p)
    return f"{lead}, {_day_month_year(document.date)}. {archive}. ", " (accessed …)."


def invert_name(name: str) -> str:
    """`Vladimir Norov` → `Norov, Vladimir`, as bibliographies list authors."""
    first, _, last = name.rpartition(" ")
    return f"{last}, {first}" if first else name


def _initials(name: str) -> str:
    """`Vladimir Norov` → `Norov, V.` (APA)."""
    first, _, last = name.rpartition(" ")
    if not first:
        return name
    initials = " ".join(f"{w[0]}." for w in re.split(r"[\s-]+", first) if w)
    return f"{last}, {initials}"


def _chicago_date(date: PartialDate | None) -> str:
    if date is None:
        return "n.d."
    if date.month is None:
        return str(date.year)
    month = MONTH_NAMES[date.month]
    return f"{month} {date.day}, {date.year}" if date.day else f"{month} {date.year}"


def chicago(document: Document, archive: str = ARCHIVE_NAME) -> Split:
    """Chicago notes-bibliography style for a speech or lecture."""
    speaker = document.value("speaker")
    title = f"“{_sentence(document.title)}”"
    details = [
        document.value("kind", "").capitalize(),
        _where(document),
        _chicago_date(document.date),
    ]
    lead = f"{_sentence(invert_name(speaker))} {title}" if speaker else title
    return f"{lead} {', '.join(d for d in details if d)}. {archive}. ", "."


def _apa_date(date: PartialDate | None) -> str:
    if date is None:
        return "(n.d.)"
    if date.month is None:
        return f"({date.year})"
    month = MONTH_NAMES[date.month]
    return f"({date.year}, {month} {date.day})" if date.day else f"({date.year}, {month})"


def apa(document: Document, archive: str = ARCHIVE_NAME) -> Split:
    """APA 7 style; without a speaker the title takes the author's place."""
    speaker = document.value("speaker")
    kind = document.value("kind")
    title = document.title + (f" [{kind.capitalize()}]" if kind else "")
    where = _where(document)
    tail = f"{_sentence(where)} {archive}. " if where else f"{archive}. "
    if speaker:
        return f"{_initials(speaker)} {_apa_date(document.date)}. {_sentence(title)} {tail}", ""
    return f"{_sentence(title)} {_apa_date(document.date)}. {tail}", ""


def bibtex_escape(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(c, c) for c in text)


def bibtex_key(document: Document) -> str:
    """`norov2020address`: author's last name (or `sco`), year, first word of the title."""
    speaker = document.value("speaker")
    name = slugify(speaker.rpartition(" ")[2], separator="") if speaker else "sco"
    year = str(document.date.year) if document.date else "nd"
    words = [w for w in slugify(document.title).split("-") if len(w) > 3]
    return f"{name or 'sco'}{year}{words[0] if words else 'document'}"


def bibtex(document: Document, archive: str = ARCHIVE_NAME) -> Split:
    """A `@misc` entry; the title is braced so that BibTeX keeps its capitals."""
    date = document.date
    fields = [
        ("author", bibtex_escape(document.value("speaker", ""))),
        ("title", "{" + bibtex_escape(document.title) + "}"),
        ("howpublished", bibtex_escape(_where(document))),
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
    return f"@misc{{{bibtex_key(document)},\n{body}  url = {{", "},\n}"
