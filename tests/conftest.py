"""Fixtures shared by every stage's tests: small projects made in a temporary folder."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sco_archive.build.run import Project
from tests.generated_docs import copy_hand_written_docs

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")  # Debian's; the tests never download a browser
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SEEDS = REPO / "speeches"


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Project]:
    """A project like ours (mkdocs.yml, hand-written docs/) with the speeches you give it.

    `files` maps a path below speeches/ to its text (str) or bytes; `seeds=True` adds the five
    founding documents and their sidecars.
    """

    def make(files: dict[str, str | bytes] | None = None, seeds: bool = False) -> Project:
        root = tmp_path / "project"
        root.mkdir(exist_ok=True)
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        copy_hand_written_docs(REPO / "docs", root / "docs")
        speeches = root / "speeches"
        speeches.mkdir(exist_ok=True)
        if seeds:
            for source in SEEDS.iterdir():
                if source.suffix in (".txt", ".yml"):
                    shutil.copy(source, speeches / source.name)
        for name, content in (files or {}).items():
            target = speeches / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        return Project(config_file=root / "mkdocs.yml")

    return make


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's headless Chromium, one for every browser test of the session.

    Shared because two sync Playwright sessions cannot be open in one thread at once.
    A missing Chromium fails the tests; it never skips them.
    """
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: install Debian's `chromium` package "
            "(scripts/setup-tests.sh does) to run the browser tests",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
