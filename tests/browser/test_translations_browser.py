"""A reader finds a speech's translations and reads two of them side by side (Chromium)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from sco_archive.publish.verify import serve_site
from tests.browse.translated import (
    CHINESE_TITLE,
    ENGLISH_PAGE,
    RUSSIAN_PARAGRAPHS,
    RUSSIAN_TITLE,
    build_translated,
)

pytestmark = pytest.mark.browser

PHONE, DESKTOP = 390, 1280
SHOTS = Path("/tmp/shots17")  # for a person to look at before a change is called done


@pytest.fixture(scope="module")
def translated_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = build_translated(tmp_path_factory.mktemp("translated-browser") / "archive")
    with serve_site(site, "/sco-archive/") as url:
        yield url


@pytest.fixture
def page(browser, translated_url: str, screenshots: Path):
    context = browser.new_context(
        viewport={"width": DESKTOP, "height": 900}, base_url=translated_url, reduced_motion="reduce"
    )
    made = context.new_page()
    foreign: list[str] = []
    made.on(
        "request",
        lambda r: None if r.url.startswith((translated_url, "data:")) else foreign.append(r.url),
    )
    yield made
    context.close()
    assert not foreign, f"requests to other hosts: {foreign}"


def open_side_by_side_with_russian(page, width: int) -> None:
    """As a reader would: the English speech, its "Also in" line, then "Read side by side"."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(ENGLISH_PAGE)
    also = page.locator(".speech-meta dt", has_text="Also in")
    assert also.is_visible()
    line = page.locator(".speech-meta ul.translations")
    assert line.get_by_role("link", name="Русский").get_attribute("lang") == "ru"
    assert line.get_by_role("link", name="中文").get_attribute("hreflang") == "zh"
    russian = line.locator("li", has_text="Русский")
    # The Russian text is a guess, and says so; the Chinese one a curator confirmed.
    assert "probably the same text in Russian — inferred from date and speaker" in (
        russian.inner_text()
    )
    assert "probably" not in line.locator("li", has_text="中文").inner_text()
    russian.get_by_role("link", name="Read side by side with the Russian text").click()
    page.wait_for_url(re.compile(r"/parallel/[^/]+--[^/]+/$"))


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_a_reader_reads_the_english_and_russian_texts_side_by_side_and_follows_a_paragraph(
    page, width: int
) -> None:
    open_side_by_side_with_russian(page, width)
    assert page.locator("h1").inner_text().startswith("Side by side: English and Russian")
    heads = page.locator(".parallel-head .parallel-cell")
    assert [heads.nth(i).get_attribute("lang") for i in range(2)] == ["en", "ru"]
    assert page.get_by_role("heading", level=2, name=RUSSIAN_TITLE).is_visible()
    # Row 3: paragraph 3 of each text, in its own language, with its own number.
    row = page.locator(".parallel-row#p3 .parallel-cell")
    assert [row.nth(i).get_attribute("lang") for i in range(2)] == ["en", "ru"]
    assert [row.nth(i).locator(".para-link").inner_text() for i in range(2)] == ["3", "3"]
    assert "2. Today the world is facing increased instability" in row.nth(0).inner_text()
    assert "2. Сегодня мир сталкивается с ростом нестабильности" in row.nth(1).inner_text()
    left, right = (row.nth(i).bounding_box() for i in range(2))
    if width == DESKTOP:  # two columns: side by side, the same top
        assert right["x"] >= left["x"] + left["width"] and abs(right["y"] - left["y"]) < 2
    else:  # a phone: stacked, each paragraph above its translation, the page never sideways
        assert abs(right["x"] - left["x"]) < 2 and right["y"] >= left["y"] + left["height"] - 1
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    # Past the Russian text's last paragraph, the English stands alone, as the page says.
    assert f"paragraphs {RUSSIAN_PARAGRAPHS + 1}–" in page.inner_text(".parallel-page")
    alone = page.locator(f".parallel-row#p{RUSSIAN_PARAGRAPHS + 1} .parallel-cell .para-link")
    assert alone.count() == 1
    # The Russian paragraph's number leads to that paragraph on the Russian document's page.
    row.nth(1).locator(".para-link").click()
    page.wait_for_url(re.compile(r"/speeches/2019/[^/]+/#p3$"))
    assert page.locator("h1").inner_text() == RUSSIAN_TITLE
    box = page.locator("#p3").bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"]
    # And the Russian page leads back, to English and to Chinese.
    also = page.locator(".speech-meta ul.translations")
    assert also.get_by_role("link", name="English", exact=True).is_visible()
    assert also.get_by_role("link", name="中文", exact=True).is_visible()


def test_each_column_heading_leads_to_its_whole_document(page) -> None:
    open_side_by_side_with_russian(page, DESKTOP)
    page.get_by_role("heading", level=2, name=RUSSIAN_TITLE).get_by_role("link").click()
    page.wait_for_url(re.compile(r"/speeches/2019/[^/]+/$"))
    assert page.locator("h1").inner_text() == RUSSIAN_TITLE


def test_the_chinese_page_offers_both_other_texts_side_by_side(page) -> None:
    page.goto(ENGLISH_PAGE)
    page.locator(".speech-meta ul.translations").get_by_role("link", name="中文").click()
    page.wait_for_url(re.compile(r"/speeches/2019/[^/]+/$"))
    assert page.locator("h1").inner_text() == CHINESE_TITLE
    assert page.locator(".speech").get_attribute("lang") == "zh"
    also = page.locator(".speech-meta ul.translations li").all_inner_texts()
    assert also[0].startswith("English ·")  # confirmed by the Chinese text's sidecar
    assert also[1].startswith("Русский (probably the same text in Russian")  # a guess
    labels = page.locator(".speech-meta .side-by-side").evaluate_all(
        "links => links.map(a => a.getAttribute('aria-label'))"
    )
    assert labels == [
        "Read side by side with the English text",
        "Read side by side with the Russian text",
    ]


def test_printed_the_two_columns_stay_side_by_side_without_the_sites_navigation(page) -> None:
    open_side_by_side_with_russian(page, DESKTOP)
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    row = page.locator(".parallel-row#p2 .parallel-cell")
    left, right = (row.nth(i).bounding_box() for i in range(2))
    assert right["x"] > left["x"] + left["width"] - 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("which", ["parallel", "speech"])
def test_no_serious_accessibility_violations(page, which: str, width: int, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    open_side_by_side_with_russian(page, width)
    if which == "speech":
        page.go_back()
        page.wait_for_url(re.compile(re.escape(ENGLISH_PAGE) + "$"))
    results = Axe().run(page)
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_screenshots(page, width: int, screenshots: Path) -> None:
    # For a person to look at (tests/screenshots/, copied to /tmp/shots17/).
    SHOTS.mkdir(exist_ok=True)
    open_side_by_side_with_russian(page, width)
    shots = {"parallel": page.url}
    page.screenshot(path=screenshots / f"parallel-{width}.png", full_page=True)
    page.go_back()
    page.screenshot(path=screenshots / f"speech-translations-{width}.png", full_page=True)
    page.goto(shots["parallel"] + "#p3")
    page.screenshot(path=screenshots / f"parallel-p3-{width}.png")
    page.emulate_media(media="print")
    page.goto(shots["parallel"])
    page.screenshot(path=screenshots / f"parallel-print-{width}.png", full_page=True)
    for name in ("parallel", "speech-translations", "parallel-p3", "parallel-print"):
        shot = screenshots / f"{name}-{width}.png"
        assert shot.stat().st_size > 10_000
        shutil.copy(shot, SHOTS / shot.name)
