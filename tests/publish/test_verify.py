"""The link verifier, on hand-made sites and on a real MkDocs Material build under a sub-path."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest

from sco_archive.publish.verify import (
    LinkProblem,
    VerifyError,
    base_path_for,
    serve_site,
    verify_site,
)

BASE = "/sco-archive/"

GOOD_SITE = {
    "index.html": """<!doctype html><html><head>
        <link rel="stylesheet" href="assets/site.css">
        <link rel="alternate" type="application/rss+xml" href="feed.xml">
        <link rel="canonical" href="https://example.org/sco-archive/">
        <script src="assets/app.js"></script></head>
        <body id="top">
        <a href="speeches/one/">One</a>
        <a href="speeches/one/#closing">its close</a>
        <a href="#main">skip</a> <main id="main"></main>
        <a href="/sco-archive/about.html">about, by absolute path inside the sub-path</a>
        <a href="corpus.csv" download>data</a>
        <img src="assets/logo.png" srcset="assets/logo.png 1x, assets/logo@2x.png 2x">
        <a href="https://example.com/elsewhere">another host</a>
        <a href="mailto:archive@example.org">mail</a> <a href="javascript:void(0)">js</a>
        </body></html>""",
    "speeches/one/index.html": """<html><body>
        <h2 id="closing">Closing</h2><a name="legacy"></a>
        <a href="../../">home</a> <a href="../../about.html#legacy-ok">about</a>
        </body></html>""",
    "about.html": '<html><body><a name="legacy-ok"></a><a href="./">home</a></body></html>',
    "assets/site.css": "body { background: url(logo.png) }",
    "assets/app.js": "console.log('hi')",
    "assets/logo.png": b"\x89PNG\r\n",
    "assets/logo@2x.png": b"\x89PNG\r\n",
    "feed.xml": "<rss></rss>",
    "corpus.csv": "id,title\n",
}


def make_site(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def test_a_sound_site_under_the_sub_path_has_no_problems(tmp_path: Path) -> None:
    report = verify_site(make_site(tmp_path, GOOD_SITE), BASE)
    assert report.problems == []
    assert report.ok
    assert report.pages_crawled == 3
    assert report.links_checked >= 15
    assert report.external_links == 4  # canonical, example.com, mailto:, javascript:


def test_broken_link_missing_fragment_and_escaping_absolute_path_are_each_reported(
    tmp_path: Path,
) -> None:
    site = dict(GOOD_SITE)
    site["index.html"] = """<html><head><link rel="stylesheet" href="/assets/site.css"></head>
        <body><a href="speeches/two/">missing page</a>
        <a href="speeches/one/#no-such-heading">missing fragment</a>
        <a href="#nowhere">missing here</a>
        <img src="assets/gone.png"></body></html>"""
    report = verify_site(make_site(tmp_path, site), BASE)
    assert report.problems == sorted(report.problems)
    assert [(p.page, p.link) for p in report.problems] == [
        ("/sco-archive/", "#nowhere"),
        ("/sco-archive/", "/assets/site.css"),
        ("/sco-archive/", "assets/gone.png"),
        ("/sco-archive/", "speeches/one/#no-such-heading"),
        ("/sco-archive/", "speeches/two/"),
    ]
    problems = {p.link: p.problem for p in report.problems}
    assert "outside the site's base path /sco-archive/" in problems["/assets/site.css"]
    assert problems["speeches/two/"] == "not found (404)"
    assert "'no-such-heading'" in problems["speeches/one/#no-such-heading"]
    assert not report.ok


def test_the_escaping_link_fails_even_though_the_file_exists_in_the_site(tmp_path: Path) -> None:
    # /assets/site.css exists as site/assets/site.css: a plain local server would find it.
    make_site(tmp_path, GOOD_SITE)
    (tmp_path / "index.html").write_text('<a href="/assets/site.css">css</a>', encoding="utf-8")
    report = verify_site(tmp_path, BASE)
    assert report.problems == [
        LinkProblem(
            "/sco-archive/",
            "/assets/site.css",
            "points outside the site's base path /sco-archive/: make the link relative, "
            "or set site_url to the published URL (its path must be /sco-archive/)",
        )
    ]
    # At the root, the same site is fine: the verifier really checks the sub-path.
    assert verify_site(tmp_path, "/").problems == []


def test_problems_in_stylesheets_are_found(tmp_path: Path) -> None:
    site = dict(GOOD_SITE)
    site["assets/site.css"] = "@import 'missing.css'; body { background: url('/bg.png') }"
    report = verify_site(make_site(tmp_path, site), BASE)
    assert [(p.page, p.link) for p in report.problems] == [
        ("/sco-archive/assets/site.css", "/bg.png"),
        ("/sco-archive/assets/site.css", "missing.css"),
    ]


def test_the_server_serves_only_the_sub_path(tmp_path: Path) -> None:
    make_site(tmp_path, GOOD_SITE)
    with serve_site(tmp_path, "sco-archive") as base_url:
        assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/sco-archive/")
        with urllib.request.urlopen(base_url + "assets/app.js") as response:
            assert response.status == 200
        origin = base_url[: -len(BASE)]
        with urllib.request.urlopen(origin + "/sco-archive") as response:  # redirected
            assert response.geturl() == base_url
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(origin + "/assets/app.js")
        assert caught.value.code == 404
    with pytest.raises(urllib.error.URLError):  # stopped afterwards
        urllib.request.urlopen(base_url, timeout=2)


def test_a_folder_without_a_home_page_is_refused(tmp_path: Path) -> None:
    with pytest.raises(VerifyError, match=r"no index\.html; build the site first"):
        verify_site(tmp_path, BASE)


SITE_URL = "https://example.org/sco-archive/"
MKDOCS_YML = f"""\
site_name: Tiny archive
site_url: {SITE_URL}
use_directory_urls: true
theme:
  name: material
  font: false
  features:
    - navigation.tabs
    - navigation.top
