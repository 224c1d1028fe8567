"""Text is data: hostile documents show their characters and run nothing, on every page."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.robustness.conftest import CORPUS, Built

# Attributes that run script; any of them with a value from a document is an injection.
_EVENT_ATTR = re.compile(r"^on[a-z]+$")


class _Scanner(HTMLParser):
    """Collects every element and attribute that would run injected script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag in ("script", "style")
        for name, value in attrs:
            text = (value or "").strip().lower()
            if _EVENT_ATTR.match(name) and "alert" in text:
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction") and text.startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "iframe" or (tag == "img" and dict(attrs).get("src") == "x"):
            self.found.append(f"<{tag}> from a document")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and ("alert(" in data or "body{display:none}" in data):
            self.found.append(f"<script>{data.strip()[:60]}</script>")


def _site_files(site: Path, *suffixes: str) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.suffix in suffixes and p.is_file())


def test_no_built_html_or_xml_file_holds_an_injected_element(hostile_build: Built) -> None:
    problems = {}
    for path in _site_files(hostile_build.site, ".html", ".xml"):
        scanner = _Scanner()
        scanner.feed(path.read_text(encoding="utf-8"))
        if scanner.found:
            problems[path.relative_to(hostile_build.site).as_posix()] = scanner.found
    assert problems == {}


def test_json_downloads_hold_hostile_values_as_plain_strings(hostile_build: Built) -> None:
    # Every build writes the downloads into the site root (README, "Data downloads").
    site = hostile_build.site
    for name in ("speeches.json", "corpus.jsonl"):
        assert (site / name).is_file(), f"the build wrote no {name}"
    documents = json.loads((site / "speeches.json").read_text(encoding="utf-8"))["documents"]
    records = [
        json.loads(line)  # one valid JSON value a line: nothing broke out of a string
        for line in (site / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert len(records) == len(documents) == len(hostile_build.result.generated.pages)

    written = _front_matter(CORPUS / "hostile-meta.md")
    record = next(d for d in documents if d["source"] == "hostile-meta.md")
    for key in ("title", "speaker", "venue", "city", "notes"):
        assert record[key] == written[key], key
    text = next(r for r in records if r["source"] == "hostile-text.txt")["text"]
    assert '<script>alert("body")</script>' in text.split("\n\n")


def test_every_json_file_of_the_site_is_valid_json(hostile_build: Built) -> None:
    paths = _site_files(hostile_build.site, ".json")
    assert {"speeches.json", "shards.json"} <= {p.name for p in paths}
    for path in paths:
        json.loads(path.read_text(encoding="utf-8"))


def _front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def _page(built: Built, source: str) -> str:
    page = next(p for p in built.result.generated.pages if p.document.source == source)
    return (built.site / page.url / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "shown",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        '<a href="javascript:alert(3)">click</a>',
        "# Not a heading",
        "* not a list item",
        "1) not a numbered item",
        "| not | a | table |",
        "[a link](javascript:alert(5))",
        '![an image](x.png "onerror=alert(6)")',
        "`code` and ```fenced```",
        "<!-- a comment --> visible",
        '{: .danger onclick="alert(7)" }',
        "{{ 7*7 }}",
        "{% raw %}",
        "{# note #}",
        "==mark== ^^ins^^ ~~del~~ ++ctrl+alt++ :smile: !!! note",
        '--8<-- "x"',
        "&amp; &lt;script&gt; &#60;b&#62;",
    ],
)
def test_hostile_text_shows_exactly_as_written(hostile_build: Built, shown: str) -> None:
    html = _page(hostile_build, "hostile-text.txt")
    article = html[html.index('<div class="speech"') : html.index("</article>")]
    visible = _Visible()
    visible.feed(article)
    assert shown in visible.text


def test_hostile_title_shows_as_text(hostile_build: Built) -> None:
    html = _page(hostile_build, "hostile-text.txt")
    visible = _Visible()
    visible.feed(html)
    assert "Remarks <script>alert(1)</script> on {{ config.site_name }} & security" in visible.text


def test_hostile_metadata_shows_as_text(hostile_build: Built) -> None:
    visible = _Visible()
    visible.feed(_page(hostile_build, "hostile-meta.md"))
    for value in (
        'Speech <script>alert("title")</script> <img src=x onerror=alert(9)>',
        "<b onmouseover=alert(10)>Speaker</b> {{ 7*7 }}",
        '<a href="javascript:alert(11)">Venue</a>',
    ):
        assert value in visible.text, value


class _Visible(HTMLParser):
    """The text a reader sees (character references decoded), outside <script> and <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._hidden += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("script", "style") and self._hidden > 0

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.parts))


def test_the_scanner_catches_what_it_looks_for() -> None:
    scanner = _Scanner()
    scanner.feed(
        '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">'
        "<svg onload=alert(4)></svg>"
    )
    assert len(scanner.found) == 5  # the img is caught twice: src=x and onerror
