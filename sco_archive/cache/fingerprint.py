"""The one recipe for a cache key: a digest of named parts, files, folders and library versions.

Every cache (documents, derived values, page keys, site state, no-change builds) keys its
entries with a Fingerprint, so that what a key covers reads as a list and no two caches list
a library's version, a file or a folder their own way.
"""

from __future__ import annotations

import hashlib
import os
from importlib import metadata
from pathlib import Path


class Fingerprint:
    """A SHA-256 over everything added, each part labelled and separated, in the order added."""

    def __init__(self, *parts: str) -> None:
        self._hasher = hashlib.sha256()
        self.text(*parts)

    def text(self, *parts: str) -> Fingerprint:
        for part in parts:
            self._hasher.update(part.encode() + b"\0")
        return self

    def data(self, label: str, data: bytes) -> Fingerprint:
        self._hasher.update(f"\0{label}\0{len(data)}\0".encode() + data)
        return self

    def file(self, label: str, path: Path | None) -> Fingerprint:
        """The file's bytes; a missing file (or None) counts as empty."""
        try:
            data = path.read_bytes() if path is not None else b""
        except FileNotFoundError:
            data = b""
        return self.data(label, data)

    def versions(self, *distributions: str) -> Fingerprint:
        """The installed version of each distribution (`?` when it is not installed)."""
        for name in distributions:
            try:
                version = metadata.version(name)
            except metadata.PackageNotFoundError:
                version = "?"
            self.text(f"{name}={version}")
        return self

    def tree(
        self, label: str, root: Path, skip_dirs: frozenset[str] = frozenset(), suffix: str = ""
    ) -> Fingerprint:
        """Every file below `root` (ending in `suffix`): its path below `root` and its bytes, in
        a fixed order. Not where `root` is: a project or package moved keeps its key (a caller
        that means the place adds it as text)."""
        self.text(label)
        if not root.is_dir():
            return self.text("missing")
        for folder, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d not in skip_dirs)
            for name in sorted(n for n in filenames if n.endswith(suffix)):
                path = Path(folder, name)
                try:
                    data = path.read_bytes()
                except OSError:
                    data = b"\0unreadable\0"
                self.data(path.relative_to(root).as_posix(), data)
        return self

    def hexdigest(self) -> str:
        return self._hasher.hexdigest()

    def digest(self) -> bytes:
        return self._hasher.digest()
