"""Everything the archive adds to docs/: speech pages and index pages, planned in memory."""

from __future__ import annotations

from dataclasses import dataclass

from .indexes import HOME, TIMELINE, home_page, timeline_page
from .loader import Corpus
from .model import Diagnostic
from .pages import SpeechPage, plan_pages, render_page


@dataclass
class Generated:
    """The generated Markdown files (path below docs/ → text) and what planning found."""

    files: dict[str, str]
    pages: list[SpeechPage]
    diagnostics: list[Diagnostic]


def generate(corpus: Corpus, site_name: str) -> Generated:
    pages, diagnostics = plan_pages(corpus.documents)
    files = {page.src_uri: render_page(page) for page in pages}
    files[HOME] = home_page(pages, site_name)
    files[TIMELINE] = timeline_page(pages)
    return Generated(dict(sorted(files.items())), pages, diagnostics)
