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
import pickle
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from sco_archive import LOADER_VERSION, __version__
from sco_archive.cache.fingerprint import Fingerprint
from sco_archive.engine import ENGINE
from sco_archive.fs import write_atomically
from sco_archive.project import PACKAGE_DIR

STATE_VERSION = 2


class GeneratedFile(File):
    """A page made in memory that knows whether it changed since the last build."""

    changed: bool = True

    def is_modified(self) -> bool:
        return self.changed


@dataclass
class SiteState:
    fingerprint: str
    pages: dict[str, str]  # src_uri → digest of the generated Markdown it was built from
    # Speech page → search key (generate.page_keys): what the search index read of it.
    indexed: dict[str, str] = field(default_factory=dict)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint(config: MkDocsConfig, theme_dir: Path, hand_written: list[Path]) -> str:
    """Everything besides a page's own Markdown that shapes its HTML."""
    # Not LOADER_VERSION: what the loader makes of a document reaches a page only through
    # the page's own Markdown, which is compared page by page.
    found = Fingerprint(f"{STATE_VERSION}", __version__, str(config.site_url or ""))
    found.versions(ENGINE.name, "mkdocs-material").file("config", Path(config.config_file_path))
    found.tree("theme", theme_dir)
    for path in sorted(hand_written):
        found.file(path.as_posix(), path)
    return found.hexdigest()


def load_state(state_file: Path) -> SiteState | None:
    try:
        raw = json.loads(state_file.read_text(encoding="utf-8"))
        return SiteState(raw["fingerprint"], dict(raw["pages"]), dict(raw.get("indexed", {})))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no usable state: build everything


def save_state(state_file: Path, state: SiteState) -> None:
    write_atomically(
        state_file,
        json.dumps(
            {"fingerprint": state.fingerprint, "pages": state.pages, "indexed": state.indexed},
            sort_keys=True,
        ),
    )


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


def reindexed_pages(previous: SiteState | None, current: SiteState) -> set[str] | None:
    """The speech pages whose search index entry must be written again (new, changed or gone);
    None means all of them."""
    if previous is None or previous.fingerprint != current.fingerprint:
        return None
    keys = previous.indexed.keys() | current.indexed.keys()
    return {uri for uri in keys if previous.indexed.get(uri) != current.indexed.get(uri)}


def removed_pages(previous: SiteState | None, current: SiteState) -> set[str]:
    if previous is None:
        return set()
    return previous.pages.keys() - current.pages.keys()


def output_dir(src_uri: str) -> str:
    """Where a page's index.html lands (directory URLs): speeches/2020/x.md → speeches/2020/x."""
    stem = src_uri.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index")


def copy_for_update(
    site_dir: Path,
    staging: Path,
    page_outputs: set[str],
    regenerated: tuple[str, ...],
    linked: tuple[str, ...] = (),
) -> None:
    """Start a staging site from the current one, cheaply and without sharing writes.

    Page HTML (the bulk) is hard-linked: the plugin unlinks a page before MkDocs writes it, so
    the live site's copy is never touched. So are the `linked` folders, whose writers replace
    files rather than rewrite them (the search index). Everything else is copied; `regenerated`
    folders and files (written from scratch every build) are left out.
    """
    for source in site_dir.rglob("*"):
        rel = source.relative_to(site_dir)
        top = rel.parts[0] if rel.parts else ""
        if top in regenerated:
            continue
        target = staging / rel
        if source.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if top in linked or (rel.name == "index.html" and _folder(rel) in page_outputs):
            os.link(source, target)
        else:
            shutil.copy2(source, target)


def _folder(rel: Path) -> str:
    """A file's folder below the site as output_dir() names it: "" for the site root."""
    folder = rel.parent.as_posix()
    return "" if folder == "." else folder


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
    config: MkDocsConfig,
    theme_dir: Path,
    files: dict[str, str],
    manifest: set[str],
    search_keys: dict[str, str] | None = None,
) -> SiteState:
    hand_written = hand_written_files(Path(config.docs_dir), set(files), manifest)
    return SiteState(
        fingerprint(config, theme_dir, hand_written),
        {uri: digest(text) for uri, text in files.items()},
        dict(search_keys or {}),
    )


# --- No-change builds ----------------------------------------------------------------------
#
# A build whose inputs are byte for byte those of the last successful build of the same site
# folder has nothing to do. Checking that reads every input once (a few hundred MB at 10,000
# documents: well under a second), instead of loading the corpus and planning every page.

# The tools whose versions shape a built site, besides this package.
_BUILD_TOOLS = (
    ENGINE.name,  # mkdocs or properdocs: a site built by the other is built again
    "mkdocs-material",
    "pagefind",
    "markdown",
    "jinja2",
    "pyyaml",
    "python-frontmatter",
)
_NOT_SOURCE = frozenset({"__pycache__"})


def inputs_digest(
    config_file: Path,
    speeches: Path,
    knowledge_file: Path | None,
    extra: tuple[str, ...],
    theme_dirs: tuple[Path, ...] = (),
) -> str:
    """A digest of what a build reads besides docs/: documents and sidecars, knowledge,
    mkdocs.yml, a site's own theme folder, this package (code, theme, data) and the tools'
    versions."""
    found = Fingerprint(f"{STATE_VERSION}", __version__, LOADER_VERSION, *extra)
    found.versions(*_BUILD_TOOLS).file("config", config_file)
    if knowledge_file is not None:
        found.file("knowledge", knowledge_file)
    found.tree("speeches", speeches).tree("package", PACKAGE_DIR, _NOT_SOURCE)
    for folder in theme_dirs:
        found.tree("theme", folder, _NOT_SOURCE)
    return found.hexdigest()


def tree_digest(folder: Path) -> str:
    """A digest of every file below `folder` (docs/: hand-written pages and generated ones)."""
    return Fingerprint().tree("tree", folder).hexdigest()


def snapshot_file_for(state_file: Path) -> Path:
    return state_file.with_name(state_file.stem + "-inputs.pickle")


def load_snapshot(path: Path) -> dict | None:
    """What the last successful build of a site folder recorded about its inputs, or None."""
    try:
        with path.open("rb") as handle:
            snapshot = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    return snapshot if isinstance(snapshot, dict) else None


def save_snapshot(path: Path, snapshot: dict) -> None:
    write_atomically(path, pickle.dumps(snapshot))
