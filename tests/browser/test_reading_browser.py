"""Reading, browsing and citing in a real browser (headless Chromium), with keyboard and phone."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
import rispy
from axe_playwright_python.sync_playwright import Axe

from tests.browse.sample import REPO, SAME_EVENT

pytestmark = pytest.mark.browser

MOSCOW = "SCO Secretary-General Vladimir Norov’s remarks at the Moscow Conference"
SPEECH = (
    "speeches/2019/"
    "2019-04-24-sco-secretary-general-vladimir-norovs-remarks-at-the-moscow-conference/"
)
PAGES = {
    "home": "",
    "timeline": "timeline/",
    "year": "timeline/2019/",
    "speech": SPEECH,
    "speakers": "speakers/",
    "speaker": "speakers/vladimir-norov/",
    "search": "search/",
    "about": "about/",
}  # every kind of page; the search page with results is tested in tests/search


def in_viewport(page, selector: str) -> bool:
    return page.evaluate(
        """(s) => { const r = document.querySelector(s).getBoundingClientRect();
                    return r.top >= 0 && r.top < window.innerHeight && r.height > 0; }""",
        selector,
    )


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def only_local(context, base_url: str) -> None:
    foreign = [u for u in context.requests if not u.startswith((base_url, "data:", "blob:"))]
    assert not foreign, f"requests to other hosts: {foreign}"


def test_home_timeline_speech_permalink_citation_related_speaker(context, base_url: str) -> None:
    page = context.new_page()
    page.goto("")
    assert page.locator("ul.stats").is_visible()
    page.get_by_role("link", name="Timeline", exact=True).first.click()
    page.wait_for_url(re.compile(r"/timeline/$"))
    page.locator("article li").get_by_role("link", name="2019", exact=True).click()
    page.wait_for_url(re.compile(r"/timeline/2019/$"))
    page.get_by_role("link", name=re.compile(re.escape(MOSCOW))).first.click()
    page.wait_for_url(re.compile(re.escape(SPEECH) + "$"))

    page.hover("#p7")
    page.click("#p7 .para-link")
    assert page.url.endswith("#p7")
    assert in_viewport(page, "#p7")

    # Having followed the ¶ link, the reader cites paragraph 7: every style links to it.
    assert page.inner_text(".cite-scope") == "Citing paragraph 7: each citation links to it."
    for style in ("plain", "chicago", "apa", "bibtex"):
        assert f"{SPEECH}#p7" in page.inner_text(f"#cite-{style}"), style
    page.click("button[data-copy='cite-plain']")
    expect_plain = page.inner_text("#cite-plain").strip()
    page.wait_for_function("document.querySelector('.cite-status').textContent.length > 0")
    assert clipboard(page) == expect_plain
    assert expect_plain.startswith("Vladimir Norov, “SCO Secretary-General Vladimir Norov’s")
    page.click("button[data-copy='cite-bibtex']")
    page.wait_for_function("document.querySelector('.cite-status').textContent.includes('BibTeX')")
    bibtex = clipboard(page)
    assert bibtex.startswith("@misc{norov2019secretary,") and f"{SPEECH}#p7}}," in bibtex

    related = page.locator(".related a")
    assert related.count() >= 2
    for href in related.evaluate_all("links => links.map(a => a.href)"):
        assert page.request.get(href).status == 200, href
    for href in page.locator(".speech-prevnext a, .speech-meta a").evaluate_all(
        "links => links.map(a => a.href)"
    ):
        if href.startswith(base_url):
            assert page.request.get(href).status == 200, href

    page.click(".speech-meta a[href*='speakers/']")
    page.wait_for_url(re.compile(r"/speakers/vladimir-norov/$"))
    dates = page.locator("article li > strong").all_inner_texts()
    assert dates == ["24 April 2019", "15 May 2019", "June 2020", "24 June 2020"]
    only_local(context, base_url)


def test_a_reader_walks_the_timeline_year_by_year_and_sees_where_each_document_was_given(
    context, base_url: str
) -> None:
    page = context.new_page()
    page.goto("timeline/")
    assert page.locator("article li").all_inner_texts() == [
        "2023 · 2 documents",
        "2020 · 2 documents",
        "2019 · 4 documents",
    ]  # newest first; the chart beside them reads oldest first
    assert page.locator("article li a[href*='speeches/']").count() == 0  # no documents here
    page.get_by_role("link", name="2019: 4 documents").click()  # the chart's bar for 2019
    page.wait_for_url(re.compile(r"/timeline/2019/$"))
    assert page.inner_text(".md-tabs__item--active").strip() == "Timeline"
    assert page.get_by_role("heading", name="April 2019").is_visible()
    lines = page.locator("article li").all_inner_texts()
    assert len(lines) == 4
    assert lines[0].startswith("24 April 2019 · " + MOSCOW)
    assert "Moscow Conference on International Security, Moscow" in lines[0]
    assert all(", Bishkek · " in line for line in lines[1:])
    assert page.get_by_role("link", name=re.compile("Earlier year")).count() == 0  # the first

    page.get_by_role("link", name="2020", exact=True).click()  # "later: 2020", above the list
    page.wait_for_url(re.compile(r"/timeline/2020/$"))
    lines = page.locator("article li").all_inner_texts()
    assert [line.split(" · ")[0] for line in lines] == ["June 2020", "24 June 2020"]
    assert ", Beijing · " in lines[0] and ", Vienna · " in lines[1]
    # Below the list, the way on: to 2023 (2021 and 2022 have no documents), and back.
    below = page.get_by_role("navigation", name="Earlier and later year")
    below.get_by_role("link", name=re.compile("Later year")).click()
    page.wait_for_url(re.compile(r"/timeline/2023/$"))
    assert page.get_by_role("link", name=re.compile("Later year")).count() == 0  # the newest
    below.get_by_role("link", name=re.compile("Earlier year")).click()
    page.wait_for_url(re.compile(r"/timeline/2020/$"))
    page.get_by_role("link", name="all years").click()
    page.wait_for_url(re.compile(r"/timeline/$"))
    only_local(context, base_url)


def _tab_to(page, selector: str, limit: int = 200) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_without_a_paragraph_in_the_address_the_whole_document_is_cited(context) -> None:
    page = context.new_page()
    page.goto(SPEECH)
    assert not page.locator(".cite-scope").is_visible()
    assert page.inner_text("#cite-apa").strip().endswith(SPEECH)


def test_a_chinese_name_is_cited_family_name_first_and_copied_as_shown(context) -> None:
    page = context.new_page()
    page.goto("speakers/zhang-ming/")
    page.get_by_role("link", name=re.compile("Remarks by SCO Secretary-General Zhang Ming")).click()
    assert page.inner_text("#cite-chicago").startswith("Zhang Ming. “Remarks by")
    assert page.inner_text("#cite-apa").startswith("Zhang, M. (2023, June 30).")
    page.click("button[data-copy='cite-bibtex']")
    page.wait_for_function("document.querySelector('.cite-status').textContent.includes('BibTeX')")
    bibtex = clipboard(page)
    assert bibtex.startswith("@misc{zhang2023remarks,") and "author = {Zhang, Ming}," in bibtex
    page.click("button[data-copy='cite-plain']")
    page.wait_for_function(
        "document.querySelector('.cite-status').textContent.toLowerCase().includes('plain')"
    )
    plain = clipboard(page)
    assert plain.startswith("Zhang Ming, “Remarks by") and "accessed" not in plain
    assert plain.endswith("/.")


def test_a_speech_page_says_where_it_sits_and_leaves_out_the_empty_sidebar(context) -> None:
    page = context.new_page()
    page.goto(SPEECH)
    crumbs = page.get_by_role("navigation", name="Breadcrumb")
    assert crumbs.inner_text().split("\n")[:2] == ["Timeline", "2019"]
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.inner_text(".md-tabs__item--active").strip() == "Timeline"
    page.goto("speakers/vladimir-norov/")  # a browse page: its section's tab is lit
    assert page.inner_text(".md-tabs__item--active").strip() == "Speakers"
    page.goto(SPEECH)
    crumbs = page.get_by_role("navigation", name="Breadcrumb")
    crumbs.get_by_role("link", name="2019").click()
    page.wait_for_url(re.compile(r"/timeline/2019/$"))  # the year's own page
    assert page.locator("h1").inner_text().rstrip("¶") == "2019"
    assert page.inner_text(".md-tabs__item--active").strip() == "Timeline"


def test_a_reference_manager_finds_the_citation_in_the_page_and_in_its_downloads(context) -> None:
    page = context.new_page()
    page.goto(SPEECH)

    def meta(name: str) -> str:
        return page.locator(f"meta[name='{name}']").get_attribute("content")

    # The tags Zotero's and Google Scholar's readers take a citation from.
    assert meta("citation_title").startswith(MOSCOW)
    assert meta("citation_author") == "Norov, Vladimir"
    assert meta("citation_date") == "2019/04/24"
    assert meta("citation_public_url").endswith(SPEECH)
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Download the RIS citation")).click()
    ris = Path(download.value.path()).read_text(encoding="utf-8")
    assert download.value.suggested_filename.endswith(".ris")
    entry = rispy.loads(ris)[0]
    assert entry["title"].startswith(MOSCOW) and entry["authors"] == ["Norov, Vladimir"]
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Download the CSL-JSON citation")).click()
    item = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))[0]
    assert item["type"] == "speech" and item["URL"].endswith(SPEECH)


def test_the_about_page_links_every_download_and_says_how_to_reuse_and_correct(context) -> None:
    page = context.new_page()
    page.goto("about/")
    for name in ("speeches.json", "speeches.csv", "corpus.jsonl", "feed.xml"):
        link = page.get_by_role("link", name=name, exact=True)
        assert page.request.get(link.evaluate("a => a.href")).status == 200, name
    assert "README" not in page.inner_text("article")
    assert page.get_by_role("heading", name="Rights and reuse").is_visible()
    assert page.get_by_role("heading", name="Reporting an error").is_visible()


def test_a_reader_finds_what_was_said_at_one_venue(context, base_url: str) -> None:
    page = context.new_page()
    page.goto("")
    page.get_by_role("link", name="Venues", exact=True).first.click()
    page.wait_for_url(re.compile(r"/venues/$"))
    page.get_by_role("link", name=SAME_EVENT, exact=True).first.click()
    page.wait_for_url(re.compile(r"/venues/[^/]+/$"))
    assert page.locator("h1").inner_text().rstrip("¶") == SAME_EVENT
    entries = page.locator("article li").all_inner_texts()
    assert len(entries) == 2  # the report and the news item of 15 May 2019
    assert all(entry.startswith("15 May 2019") and SAME_EVENT in entry for entry in entries)
    only_local(context, base_url)


def test_the_whole_corpus_downloads_and_the_feed_subscribes_from_home(
    context, base_url: str
) -> None:
    page = context.new_page()
    page.goto("")
    documents = int(page.locator("ul.stats li strong").first.inner_text())
    corpus = page.request.get(page.get_by_role("link", name="corpus.jsonl").get_attribute("href"))
    assert corpus.status == 200
    records = [json.loads(line) for line in corpus.text().splitlines()]
    assert len(records) == documents
    assert all(record["text"].strip() for record in records)
    # A feed reader finds the feed from any page (autodiscovery) and from the visible link.
    discovered = page.locator("link[rel=alternate][type='application/atom+xml']")
    feed_url = urljoin(page.url, discovered.get_attribute("href"))
    visible = page.get_by_role("link", name="feed.xml").get_attribute("href")
    assert feed_url == urljoin(page.url, visible)
    feed = feedparser.parse(page.request.get(feed_url).body())
    assert feed.bozo == 0
    assert {entry.title for entry in feed.entries} == {record["title"] for record in records}
    only_local(context, base_url)


def test_a_reader_follows_one_speaker_through_the_feed_on_their_page(
    context, base_url: str
) -> None:
    page = context.new_page()
    page.goto("speakers/")
    page.get_by_role("link", name="Vladimir Norov").first.click()
    page.wait_for_url("**/speakers/vladimir-norov/")
    listed = page.locator("h2#documents ~ ul li").count()
    discovered = page.locator("link[rel=alternate][type='application/atom+xml']").last
    link = page.get_by_role("link", name="Atom feed")
    assert urljoin(page.url, link.get_attribute("href")) == urljoin(
        page.url, discovered.get_attribute("href")
    )
    feed = feedparser.parse(page.request.get(urljoin(page.url, link.get_attribute("href"))).body())
    assert feed.bozo == 0 and "Vladimir Norov" in feed.feed.title
    assert listed > 0 and len(feed.entries) == listed
    assert {e.author for e in feed.entries} == {"Vladimir Norov"}
    only_local(context, base_url)


def test_keyboard_only_permalink_and_copy(context, base_url: str) -> None:
    page = context.new_page()
    page.goto(SPEECH)
    _tab_to(page, "#p3 .para-link")
    opacity = page.evaluate("getComputedStyle(document.activeElement).opacity")
    assert float(opacity) == 1.0, "a focused ¶ link must be visible"
    page.keyboard.press("Enter")
    # Following the link changes the address after the key press returns: wait for it.
    page.wait_for_function("location.hash === '#p3'")
    assert page.url.endswith("#p3")
    assert in_viewport(page, "#p3")
    _tab_to(page, "button[data-copy='cite-apa']")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.cite-status').textContent.length > 0")
    assert clipboard(page) == page.inner_text("#cite-apa").strip()
    only_local(context, base_url)


@pytest.mark.parametrize("width", [1280, 390])
def test_the_archives_paragraph_numbers_stand_in_the_margin_apart_from_the_speechs(
    context, width: int
) -> None:
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(SPEECH)
    # Paragraph 7 of the archive is the speech's own "3.": both numbers show, one in the margin.
    assert page.inner_text("#p7 .para-link") == "7"
    text = page.inner_text("#p7")
    assert "¶" not in text and "3. The Shanghai Cooperation Organisation" in text
    number = page.locator("#p7 .para-link").bounding_box()
    words = page.evaluate(
        """() => { const p = document.querySelector('#p7'); const r = document.createRange();
                   r.setStart(p.childNodes[1], 1); r.setEnd(p.childNodes[1], 2);
                   return r.getBoundingClientRect().left; }"""
    )
    assert number["x"] + number["width"] <= words + 1, "the number sits inside the text"
    page.click("#p12 .para-link")
    page.mouse.wheel(0, -150)  # scrolling up brings back Material's back-to-top button
    page.wait_for_timeout(400)
    top = page.locator("#p12").bounding_box()["y"]
    button = page.locator(".md-top")
    if button.is_visible():
        box = button.bounding_box()
        assert top >= box["y"] + box["height"] or top + 20 < box["y"], "back-to-top covers ¶12"


def test_phone_width(context, base_url: str, screenshots: Path) -> None:
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(SPEECH)
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= 390, f"the page scrolls sideways on a phone ({overflow}px)"
    assert page.locator("#p7 .para-link").is_visible()
    page.click("#p7 .para-link")
    assert page.url.endswith("#p7") and in_viewport(page, "#p7")
    page.click("button[data-copy='cite-chicago']")
    page.wait_for_function("document.querySelector('.cite-status').textContent.length > 0")
    assert clipboard(page) == page.inner_text("#cite-chicago").strip()
    for name, path in PAGES.items():
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{name} scrolls sideways on a phone ({width}px)"
    only_local(context, base_url)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_accessibility_violations(context, name: str, scheme: str) -> None:
    page = context.new_page()
    page.emulate_media(color_scheme=scheme)
    page.goto(PAGES[name])
    results = Axe().run(page)
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots(context, base_url: str, screenshots: Path, width: int) -> None:
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    for name, path in PAGES.items():
        page.goto(path)
        page.screenshot(path=screenshots / f"{name}-{width}.png", full_page=True)
    page.goto(SPEECH + "#p7")
    page.screenshot(path=screenshots / f"speech-p7-{width}.png")
    page.emulate_media(media="print")
    page.goto(SPEECH)
    page.screenshot(path=screenshots / f"speech-print-{width}.png", full_page=True)
    assert not page.locator(".md-header").is_visible()
    assert page.locator(".cite").is_visible()
    # Printed, the citation stands above the text, and the paragraph numbers stay.
    cite_top = page.locator(".cite").bounding_box()["y"]
    text_top = page.locator(".speech-text").bounding_box()["y"]
    assert cite_top < text_top
    number = page.locator("#p7 .para-link")
    assert number.is_visible() and number.bounding_box()["x"] >= 0
    only_local(context, base_url)


@pytest.mark.parametrize("width", [1280, 390])
def test_a_reader_downloads_the_original_file_beside_the_text(context, width: int) -> None:
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(SPEECH)
    link = page.get_by_role("link", name=re.compile(r"^Original: plain text, \d+ KB$"))
    with page.expect_download() as download:
        link.click()
    received = (REPO / "speeches" / "002_e61eb7bfdfb8ae4c.txt").read_bytes()
    assert Path(download.value.path()).read_bytes() == received  # the file as it came, unchanged
