"""Everything the archive adds to docs/: speech pages and index pages, planned in memory."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sco_archive.cache.fingerprint import Fingerprint
from sco_archive.knowledge import NameOrders
from sco_archive.loader import Corpus
from sco_archive.model import Diagnostic, Document, remembered
from sco_archive.project import PACKAGE_DIR
from sco_archive.search.records import SearchRecord
from sco_archive.write.browse import browse_pages
from sco_archive.write.cite import UNKNOWN_NAMES, citations, listed_author
from sco_archive.write.feed import Feed
from sco_archive.write.home_timeline import HOME, home_page, timeline_pages
from sco_archive.write.markdown import display_date
from sco_archive.write.parallel import parallel_pages, parallel_uris, translation_context
from sco_archive.write.related import TermNumbers, related
from sco_archive.write.speech_pages import (
    SpeechPage,
    body_digest,
    front_matter,
    plan_pages,
    render_page,
)
from sco_archive.write.translations import Translations, find_translations


@dataclass
class Generated:
    """The generated Markdown files (path below docs/ → text) and what planning found."""

    files: dict[str, str]
    pages: list[SpeechPage]
    diagnostics: list[Diagnostic]
    keys: dict[str, str] = field(default_factory=dict)  # speech page → its render key
    # Speech page → its search key: the part of the page the search index reads (page_keys()).
    search_keys: dict[str, str] = field(default_factory=dict)
    # Speech page → that part itself, from which the search index is built (search/records.py).
    search_records: dict[str, SearchRecord] = field(default_factory=dict)
    # The speakers', kinds' and topics' feeds, written into the site with the downloads.
    feeds: list[Feed] = field(default_factory=list)


# (src_uri, render key) → the Markdown an earlier build rendered for that key, or None.
Reuse = Callable[[str, str], str | None]


def generate(
    corpus: Corpus,
    site_name: str,
    knowledge: Any = None,
    reuse: Reuse | None = None,
    numbers: TermNumbers | None = None,
) -> Generated:
    """Plan and write every page. `reuse` hands back speech pages rendered before: a page
    whose front matter and body are unchanged is not dumped to YAML again. `numbers`: the
    term numbers of an earlier build, whose documents' term counts are then reused."""
    pages, diagnostics = plan_pages(corpus.documents)
    if knowledge is None:
        knowledge = _default_knowledge()
    browsing = browse_pages(pages, knowledge, site_name)
    browse, links = browsing.files, browsing.links
    names = getattr(knowledge, "name_orders", UNKNOWN_NAMES)
    translations = find_translations(pages)
    diagnostics += translations.diagnostics
    contexts = reading_context(pages, links, site_name, numbers, names, translations)
    records = {p.src_uri: search_record(p, contexts[p.src_uri]) for p in pages}
    both = {p.src_uri: page_keys(p, contexts[p.src_uri], records[p.src_uri]) for p in pages}
    keys = {uri: render for uri, (render, _) in both.items()}
    files: dict[str, str] = {}
    missing = []
    for page in pages:
        text = reuse(page.src_uri, keys[page.src_uri]) if reuse is not None else None
        if text is None:
            missing.append(page)
        else:
            files[page.src_uri] = text
    files.update(zip((p.src_uri for p in missing), _render_pages(missing, contexts), strict=True))
    files[HOME] = home_page(pages, site_name)
    files.update(timeline_pages(pages))
    files.update(browse)
    files.update(parallel_pages(translations))
    search_keys = {uri: search for uri, (_, search) in both.items()}
    return Generated(
        dict(sorted(files.items())),
        pages,
        diagnostics,
        keys,
        search_keys,
        records,
        browsing.feeds,
    )


def _render_salt() -> bytes:
    """What else decides a page's Markdown: the code that writes it and the YAML libraries."""
    found = Fingerprint().versions("pyyaml", "python-frontmatter")
    for module in ("write/speech_pages.py", "write/markdown.py", "model.py"):
        found.file(module, PACKAGE_DIR / module)
    return found.digest()


_SALT = _render_salt()


