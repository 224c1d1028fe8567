"""Browser fixtures: the sample site built once, served on 127.0.0.1, and Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browse.sample import build_sample

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample(tmp_path_factory.mktemp("browser-sample"))


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The site served on a free port of 127.0.0.1, below a sub-path as on GitHub Pages."""
    try:
        from sco_archive.verify import serve_site
    except ImportError:  # the shared helper is new; a plain threaded server does as well
        yield from _serve(site)
        return
    with serve_site(site, "/sco-archive/") as url:
        yield url


def _serve(site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# `browser` (one Chromium for the whole session) is in tests/conftest.py: two sync
# Playwright sessions cannot be open in one thread at once.


@pytest.fixture
def context(browser, base_url: str):
    """A fresh browser context that may use the clipboard and records every request."""
    made = browser.new_context(
        viewport={"width": 1280, "height": 900},
        base_url=base_url,
        reduced_motion="reduce",
        permissions=["clipboard-read", "clipboard-write"],
    )
    made.requests = []  # type: ignore[attr-defined]
    made.on("request", lambda request: made.requests.append(request.url))
    yield made
    made.close()


@pytest.fixture
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
