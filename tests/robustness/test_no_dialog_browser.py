"""In a real browser, no page of a site built from hostile documents runs their script."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sco_archive.publish.verify import serve_site
from tests.robustness.conftest import Built

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_url(hostile_build: Built) -> Iterator[str]:
    with serve_site(hostile_build.site, "/") as url:
        yield url


def test_no_alert_fires_on_any_page(browser, hostile_build: Built, hostile_url: str) -> None:
    pages = sorted(
        p.relative_to(hostile_build.site).as_posix()
        for p in hostile_build.site.rglob("index.html")
        if not p.relative_to(hostile_build.site).as_posix().startswith(("assets/", "pagefind/"))
    )
    context = browser.new_context()
    dialogs: list[str] = []
    try:
        page = context.new_page()
        page.on(
            "dialog",
            lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()),
        )
        for rel in pages:
            page.goto(hostile_url + rel.removesuffix("index.html"), wait_until="load")
        assert dialogs == []
        assert len(pages) > 20
        page.evaluate("() => alert('control')")  # the listener does catch a dialog
        assert len(dialogs) == 1
    finally:
        context.close()
