"""Where a project's things are: the package's own files, the cache folder, and the paths and
constants every stage agrees on."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).parent
THEME_DIR = PACKAGE_DIR / "theme"
PLUGIN_NAME = "sco-archive"  # the plugin's name in mkdocs.yml
SPEECHES_DIR = "speeches"  # the default source folder, relative to mkdocs.yml
CACHE_DIR = ".cache/sco-archive"  # below the project root (beside mkdocs.yml)
DOCUMENT_CACHE_FILE = "documents.sqlite"  # in CACHE_DIR: see cache/documents.py
DERIVED_CACHE_FILE = "derived.pickle"  # in CACHE_DIR: see cache/derived.py
