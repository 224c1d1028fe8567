"""How `serve` hears that a file changed: from the operating system, and only of edits."""

from __future__ import annotations

import os

from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
)
from watchdog.observers import Observer

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
