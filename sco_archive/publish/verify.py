"""Check a built site as GitHub Pages serves it, under a sub-path: every link, asset and anchor."""

# Why a small crawler of our own rather than linkchecker (or lychee, htmltest):
# - it serves the site exactly as GitHub Pages does for a project site, under a sub-path such as
#   /sco-archive/, with everything outside that path a 404 - so `/assets/x.css`, the classic
#   sub-path bug, fails here even though the file exists in site/;
# - it checks `#fragment`s against the ids of the target page (linkchecker needs a flag and a
#   plugin for that, and reports them as warnings);
# - it never touches the network (other hosts, mailto: and javascript: are counted, not fetched),
#   so it is fast, deterministic and runs in CI and offline;
# - problems come back as sorted values the CLI prints and tests compare, not a report to parse;
# - it is a few hundred lines of stdlib (http.server, html.parser, urllib): no dependency.

from __future__ import annotations

import contextlib
import functools
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from sco_archive.errors import ArchiveError

DEFAULT_BASE_PATH = "/sco-archive/"

# Attributes that hold one URL, by tag.
_URL_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src",),
    "source": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "track": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "object": ("data",),
    "input": ("src",),
}
# Attributes that hold a list of "URL descriptor" candidates.
_SRCSET_ATTRIBUTES = ("srcset", "imagesrcset")
# Schemes that are not fetched: they leave the site or are not addresses at all.
_SKIPPED_SCHEMES = frozenset({"mailto", "javascript", "tel", "data", "sms", "blob", "about"})
# The fragments a browser resolves without an element: the top of the page (HTML spec 7.4.6.4).
_ALWAYS_VALID_FRAGMENTS = frozenset({"", "top"})
# No proxies, whatever HTTP_PROXY says: the crawl talks to our own server on 127.0.0.1 only.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")


class VerifyError(ArchiveError):
    """The site could not be verified at all (no folder, no home page)."""


@dataclass(frozen=True, order=True)
class LinkProblem:
    """One link that does not work: the page it is on, the link as written, and what is wrong."""

    page: str
    link: str
    problem: str

    def __str__(self) -> str:
        return f"{self.page}: {self.link}: {self.problem}"


