"""Speech pages: where each document lives on the site, and its Markdown with front matter."""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from typing import Any

from frontmatter.default_handlers import YAMLHandler
from slugify import slugify

from sco_archive.model import (
    GUESS_BELOW,
    Diagnostic,
    Document,
    Severity,
    document_record,
    remembered,
)

SPEECHES_DIR = "speeches"  # below docs/; the loader owns everything in it
_SLUG_WORDS = 70
# Names that Windows cannot create, or that would shadow a section's index page.
_RESERVED = {
    "index",
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}


@dataclass(frozen=True)
class SpeechPage:
    """A document and the page it is published as."""

    document: Document
    src_uri: str  # below docs/, e.g. speeches/2020/2020-06-24-statement-at-the-osce.md

    @property
    def url(self) -> str:
        """The page's URL relative to the site root (with directory URLs)."""
        return self.src_uri.removesuffix(".md") + "/"


def sort_key(document: Document) -> tuple:
    """Chronological order; undated documents last, then by source file for stability."""
    date = document.date
    return (date is None, date.iso() if date else "", document.source)


@remembered
def base_slug(document: Document) -> str:
    # An apostrophe joins its word ("Norov’s" → norovs) rather than splitting it.
    title = document.title.replace("’", "").replace("'", "")
    words = slugify(title, max_length=_SLUG_WORDS, word_boundary=True)
    if not words or words in _RESERVED:
        words = slugify(document.source.rsplit("/", 1)[-1].rsplit(".", 1)[0]) or "document"
    date = document.date
    return f"{date.iso()}-{words}" if date else words


def plan_pages(documents: list[Document]) -> tuple[list[SpeechPage], list[Diagnostic]]:
    """Give every document a distinct, stable page path; warn where two wanted the same one."""
    pages: list[SpeechPage] = []
    diagnostics: list[Diagnostic] = []
    owners: dict[str, Document] = {}
    for document in sorted(documents, key=sort_key):
        folder = f"{document.date.year:04d}" if document.date else "undated"
        wanted = slug = base_slug(document)
        counter = 1
        while f"{folder}/{slug}" in owners:
            counter += 1
            slug = f"{wanted}-{counter}"
        if counter > 1:
            first = owners[f"{folder}/{wanted}"]
            diagnostics.append(
                Diagnostic(
                    document.source,
                    None,
                    Severity.WARNING,
                    "url-clash",
                    f"wants the same URL as {first.source} ({folder}/{wanted}/); published as "
                    f"{folder}/{slug}/ instead. Give one of them a distinct `title:` in its "
                    "sidecar",
                )
            )
        owners[f"{folder}/{slug}"] = document
        pages.append(SpeechPage(document, f"{SPEECHES_DIR}/{folder}/{slug}.md"))
    return pages, diagnostics


# Keys computed over the whole corpus (generate.reading_context), after the document's own.
CONTEXT_KEYS = (
    "links",
    "previous",
    "next",
    "related",
    "cite",
    "citation_author",
    "translations",
)


def front_matter(page: SpeechPage, context: dict[str, Any] | None = None) -> dict[str, Any]:
    """The page's metadata, in a fixed order that diffs well.

    `context` adds what needs the whole corpus (browse links, previous/next, related,
    citations), in the order of CONTEXT_KEYS.
    """
    from sco_archive.write.originals import original_link  # here: originals.py imports this module

    document = page.document
    meta: dict[str, Any] = {
        **document_record(document),
        "original": original_link(page),  # the file as received: write/originals.py
        "guesses": sorted(k for k, f in document.fields.items() if f.confidence < GUESS_BELOW),
        "provenance": {k: f.origin.value for k, f in sorted(document.fields.items())},
        **{key: (context or {}).get(key) for key in CONTEXT_KEYS},
        "template": "speech.html",
        # Speech pages are not in the navigation: its sidebar would stand empty beside them.
        "hide": ["navigation"],
    }
    return {k: v for k, v in meta.items() if v not in (None, [], {})}


@remembered
def body_digest(document: Document) -> bytes:
    """A digest of render_body(): what a page key needs of the body, kept instead of it."""
    return hashlib.sha256(render_body(document).encode("utf-8")).digest()


def render_body(document: Document) -> str:
    """Each paragraph as written: escaped HTML, so nothing in a speech is read as markup."""
    return "\n\n".join(
        f'<p id="p{number}">{html.escape(paragraph.text, quote=False)}</p>'
        for number, paragraph in enumerate(document.paragraphs, start=1)
    )


def with_permalinks(body: str) -> str:
    """render_body's paragraphs, each with its ¶ link: the HTML a speech page shows."""
    return _PARAGRAPH.sub(_with_permalink, body)


_PARAGRAPH = re.compile(r'<p id="p(\d+)">')


def _with_permalink(match: re.Match[str]) -> str:
    """The archive's paragraph number in the margin, as Hansard and the UN number theirs: a
    link to the paragraph, kept out of the search index (it is not the speech's words)."""
    number = match.group(1)
    return (
        f'<p id="p{number}" class="para"><a class="para-link" href="#p{number}" '
        f'aria-label="Link to paragraph {number}" title="Link to paragraph {number}" '
        f'data-pagefind-ignore="all">{number}</a> '
    )


def render_page(page: SpeechPage, context: dict[str, Any] | None = None) -> str:
    meta = YAMLHandler().export(front_matter(page, context), sort_keys=False, width=10_000)
    return f"---\n{meta}\n---\n\n{render_body(page.document)}\n"
