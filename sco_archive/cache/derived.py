"""What the plan derived from each document (`model.remembered`), kept on disk between builds.

`serve` keeps its documents in memory from one rebuild to the next, and with them all that
was derived from them. `build` is a new process each time: without this file it would derive
every citation, list entry and term count of 10,000 documents again to change one page.

An entry is keyed by the document's cache key (`cache.documents.cache_key`: its bytes, its
sidecar, the corpus knowledge, LOADER_VERSION), so it is never stale for its document; the
file as a whole is keyed by the code that derives (`code_fingerprint`), so a new version of
the archive or of a library it relies on starts afresh. Term counts are kept under term
numbers that are kept with them (`related.TermNumbers`): the numbers only ever grow, so old
counts stay valid.
A document's values under arguments no longer asked for (an old URL, an old site name) are
kept with it until it changes or the code does: a few entries at most, never a wrong one.
"""

from __future__ import annotations

import functools
import logging
import pickle
import sys
from pathlib import Path
from typing import Any

from sco_archive.cache.fingerprint import Fingerprint
from sco_archive.fs import write_atomically
from sco_archive.loader import Corpus
from sco_archive.model import CACHED_PROPERTIES, Document
from sco_archive.project import PACKAGE_DIR
from sco_archive.write.related import TermNumbers

log = logging.getLogger("mkdocs.plugins.sco_archive")

# Libraries whose behaviour ends up in derived values (slugs, term counts).
_LIBRARIES = ("python-slugify", "numpy", "scipy")


@functools.cache
def code_fingerprint() -> str:
    """A digest of every module of the archive, the Python version and the libraries above."""
    found = Fingerprint(sys.version).versions(*_LIBRARIES)
    return found.tree("package", PACKAGE_DIR, frozenset({"__pycache__"}), ".py").hexdigest()


class DerivedCache:
    """The derived values of an earlier build's documents, in one file beside the loader's."""

    def __init__(self, path: Path):
        self.path = path
        self._saved: dict[str, int] = {}  # cache key → how many values the file holds

    def restore(self, corpus: Corpus) -> TermNumbers:
        """Give each document of `corpus` what was derived from it before; return the term
        numbers its term counts are kept under (new ones if nothing could be restored)."""
        kept = self._read()
        if kept is None:
            return TermNumbers()
        derived: dict[str, _Kept] = kept["derived"]
        for document in corpus.documents:
            found = derived.get(corpus.keys.get(document.source, ""))
            if found is not None:
                document.derived, properties = found
                vars(document).update(properties)
        self._saved = {key: _size(values) for key, values in derived.items()}
        return kept["numbers"]

    def save(self, corpus: Corpus, numbers: TermNumbers) -> None:
        """Keep what was derived from `corpus`'s documents (and theirs only), unless the file
        already holds exactly that. A failure to write is logged: it costs time, not output."""
        derived = {
            key: _kept(document)
            for document in corpus.documents
            if (key := corpus.keys.get(document.source)) is not None
        }
        sizes = {key: _size(values) for key, values in derived.items()}
        if sizes == self._saved:
            return
        state = pickle.dumps({"numbers": numbers, "derived": derived}, pickle.HIGHEST_PROTOCOL)
        try:
            write_atomically(self.path, code_fingerprint().encode() + b"\n" + state)
        except OSError as error:
            log.warning(f"could not keep derived values in {self.path}: {error}")
            return
        self._saved = sizes

    def _read(self) -> dict[str, Any] | None:
        """The file's values, or None if there are none or other code wrote them."""
        try:
            with self.path.open("rb") as kept:
                # Checked before unpickling: older code's values may name what no longer exists.
                if kept.readline() != code_fingerprint().encode() + b"\n":
                    return None
                return pickle.load(kept)
        except FileNotFoundError:
            return None
        except Exception as error:  # a truncated file: derive everything again
            log.info(f"ignoring {self.path}: {error}")
            return None


# A document's remembered values and the values of its cached properties (`Document.words`).
_Kept = tuple[dict[Any, Any], dict[str, Any]]


def _kept(document: Document) -> _Kept:
    known = vars(document)  # a cached property's value is here once it has been asked for
    return document.derived, {name: known[name] for name in CACHED_PROPERTIES if name in known}


def _size(kept: _Kept) -> int:
    return len(kept[0]) + len(kept[1])
