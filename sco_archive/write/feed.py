"""The Atom feed of the newest documents (feed.xml), byte-for-byte reproducible."""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from sco_archive.model import PartialDate
from sco_archive.write.speech_pages import SpeechPage

FEED_ENTRIES = 20
SUMMARY_CHARS = 400
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0


def text(value: object) -> str:
    """Element content: escaped, with characters XML cannot carry removed."""
    return escape(_NOT_XML.sub("", str(value)))


def attr(value: object) -> str:
    return quoteattr(_NOT_XML.sub("", str(value)))


def timestamp(date: PartialDate) -> str:
    """RFC 3339 at midnight UTC; a month or year stands for its first day."""
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}T00:00:00Z"


def absolute(site_url: str, path: str) -> str:
    return (site_url.rstrip("/") + "/" if site_url else "/") + path


def _summary(page: SpeechPage) -> str:
    paragraphs = page.document.paragraphs
    first = paragraphs[0].text if paragraphs else ""
    return first if len(first) <= SUMMARY_CHARS else first[: SUMMARY_CHARS - 1].rstrip() + "…"


@dataclass(frozen=True)
class Feed:
    """An Atom feed of some documents: the whole archive's, or one speaker's, kind's or topic's.

    `path` is the feed's place in the site ("feed.xml", "speakers/vladimir-norov/feed.xml"),
    `page` the HTML page it follows ("" for the home page, "speakers/vladimir-norov/")."""

    path: str
    title: str
    subtitle: str
    page: str
    pages: list[SpeechPage]


def atom_feed(pages: list[SpeechPage], site_url: str, site_name: str) -> str:
    """The archive's feed: its newest dated documents."""
    subtitle = "The newest documents of the " + site_name
    return feed_xml(Feed("feed.xml", site_name, subtitle, "", pages), site_url, site_name)


def feed_xml(feed: Feed, site_url: str, site_name: str) -> str:
    """The newest dated documents, newest first; `updated` is the newest document's date."""
    newest = [p for p in reversed(feed.pages) if p.document.date][:FEED_ENTRIES]
    updated = timestamp(newest[0].document.date) if newest else "2001-06-15T00:00:00Z"
    alternate = absolute(site_url, feed.page)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
        f"  <title>{text(feed.title)}</title>",
        f"  <subtitle>{text(feed.subtitle)}</subtitle>",
        f"  <id>{text(alternate)}</id>",
        f'  <link rel="alternate" type="text/html" href={attr(alternate)}/>',
        f'  <link rel="self" type="application/atom+xml" '
        f"href={attr(absolute(site_url, feed.path))}/>",
        f"  <updated>{updated}</updated>",
        f"  <author><name>{text(site_name)}</name></author>",
    ]
    for page in newest:
        lines += _entry(page, site_url)
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _entry(page: SpeechPage, site_url: str) -> list[str]:
    document = page.document
    url = absolute(site_url, page.url)
    assert document.date is not None
    speaker = document.value("speaker")
    categories = [document.value("kind"), *document.value("topics", ())]
    return [
        "  <entry>",
        f'    <title type="text">{text(document.title)}</title>',
        f"    <id>{text(url)}</id>",
        f'    <link rel="alternate" type="text/html" href={attr(url)}/>',
        f"    <published>{timestamp(document.date)}</published>",
        f"    <updated>{timestamp(document.date)}</updated>",
        *([f"    <author><name>{text(speaker)}</name></author>"] if speaker else []),
        *(f"    <category term={attr(c)}/>" for c in categories if c),
        f'    <summary type="text">{text(_summary(page))}</summary>',
        "  </entry>",
    ]
