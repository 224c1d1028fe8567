"""Loading: one source file → one Document, and a folder → a Corpus with corpus-wide checks."""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from sco_archive import LOADER_VERSION
from sco_archive.infer import infer_fields
from sco_archive.infer.calibration import calibrated, calibration_fingerprint, load_calibration
from sco_archive.infer.merge import merge, review_diagnostics
from sco_archive.knowledge import Knowledge, load_knowledge
from sco_archive.model import Diagnostic, Document, Field, Origin, Severity
from sco_archive.read.curated import validate_curated
from sco_archive.read.files import UnreadableDocument, discover, read_document, sidecar_for
from sco_archive.read.structure import split_structure, squash


@dataclass
class Corpus:
    """Every document that loaded, in source order, and every finding about the folder."""

    documents: list[Document]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    reloaded: list[str] = field(default_factory=list)  # sources not taken from the cache
    keys: dict[str, str] = field(default_factory=dict)  # source → cache key, when cached

    def all_diagnostics(self) -> list[Diagnostic]:
        found = list(self.diagnostics)
        for document in self.documents:
            found.extend(document.diagnostics)
        return sorted(found, key=_diagnostic_order)


def _diagnostic_order(d: Diagnostic) -> tuple:
    return (d.file, d.line or 0, d.severity.value, d.code, d.message)


def load_document(path: Path, root: Path, knowledge: Knowledge) -> Document:
    """Read, split and infer one document. Raises UnreadableDocument when it has no text."""
    raw = read_document(path, root)
    curated, curated_problems = validate_curated(
        raw.curated, raw.curated_lines, raw.curated_file or raw.rel_path
    )
    # A .md body under a front-matter title starts with text, not a title of its own.
    known = curated.get("title") if path.suffix.lower() != ".txt" else None
    shape = split_structure(raw.text, raw.body_line, known.value if known else None)
    # A headline found below page furniture stays in the text, but is read once, as the title.
    read = [p for p in shape.paragraphs if p.line != shape.title_line]
    inferred = infer_fields(
        shape.title,
        shape.title_line,
        read,
        knowledge,
        curated={k: f.value for k, f in curated.items()},
        filename=path.name,
    )
    if shape.title:
        title = Field(
            shape.title, Origin.TITLE, shape.title_rule, 1.0, shape.title_line, shape.title
        )
        # A first line is the title as written, but not always the document's headline.
        inferred["title"] = calibrated("title", title, load_calibration())
    else:
        inferred["title"] = Field(path.stem, Origin.FILENAME, "file-name", 0.3, None, path.name)
    fields, disputed = merge(inferred, curated)
    if not shape.paragraphs:
        raw.diagnostics.append(
            Diagnostic(
                raw.rel_path,
                None,
                Severity.WARNING,
                "title-only",
                "the document has a title but no body text",
            )
        )
    diagnostics = (
        raw.diagnostics + curated_problems + review_diagnostics(raw.rel_path, fields, disputed)
    )
    return Document(
        source=raw.rel_path,
        title=fields["title"].value,
        paragraphs=shape.paragraphs,
        fields=fields,
        diagnostics=diagnostics,
        disputed=disputed,
        content_hash=_content_hash(raw.text),
        encoding=raw.encoding,
    )


def _content_hash(text: str) -> str:
    # Folded whitespace: the same speech copied twice with different line endings is one speech.
    digest = hashlib.sha256(f"{LOADER_VERSION}\0{squash(text)}".encode())
    return digest.hexdigest()[:16]


Outcome = Document | Diagnostic
ProgressFactory = Callable[[Iterable[Outcome], int], Iterable[Outcome]]
# Below this many documents to load, starting worker processes costs more than it saves.
PARALLEL_FROM = 200


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
    digest = hashlib.sha256()
    for part in (
        LOADER_VERSION,
        knowledge_fingerprint,
        path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix(),
    ):
        digest.update(part.encode() + b"\0")
    digest.update(path.read_bytes())
    digest.update(b"\0sidecar\0" + (sidecar.read_bytes() if sidecar else b""))
    return digest.hexdigest()


def knowledge_fingerprint(knowledge: Knowledge) -> str:
    # Knowledge is a frozen dataclass: its repr is a deterministic rendering of all of it. Not
    # of where it was read from: a project moved, or checked out elsewhere by CI with its cache
    # restored, keeps its cached documents.
    # The measured confidences are part of what a document loads as.
    shown = repr(replace(knowledge, source="")) + calibration_fingerprint()
    return hashlib.sha256(shown.encode()).hexdigest()


def load_corpus(
    root: Path,
    knowledge: Knowledge | None = None,
    progress: ProgressFactory | None = None,
    paths: list[Path] | None = None,
    cache: DocumentCache | None = None,
) -> Corpus:
    """Load every document below `root` (or just `paths`); bad files become diagnostics."""
    knowledge = knowledge or load_knowledge()
    if paths is None:
        paths, _, diagnostics = discover(root)
    else:
        diagnostics = []
    loaded: dict[Path, Document] = {}
    keys: dict[Path, str] = {}
    if cache is not None:
        fingerprint = knowledge_fingerprint(knowledge)
        keys = {path: cache.key(path, root, fingerprint) for path in paths}
        for path, key in keys.items():
            found = cache.get(key)
            if found is not None:
                loaded[path] = found
    missing = [p for p in paths if p not in loaded]
    outcomes = _load_all(missing, root, knowledge)
    if progress is not None:
        outcomes = progress(outcomes, len(missing))
    fresh: dict[str, Document] = {}
    for path, outcome in zip(missing, outcomes, strict=True):
        if isinstance(outcome, Diagnostic):
            diagnostics.append(outcome)
            continue
        loaded[path] = outcome
        if path in keys:
            fresh[keys[path]] = outcome
    if cache is not None and fresh:
        cache.put_all(fresh)
    documents = [loaded[p] for p in paths if p in loaded]
    diagnostics.extend(_duplicates(documents))
    reloaded = [d.source for p in missing if (d := loaded.get(p))]
    cached = {loaded[p].source: key for p, key in keys.items() if p in loaded}
    return Corpus(documents, diagnostics, reloaded, cached)


def _load_one(path: Path, root: Path, knowledge: Knowledge) -> Document | Diagnostic:
    try:
        return load_document(path, root, knowledge)
    except UnreadableDocument as failure:
        return failure.diagnostic


def _load_all(
    paths: list[Path],
    root: Path,
    knowledge: Knowledge,
) -> Iterator[Document | Diagnostic]:
    """Each path's outcome, in order; spread over the machine's cores for a large batch."""
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < PARALLEL_FROM or workers < 2:
        yield from (_load_one(p, root, knowledge) for p in paths)
        return
    # A worker collects its own garbage even when forked from a build that has paused the
    # collector (collector.long_lived_objects).
    with ProcessPoolExecutor(workers, initializer=gc.enable) as pool:
        yield from pool.map(
            _load_one, paths, [root] * len(paths), [knowledge] * len(paths), chunksize=32
        )


def _duplicates(documents: list[Document]) -> list[Diagnostic]:
    first_seen: dict[str, str] = {}
    found = []
    for document in documents:
        earlier = first_seen.setdefault(document.content_hash, document.source)
        if earlier != document.source:
            found.append(
                Diagnostic(
                    document.source,
                    None,
                    Severity.WARNING,
                    "duplicate",
                    f"same text as {earlier}; remove one of them",
                )
            )
    return found