@dataclass
class VerifyReport:
    """What the crawl saw. Pages and links are URL paths (`/sco-archive/...`), never the port."""

    base_path: str
    pages_crawled: int = 0
    links_checked: int = 0
    external_links: int = 0
    problems: list[LinkProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """One line for the CLI: `verified 12 pages, 340 links under /sco-archive/: 0 problems`."""
        count = len(self.problems)
        return (
            f"verified {self.pages_crawled} pages, {self.links_checked} links under "
            f"{self.base_path}: {count} problem{'' if count == 1 else 's'}"
        )


def base_path_for(site_url: str | None) -> str:
    """The path a site is served under, from its site_url: `https://x.github.io/sco-archive/` ->
    `/sco-archive/`; `/` for a custom domain or no site_url."""
    return normalize_base_path(urlsplit(site_url or "").path)


def normalize_base_path(base_path: str) -> str:
    """`sco-archive`, `/sco-archive` and `/sco-archive/` all mean `/sco-archive/`; `` means `/`."""
    stripped = base_path.strip().strip("/")
    return f"/{stripped}/" if stripped else "/"


class _SubPathHandler(SimpleHTTPRequestHandler):
    """Serves `directory` at `base_path` only, as GitHub Pages serves a project site."""

    base_path = "/"

    def __init__(self, *args, directory: str, base_path: str, **kwargs) -> None:
        self.base_path = base_path
        super().__init__(*args, directory=directory, **kwargs)

    def send_head(self):  # type: ignore[override]
        path = urlsplit(self.path).path
        # `/sco-archive` (no slash) is let through so the handler redirects it, as Pages does.
        if not (path.startswith(self.base_path) or path == self.base_path.rstrip("/")):
            self.send_error(HTTPStatus.NOT_FOUND, "Outside the site's base path")
            return None
        return super().send_head()

    def list_directory(self, path):  # type: ignore[override]
        # GitHub Pages lists no folders: a folder without index.html is a 404 there, so here too.
        self.send_error(HTTPStatus.NOT_FOUND, "No index.html in this folder")
        return None

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        inside = path[len(self.base_path) :] if path.startswith(self.base_path) else ""
        return super().translate_path("/" + inside)

    def log_message(self, format: str, *args: object) -> None:
        # The library never prints; a crawl of 1,000 pages would otherwise flood stderr.
        pass


@contextlib.contextmanager
def serve_site(site_dir: Path, base_path: str = DEFAULT_BASE_PATH) -> Iterator[str]:
    """Serve `site_dir` on 127.0.0.1 (a free port) under `base_path`; yield the site's base URL.

    Anything outside `base_path` is a 404, as on GitHub Pages for a project site. The server runs
    in a background thread and is shut down when the `with` block ends.
    """
    site_dir = Path(site_dir).resolve()
    if not site_dir.is_dir():
        raise VerifyError(f"{site_dir} is not a folder; build the site first")
    base = normalize_base_path(base_path)
    handler = functools.partial(_SubPathHandler, directory=str(site_dir), base_path=base)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    # A short poll interval: shutdown() waits for it, once per verification and per test.
    thread = threading.Thread(
        target=server.serve_forever, args=(0.05,), name="sco-archive-serve", daemon=True
    )
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}{base}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class _PageParser(HTMLParser):
    """Collects the URLs a page refers to, the anchors it offers, and its `<base href>`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.anchors: set[str] = set()
        self.base_href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.anchors.add(values["id"])
        if tag in ("a", "map") and "name" in values:
            self.anchors.add(values["name"])
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            # `0; url=target/` is how redirect pages (mkdocs-redirects) point at the new page.
            _, _, target = values.get("content", "").partition("=")
            if target.strip().strip("'\""):
                self.links.append(target.strip().strip("'\""))
        if tag == "base" and "href" in values and self.base_href is None:
            self.base_href = values["href"].strip()
        for name in _URL_ATTRIBUTES.get(tag, ()):
            if values.get(name, "").strip():
                self.links.append(values[name].strip())
        for name in _SRCSET_ATTRIBUTES:
            for candidate in values.get(name, "").split(","):
                if candidate.strip():
                    self.links.append(candidate.split()[0])

    handle_startendtag = handle_starttag


@dataclass
class _Fetched:
    status: int  # 0 when the request failed without an HTTP status
    final_url: str
    content_type: str
    anchors: set[str] | None = None  # None: not HTML, fragments are not checked
    links: list[tuple[str, str]] = field(default_factory=list)  # (absolute, as written)
    error: str = ""


class _Crawler:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        parts = urlsplit(base_url)
        self.origin = (parts.scheme, parts.netloc)
        self.base_path = parts.path
        self.cache: dict[str, _Fetched] = {}
        self.report = VerifyReport(base_path=self.base_path)
        self._problems: set[LinkProblem] = set()

    def path_of(self, url: str) -> str:
        parts = urlsplit(url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def fetch(self, url: str) -> _Fetched:
        if url in self.cache:
            return self.cache[url]
        try:
            with _OPENER.open(url, timeout=30) as response:
                body = response.read()
                fetched = _Fetched(
                    status=response.status,
                    final_url=response.geturl(),
                    content_type=response.headers.get_content_type(),
                )
                charset = response.headers.get_content_charset() or "utf-8"
        except urllib.error.HTTPError as error:
            fetched = _Fetched(status=error.code, final_url=url, content_type="")
        except (urllib.error.URLError, OSError) as error:
            fetched = _Fetched(status=0, final_url=url, content_type="", error=str(error))
        else:
            text = body.decode(charset, errors="replace")
            if fetched.content_type == "text/html":
                parser = _PageParser()
                parser.feed(text)
                parser.close()
                page_base = urljoin(fetched.final_url, parser.base_href or "")
                fetched.anchors = parser.anchors
                fetched.links = [(urljoin(page_base, link), link) for link in parser.links]
            elif fetched.content_type == "text/css":
                fetched.links = [
                    (urljoin(fetched.final_url, link), link) for link in _css_links(text)
                ]
        self.cache[url] = fetched
        return fetched

    def problem(self, page: str, link: str, what: str) -> None:
        self._problems.add(LinkProblem(self.path_of(page), link, what))

    def crawl(self, extra_starts: list[str]) -> VerifyReport:
        queue: list[str] = [self.base_url + start for start in ["", *extra_starts]]
        for start in queue:
            fetched = self.fetch(start)
            if fetched.status != 200:
                self.problem(start, self.path_of(start), _status_problem(fetched))
        seen = set(queue)
        crawled: set[str] = set()  # final URLs: `speeches/one` and `speeches/one/` are one page
        while queue:
            page_url = queue.pop(0)
            page = self.fetch(page_url)
            if page.status != 200 or page.final_url in crawled:
                continue
            crawled.add(page.final_url)
            if page.anchors is not None:
                self.report.pages_crawled += 1
            for absolute, written in page.links:
                target = self.check(page_url, absolute, written)
                if target is not None and target not in seen:
                    seen.add(target)
                    queue.append(target)
        self.report.problems = sorted(self._problems)
        return self.report

    def check(self, page_url: str, absolute: str, written: str) -> str | None:
        """Check one link; return the URL to crawl next when it is an HTML page or stylesheet."""
        parts = urlsplit(absolute)
        if parts.scheme in _SKIPPED_SCHEMES or (parts.scheme, parts.netloc) != self.origin:
            self.report.external_links += 1
            return None
        self.report.links_checked += 1
        url, fragment = urldefrag(absolute)
        # `/sco-archive` without the slash is inside: Pages redirects it to `/sco-archive/`.
        if not (parts.path + "/").startswith(self.base_path):
            self.problem(
                page_url,
                written,
                f"points outside the site's base path {self.base_path}: make the link relative, "
                f"or set site_url to the published URL (its path must be {self.base_path})",
            )
            return None
        target = self.fetch(url)
        if target.status != 200:
            self.problem(page_url, written, _status_problem(target))
            return None
        fragment = unquote(fragment)
        anchors = target.anchors
        if anchors is not None and fragment not in _ALWAYS_VALID_FRAGMENTS | anchors:
            where = self.path_of(target.final_url)
            self.problem(page_url, written, f"no element with id {fragment!r} on {where}")
        if target.anchors is not None or target.content_type == "text/css":
            return url
        return None


def _status_problem(fetched: _Fetched) -> str:
    if fetched.status == 0:
        return f"could not be fetched: {fetched.error}"
    if fetched.status == 404:
        return "not found (404)"
    return f"HTTP {fetched.status}"


def _css_links(css: str) -> list[str]:
    """The URLs a stylesheet loads (`url(...)`, `@import`), minus inline `data:` ones."""
    links = []
    for match in _CSS_URL.finditer(css):
        link = (match.group(2) or match.group(4) or "").strip()
        if link and not link.startswith(("data:", "#")):
            links.append(link)
    return links


def verify_site(site_dir: Path, base_path: str = DEFAULT_BASE_PATH) -> VerifyReport:
    """Serve the built site under BASE_PATH on localhost and check every link from the home page.

    Every internal link, stylesheet, script, image, feed and download must answer 200, and every
    `#fragment` must name an element on its page. Absolute paths that leave BASE_PATH (such as
    `/assets/x.css` for a site published at `/sco-archive/`) are problems: they work on a local
    server and break on GitHub Pages. Other hosts, mailto: and javascript: links are not fetched.
    """
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file():
        raise VerifyError(f"{site_dir} has no index.html; build the site first")
    # GitHub Pages serves 404.html for every missing URL, and MkDocs writes its links as absolute
    # paths from site_url's path: a site_url that does not match the sub-path breaks it first.
    extra_starts = ["404.html"] if (site_dir / "404.html").is_file() else []
    with serve_site(site_dir, base_path) as base_url:
        return _Crawler(base_url).crawl(extra_starts)
