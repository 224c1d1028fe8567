"""What the archive writes into docs/: the tests copy docs/ as a person left it, without these.

The same names as the build's manifest, docs/.generated.json, lists (and the manifest itself);
tests/browse/test_site_output.py checks them against a build. The site's search/ folder is not
among them: MkDocs makes it from the hand-written docs/search.md.
"""

from __future__ import annotations

import shutil
from pathlib import Path

GENERATED = (
    "speeches",
    "index.md",
    "timeline",
    "speakers",
    "venues",
    "kinds",
    "topics",
    ".generated.json",
)


def copy_hand_written_docs(docs: Path, target: Path) -> None:
    """Copy the hand-written pages of `docs` into `target`, leaving out what a build generates."""
    shutil.copytree(docs, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns(*GENERATED))


def remove_generated_docs(docs: Path) -> None:
    """Leave `docs` as a person left it: what a build generated there, removed."""
    for name in GENERATED:
        target = docs / name
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink(missing_ok=True)
