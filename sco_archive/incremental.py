"""Incremental builds: which generated pages changed since a site folder was last built.

MkDocs' dirty mode re-renders only the pages whose `File.is_modified()` is true. A generated
page counts as modified when its Markdown differs from the last build of the same site folder,
or when anything else that shapes every page changed (the fingerprint: mkdocs.yml, our theme,
hand-written docs, the versions of MkDocs, Material and this package). Everything a speech
page shows is in its own generated Markdown (front matter included), so this is exact.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from . import LOADER_VERSION, __version__

STATE_VERSION = 1


class GeneratedFile(File):
    """A page made in memory that knows whether it changed since the last build."""

    changed: bool = True

    def is_modified(self) -> bool:
        return self.changed


@dataclass
class SiteState:
    fingerprint: str
    pages: dict[str, str]  # src_uri → digest of the generated Markdown it was built from


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint(config: MkDocsConfig, theme_dir: Path, hand_written: list[Path]) -> str:
    """Everything besides a page's own Markdown that shapes its HTML."""
    import material
    import mkdocs

    parts = [
        f"{STATE_VERSION}",
        __version__,
        LOADER_VERSION,
        mkdocs.__version__,
        getattr(material, "__version__", "?"),
        str(config.site_url or ""),
        Path(config.config_file_path).read_text(encoding="utf-8"),
    ]
    files = sorted(p for p in theme_dir.rglob("*") if p.is_file()) + sorted(hand_written)
    hasher = hashlib.sha256("\0".join(parts).encode())
    for path in files:
        hasher.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return hasher.hexdigest()


def load_state(state_file: Path) -> SiteState | None:
    try:
        raw = json.loads(state_file.read_text(encoding="utf-8"))
        return SiteState(raw["fingerprint"], dict(raw["pages"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no usable state: build everything


def save_state(state_file: Path, state: SiteState) -> None:
    state_file.parent.mkdir(parents=True, exist_ok=True)
    temp = state_file.with_suffix(".tmp")
    temp.write_text(
        json.dumps({"fingerprint": state.fingerprint, "pages": state.pages}, sort_keys=True),
        encoding="utf-8",
    )
    os.replace(temp, state_file)


def state_file_for(cache_dir: Path, site_dir: Path) -> Path:
    key = hashlib.sha256(str(site_dir.resolve()).encode()).hexdigest()[:16]
    return cache_dir / f"site-{key}.json"


def changed_pages(previous: SiteState | None, current: SiteState) -> set[str] | None:
    """The generated pages to re-render; None means all of them."""
    if previous is None or previous.fingerprint != current.fingerprint:
        return None
    return {
        uri for uri, text_digest in current.pages.items() if previous.pages.get(uri) != text_digest
    }


def removed_pages(previous: SiteState | None, current: SiteState) -> set[str]:
    if previous is None:
        return set()
    return previous.pages.keys() - current.pages.keys()


def output_dir(src_uri: str) -> str:
    """Where a page's index.html lands (directory URLs): speeches/2020/x.md → speeches/2020/x."""
    stem = src_uri.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index")


def copy_for_update(
    site_dir: Path, staging: Path, page_outputs: set[str], regenerated: tuple[str, ...]
) -> None:
    """Start a staging site from the current one, cheaply and without sharing writes.

    Page HTML (the bulk) is hard-linked: the plugin unlinks a page before MkDocs writes it, so
    the live site's copy is never touched. Everything else is copied; `regenerated` folders
    (rebuilt from scratch every time, such as the search index) are left out.
    """
    for source in site_dir.rglob("*"):
        rel = source.relative_to(site_dir)
        if rel.parts and rel.parts[0] in regenerated:
            continue
        target = staging / rel
        if source.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif rel.parent.as_posix() in page_outputs and rel.name == "index.html":
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def remove_outputs(staging: Path, src_uris: set[str]) -> None:
    for uri in src_uris:
        shutil.rmtree(staging / output_dir(uri), ignore_errors=True)


class _DropDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build; ours are exact, and the warning fails strict mode."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


DROP_DIRTY_WARNING = _DropDirtyWarning()


def hand_written_files(docs_dir: Path, generated: set[str], manifest: set[str]) -> list[Path]:
    """docs/ files a person wrote: everything but the archive's own output and dotfiles."""
    found = []
    for path in docs_dir.rglob("*"):
        rel = path.relative_to(docs_dir).as_posix()
        if (
            path.is_file()
            and rel not in generated
            and rel not in manifest
            and not any(part.startswith(".") for part in path.relative_to(docs_dir).parts)
        ):
            found.append(path)
    return sorted(found)


def current_state(
    config: MkDocsConfig, theme_dir: Path, files: dict[str, str], manifest: set[str]
) -> SiteState:
    hand_written = hand_written_files(Path(config.docs_dir), set(files), manifest)
    return SiteState(
        fingerprint(config, theme_dir, hand_written),
        {uri: digest(text) for uri, text in files.items()},
    )