plugins:
  - search
markdown_extensions:
  - toc:
      permalink: true
nav:
  - Home: index.md
  - A speech: speeches/one.md
"""


def build_material_site(root: Path, site_url: str) -> Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    (root / "mkdocs.yml").write_text(MKDOCS_YML.replace(SITE_URL, site_url), encoding="utf-8")
    docs = root / "docs"
    (docs / "speeches").mkdir(parents=True)
    (docs / "index.md").write_text(
        "# Home\n\nRead [the speech](speeches/one.md#closing-words).\n\n## Second\n",
        encoding="utf-8",
    )
    (docs / "speeches" / "one.md").write_text(
        "# One\n\nText.\n\n## Closing words\n\nBack [home](../index.md#second).\n",
        encoding="utf-8",
    )
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site")))
    return root / "site"


def test_a_real_material_site_works_under_the_sub_path(tmp_path: Path) -> None:
    report = verify_site(build_material_site(tmp_path, SITE_URL), BASE)
    assert report.problems == []
    assert report.pages_crawled == 3  # home, the speech, 404.html
    assert report.links_checked > 20  # Material's stylesheets, scripts, search and nav links


def test_the_404_page_is_checked_because_pages_serves_it_for_every_missing_url(
    tmp_path: Path,
) -> None:
    # MkDocs writes 404.html's links as absolute paths from site_url: a fork that keeps our
    # site_url but publishes under another name gets a broken 404 page, and nothing else shows it.
    make_site(tmp_path, GOOD_SITE)
    (tmp_path / "404.html").write_text(
        '<link rel="stylesheet" href="/other-name/assets/site.css">'
        '<a href="/sco-archive/">home</a>',
        encoding="utf-8",
    )
    report = verify_site(tmp_path, BASE)
    assert [(p.page, p.link) for p in report.problems] == [
        ("/sco-archive/404.html", "/other-name/assets/site.css")
    ]


def test_a_folder_without_index_html_is_not_listed_but_missing(tmp_path: Path) -> None:
    site = dict(GOOD_SITE)
    site["index.html"] = '<a href="assets/">assets</a>'
    report = verify_site(make_site(tmp_path, site), BASE)
    assert [(p.link, p.problem) for p in report.problems] == [("assets/", "not found (404)")]


def test_redirect_pages_are_followed(tmp_path: Path) -> None:
    site = dict(GOOD_SITE)
    site["old/index.html"] = '<meta http-equiv="refresh" content="0; url=../gone/">'
    site["index.html"] = '<a href="old/">old</a>'
    report = verify_site(make_site(tmp_path, site), BASE)
    assert [(p.page, p.link) for p in report.problems] == [("/sco-archive/old/", "../gone/")]


@pytest.mark.parametrize(
    ("site_url", "expected"),
    [
        ("https://example.github.io/sco-archive/", "/sco-archive/"),
        ("https://example.github.io/sco-archive", "/sco-archive/"),
        ("https://archive.example.org/", "/"),
        (None, "/"),
    ],
)
def test_the_base_path_comes_from_site_url(site_url: str | None, expected: str) -> None:
    assert base_path_for(site_url) == expected


def test_a_material_site_built_for_another_sub_path_breaks_only_its_404_page(
    tmp_path: Path,
) -> None:
    # Why forks must set SCO_SITE_URL: Material's pages link relatively, its 404 page does not.
    report = verify_site(build_material_site(tmp_path, "https://example.org/fork-name/"), BASE)
    assert report.problems
    assert {p.page for p in report.problems} == {"/sco-archive/404.html"}
    assert all(p.link.startswith("/fork-name/") for p in report.problems)


def test_a_folder_link_without_its_slash_is_followed_like_pages_redirects_it(
    tmp_path: Path,
) -> None:
    site = dict(GOOD_SITE)
    site["index.html"] = '<a href="speeches/one">one</a> <a href="/sco-archive">home</a>'
    report = verify_site(make_site(tmp_path, site), BASE)
    assert report.problems == []
    assert report.pages_crawled == 3  # home, speeches/one/ (once), about.html


@pytest.mark.browser
def test_in_chromium_a_material_site_under_the_sub_path_loads_everything_and_searches(
    tmp_path: Path, browser
) -> None:
    # What the crawler cannot see: URLs that JavaScript builds (the search worker and its index).
    site = build_material_site(tmp_path, SITE_URL)
    failures: list[str] = []
    with serve_site(site, BASE) as base_url:
        page = browser.new_page()
        try:
            page.on("requestfailed", lambda request: failures.append(f"failed {request.url}"))
            page.on(
                "response",
                lambda response: (
                    failures.append(f"{response.status} {response.url}")
                    if response.status >= 400
                    else None
                ),
            )
            page.on(
                "console",
                lambda message: (
                    failures.append(f"console {message.text}") if message.type == "error" else None
                ),
            )
            page.goto(base_url, wait_until="networkidle")
            page.click("label.md-search__icon, .md-search__input")
            # Typed key by key: Material searches on keyboard events, fill() sends none.
            page.locator(".md-search__input").press_sequentially("closing", delay=20)
            page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
            hrefs = page.locator(".md-search-result__link").evaluate_all(
                "links => links.map(link => link.getAttribute('href'))"
            )
            assert f"{base_url}speeches/one/#closing-words" in hrefs
        finally:
            page.close()
    assert failures == []
