"""What Pagefind indexes of a speech page, written from the plan instead of read from the site.

A rendered speech page is about 30 KB of Material's chrome around the part Pagefind reads (the
`data-pagefind-body` element less EXCLUDE_SELECTORS). That part is written here from the
page's front matter and body, the same values `speech.html` and `partials/pagefind-meta.html`
show, so the index no longer waits for MkDocs: it is built while MkDocs renders, on the other
core. tests/search/test_search_records.py checks that both give byte-identical bundles.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import escape

from sco_archive.model import Document
from sco_archive.write.speech_pages import render_body, with_permalinks

# The filters and metadata of partials/pagefind-meta.html, in its order.
NAMED_KEYS = ("speaker", "kind", "venue", "city", "language")


@dataclass(frozen=True)
class SearchRecord:
    """One speech page as the search index reads it: its front matter (the indexed part,
    plan.search_record) and its document, whose body (speech_pages.render_body) is written
    only when the page's shard is indexed."""

    meta: Mapping[str, Any]
    document: Document

    def html(self, site_language: str) -> str:
        """A small HTML page that Pagefind indexes exactly as it indexes the rendered one."""
        return (
            f'<!doctype html><html lang="{escape(site_language)}"><head><meta charset="utf-8">'
            f"</head><body>{_indexed_part(self.meta, render_body(self.document))}</body></html>\n"
        )


def _indexed_part(meta: Mapping[str, Any], body: str) -> str:
    """speech.html's `data-pagefind-body` element, without what EXCLUDE_SELECTORS leaves out."""
    language = escape(meta.get("language") or "en")
    title = escape(meta["title"])
    return (
        f'<div class="speech" lang="{language}" data-pagefind-body>'
        f'<div class="pagefind-meta" hidden>{"".join(_meta_tags(meta))}</div>'
        f'<h1 id="title">{title}</h1>'
        f'<div class="speech-text">{with_permalinks(body)}</div></div>'
    )


def _meta_tags(meta: Mapping[str, Any]) -> list[str]:
    """partials/pagefind-meta.html: the filters, the date sort and the result's metadata."""
    tags = [_tag("meta", "title", meta["title"])]
    date = meta.get("date")
    if date:
        tags += [_tag("meta", "date", date), _tag("sort", "date", date)]
        tags.append(_tag("filter", "year", str(date)[:4]))
    for key in NAMED_KEYS:
        if meta.get(key):
            tags += [_tag("filter", key, meta[key]), _tag("meta", key, meta[key])]
    topics = (meta.get("links") or {}).get("topics") or []
    labelled = [topic["label"] for topic in topics]
    for topic in labelled or meta.get("topics") or []:
        tags.append(_tag("filter", "topic", topic))
    return tags


def _tag(kind: str, name: str, value: object) -> str:
    return f'<meta data-pagefind-{kind}="{name}[content]" content="{escape(value)}">'
