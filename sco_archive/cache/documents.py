"""The document cache: loaded documents in SQLite, keyed by everything that can change what a
document loads as (its bytes, its sidecar's, its path, the knowledge, the loader's version)."""

from __future__ import annotations

import pickle
import sqlite3
import time
from dataclasses import replace
from pathlib import Path

from sco_archive import LOADER_VERSION
from sco_archive.cache.fingerprint import Fingerprint
from sco_archive.infer.calibration import calibration_fingerprint
from sco_archive.knowledge import Knowledge
from sco_archive.model import Document
from sco_archive.read.files import sidecar_for


class DocumentCache:
    """Loaded documents, keyed by everything that can change what a document loads as.

    The key covers the document's bytes, its sidecar's bytes, its path, the corpus knowledge
    and LOADER_VERSION, so an entry is never stale: a changed input is simply a new key.
    `remembered`, the `seen` of an earlier instance kept by a long-running process (`serve`),
    is looked up first, so a rebuild does not unpickle every document again; `stamps`, that
    instance's `stamps`, spares it reading every file again to compute the keys.
    """

    def __init__(
        self,
        path: Path,
        remembered: dict[str, Document] | None = None,
        stamps: dict[Path, tuple[tuple, str]] | None = None,
    ):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path)
        self._db.execute("CREATE TABLE IF NOT EXISTS documents (key TEXT PRIMARY KEY, doc BLOB)")
        self._remembered = remembered or {}
        self._stamps_before = stamps or {}
        self.seen: dict[str, Document] = {}  # every document this instance got or was given
        self.stamps: dict[Path, tuple[tuple, str]] = {}  # path → (stamp of its files, key)

    def key(self, path: Path, root: Path, knowledge_fingerprint: str) -> str:
        """cache_key(), read from the files only when their size, time or inode changed since
        the last instance computed it (or were too recent then to tell one write from two)."""
        sidecar = sidecar_for(path)
        files = (_stat(path), _stat(sidecar) if sidecar else None)
        stamp = (knowledge_fingerprint, sidecar, files)
        known = self._stamps_before.get(path)
        if known is not None and known[0] == stamp:
            key = known[1]
        else:
            key = cache_key(path, root, knowledge_fingerprint, sidecar)
        newest = max(found[0] for found in files if found)
        if newest < time.time_ns() - _SETTLED_NS:
            self.stamps[path] = (stamp, key)
        return key

    def get(self, key: str) -> Document | None:
        document = self._remembered.get(key)
        if document is None:
            row = self._db.execute("SELECT doc FROM documents WHERE key = ?", (key,)).fetchone()
            document = pickle.loads(row[0]) if row else None
        if document is not None:
            self.seen[key] = document
        return document

    def put_all(self, entries: dict[str, Document]) -> None:
        self.seen.update(entries)
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO documents VALUES (?, ?)",
                [(k, pickle.dumps(d)) for k, d in entries.items()],
            )

    def close(self) -> None:
        self._db.close()


# A file changed this recently may change again within the file system's clock tick, with
# the same size and time: its stamp is not trusted (git's "racy" rule).
_SETTLED_NS = 2_000_000_000


def _stat(path: Path) -> tuple[int, int, int]:
    found = path.stat()
    return found.st_mtime_ns, found.st_size, found.st_ino


def cache_key(path: Path, root: Path, knowledge_fingerprint: str, sidecar: Path | None) -> str:
    name = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
    found = Fingerprint(LOADER_VERSION, knowledge_fingerprint, name).data(
        "document", path.read_bytes()
    )
    return found.file("sidecar", sidecar).hexdigest()


def knowledge_fingerprint(knowledge: Knowledge) -> str:
    # Knowledge is a frozen dataclass: its repr is a deterministic rendering of all of it. Not
    # of where it was read from: a project moved, or checked out elsewhere by CI with its cache
    # restored, keeps its cached documents.
    # The measured confidences are part of what a document loads as.
    return Fingerprint(repr(replace(knowledge, source="")), calibration_fingerprint()).hexdigest()
