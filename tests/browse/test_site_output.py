"""The built sample site: hostile metadata shows as characters everywhere; nav; no other hosts."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest

from sco_archive.write.docs_sync import MANIFEST, read_manifest
from tests.browse.sample import HOSTILE_SPEAKER, HOSTILE_TITLE, HOSTILE_VENUE, build_sample
from tests.generated_docs import GENERATED

RAW = ("<script>alert(1)</script>", "<b>Evil</b>", "<img src=x onerror")


class _Text(HTMLParser):
    """The text a reader sees (entities decoded), and every element's attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.attrs: list[tuple[str, dict[str, str | None]]] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs.append((tag, dict(attrs)))


def parse(path: Path) -> _Text:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def text(path: Path) -> str:
    return " ".join("".join(parse(path).parts).split())


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample(tmp_path_factory.mktemp("sample"))


def _hostile_page(site: Path) -> Path:
    return next((site / "speeches" / "2019").glob("2019-05-16-*/index.html"))


def test_no_output_file_contains_hostile_markup(site: Path) -> None:
    for path in site.rglob("*"):
        if path.suffix in (".html", ".xml"):
            content = path.read_text(encoding="utf-8")
            for raw in RAW:
                assert raw not in content, f"{raw!r} unescaped in {path.relative_to(site)}"


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "timeline/2019/index.html",
        "speakers/b-evil-b-speaker/index.html",
        "kinds/statement/index.html",
        "topics/terrorism-extremism/index.html",
        "venues/cities/bishkek/index.html",
    ],
)
def test_hostile_title_reads_as_characters_in_lists(site: Path, page: str) -> None:
    assert HOSTILE_TITLE in text(site / page)


def test_hostile_values_read_as_characters_on_their_pages(site: Path) -> None:
    page = text(_hostile_page(site))
    for value in (HOSTILE_TITLE, HOSTILE_SPEAKER, HOSTILE_VENUE):
        assert value in page
    neighbour = next((site / "speeches" / "2019").glob("2019-05-15-sco-*/index.html"))
    assert f"Later · 16 May 2019 →{HOSTILE_TITLE}" in text(neighbour)  # previous/next
    assert HOSTILE_TITLE in text(site / "speakers" / "b-evil-b-speaker" / "index.html")


def test_every_page_announces_the_feed(site: Path) -> None:
    for page in (
        "index.html",
        "timeline/index.html",
        "timeline/2019/index.html",
        "speakers/index.html",
    ):
        links = [a for tag, a in parse(site / page).attrs if tag == "link"]
        feeds = [a["href"] for a in links if a.get("type") == "application/atom+xml"]
        assert len(feeds) == 1 and feeds[0].endswith("feed.xml")


def test_a_speaker_a_kind_and_a_topic_each_have_a_feed_linked_from_their_page(site: Path) -> None:
    for folder in ("speakers/vladimir-norov", "kinds/remarks", "topics/terrorism-extremism"):
        page = site / folder / "index.html"
        links = [a for tag, a in parse(page).attrs if tag == "link"]
        feeds = [a["href"] for a in links if a.get("type") == "application/atom+xml"]
        assert feeds[1:] == ["feed.xml"], folder  # the archive's feed, then the page's own
        assert 'class="feed-link" href="feed.xml"' in page.read_text(encoding="utf-8")
        feed = feedparser.parse((site / folder / "feed.xml").read_bytes())
        assert feed.bozo == 0 and feed.entries, folder
        assert feed.feed.link.endswith(f"/{folder}/")
    norov = feedparser.parse((site / "speakers/vladimir-norov/feed.xml").read_bytes())
    assert {e.author for e in norov.entries} == {"Vladimir Norov"}
    assert "Norov" in norov.feed.title
    # Only speakers, kinds and topics have feeds; venues and cities do not.
    assert not list((site / "venues").glob("**/feed.xml"))


def test_hostile_title_in_feed_and_data(site: Path) -> None:
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert feed.bozo == 0
    assert HOSTILE_TITLE in [e.title for e in feed.entries]
    documents = json.loads((site / "speeches.json").read_text(encoding="utf-8"))["documents"]
    assert HOSTILE_TITLE in [d["title"] for d in documents]


