"""Full-text search: index the speech pages with Pagefind, in shards of consecutive years.

Pagefind writes an index the browser downloads in chunks, only those a query needs (see README,
"How search works"). It reads small pages written from the plan (search/records.py), so the
index is built while MkDocs renders, not after. Pagefind cannot update an index, so the archive
is indexed in shards: runs of consecutive years (folders below `speeches/`) of at most
shard_limit() pages, about TARGET_SHARDS of them, each in its own bundle `pagefind/<shard>/`.
An edit re-indexes its own shard, not the archive. The shards depend on the documents alone
(their count and years), never on the order of edits, so a rebuild gives the bytes a cold build
gives. A query downloads a chunk of every shard's index; with small chunks (CHUNK_SIZE) each
shard adds a few KB to it. A year is never split: the search page sorts by date year by year.
The search page loads the first bundle listed in `pagefind/shards.json` and merges the others
into it (`mergeIndex`).

Only pages with `data-pagefind-body` (the speech pages) are indexed, so home, browse and
about pages never show up as results.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mkdocs.exceptions import PluginError

from sco_archive.fs import staging_for, swap_in, write_atomically
from sco_archive.search.canonical import canonicalize_index
from sco_archive.search.records import SearchRecord
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

# Shards are sized by the archive's page count alone, so the same documents always get the same
# shards (the index depends on the documents, never on the order of edits): about TARGET_SHARDS
# of them, each of MIN_SHARD_PAGES to MAX_SHARD_PAGES pages. An edit re-indexes one shard, about
# 4 ms a page (1,000 pages: 4-5 s; 100 pages: 0.5 s), and every shard adds about 2.5 KB to a
# first query with CHUNK_SIZE (README, Performance: the table). Pagefind holds about 0.45 MB a
# page while it indexes one shard: 1,000 pages, about 450 MB.
TARGET_SHARDS = 10
MIN_SHARD_PAGES = 100
MAX_SHARD_PAGES = 1_000
# Pagefind's index chunk size (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE). A query fetches, in every
# shard, the chunk holding its word and the next one; with Pagefind's default, chunks full of
# other words cost about 27 KB per shard, with this about 2.5 KB (1,000 documents, 10 shards:
# 331 KB against 80 KB for the query `cooperation`).
CHUNK_SIZE = 1_000


def shard_limit(total_pages: int) -> int:
    """The most pages in one shard for an archive of `total_pages` speech pages."""
    wanted = -(-total_pages // TARGET_SHARDS)  # ceiling division
    return max(MIN_SHARD_PAGES, min(MAX_SHARD_PAGES, wanted))


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


def plan_shards(pages_per_folder: dict[str, int], limit: int = MAX_SHARD_PAGES) -> list[Shard]:
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


def folders_of(src_uris: Iterable[str]) -> set[str]:
    """The folders below speeches/ (search shards are made of them) these pages are in."""
    return {folder for uri in src_uris if (folder := folder_of(uri))}


def records_per_folder(records: Mapping[str, SearchRecord]) -> dict[str, int]:
    """Speech pages in each folder below `speeches/`, from the plan's search records."""
    counts: dict[str, int] = {}
    for src_uri in records:
        if folder := folder_of(src_uri):
            counts[folder] = counts.get(folder, 0) + 1
    return counts


def index_command(
    source_dir: Path, shard: Shard, output_path: Path, yielding: bool = False
) -> list[str]:
    """The Pagefind run for one shard of the pages in `source_dir`, its bundle written to
    `output_path`: the binary bundled with the `pagefind` package. `yielding`: at a low
    priority (`nice`), so that it takes only the CPU nothing else wants."""
    nice = ["nice", "-n", "10"] if yielding and shutil.which("nice") else []
    return [
        *nice,
        *pagefind_binary(),
        "--site",
        str(source_dir),
        "--glob",
        shard.glob,
        "--output-path",
        str(output_path.resolve()),
        "--exclude-selectors",
        ", ".join(EXCLUDE_SELECTORS),
        "--silent",
    ]


@cache
def pagefind_binary() -> tuple[str, ...]:
    """The Pagefind binary the `pagefind[extended]` package installs, run directly: through
    `python -m pagefind`, which starts Python to exec it, each run took 0.2 s more (0.02 s for
    the binary on one page), paid by every shard."""
    for package in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            module = importlib.import_module(package)
            return (str(module.get_executable().absolute()),)
        except (ImportError, FileNotFoundError):
            continue
    return (sys.executable, "-m", "pagefind")


def build_search_index(
    site_dir: Path,
    stale: Iterable[str] | None = None,
    shard_pages: int | None = None,
    yielding: bool = False,
    records: Mapping[str, SearchRecord] | None = None,
    site_language: str = "en",
) -> list[str]:
    """Bring `site_dir/pagefind/` up to date with the site's pages; return the shards indexed.

    The pages are `records` (the plan's, search/records.py: the index does not wait for the
    rendered site), or else the speech pages of the built site. `stale` names the folders below
    `speeches/` whose pages changed since the bundles were written (None: all of them). A shard
    without a bundle is indexed too, and bundles of shards that are gone are removed. One
    Pagefind run at a time, to bound memory; raise PluginError if one fails. `shard_pages`:
    the most pages in a shard (None: shard_limit's). `yielding` runs Pagefind at a low priority.
    """
    bundle = site_dir / BUNDLE_DIR
    if not site_dir.is_dir():
        raise PluginError(f"Pagefind could not index {site_dir}: no such folder")
    counts = pages_per_folder(site_dir) if records is None else records_per_folder(records)
    limit = shard_pages or shard_limit(sum(counts.values()))
    shards = plan_shards(counts, limit)
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
        with _source(site_dir, records, shard, site_language) as source:
            error = _index_shard(source, bundle / shard.name, shard, yielding)
        if error:
            raise PluginError(f"Pagefind could not index {site_dir}: {error}")
    listed = {"shards": [shard.name for shard in shards]}
    write_atomically(bundle / SHARDS_FILE, json.dumps(listed) + "\n")
    return [shard.name for shard in todo]


@contextmanager
def _source(
    site_dir: Path,
    records: Mapping[str, SearchRecord] | None,
    shard: Shard,
    site_language: str,
) -> Iterator[Path]:
    """The folder Pagefind reads: the built site, or the records of `shard` written as small
    pages at the paths their rendered pages have (Pagefind takes a result's URL from it), one
    shard at a time (a cold build at 10,000 documents would write 200 MB at once)."""
    if records is None:
        yield site_dir
        return
    folders = set(shard.folders)
    with tempfile.TemporaryDirectory(prefix="sco-search-") as temp:
        source = Path(temp)
        for src_uri, record in records.items():
            if folder_of(src_uri) in folders:
                page = source / src_uri.removesuffix(".md") / "index.html"  # directory URLs
                page.parent.mkdir(parents=True, exist_ok=True)
                page.write_text(record.html(site_language), encoding="utf-8")
        yield source


def _index_shard(source: Path, bundle: Path, shard: Shard, yielding: bool) -> str | None:
    """Index one shard of `source` beside its live `bundle` and swap it in; return an error,
    or None."""
    with staging_for(bundle) as staging:
        command = index_command(source, shard, staging, yielding)
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, check=False, env=_environment()
            )
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


def _environment() -> dict[str, str]:
    """Pagefind's environment: ours, with the chunk size (unless the caller set one)."""
    return {"PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(CHUNK_SIZE), **os.environ}


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
