"""Full-text search: index the built site with Pagefind, in shards of consecutive years.

Pagefind reads the HTML pages and writes an index the browser downloads in chunks, only those
a query needs (see README, "How search works"). Pagefind cannot update an index, and holds
about 0.4 MB per page while it builds one, so a large archive is indexed in shards: runs of
consecutive years (folders below `speeches/`) of at most `shard_pages` pages, each in its own
bundle `pagefind/<shard>/`. An edit re-indexes its own shard, not the archive. Shards are few
on purpose: a query downloads a chunk of every shard's index (about 30 KB at least), so
sharding by single years would multiply what a first query costs. The search page loads the
first bundle listed in `pagefind/shards.json` and merges the others into it (`mergeIndex`).

Only pages with `data-pagefind-body` (the speech pages) are indexed, so home, browse and
about pages never show up as results.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from sco_archive.fs import staging_for, swap_in, write_atomically
from sco_archive.search.canonical import canonicalize_index
from sco_archive.write.speech_pages import SPEECHES_DIR

BUNDLE_DIR = "pagefind"  # below the site root
# SPEECHES_DIR, below docs/, is below the site root too: each folder in it is one shard.
SHARDS_FILE = "shards.json"  # in BUNDLE_DIR: the shards' bundles; search.js loads the first
# Parts of a speech page that are not the speech: citations and links to other documents
# would make a phrase "match" a page whose text does not contain it, and the metadata list's
# labels ("Speaker", "Length … words") would fill excerpts. Speaker, venue and city are facets.
# generate.UNINDEXED_CONTEXT names the same parts: a change there alone re-indexes nothing.
EXCLUDE_SELECTORS = (".speech-meta", ".cite", ".speech-prevnext", ".related", ".para-link")
# Pagefind's ready-made interfaces; search.js uses its JavaScript API only.
UNUSED_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)

SHARD_PAGES = 4_000  # one Pagefind run on 3,876 pages peaked at 1.78 GB (bench, 10,000 docs)


@dataclass(frozen=True)
class Shard:
    """Consecutive folders below `speeches/` (years, newest first; `undated` last), one bundle."""

    folders: tuple[str, ...]

    @property
    def name(self) -> str:
        first, last = self.folders[0], self.folders[-1]
        return first if first == last else f"{first}-{last}"

    @property
    def glob(self) -> str:
        folders = self.folders[0] if len(self.folders) == 1 else "{" + ",".join(self.folders) + "}"
        return f"{SPEECHES_DIR}/{folders}/**/*.html"


def folder_of(src_uri: str) -> str | None:
    """The speeches folder of a page's source: `speeches/2020/x.md` → `2020`; None if no speech."""
    parts = src_uri.split("/")
    return parts[1] if len(parts) > 2 and parts[0] == SPEECHES_DIR else None


def plan_shards(pages_per_folder: dict[str, int], limit: int = SHARD_PAGES) -> list[Shard]:
    """Group the folders, newest year first and `undated` last, into shards of <= `limit` pages.

    A folder larger than `limit` is a shard of its own. The plan depends on the counts only, so
    the same site always gets the same shards.
    """
    years = sorted((f for f in pages_per_folder if f.isdigit()), reverse=True)
    ordered = years + sorted(f for f in pages_per_folder if not f.isdigit())
    shards: list[list[str]] = []
    size = 0
    for folder in ordered:
        pages = pages_per_folder[folder]
        if not shards or size + pages > limit:
            shards.append([])
            size = 0
        shards[-1].append(folder)
        size += pages
    return [Shard(tuple(folders)) for folders in shards]


def pages_per_folder(site_dir: Path) -> dict[str, int]:
    """Speech pages in each folder below the built site's `speeches/`."""
    root = site_dir / SPEECHES_DIR
    if not root.is_dir():
        return {}
    counts = {f.name: sum(1 for _ in f.glob("*/index.html")) for f in root.iterdir() if f.is_dir()}
    return {folder: n for folder, n in counts.items() if n}


def index_command(
    site_dir: Path, shard: Shard, output_subdir: str, yielding: bool = False
) -> list[str]:
    """The Pagefind run for one shard: the binary bundled with the `pagefind` package.
    `yielding`: at a low priority (`nice`), so that it takes only the CPU nothing else wants."""
    nice = ["nice", "-n", "10"] if yielding and shutil.which("nice") else []
    return [
        *nice,
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--glob",
        shard.glob,
        "--output-subdir",
        output_subdir,
        "--exclude-selectors",
        ", ".join(EXCLUDE_SELECTORS),
        "--silent",
    ]


def build_search_index(
    site_dir: Path,
    stale: Iterable[str] | None = None,
    shard_pages: int = SHARD_PAGES,
    yielding: bool = False,
) -> list[str]:
    """Bring `site_dir/pagefind/` up to date with the site's pages; return the shards indexed.

    `stale` names the folders below `speeches/` whose pages changed since the bundles were
    written (None: all of them). A shard without a bundle is indexed too, and bundles of shards
    that are gone are removed. One Pagefind run at a time, to bound memory; raise PluginError
    if one fails. `yielding` runs Pagefind at a low priority.
    """
    bundle = site_dir / BUNDLE_DIR
    if not site_dir.is_dir():
        raise PluginError(f"Pagefind could not index {site_dir}: no such folder")
    shards = plan_shards(pages_per_folder(site_dir), shard_pages)
    _remove_other_files(bundle, keep={shard.name for shard in shards})
    wanted = None if stale is None else set(stale)
    todo = [
        shard
        for shard in shards
        if wanted is None
        or wanted.intersection(shard.folders)
        or not (bundle / shard.name / "pagefind-entry.json").is_file()
    ]
    for shard in todo:
        if error := _index_shard(site_dir, shard, yielding):
            raise PluginError(f"Pagefind could not index {site_dir}: {error}")
    listed = {"shards": [shard.name for shard in shards]}
    write_atomically(bundle / SHARDS_FILE, json.dumps(listed) + "\n")
    return [shard.name for shard in todo]


def _index_shard(site_dir: Path, shard: Shard, yielding: bool) -> str | None:
    """Index one shard beside its live bundle and swap it in; return an error, or None."""
    bundle = site_dir / BUNDLE_DIR / shard.name
    with staging_for(bundle) as staging:
        command = index_command(site_dir, shard, f"{BUNDLE_DIR}/{staging.name}", yielding)
        try:
            done = subprocess.run(command, capture_output=True, text=True, check=False)
        except OSError as error:
            return f"could not run Pagefind: {error}"
        if done.returncode != 0:
            return (done.stderr or done.stdout).strip()
        canonicalize_index(staging)
        for name in UNUSED_FILES:
            (staging / name).unlink(missing_ok=True)
        # Swapped, never rewritten: in an incremental build the old bundle may be hard-linked
        # into the live site, which must not change under a reader.
        shutil.rmtree(swap_in(staging, bundle), ignore_errors=True)
    return None


def _remove_other_files(bundle: Path, keep: set[str]) -> None:
    """Remove bundles of shards that are gone, and anything else an older build left here."""
    if not bundle.is_dir():
        bundle.mkdir(parents=True)
        return
    for path in bundle.iterdir():
        if path.name in keep and path.is_dir():
            continue
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
