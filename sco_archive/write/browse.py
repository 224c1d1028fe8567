"""Browse pages: one index per facet (speakers, venues, kinds, topics) and a page per value."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml
from slugify import slugify

from sco_archive.model import PartialDate
from sco_archive.write.feed import Feed
from sco_archive.write.home_timeline import entry
from sco_archive.write.markdown import display_date, md_text, relative_uri
from sco_archive.write.speech_pages import SpeechPage


@dataclass(frozen=True)
class Facet:
    """A way to browse: the metadata key, where its pages live, and how to name things."""

    key: str
    folder: str  # below docs/; the index page is folder/index.md
    title: str  # "Speakers"
    noun: str  # "speaker"
    intro: str
    index: str = ""  # the page that lists the values, if not folder/index.md

    @property
    def index_uri(self) -> str:
        return self.index or f"{self.folder}/index.md"


FACETS = (
    Facet("speaker", "speakers", "Speakers", "speaker", "Everyone who speaks in the archive."),
    Facet("venue", "venues", "Venues", "venue", "The events and settings of the documents."),
    Facet(
        "city", "venues/cities", "Cities", "city", "Where documents come from.", "venues/index.md"
    ),
    Facet("kind", "kinds", "Kinds", "kind", "Speeches, statements, reports and the rest."),
    Facet("topics", "topics", "Topics", "topic", "What the documents are about."),
)


@dataclass
class Value:
    """One value of a facet (a speaker, a venue …) and the pages that have it, by date."""

    facet: Facet
    value: str
    label: str
    src_uri: str
    pages: list[SpeechPage] = field(default_factory=list)

    @functools.cached_property
    def span(self) -> str:
        """`24 June 2020 – 4 July 2024`: its first and last date (read once all pages are in)."""
        # PartialDates of different precision do not compare; their ISO forms sort correctly.
        dated = [date for p in self.pages if (date := p.document.date)]
        if not dated:
            return "undated"
        first = display_date(min(dated, key=PartialDate.iso))
        last = display_date(max(dated, key=PartialDate.iso))
        return first if first == last else f"{first} – {last}"


def _values(page: SpeechPage, key: str) -> list[str]:
    found = page.document.value(key)
    if found is None:
        return []
    return [str(v) for v in found] if isinstance(found, (list, tuple)) else [str(found)]


def topic_label(slug: str, knowledge: Any = None) -> str:
    """The knowledge file's label for a topic, or the slug made readable."""
    topics = getattr(knowledge, "topics", None)
    if isinstance(topics, dict):
        topics = [topics.get(slug)]
    for topic in topics if isinstance(topics, (list, tuple)) else []:
        if _attr(topic, "slug") in (slug, None) and _attr(topic, "label", "name"):
            return str(_attr(topic, "label", "name"))
    return slug.replace("-", " ").replace("_", " ").strip().capitalize() or slug


def _label(facet: Facet, value: str, knowledge: Any) -> str:
    if facet.key == "topics":
        return topic_label(value, knowledge)
    # Kinds are lower-case words ("press conference"); as a heading they start with a capital.
    return value[:1].upper() + value[1:] if facet.key == "kind" else value


def collect(pages: list[SpeechPage], knowledge: Any = None) -> dict[str, list[Value]]:
    """Every facet's values with their pages (in the pages' order, i.e. by date).

    Values are sorted by label; two values that slugify alike get distinct pages.
    """
    result: dict[str, list[Value]] = {}
    for facet in FACETS:
        found: dict[str, Value] = {}
        for page in pages:
            for value in _values(page, facet.key):
                if value not in found:
                    label = _label(facet, value, knowledge)
                    found[value] = Value(facet, value, label, "")
                found[value].pages.append(page)
        values = sorted(found.values(), key=lambda v: (v.label.casefold(), v.value))
        taken: set[str] = {"index"}
        for v in values:
            slug = base = slugify(v.value) or "value"
            counter = 1
            while slug in taken:
                counter += 1
                slug = f"{base}-{counter}"
            taken.add(slug)
            v.src_uri = f"{facet.folder}/{slug}.md"
        result[facet.key] = values
    return result


def page_links(pages: list[SpeechPage], values: dict[str, list[Value]]) -> dict[str, dict]:
    """Each speech page's browse links (src_uri → links), topics in the document's order."""
    by_page: dict[str, dict[str, Any]] = {p.src_uri: {} for p in pages}
    topic_of: dict[str, Value] = {v.value: v for v in values["topics"]}
    for facet in FACETS:
        if facet.key == "topics":
            continue
        for v in values[facet.key]:
            for page in v.pages:
                by_page[page.src_uri].setdefault(facet.key, _url(v.src_uri))
    for page in pages:
        topics = [topic_of[t] for t in _values(page, "topics") if t in topic_of]
        if topics:
            by_page[page.src_uri]["topics"] = [
                {"label": v.label, "url": _url(v.src_uri)} for v in topics
            ]
    return by_page


def _url(src_uri: str) -> str:
    return src_uri.removesuffix(".md") + "/"


def _count(n: int, noun: str = "document") -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _front(title: str, feed: str = "") -> list[str]:
    """Front matter: the title, and the page's feed for the template's <link rel="alternate">."""
    fields = {"title": title, **({"feed": feed} if feed else {})}
    meta = yaml.safe_dump(fields, allow_unicode=True, width=10_000, sort_keys=False).strip()
    return ["---", meta, "---", ""]


