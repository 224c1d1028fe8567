"""The originals: each document's file as it was received, served from the site beside its text."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from sco_archive.model import Document
from sco_archive.write.speech_pages import SPEECHES_DIR, SpeechPage

ORIGINALS_DIR = "originals"  # in the site root; rewritten by every build, as the downloads are
# How a format is named to a reader, beside the link.
_FORMAT_NAMES = {
    "txt": "plain text",
    "md": "Markdown",
    "html": "web page",
    "pdf": "PDF",
    "docx": "Word",
}


# A saved web page served as a page would run its scripts on the archive's own origin: it is
# served as text (its bytes unchanged), which a browser shows and never runs.
_SERVED_AS = {".html": ".html.txt", ".htm": ".htm.txt"}


def original_url(page: SpeechPage) -> str:
    """Where the original is served, from the site root: `originals/2020/<slug>.pdf`. The
    page's own path, so two documents never share one, and the suffix as received."""
    suffix = PurePosixPath(page.document.source).suffix.lower()
    suffix = _SERVED_AS.get(suffix, suffix)
    page_id = page.src_uri.removeprefix(SPEECHES_DIR + "/").removesuffix(".md")
    return f"{ORIGINALS_DIR}/{page_id}{suffix}"


def original_label(document: Document) -> str:
    """ "PDF, 34 KB": what a reader downloads, before they do."""
    name = _FORMAT_NAMES.get(document.format, document.format.upper() or "file")
    return f"{name}, {_size(document.size)}"


def _size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def original_link(page: SpeechPage) -> dict[str, str]:
    """The speech page's link to its original, for its front matter."""
    return {"url": original_url(page), "label": original_label(page.document)}


def write_originals(site_dir: Path, pages: Sequence[SpeechPage], speeches: Path) -> None:
    """Copy every document's file into the site, under original_url(); bytes as received."""
    for page in pages:
        target = site_dir / original_url(page)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)  # perhaps a hard link into the live site
        shutil.copyfile(speeches / page.document.source, target)
