"""After planning: the search index (from the plan, beside MkDocs) and the downloads."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from sco_archive.search.index import build_search_index
from sco_archive.search.records import SearchRecord
from sco_archive.write.downloads import write_exports
from sco_archive.write.feed import Feed
from sco_archive.write.speech_pages import SpeechPage


@dataclass(frozen=True)
class SiteOutputs:
    """What the search index and the downloads are written from."""

    site_dir: Path
    pages: list[SpeechPage]
    site_url: str  # the public address (a path alone while site_url is a placeholder)
    site_name: str
    stale_folders: set[str] | None  # search folders to index again; None: all of them
    shard_pages: int | None  # the most pages in a search shard; None: search.shard_limit's
    feeds: Sequence[Feed] = ()  # the speakers', kinds' and topics' feeds
    speeches: Path | None = None  # the documents' folder: their originals are copied from it
    # What the index reads of each speech page (plan.search_record); None: the built pages.
    records: Mapping[str, SearchRecord] | None = None
    site_language: str = "en"  # the theme's, which Pagefind takes as the index's language


def site_language(config: MkDocsConfig) -> str:
    """The theme's language, which Material writes as each page's `<html lang>`."""
    return str(config.theme.get("language") or "en")


def index_and_write_downloads(outputs: SiteOutputs) -> None:
    """Index the pages of the stale folders and write every download."""
    # The downloads are written while Pagefind, another process, indexes: this thread has the
    # interpreter to itself meanwhile.
    with ThreadPoolExecutor(1, thread_name_prefix="exports") as pool:
        exports = pool.submit(write_downloads, outputs)
        try:
            build_index(outputs)
        finally:
            exports.result()


def build_index(outputs: SiteOutputs, yielding: bool = False) -> list[str]:
    """search.build_search_index for `outputs`; return the shards indexed."""
    return build_search_index(
        outputs.site_dir,
        outputs.stale_folders,
        outputs.shard_pages,
        yielding,
        outputs.records,
        outputs.site_language,
    )


def write_downloads(outputs: SiteOutputs) -> None:
    """write_exports for `outputs`: the data files and the feeds."""
    write_exports(
        outputs.site_dir,
        outputs.pages,
        outputs.site_url,
        outputs.site_name,
        outputs.feeds,
        outputs.speeches,
    )


@contextmanager
def indexing(outputs: SiteOutputs) -> Iterator[None]:
    """Build the search index beside the block, from the plan's records: Pagefind, another
    process, runs on the other core while MkDocs renders here. Its error, if any, is raised
    when the block ends."""
    assert outputs.records is not None, "the index must not read pages still being rendered"
    failed: list[BaseException] = []

    def run() -> None:
        try:
            build_index(outputs)
        except BaseException as error:  # raised again in the building thread
            failed.append(error)

    thread = threading.Thread(target=run, name="pagefind", daemon=True)
    thread.start()
    try:
        yield
    finally:
        thread.join()
    if failed:
        raise failed[0]
