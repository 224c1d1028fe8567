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
UNDATED = "timeline/undated.md"
NEWEST_ON_HOME = 10


def _is_guess(document: Document, key: str) -> bool:
    found = document.fields.get(key)
    return found is not None and found.confidence < GUESS_BELOW


def entry(page: SpeechPage, from_src_uri: str, dated: bool = True) -> str:
    """One list line: date · title · speaker · venue, city · kind (what is known of them);
    not `dated`, without the date (on a page of undated documents)."""
    return _entry(page.document, page.src_uri, from_src_uri, dated)


@remembered  # a document is listed on several pages, and again on each `serve` rebuild
def _entry(document: Document, src_uri: str, from_src_uri: str, dated: bool) -> str:
    parts = [f"**{display_date(document.date, _is_guess(document, 'date'))}**"] if dated else []
    parts.append(f"[{md_text(document.title)}]({relative_uri(src_uri, from_src_uri)})")
    speaker, kind = document.value("speaker"), document.value("kind")
    if speaker:
        parts.append(md_text(speaker))
    place = document.where()
    if place:
        parts.append(md_text(place))
    if kind:
        parts.append(md_text(kind))
    return "- " + " · ".join(parts)


def timeline_pages(pages: list[SpeechPage]) -> dict[str, str]:
    """The timeline (path below docs/ → Markdown): the overview, one page per year with
    documents, and one for the undated ones if there are any. Every document is on one page.

    A page per year keeps each page small (at 10,000 documents one page was 3.4 MB). A year's
    page lists its documents oldest first, month by month, and links the years before and
    after it; the overview lists the years newest first beside a chart that reads oldest
    first, so the archive can be read either way without a script.
    """
    by_year: dict[int, list[SpeechPage]] = defaultdict(list)
    undated = []
    for page in pages:
        date = page.document.date
        if date:
            by_year[date.year].append(page)
        else:
            undated.append(page)
    years = sorted(by_year)
    files = {TIMELINE: overview_page(by_year, len(undated))}
    for i, year in enumerate(years):
        earlier = years[i - 1] if i else None
        later = years[i + 1] if i + 1 < len(years) else None
        files[year_uri(year)] = year_page(year, by_year[year], earlier, later)
    if undated:
        files[UNDATED] = undated_page(undated)
    return files


def year_uri(year: int) -> str:
    """A year's page below docs/: timeline/2019.md, at timeline/2019/."""
    return f"timeline/{year:04d}.md"


def _count(n: int) -> str:
    return f"{n:,} document" + ("" if n == 1 else "s")


def overview_page(by_year: dict[int, list[SpeechPage]], undated: int) -> str:
    """The years chart with its counts, and every year (newest first) linked to its page."""
    years = sorted(by_year, reverse=True)
    dated = sum(len(p) for p in by_year.values())
    lines = ["---", "title: Timeline", "---", "", "# Timeline", ""]
    if not years and not undated:
        return "\n".join([*lines, "No documents yet.", ""])
    summary = _count(dated + undated)
    if years:
        summary += f", {years[-1]}–{years[0]}" if len(years) > 1 else f", {years[0]}"
    if undated:
        summary += f" ({undated:,} undated)"
    lines += [f"{summary}: a page for each year.", ""]
    # The chart's links are raw HTML, not checked by MkDocs: they are the year pages' URLs.
    lines += _figure(years_chart({y: len(p) for y, p in by_year.items()}, "{year}/"))
    if years:
        lines += [
            "## Years",
            "",
            f"Newest first. To read the archive from its start, begin with "
            f"[{years[-1]}]({relative_uri(year_uri(years[-1]), TIMELINE)}); each year's page "
            "lists its documents oldest first, month by month, and leads on to the next year "
            "and back to the one before.",
            "",
        ]
    lines += [
        f"- [{y}]({relative_uri(year_uri(y), TIMELINE)}) · {_count(len(by_year[y]))}" for y in years
    ]
    if undated:
        lines.append(f"- [Undated]({relative_uri(UNDATED, TIMELINE)}) · {_count(undated)}")
    return "\n".join([*lines, ""])


def year_page(year: int, pages: list[SpeechPage], earlier: int | None, later: int | None) -> str:
    """One year's documents by month, oldest first; a date known to the year alone comes
    last, under "Month not stated". The years before and after that have documents are linked
    above the list, in its summary line, and below it as a speech page links its neighbours."""
    uri = year_uri(year)
    by_month: dict[int, list[SpeechPage]] = defaultdict(list)
    for page in pages:
        by_month[page.document.date.month or 0].append(page)  # type: ignore[union-attr]
    counts = {m: len(p) for m, p in by_month.items() if m}
    neighbours = (("earlier:", earlier), ("later:", later))
    lines = [
        "---",
        f'title: "{year}"',
        "---",
        "",
        f"# {year}",
        "",
        " · ".join(
            [
                f"{_count(len(pages))}, oldest first",
                f"[all years]({relative_uri(TIMELINE, uri)})",
                *(
                    f"{way} [{y}]({relative_uri(year_uri(y), uri)})"
                    for way, y in neighbours
                    if y is not None
                ),
            ]
        ),
        "",
        *_figure(months_chart(year, counts, "#{month}") if counts else ""),
    ]
    for month in sorted(by_month, key=lambda m: m or 13):
        name = MONTH_NAMES[month] if month else ""
        heading = f"{name} {year}" if month else "Month not stated"
        anchor = name.lower() if month else "month-not-stated"
        lines += [f"## {heading} {{: #{anchor} }}", ""]
        lines += [entry(p, uri) for p in by_month[month]] + [""]
    # Below the list too, where a reader who has read the year arrives.
    return "\n".join([*lines, *_year_nav(earlier, later)])


def _year_nav(earlier: int | None, later: int | None) -> list[str]:
    """The years before and after, as a speech page links its neighbours (raw HTML: the links
    are the year pages' URLs, seen from a year page's URL)."""
    links = []
    if earlier is not None:
        links.append(
            f'<a class="prev" rel="prev" href="../{earlier:04d}/"><span class="dir">'
            f'← Earlier year</span><span class="t">{earlier}</span></a>'
        )
    if later is not None:
        links.append(
            f'<a class="next" rel="next" href="../{later:04d}/"><span class="dir">'
            f'Later year →</span><span class="t">{later}</span></a>'
        )
    if not links:
        return []
    label = "Earlier and later year"
    return [f'<nav class="speech-prevnext" aria-label="{label}">{"".join(links)}</nav>', ""]


def undated_page(pages: list[SpeechPage]) -> str:
    """The documents whose date is not known, by title (a reader looks one up by its name)."""
    pages = sorted(pages, key=lambda p: (p.document.title.casefold(), p.src_uri))
    lines = [
        "---",
        "title: Undated",
        "---",
        "",
        "# Undated",
        "",
        f"{_count(len(pages))} whose date is not known · [all years]"
        f"({relative_uri(TIMELINE, UNDATED)})",
        "",
        *(entry(p, UNDATED, False) for p in pages),
        "",
    ]
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
        *_figure(years_chart(year_counts(pages), "timeline/{year}/")),
        "## Browse",
        "",
        "- [Timeline](timeline/index.md): every document, a page for each year",
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
