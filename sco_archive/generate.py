"""Everything the archive adds to docs/: speech pages and index pages, planned in memory."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .browse import browse_pages
from .cite import citations
from .indexes import HOME, TIMELINE, home_page, timeline_page
from .loader import Corpus
from .markdown_text import display_date
from .model import Diagnostic
from .pages import SpeechPage, plan_pages, render_page
from .related import related


@dataclass
class Generated:
    """The generated Markdown files (path below docs/ → text) and what planning found."""

    files: dict[str, str]
    pages: list[SpeechPage]
    diagnostics: list[Diagnostic]


def generate(corpus: Corpus, site_name: str, knowledge: Any = None) -> Generated:
    pages, diagnostics = plan_pages(corpus.documents)
    if knowledge is None:
        knowledge = _default_knowledge()
    browse, links = browse_pages(pages, knowledge)
    contexts = reading_context(pages, links, site_name)
    files = {page.src_uri: render_page(page, contexts[page.src_uri]) for page in pages}
    files[HOME] = home_page(pages, site_name)
    files[TIMELINE] = timeline_page(pages)
    files.update(browse)
    return Generated(dict(sorted(files.items())), pages, diagnostics)


def _default_knowledge() -> Any:
    # Browse pages only read optional extras (terms of office, topic names) from it.
    try:
        from .knowledge import load_knowledge

        return load_knowledge()
    except Exception:  # without knowledge the pages just say less
        return None


def _ref(page: SpeechPage) -> dict[str, str]:
    document = page.document
    return {"title": document.title, "url": page.url, "date": display_date(document.date)}


def reading_context(
    pages: list[SpeechPage], links: dict[str, dict], site_name: str
) -> dict[str, dict[str, Any]]:
    """Per speech page: browse links, previous/next in time, related documents, citations."""
    dated = [p for p in pages if p.document.date]
    position = {p.src_uri: i for i, p in enumerate(dated)}
    near = related([p.document for p in pages])
    contexts = {}
    for i, page in enumerate(pages):
        at = position.get(page.src_uri)
        context: dict[str, Any] = {
            "links": links.get(page.src_uri) or None,
            "previous": _ref(dated[at - 1]) if at else None,
            "next": _ref(dated[at + 1]) if at is not None and at + 1 < len(dated) else None,
            "related": [{**_ref(pages[j]), "why": why} for j, why in near[i]] or None,
            "cite": {k: list(v) for k, v in citations(page.document, site_name).items()},
        }
        contexts[page.src_uri] = context
    return contexts