# Reading context that the search index leaves out (search.EXCLUDE_SELECTORS): a page whose
# only change is here, such as a new related document, is not indexed again.
UNINDEXED_CONTEXT = ("previous", "next", "related", "cite", "translations")


def search_record(page: SpeechPage, context: dict[str, Any]) -> SearchRecord:
    """The part of `page` the search index reads: its front matter less UNINDEXED_CONTEXT."""
    indexed = {k: v for k, v in context.items() if k not in UNINDEXED_CONTEXT}
    return SearchRecord(front_matter(page, indexed), page.document)


def page_keys(
    page: SpeechPage, context: dict[str, Any], record: SearchRecord | None = None
) -> tuple[str, str]:
    """(render key, search key): digests of everything render_page() writes for `page`, and of
    the part of it that the search index reads (`record`, made here if not given). Same key,
    same Markdown; same search key, same index entry."""
    record = record or search_record(page, context)
    search = hashlib.sha256(_SALT)
    search.update(repr(record.meta).encode("utf-8"))
    search.update(b"\0" + body_digest(page.document))
    search_key = search.hexdigest()
    render = hashlib.sha256(search_key.encode("ascii"))
    render.update(repr([context.get(k) for k in UNINDEXED_CONTEXT]).encode("utf-8"))
    return render.hexdigest(), search_key


# Below this many pages, starting worker processes costs more than it saves.
PARALLEL_FROM = 500
_work: tuple[list[SpeechPage], dict[str, dict[str, Any]]] | None = None  # read by the workers


def _render_pages(pages: list[SpeechPage], contexts: dict[str, dict[str, Any]]) -> list[str]:
    """Each page's Markdown (front matter is costly YAML), spread over the machine's cores.

    Forked workers inherit the pages and read them by index: nothing is pickled but the text.
    """
    global _work
    workers = min(os.cpu_count() or 1, 8)
    methods = multiprocessing.get_all_start_methods()
    if len(pages) < PARALLEL_FROM or workers < 2 or "fork" not in methods:
        return [render_page(page, contexts[page.src_uri]) for page in pages]
    _work = (pages, contexts)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(_render_one, range(len(pages)), chunksize=64)
    finally:
        _work = None


def _render_one(index: int) -> str:
    assert _work is not None
    pages, contexts = _work
    return render_page(pages[index], contexts[pages[index].src_uri])


def _default_knowledge() -> Any:
    # Browse pages only read optional extras (terms of office, topic names) from it.
    try:
        from sco_archive.knowledge import load_knowledge

        return load_knowledge()
    except Exception:  # without knowledge the pages just say less
        return None


def _ref(page: SpeechPage) -> dict[str, str]:
    # A new dict each time: YAML would write one shared twice in a page as an anchor and alias.
    return dict(_reference(page.document, page.url))


@remembered
def _reference(document: Document, url: str) -> dict[str, str]:
    return {"title": document.title, "url": url, "date": display_date(document.date)}


def reading_context(
    pages: list[SpeechPage],
    links: dict[str, dict],
    site_name: str,
    numbers: TermNumbers | None = None,
    names: NameOrders = UNKNOWN_NAMES,
    translations: Translations | None = None,
) -> dict[str, dict[str, Any]]:
    """Per speech page: browse links, previous/next in time, related documents, citations
    (`names`: which way round each speaker's name is written), translations."""
    translations = translations or Translations()
    uris = parallel_uris(translations.pairs())
    dated = [p for p in pages if p.document.date]
    position = {p.src_uri: i for i, p in enumerate(dated)}
    near = related([p.document for p in pages], numbers=numbers)
    contexts = {}
    for i, page in enumerate(pages):
        at = position.get(page.src_uri)
        context: dict[str, Any] = {
            "links": links.get(page.src_uri) or None,
            "previous": _ref(dated[at - 1]) if at else None,
            "next": _ref(dated[at + 1]) if at is not None and at + 1 < len(dated) else None,
            "related": [{**_ref(pages[j]), "why": why} for j, why in near[i]] or None,
            "cite": {k: list(v) for k, v in citations(page.document, site_name, names).items()},
            "citation_author": listed_author(page.document, names),
            "translations": translation_context(page, translations, uris),
        }
        contexts[page.src_uri] = context
    return contexts