def index_page(facet: Facet, values: list[Value], extra: Iterable[str] = ()) -> str:
    """The facet's index: every value with its number of documents and their dates."""
    src_uri = f"{facet.folder}/index.md"
    lines = [*_front(facet.title), f"# {facet.title}", "", facet.intro, ""]
    if not values:
        lines += [f"No document names a {facet.noun} yet.", ""]
    lines += [
        f"- [{md_text(v.label)}]({relative_uri(v.src_uri, src_uri)}) · {_count(len(v.pages))} · "
        f"{md_text(v.span)}"
        for v in values
    ]
    return "\n".join([*lines, "", *extra, ""]).rstrip("\n") + "\n"


# Speakers, kinds and topics have feeds a reader can follow (write/feed.py); each lives beside
# its page: speakers/vladimir-norov/feed.xml.
FEED_FACETS = ("speaker", "kind", "topics")
FEED_FILE = "feed.xml"


def value_page(value: Value, about: list[str] | None = None) -> str:
    """One value's page: what is known about it, then its documents by date."""
    facet = value.facet
    index = relative_uri(facet.index_uri, value.src_uri)
    # Raw HTML: the feed is written into the site after MkDocs, which would call a Markdown
    # link to it broken.
    feed = (
        f' · <a class="feed-link" href="{FEED_FILE}" type="application/atom+xml">Atom feed</a>'
        if facet.key in FEED_FACETS
        else ""
    )
    lines = [
        *_front(value.label, feed=FEED_FILE if feed else ""),
        f"# {md_text(value.label)}",
        "",
        f"{facet.noun.capitalize()} · {_count(len(value.pages))} · {md_text(value.span)} "
        f"· [all {facet.title.lower()}]({index}{'#cities' if facet.key == 'city' else ''})" + feed,
        "",
        *(about or []),
        "## Documents",
        "",
        *(entry(p, value.src_uri) for p in value.pages),
    ]
    return "\n".join(lines) + "\n"


def speaker_about(value: Value, knowledge: Any = None) -> list[str]:
    """The roles a speaker has in the documents and, from the knowledge file, terms of office."""
    roles = Counter(
        p.document.value("speaker_role") for p in value.pages if p.document.value("speaker_role")
    )
    lines = []
    if roles:
        lines += ["**Role:** " + "; ".join(md_text(r) for r, _ in roles.most_common()), ""]
    terms = offices(knowledge, value.value)
    if terms:
        lines += ["**In office:** " + "; ".join(md_text(t) for t in terms), ""]
    return lines


def offices(knowledge: Any, name: str) -> list[str]:
    """`SCO Secretary-General, 2019–2021` lines: the speaker's terms from the knowledge file.

    Uses `Knowledge.offices_of` (which knows aliases), else the offices' holder lists; says
    nothing rather than fail when the knowledge has another shape or is missing.
    """
    try:
        if callable(getattr(knowledge, "offices_of", None)):
            terms = [(h, _attr(h, "role")) for h in knowledge.offices_of(name)]
        else:
            terms = [
                (h, _attr(office, "role"))
                for office in getattr(knowledge, "offices", None) or []
                for h in _attr(office, "holders") or []
                if name in (_attr(h, "name"), *(_attr(h, "aliases") or []))
            ]
    except (TypeError, AttributeError, KeyError):
        return []
    lines = []
    for holder, role in terms:
        start, end = _attr(holder, "start"), _attr(holder, "end")
        span = f"{start or '?'}–{end or 'present'}" if start or end else ""
        lines.append(", ".join(str(p) for p in (role, span) if p))
    return [line for line in lines if line]


def _attr(thing: Any, *names: str) -> Any:
    for n in names:
        value = thing.get(n) if isinstance(thing, dict) else getattr(thing, n, None)
        if value:
            return value
    return None


@dataclass(frozen=True)
class Browse:
    """The browse pages (path below docs/ → Markdown), each speech page's facet links, and
    the feeds of the speakers, kinds and topics."""

    files: dict[str, str]
    links: dict[str, dict]
    feeds: list[Feed]


def browse_pages(pages: list[SpeechPage], knowledge: Any = None, site_name: str = "") -> Browse:
    """Every browse page, each speech page's facet links, and the feeds."""
    values = collect(pages, knowledge)
    files: dict[str, str] = {}
    feeds: list[Feed] = []
    for facet in FACETS:
        for v in values[facet.key]:
            about = speaker_about(v, knowledge) if facet.key == "speaker" else None
            files[v.src_uri] = value_page(v, about)
            if facet.key in FEED_FACETS:
                feeds.append(_feed(v, site_name))
        if facet.key != "city":  # the cities are listed on the venues page
            extra = _cities_section(values["city"]) if facet.key == "venue" else []
            files[f"{facet.folder}/index.md"] = index_page(facet, values[facet.key], extra)
    return Browse(files, page_links(pages, values), feeds)


def _feed(value: Value, site_name: str) -> Feed:
    page = _url(value.src_uri)
    title = f"{value.label} · {site_name}" if site_name else value.label
    subtitle = f"The newest documents of {value.facet.noun} {value.label}"
    return Feed(page + FEED_FILE, title, subtitle, page, value.pages)


def _cities_section(cities: list[Value]) -> list[str]:
    lines = ["## Cities", ""]
    if not cities:
        return [*lines, "No document names a city yet."]
    return lines + [
        f"- [{md_text(v.label)}]({relative_uri(v.src_uri, 'venues/index.md')}) · "
        f"{_count(len(v.pages))} · {md_text(v.span)}"
        for v in cities
    ]
