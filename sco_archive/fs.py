"""Files written whole or not at all: beside their target, then renamed over it."""

from __future__ import annotations

import os
import tempfile
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
