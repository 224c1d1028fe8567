"""A small site with full-text search, built once, served under a sub-path, driven in Chromium."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from sco_archive.build.run import Project, build
from sco_archive.publish.verify import serve_site
from tests.search.search_corpus import DOCUMENTS

REPO = Path(__file__).resolve().parents[2]
BASE_PATH = "/sco-archive/"  # the site is served below a sub-path, as on GitHub Pages


@pytest.fixture(scope="session")
def search_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test corpus built into a site, with its Pagefind index."""
    root = tmp_path_factory.mktemp("search-project")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "      speeches: speeches\n" in config
    # Two pages per search shard: the tests search across bundles and within one.
    config = config.replace(
        "      speeches: speeches\n", "      speeches: speeches\n      search_shard_pages: 2\n"
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "docs").mkdir()
    for page in ("about.md", "scaling.md", "search.md"):  # every page the nav lists
        shutil.copy(REPO / "docs" / page, root / "docs" / page)
    speeches = root / "speeches"
    speeches.mkdir()
    for name, text in DOCUMENTS.items():
        (speeches / name).write_text(text, encoding="utf-8")
    project = Project(config_file=root / "mkdocs.yml", use_cache=False, incremental=False)
    result = build(project)
    assert not result.errors, [d.format() for d in result.errors]
    return result.site_dir


@pytest.fixture(scope="session")
def site_url(search_site: Path) -> Iterator[str]:
    """The site's URL on 127.0.0.1, below BASE_PATH (anything else is a 404, as on Pages)."""
    with serve_site(search_site, BASE_PATH) as url:
        yield url


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