def test_speech_page_has_header_permalinks_citation_and_neighbours(site: Path) -> None:
    page = next((site / "speeches" / "2019").glob("2019-04-24-*/index.html"))
    content = page.read_text(encoding="utf-8")
    assert re.search(r'<p id="p7" class="para"><a class="para-link" href="#p7"', content)
    shown = text(page)
    for piece in (
        "Cite this",
        "Plain",
        "Chicago",
        "APA",
        "BibTeX",
        "Related documents",
        "Vladimir Norov, SCO Secretary-General",
        "819 words · about 5 min to read",
        "Later · 15 May 2019",
    ):
        assert piece in shown
    assert 'href="../../../topics/terrorism-extremism/"' in content
    assert 'href="../../../speakers/vladimir-norov/"' in content


def _meta(site: Path, glob: str) -> str:
    page = next(site.glob(f"speeches/2023/{glob}/index.html")).read_text(encoding="utf-8")
    return page[page.index('<dl class="speech-meta"') : page.index("</dl>")]


def test_the_metadata_block_names_the_language_and_never_a_venue_it_does_not_know(site) -> None:
    zhang = _meta(site, "2023-06-30-*")
    assert "<dt>Language</dt>\n  <dd>English</dd>" in zhang
    assert "not stated" not in zhang.split("<dt>Kind</dt>")[0]
    assert "<dt>City</dt>" in zhang and "<dt>Venue</dt>" not in zhang


def test_the_kind_of_a_document_is_not_listed_as_its_venue(site: Path) -> None:
    briefing = _meta(site, "2023-07-04-*")
    assert "<dt>Venue</dt>" not in briefing and "<dt>City</dt>" in briefing
    assert briefing.count("press conference") == 1  # the Kind row's
    plain = next(site.glob("speeches/2023/2023-07-04-*/index.html")).read_text(encoding="utf-8")
    assert "in Astana”, Astana, 4 July 2023." in plain  # cited at the city, not "press conference"


def test_speaker_page_has_terms_of_office_from_knowledge(site: Path) -> None:
    shown = text(site / "speakers" / "vladimir-norov" / "index.html")
    assert "Role: SCO Secretary-General" in shown
    assert "SCO Secretary-General, 2019–2021" in shown


def test_nav_lists_browse_pages_and_never_documents(site: Path) -> None:
    home = parse(site / "index.html")
    tabs = [
        a.get("href")
        for tag, a in home.attrs
        if tag == "a" and "md-tabs__link" in (a.get("class") or "")
    ]
    mine = ["timeline/", "speakers/", "venues/", "kinds/", "topics/", "about/"]
    assert [t for t in tabs if t in mine] == mine  # in this order; others may add theirs
    assert tabs[0] in (".", "./")
    assert not any(
        "speeches/" in (a.get("href") or "")
        for tag, a in home.attrs
        if "md-nav__link" in (a.get("class") or "")
    )


def test_pages_load_nothing_from_other_hosts(site: Path) -> None:
    for path in site.rglob("*.html"):
        for tag, attrs in parse(path).attrs:
            url = attrs.get("src") if tag in ("script", "img", "iframe") else None
            if tag == "link" and attrs.get("rel") not in ("canonical", "alternate"):
                url = attrs.get("href")
            assert not url or not re.match(r"(https?:)?//", url), f"{path}: {tag} {url}"
    css = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_same_input_gives_same_bytes(site: Path, tmp_path: Path) -> None:
    again = build_sample(tmp_path / "again")
    for name in (
        "speeches.json",
        "speeches.csv",
        "corpus.jsonl",
        "feed.xml",
        "index.html",
        "timeline/index.html",
        "timeline/2019/index.html",
        "speakers/vladimir-norov/index.html",
    ):
        assert (site / name).read_bytes() == (again / name).read_bytes(), name


def test_the_tests_leave_out_of_docs_exactly_what_the_archive_writes_there(site: Path) -> None:
    # tests/generated_docs.py copies docs/ without GENERATED: the names the build's manifest
    # lists, and the manifest. The search page's docs/search.md is hand-written.
    docs = site.parent / "docs"
    written = {uri.split("/")[0] for uri in read_manifest(docs)} | {MANIFEST}
    assert written == set(GENERATED)
    assert (docs / "search.md").is_file()
