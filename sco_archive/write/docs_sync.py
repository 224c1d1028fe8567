"""Writing generated Markdown into docs/: only what changed, never a hand-written file."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sco_archive.errors import ArchiveError, BuildFailed
from sco_archive.fs import write_atomically

MANIFEST = ".generated.json"  # a dotfile, so MkDocs never publishes it


@dataclass(frozen=True)
class SyncResult:
    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int


def read_manifest(docs_dir: Path) -> set[str]:
    """The files below docs/ that the archive generated last time."""
    try:
        listed = json.loads((docs_dir / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return set()
    except (ValueError, OSError) as error:
        raise ArchiveError(
            f"{docs_dir / MANIFEST} is damaged ({error}); delete it and the "
            "generated folders, then build again"
        ) from error
    return set(listed["files"])


def refuse_conflicts(docs_dir: Path, files: dict[str, str]) -> None:
    """Raise BuildFailed if a person has already put a file of their own at a generated path:
    build() asks before it builds anything, sync_docs again before it writes."""
    owned = read_manifest(docs_dir)
    conflicts = sorted(p for p in files if p not in owned and (docs_dir / p).exists())
    if conflicts:
        raise BuildFailed(
            "these files in docs/ are not the archive's own, and the archive "
            f"needs their paths: {', '.join(conflicts)}; rename them"
        )


def sync_docs(docs_dir: Path, files: dict[str, str]) -> SyncResult:
    """Make docs/ hold exactly `files` among the generated files, touching nothing else."""
    refuse_conflicts(docs_dir, files)
    owned = read_manifest(docs_dir)
    _remove_leftover_temps(docs_dir, owned | files.keys())
    # Claim every path before writing it: a build killed half-way through leaves files the
    # manifest owns, never files the next build would take for a person's own pages.
    _write_manifest(docs_dir, owned | files.keys())
    written = []
    for rel, text in files.items():
        if _write_if_changed(docs_dir / rel, text):
            written.append(rel)
    removed = sorted(owned - files.keys())
    for rel in removed:
        (docs_dir / rel).unlink(missing_ok=True)
        _remove_empty_parents(docs_dir / rel, docs_dir)
    _write_manifest(docs_dir, set(files))
    return SyncResult(tuple(written), tuple(removed), len(files) - len(written))


def _write_manifest(docs_dir: Path, files: set[str]) -> None:
    write_atomically(docs_dir / MANIFEST, json.dumps({"files": sorted(files)}, indent=1) + "\n")


def _remove_leftover_temps(docs_dir: Path, generated: set[str]) -> None:
    """Half-written files of a killed build: `.NAME.*.tmp` beside a generated NAME only."""
    names = {(docs_dir / rel).parent: set() for rel in generated}
    for rel in generated:
        names[(docs_dir / rel).parent].add((docs_dir / rel).name)
    names.setdefault(docs_dir, set()).add(MANIFEST)
    for folder, owned_names in names.items():
        if not folder.is_dir():
            continue
        for temp in folder.glob(".*.tmp"):
            if temp.name[1:].rsplit(".", 2)[0] in owned_names:
                temp.unlink(missing_ok=True)


def _write_if_changed(path: Path, text: str) -> bool:
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    write_atomically(path, text)
    return True


def _remove_empty_parents(path: Path, stop: Path) -> None:
    parent = path.parent
    while parent != stop and parent.is_dir() and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent
