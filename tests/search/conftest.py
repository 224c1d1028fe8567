"""A small site with full-text search, built once, served under a sub-path, driven in Chromium."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from sco_archive.build import Project, build
from tests.search.search_corpus import DOCUMENTS

REPO = Path(__file__).resolve().parents[2]
BASE_PATH = "/sco-archive/"  # the site is served below a sub-path, as on GitHub Pages


@pytest.fixture(scope="session")
def search_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test corpus built into a site, with its Pagefind index."""
    root = tmp_path_factory.mktemp("search-project")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "docs").mkdir()
    for page in ("about.md", "search.md"):
        shutil.copy(REPO / "docs" / page, root / "docs" / page)
    speeches = root / "speeches"
    speeches.mkdir()
    for name, text in DOCUMENTS.items():
        (speeches / name).write_text(text, encoding="utf-8")
    project = Project(config_file=root / "mkdocs.yml", use_cache=False, incremental=False)
    result = build(project)
    assert not result.errors, [d.format() for d in result.errors]
    return result.site_dir


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site below BASE_PATH only; anything else is a 404, as on a project site."""

    def translate_path(self, path: str) -> str:
        route = urlsplit(path).path
        if not route.startswith(BASE_PATH):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + route.removeprefix(BASE_PATH))

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass


@pytest.fixture(scope="session")
def site_url(search_site: Path) -> Iterator[str]:
    """The site's URL on 127.0.0.1, below BASE_PATH."""
    handler = functools.partial(_SubPathHandler, directory=str(search_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{BASE_PATH}"
    finally:
        server.shutdown()
        server.server_close()


# `browser`: Debian's Chromium, shared by all browser tests (tests/conftest.py).


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A fresh page that fails the test on any request to another host."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    outside: list[str] = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(("http://127.0.0.1", "data:", "blob:"))
            else None
        ),
    )
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not outside, f"requests to other hosts: {outside}"
    assert not errors, f"JavaScript errors: {errors}"
