"""Full-text search: index the built site with Pagefind, after MkDocs has written it.

Pagefind reads the HTML pages and writes its index into `<site>/pagefind/`; the browser then
downloads only the index chunks a query needs (see README, "How search works"). Only pages
with `data-pagefind-body` (the speech pages) are indexed, so home, browse and about pages
never show up as results.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from mkdocs.exceptions import PluginError

from .search_canonical import canonicalize_index

BUNDLE_DIR = "pagefind"  # below the site root; search.js loads `pagefind/pagefind.js` from it
# Parts of a speech page that are not the speech: citations and links to other documents
# would make a phrase "match" a page whose text does not contain it, and the metadata list's
# labels ("Speaker", "Length … words") would fill excerpts. Speaker, venue and city are facets.
EXCLUDE_SELECTORS = (".speech-meta", ".cite", ".speech-prevnext", ".related", ".para-link")


def index_command(site_dir: Path, output_subdir: str = BUNDLE_DIR) -> list[str]:
    """The Pagefind run: the binary bundled with the `pagefind` package (no download)."""
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-subdir",
        output_subdir,
        "--exclude-selectors",
        ", ".join(EXCLUDE_SELECTORS),
        "--silent",
    ]


def build_search_index(site_dir: Path) -> None:
    """Write a fresh Pagefind index for the site in `site_dir`; raise PluginError if it fails.

    An index from an earlier build (e.g. `serve`, which rebuilds into the same folder) is
    removed first, so results never point at pages that are gone.
    """
    shutil.rmtree(site_dir / BUNDLE_DIR, ignore_errors=True)
    try:
        done = subprocess.run(index_command(site_dir), capture_output=True, text=True, check=False)
    except OSError as error:
        raise PluginError(f"could not run Pagefind to index the site: {error}") from error
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip()
        raise PluginError(f"Pagefind could not index {site_dir}: {detail}")
    canonicalize_index(site_dir / BUNDLE_DIR)


_serve_lock = threading.Lock()
log = logging.getLogger("mkdocs.plugins.sco_archive")


def build_search_index_in_background(site_dir: Path) -> threading.Thread:
    """For `serve`: index in a thread, so an edit shows before search has caught up with it.

    Pagefind writes into a folder beside the live index, which is swapped in when complete:
    the preview's search always has a whole index, at worst one edit behind for a while.
    """

    def run() -> None:
        with _serve_lock:  # one run at a time; a run started later sees the later pages
            staging = f".{BUNDLE_DIR}.next"
            shutil.rmtree(site_dir / staging, ignore_errors=True)
            try:
                done = subprocess.run(
                    index_command(site_dir, staging), capture_output=True, text=True
                )
            except OSError as error:
                log.warning(f"could not run Pagefind to index the preview: {error}")
                return
            if done.returncode != 0:
                log.warning(f"Pagefind could not index the preview: {done.stderr.strip()}")
                return
            old = site_dir / f".{BUNDLE_DIR}.old"
            shutil.rmtree(old, ignore_errors=True)
            if (site_dir / BUNDLE_DIR).exists():
                os.replace(site_dir / BUNDLE_DIR, old)
            os.replace(site_dir / staging, site_dir / BUNDLE_DIR)
            shutil.rmtree(old, ignore_errors=True)
            log.info("search index of the preview updated")

    thread = threading.Thread(target=run, name="pagefind", daemon=True)
    thread.start()
    return thread
