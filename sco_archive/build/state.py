"""Incremental builds: which generated pages changed since a site folder was last built.

MkDocs' dirty mode re-renders only the pages whose `File.is_modified()` is true. A generated
page counts as modified when its Markdown differs from the last build of the same site folder,
or when anything else that shapes every page changed (the fingerprint: mkdocs.yml, our theme,
hand-written docs, the versions of MkDocs, Material and this package). Everything a speech
page shows is in its own generated Markdown (front matter included), so this is exact.
"""

from __future__ import annotations

from sco_archive.project import PACKAGE_DIR

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

from sco_archive import LOADER_VERSION
from sco_archive import __version__
from sco_archive.fs import write_atomically

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
    import material
    import mkdocs

    # Not LOADER_VERSION: what the loader makes of a document reaches a page only through
    # the page's own Markdown, which is compared page by page.
    parts = [
        f"{STATE_VERSION}",
        __version__,
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

def _hash_tree(hasher: hashlib._Hash, label: str, root: Path, skip_dirs: set[str]) -> None:
    """Every file below `root`: its path and its bytes, in a fixed order."""
    hasher.update(f"\0{label}\0{root}\0".encode())
    if not root.is_dir():
        hasher.update(b"missing")
        return
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in skip_dirs)
        for name in sorted(filenames):
            path = Path(folder, name)
            hasher.update(path.relative_to(root).as_posix().encode() + b"\0")
            try:
                hasher.update(path.read_bytes())
            except OSError:
                hasher.update(b"\0unreadable\0")


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
    from importlib import metadata

    import material
    import mkdocs

    versions = []
    for package in ("pagefind", "markdown", "jinja2", "pyyaml", "python-frontmatter"):
        try:
            versions.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package}=?")
    hasher = hashlib.sha256()
    parts = [
        f"{STATE_VERSION}",
        __version__,
        LOADER_VERSION,
        mkdocs.__version__,
        getattr(material, "__version__", "?"),
        *versions,
        *extra,
    ]
    hasher.update("\0".join(parts).encode())
    hasher.update(b"\0config\0" + config_file.read_bytes())
    if knowledge_file is not None:
        hasher.update(b"\0knowledge\0" + knowledge_file.read_bytes())
    _hash_tree(hasher, "speeches", speeches, set())
    _hash_tree(hasher, "package", PACKAGE_DIR, {"__pycache__"})
    for folder in theme_dirs:
        _hash_tree(hasher, "theme", folder, {"__pycache__"})
    return hasher.hexdigest()


def tree_digest(folder: Path) -> str:
    """A digest of every file below `folder` (docs/: hand-written pages and generated ones)."""
    hasher = hashlib.sha256()
    _hash_tree(hasher, "tree", folder, set())
    return hasher.hexdigest()


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


# --- Speech pages rendered before ------------------------------------------------------------
#
# A speech page's Markdown is costly to write (YAML front matter) and usually unchanged. The
# cache maps each page to the render key it was written for and the digest of the text; the
# text itself is the page in docs/, which the last build wrote.


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
