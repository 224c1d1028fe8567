"""After MkDocs: the search index and the downloads, written side by side into the built site."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sco_archive.search.index import build_search_index
from sco_archive.write.downloads import write_exports
from sco_archive.write.speech_pages import SpeechPage


def index_and_write_downloads(
    site_dir: Path,
    pages: list[SpeechPage],
    site_url: str,
    site_name: str,
    stale_folders: set[str] | None,
    shard_pages: int,
) -> None:
    """Index the pages of `stale_folders` (None: all) and write every download."""
    # The downloads are written while Pagefind, another process, indexes: this thread has the
    # interpreter to itself meanwhile.
    with ThreadPoolExecutor(1, thread_name_prefix="exports") as pool:
        exports = pool.submit(write_exports, site_dir, pages, site_url, site_name)
        try:
            build_search_index(site_dir, stale_folders, shard_pages)
        finally:
            exports.result()
