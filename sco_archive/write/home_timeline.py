"""Index pages generated from the corpus: the home page (a dashboard) and the timeline."""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable

from sco_archive.model import GUESS_BELOW, MONTH_NAMES, Document, remembered
from sco_archive.write.chart import months_chart, years_chart
from sco_archive.write.markdown import display_date, md_text, relative_uri
from sco_archive.write.speech_pages import SpeechPage

HOME = "index.md"
TIMELINE = "timeline/index.md"
NEWEST_ON_HOME = 10


def _is_guess(document: Document, key: str) -> bool:
    found = document.fields.get(key)
    return found is not None and found.confidence < GUESS_BELOW


def entry(page: SpeechPage, from_src_uri: str) -> str:
    """One list line: date · title · speaker · venue, city · kind (what is known of them)."""
    return _entry(page.document, page.src_uri, from_src_uri)


@remembered  # a document is listed on several pages, and again on each `serve` rebuild
def _entry(document: Document, src_uri: str, from_src_uri: str) -> str:
    parts = [
        f"**{display_date(document.date, _is_guess(document, 'date'))}**",
        f"[{md_text(document.title)}]({relative_uri(src_uri, from_src_uri)})",
    ]
    speaker, kind = document.value("speaker"), document.value("kind")
    if speaker:
        parts.append(md_text(speaker))
    place = where(document)
    if place:
        parts.append(md_text(place))
    if kind:
        parts.append(md_text(kind))
    return "- " + " · ".join(parts)


def where(document: Document) -> str:
    """`Venue, City`, the venue or the city alone, or "": as the speech page's header says it.

    A venue that is only the document's kind ("press conference") is not a place."""
    venue, city = document.value("venue"), document.value("city")
    if venue and str(venue).casefold() == str(document.value("kind") or "").casefold():
        venue = None
    if venue and city and str(city).casefold() != str(venue).casefold():
        return f"{venue}, {city}"
    return str(venue or city or "")


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
    lines += _figure(years_chart(year_counts(pages), "#{year}"))
    for year in sorted(by_year, key=lambda y: (y == "Undated", y)):
        lines += [f"## {year}", ""]
        if year != "Undated":
            months = {m: len(p) for m, p in by_year[year].items() if m}
            lines += _figure(months_chart(int(year), months) if months else "")
        for month in sorted(by_year[year]):
            heading = (
                MONTH_NAMES[month] if month else ("Month not stated" if year != "Undated" else "")
            )
            if heading:
                lines += [f"### {heading} {year}", ""]
            lines += [entry(p, TIMELINE) for p in by_year[year][month]] + [""]
    return "\n".join(lines)


def year_counts(pages: Iterable[SpeechPage]) -> dict[int, int]:
    """Dated documents per year."""
    counts: dict[int, int] = defaultdict(int)
    for page in pages:
        if page.document.date:
            counts[page.document.date.year] += 1
    return dict(counts)


def _figure(svg: str) -> list[str]:
    # A <figure> is a block-level element: Markdown passes the SVG inside it through untouched.
    return [f'<figure class="chart-figure">{svg}</figure>', ""] if svg else []


def home_page(pages: list[SpeechPage], site_name: str) -> str:
    """A dashboard: what the archive is, how much it holds, the newest documents, ways in."""
    dated = [p.document.date for p in pages if p.document.date]
    first, last = (min(d.year for d in dated), max(d.year for d in dated)) if dated else (0, 0)
    years = f"{first}–{last}" if dated else "no dated documents yet"
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
        "kept word for word as they were published, with their date, speaker and venue — "
        "to read, browse, cite and download.",
        "",
        _stat_line(len(pages), len(speakers), years, words),
        "",
        "## Newest documents",
        "",
        *(_entries(newest, HOME) or ["No dated documents yet."]),
        "",
        "## Documents per year",
        "",
        *_figure(years_chart(year_counts(pages), "timeline/#{year}")),
        "## Browse",
        "",
        "- [Timeline](timeline/index.md): every document, year by year",
        "- [Speakers](speakers/index.md), [venues and cities](venues/index.md), "
        "[kinds of document](kinds/index.md), [topics](topics/index.md)",
        "- [About the archive](about.md): where the texts and their metadata come from",
        "",
        "## Downloads and feed",
        "",
        "The whole archive as data, free to reuse (the schema is described in the "
        "[About](about.md#data-downloads) page):",
        "",
        '- <a href="speeches.json">speeches.json</a>: the metadata of every document',
        '- <a href="speeches.csv">speeches.csv</a>: the same, one row per document',
        '- <a href="corpus.jsonl">corpus.jsonl</a>: metadata and full text, one document a line',
        '- <a href="feed.xml">feed.xml</a>: an Atom feed of the newest documents',
        "",
    ]
    return "\n".join(lines)


def _stat_line(documents: int, speakers: int, years: str, words: int) -> str:
    """The counts as a row of tiles; raw HTML (numbers only), one block for Markdown."""
    tiles = [(f"{documents:,}", "documents"), (f"{speakers:,}", "speakers"), (years, "years")]
    tiles.append((f"{words:,}", "words"))
    items = "".join(
        f"<li><strong>{html.escape(value)}</strong> <span>{label}</span></li>"
        for value, label in tiles
    )
    return f'<ul class="stats">{items}</ul>'


def _entries(pages: Iterable[SpeechPage], from_src_uri: str) -> list[str]:
    return [entry(p, from_src_uri) for p in pages]
