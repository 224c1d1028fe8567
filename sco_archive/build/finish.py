"""After MkDocs: the search index and the downloads, written side by side into the built site."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sco_archive.search.index import build_search_index
from sco_archive.write.downloads import write_exports
from sco_archive.write.feed import Feed
from sco_archive.write.speech_pages import SpeechPage


@dataclass(frozen=True)
class SiteOutputs:
    """What the search index and the downloads are written from, after MkDocs has run."""

    site_dir: Path
    pages: list[SpeechPage]
    site_url: str  # the public address (a path alone while site_url is a placeholder)
    site_name: str
    stale_folders: set[str] | None  # search folders to index again; None: all of them
    shard_pages: int
    feeds: Sequence[Feed] = ()  # the speakers', kinds' and topics' feeds
    speeches: Path | None = None  # the documents' folder: their originals are copied from it


def index_and_write_downloads(outputs: SiteOutputs) -> None:
    """Index the pages of the stale folders and write every download."""
    site_dir, pages = outputs.site_dir, outputs.pages
    # The downloads are written while Pagefind, another process, indexes: this thread has the
    # interpreter to itself meanwhile.
    with ThreadPoolExecutor(1, thread_name_prefix="exports") as pool:
        exports = pool.submit(
            write_exports,
            site_dir,
            pages,
            outputs.site_url,
            outputs.site_name,
            outputs.feeds,
            outputs.speeches,
        )
        try:
            build_search_index(site_dir, outputs.stale_folders, outputs.shard_pages)
        finally:
            exports.result()
