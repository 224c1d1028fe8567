"""Files and folders replaced whole or not at all: made beside their target, renamed over it."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write `data` (text as UTF-8 with `\\n` line ends) to `path` through a temporary file in
    the same folder. A reader, `serve`, or a hard link to the old file from another site folder
    never sees half a file; a write that fails or is killed leaves the old one in place (and a
    `.NAME.*.tmp` file at worst, which docs_sync sweeps up in docs/)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if isinstance(data, str):
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
                out.write(data)
        else:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


@contextmanager
def staging_for(folder: Path) -> Iterator[Path]:
    """A folder beside `folder` (`.NAME.building`, not yet made) to build its next version in,
    for `swap_in`; whatever is still there when the block ends is removed."""
    staging = folder.parent / f".{folder.name}.building"
    shutil.rmtree(staging, ignore_errors=True)  # left by a run that was killed
    staging.parent.mkdir(parents=True, exist_ok=True)
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def swap_in(staging: Path, folder: Path) -> Path:
    """Put `staging` in place of `folder`; return the folder that now holds the old version,
    for the caller to remove (at once, or beside other work)."""
    # Two renames, never a copy: a reader sees the old folder or the new one, whole (files of
    # the old one may be hard links in the new one, which must not change under it). The only
    # moment without `folder` is between them; `recover_interrupted_swap` undoes that moment.
    old = _old_version(folder)
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        os.replace(folder, old)
    os.replace(staging, folder)
    return old


def recover_interrupted_swap(folder: Path) -> None:
    """Put back the old version when a run was killed between `swap_in`'s two renames."""
    old = _old_version(folder)
    if old.is_dir() and not folder.exists():
        old.rename(folder)
    shutil.rmtree(old, ignore_errors=True)


def _old_version(folder: Path) -> Path:
    return folder.parent / f".{folder.name}.old"
