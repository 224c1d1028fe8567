"""What `serve` does apart from a build: it hears of edits from the operating system, and
writes the preview's search index and downloads in the background, after each rebuild."""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import replace

from mkdocs.exceptions import PluginError
from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
)
from watchdog.observers import Observer

from sco_archive.build.finish import SiteOutputs, build_index, write_downloads

log = logging.getLogger("mkdocs.plugins.sco_archive")

# What editing does to a file. Not opening or reading one: every rebuild reads files (the
# hand-written pages in docs/, the edited document), which would set off the next rebuild.
_EDITS = (FileCreatedEvent, FileModifiedEvent, FileMovedEvent, FileDeletedEvent, FileClosedEvent)


class _EditObserver(Observer):
    """The platform's file observer, told of edits only."""

    def schedule(self, event_handler, path, **options):
        options.setdefault("event_filter", list(_EDITS))
        return super().schedule(event_handler, path, **options)


def watch_with_events(server) -> None:
    """Let `serve` hear of edits from the operating system (inotify, FSEvents …) instead of
    MkDocs' polling, which walks every watched file twice a second: at 10,000 documents that is
    20,000 files in speeches/ and docs/, a core kept busy, and rebuilds slowed by half.

    Called before the server starts: the paths watched so far are watched again by the new
    observer, as real paths (inotify hears nothing below a symlink to a folder). MkDocs keeps
    them in private attributes; without them, polling stays.
    """
    watched = getattr(server, "_watched_paths", None)
    refs = getattr(server, "_watch_refs", None)
    if not isinstance(watched, dict) or not isinstance(refs, dict) or server.observer.is_alive():
        return
    paths = list(watched)
    watched.clear()
    refs.clear()
    server.observer = _EditObserver()
    for path in paths:
        server.watch(os.path.realpath(path))


class PreviewWriters:
    """The preview's search index and downloads, each written in a thread after a rebuild, so
    that an edit shows before they have caught up with it."""

    def __init__(self) -> None:
        self._exports_wanted = 0  # rebuilds that asked for their downloads so far

    def write(self, outputs: SiteOutputs) -> None:
        """Start writing the downloads, then indexing the stale folders."""
        self._write_exports_in_background(outputs)
        build_search_index_in_background(outputs)

    def _write_exports_in_background(self, outputs: SiteOutputs) -> None:
        """Of the rebuilds waiting for the thread's lock, only the latest writes: another would
        put older downloads over newer ones."""
        self._exports_wanted += 1
        wanted = self._exports_wanted

        def run() -> None:
            with _exports_lock:
                if wanted != self._exports_wanted:
                    return
                try:
                    write_downloads(outputs)
                except OSError as error:  # e.g. the preview's folder gone as `serve` stops
                    log.warning(f"downloads of the preview not updated: {error}")

        threading.Thread(target=run, name="exports", daemon=True).start()


_exports_lock = threading.Lock()
_index_lock = threading.Lock()


def build_search_index_in_background(outputs: SiteOutputs) -> threading.Thread:
    """Index in a thread, so an edit shows before search has caught up with it.

    Each shard is written beside its live bundle and swapped in when complete: the preview's
    search always has whole bundles, at worst one edit behind for a while. Pagefind runs at a
    low priority: the next edit's rebuild, which a curator waits for, comes first.
    """

    # From the rendered preview, not the plan's records (the same bundles): writing those
    # pages would hold the interpreter that the next edit's rebuild wants (10,000 pages after
    # the first build); Pagefind reading the preview costs this process nothing.
    rendered = replace(outputs, records=None)

    def run() -> None:
        with _index_lock:  # one run at a time; a run started later sees the later pages
            try:
                build_index(rendered, yielding=True)
            except PluginError as error:
                log.warning(f"search index of the preview not updated: {error}")
                return
            log.info("search index of the preview updated")

    thread = threading.Thread(target=run, name="pagefind", daemon=True)
    thread.start()
    return thread
