"""Index pages generated from the corpus: the home page and the timeline."""

from __future__ import annotations

import calendar
import posixpath
from collections import defaultdict
from collections.abc import Iterable

from .markdown_text import display_date, md_text
from .metadata import GUESS_BELOW
from .model import Document
from .pages import SpeechPage

HOME = "index.md"
TIMELINE = "timeline/index.md"
NEWEST_ON_HOME = 10


def link(page: SpeechPage, from_src_uri: str) -> str:
    """A Markdown link to `page`, relative to the generated page at `from_src_uri`."""
    target = posixpath.relpath(page.src_uri, posixpath.dirname(from_src_uri) or ".")
    return f"[{md_text(page.document.title)}]({target})"


def _is_guess(document: Document, key: str) -> bool:
    found = document.fields.get(key)
    return found is not None and found.confidence < GUESS_BELOW


def entry(page: SpeechPage, from_src_uri: str) -> str:
    """One list line: date · title · speaker · venue · kind."""
    document = page.document
    parts = [
        f"**{display_date(document.date, _is_guess(document, 'date'))}**",
        link(page, from_src_uri),
    ]
    for key in ("speaker", "venue", "kind"):
        value = document.value(key)
        if value:
            parts.append(md_text(value))
    return "- " + " · ".join(parts)


def timeline_page(pages: list[SpeechPage]) -> str:
    """Year → month → documents, oldest first, as the archive's main way in."""
    lines = [
        "---",
        "title: Timeline",
        "---",
        "",
        "# Timeline",
        "",
        f"All {len(pages)} documents of the archive, oldest first.",
        "",
    ]
    by_year: dict[str, dict[int, list[SpeechPage]]] = defaultdict(lambda: defaultdict(list))
    for page in pages:
        date = page.document.date
        year = f"{date.year:04d}" if date else "Undated"
        by_year[year][(date.month or 0) if date else 0].append(page)
    for year in sorted(by_year, key=lambda y: (y == "Undated", y)):
        lines += [f"## {year}", ""]
        for month in sorted(by_year[year]):
            heading = (
                calendar.month_name[month]
                if month
                else ("Month not stated" if year != "Undated" else "")
            )
            if heading:
                lines += [f"### {heading} {year}", ""]
            lines += [entry(p, TIMELINE) for p in by_year[year][month]] + [""]
    return "\n".join(lines)


def home_page(pages: list[SpeechPage], site_name: str) -> str:
    """What the archive is, how much it holds, and the newest documents."""
    dated = [p.document.date for p in pages if p.document.date]
    years = f"{min(dated).year}–{max(dated).year}" if dated else "no dated documents yet"
    words = sum(p.document.words for p in pages)
    speakers = {p.document.value("speaker") for p in pages} - {None}
    newest = [p for p in reversed(pages) if p.document.date][:NEWEST_ON_HOME]
    lines = [
        "---",
        "title: Home",
        "---",
        "",
        f"# {md_text(site_name)}",
        "",
        "Speeches, statements, remarks and reports of the Shanghai Cooperation Organisation, "
        "kept word for word as they were published, with their date, speaker and venue.",
        "",
        f"**{len(pages)}** documents · **{len(speakers)}** speakers · **{years}** · "
        f"**{words:,}** words",
        "",
        "## Newest documents",
        "",
        *_entries(newest, HOME),
        "",
        "Browse them all in the [timeline](timeline/index.md).",
        "",
    ]
    return "\n".join(lines)


def _entries(pages: Iterable[SpeechPage], from_src_uri: str) -> list[str]:
    return [entry(p, from_src_uri) for p in pages]
