"""Browser fixtures: the sample site built once, served on 127.0.0.1, and Debian's Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sco_archive.publish.verify import serve_site
from tests.browse.sample import build_sample

SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample(tmp_path_factory.mktemp("browser-sample"))


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The site served on a free port of 127.0.0.1, below a sub-path as on GitHub Pages."""
    with serve_site(site, "/sco-archive/") as url:
        yield url


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
