"""The page cache: for each speech page in docs/, the render key it was written for and the
digest of its text, so that a build reuses the page instead of writing its Markdown again.

A speech page's Markdown is costly to write (YAML front matter) and usually unchanged; the
text itself is not kept here, it is the page in docs/, which the last build wrote.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sco_archive.build.state import SiteState, digest
from sco_archive.fs import write_atomically


def page_cache_file(cache_dir: Path, docs_dir: Path) -> Path:
    key = hashlib.sha256(str(docs_dir.resolve()).encode()).hexdigest()[:16]
    return cache_dir / f"pages-{key}.json"


def load_page_cache(path: Path) -> dict[str, list[str]]:
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return entries if isinstance(entries, dict) else {}


def save_page_cache(path: Path, keys: dict[str, str], state: SiteState) -> None:
    """Record, for each speech page now in docs/, its render key and its text's digest."""
    entries = {uri: [key, state.pages[uri]] for uri, key in keys.items() if uri in state.pages}
    write_atomically(path, json.dumps(entries, sort_keys=True))


def reuse_from_docs(entries: dict[str, list[str]], docs_dir: Path):
    """generate()'s `reuse`: the page in docs/ when it was rendered for the same key and is
    still exactly the text that was written (a page edited by hand is rendered again)."""

    def reuse(src_uri: str, key: str) -> str | None:
        entry = entries.get(src_uri)
        if not entry or entry[0] != key:
            return None
        try:
            text = (docs_dir / src_uri).read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        return text if digest(text) == entry[1] else None

    return reuse
