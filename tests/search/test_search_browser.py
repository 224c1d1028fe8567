"""Search in real Chromium: phrases, facets, date sort, no results, keyboard, Russian, sub-path."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from tests.search.search_corpus import DOCUMENTS, PHRASE_TITLES

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"


FACETS_COUNTED = "document.querySelector('[data-facets]').getAttribute('aria-busy') !== 'true'"


def settled(page) -> None:
    """Wait until the search page has said how many results it found and counted the facets
    (they may take a search more than the results, and are drawn after them)."""
    page.wait_for_function(
        "() => /result/i.test(document.querySelector('[data-status]').textContent)"
        f" && {FACETS_COUNTED}"
    )


def search(page, site_url: str, **params: str | list[str]) -> list[str]:
    """Open the search page with these URL parameters; the result titles, in order."""
    page.goto(f"{site_url}search/?{urlencode(params, doseq=True)}")
    settled(page)
    return titles(page)


def titles(page) -> list[str]:
    return page.locator(".sco-result__title a").all_inner_texts()


def test_phrase_query_returns_exactly_the_documents_with_the_phrase(page, site_url: str) -> None:
    found = search(page, site_url, q='"Spider Web"')
    assert set(found) == PHRASE_TITLES
    # Without quotes the document with both words apart is found too.
    assert "Address to the youth forum" in search(page, site_url, q="spider web")


def test_result_shows_date_speaker_kind_highlight_and_paragraph_link(page, site_url) -> None:
    search(page, site_url, q='"Spider Web"', speaker="Rashid Alimov")
    result = page.locator(".sco-result").first
    assert (
        result.locator(".sco-result__meta").inner_text()
        == "10 January 2017 · Rashid Alimov · statement"
    )
    assert [m.lower() for m in result.locator("mark").all_inner_texts()][:2] == ["spider", "web"]
    jump = result.locator(".sco-result__jump")
    assert jump.get_attribute("href").endswith("#p2")
    jump.click()
    page.wait_for_url("**/speeches/2017/**#p2")
    assert "Spider Web" in page.locator("#p2").inner_text()


def test_speaker_filter_leaves_only_that_speakers_documents(page, site_url: str) -> None:
    found = search(page, site_url, q="cooperation", speaker="Rashid Alimov")
    assert sorted(found) == [
        "Annual report of the Secretariat",
        "Statement on the fight against drugs",
    ]
    speakers = page.locator(".sco-result__meta").all_inner_texts()
    assert all("Rashid Alimov" in s for s in speakers)
    # The facet shows the chosen value checked, with its count.
    box = page.locator("input[name=speaker][value='Rashid Alimov']")
    assert box.is_checked()
    count = box.locator("xpath=..").locator(".sco-facet__count").inner_text()
    assert count == "2"


def test_filter_alone_without_words_lists_the_speakers_documents(page, site_url: str) -> None:
    found = search(page, site_url, speaker="Vladimir Norov")
    assert len(found) == 2


@pytest.mark.parametrize(("sort", "reverse"), [("date-desc", True), ("date-asc", False)])
def test_sort_by_date_orders_results(page, site_url: str, sort: str, reverse: bool) -> None:
    # The index is in shards of two pages (tests/search/conftest.py), and 2019 has two
    # documents: the order must hold across shards and within one. The undated document
    # follows the dated ones.
    search(page, site_url, q="cooperation", sort=sort)
    dates = [m.split(" · ")[0] for m in page.locator(".sco-result__meta").all_inner_texts()]
    assert dates[-1] == "Sohail Khan"  # no date: the line starts with the speaker
    parsed = [datetime.datetime.strptime(d, "%d %B %Y").date() for d in dates[:-1]]
    assert len(parsed) == 5
    assert parsed == sorted(parsed, reverse=reverse)
    assert page.locator("#sco-sort").input_value() == sort
    assert "6 results" in page.locator("[data-status]").inner_text()


def test_query_without_results_says_so(page, site_url: str) -> None:
    assert search(page, site_url, q="zeppelinxyz") == []
    assert "No results" in page.locator("[data-status]").inner_text()


def test_speakers_name_offers_every_document_of_that_speaker(page, site_url: str) -> None:
    search(page, site_url, q="Norov")
    hint = page.locator("[data-hint] a")
    assert hint.all_inner_texts() == ["speaker Vladimir Norov (2)"]
    hint.click()
    page.wait_for_function("() => document.querySelectorAll('.sco-result').length === 2")
    assert "speaker=Vladimir+Norov" in page.url


def test_place_name_offers_that_citys_documents(page, site_url: str) -> None:
    search(page, site_url, q="Dushanbe")
    assert page.locator("[data-hint] a").all_inner_texts() == ["city Dushanbe (1)"]


def test_citations_and_links_to_other_documents_are_not_indexed(page, site_url: str) -> None:
    # Every page has "Cite this" (BibTeX …) and its neighbours' titles in previous/next.
    assert search(page, site_url, q="BibTeX") == []
    assert search(page, site_url, q='"youth forum"') == ["Address to the youth forum"]


def test_russian_document_is_found_by_a_russian_word(page, site_url: str) -> None:
    assert search(page, site_url, q="сотрудничество") == ["Интервью Генерального секретаря ШОС"]


def test_keyboard_only_from_the_header_box_to_a_result(page, site_url: str) -> None:
    page.goto(site_url)  # the home page, not the search page
    # Tab to the header's search box, type, press Enter: the search page opens with results.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "sco-header-q":
            break
    else:
        pytest.fail("the header search box cannot be reached with Tab")
    page.keyboard.type("Spider Web")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sco-archive/search/?q=Spider+Web")
    settled(page)
    assert set(PHRASE_TITLES) <= set(titles(page))
    # Narrow by a facet with the keyboard: focus the checkbox, Space toggles it.
    page.locator("input[name=speaker][value='Zhang Ming']").focus()
    page.keyboard.press("Space")
    page.wait_for_function("() => location.search.includes('speaker=Zhang+Ming')")
    page.wait_for_function("() => document.querySelectorAll('.sco-result').length === 1")
    page.locator(".sco-result__title a").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/speeches/2021/**")


def test_query_and_filters_are_in_the_url(page, site_url: str) -> None:
    page.goto(f"{site_url}search/")
    page.fill("#sco-q", "cooperation")
    page.select_option("#sco-sort", "date-asc")
    page.check("input[name=kind][value=report]")
    page.wait_for_function("() => document.querySelectorAll('.sco-result').length === 1")
    assert "q=cooperation" in page.url and "kind=report" in page.url
    assert "sort=date-asc" in page.url


def test_only_speech_pages_are_indexed_in_shards_of_consecutive_years(search_site) -> None:
    bundles = search_site / "pagefind"
    shards = json.loads((bundles / "shards.json").read_text())["shards"]
    assert shards == ["2021-2020", "2019", "2018-2017", "undated"]  # two pages at most
    pages = {
        shard: sum(
            language["page_count"]
            for language in json.loads((bundles / shard / "pagefind-entry.json").read_text())[
                "languages"
            ].values()
        )
        for shard in shards
    }
    assert pages == {"2021-2020": 2, "2019": 2, "2018-2017": 2, "undated": 1}
    assert sum(pages.values()) == len(DOCUMENTS)


def test_no_absolute_paths_to_the_search_bundle(search_site: Path) -> None:
    html = (search_site / "search" / "index.html").read_text(encoding="utf-8")
    assert 'data-pagefind="../pagefind/"' in html
    assert '"/pagefind/' not in html


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshot_of_results_shows_them_on_the_first_screen(
    page, site_url: str, width: int
) -> None:
    # The screenshot (tests/screenshots/) is for a person to look at. What it must show is
    # asserted, at a desktop's width and at a phone's: every result found, the first one's
    # title whole on the first screen, and nothing wider than the screen.
    page.set_viewport_size({"width": width, "height": 900})
    found = search(page, site_url, q="cooperation")
    assert len(found) == 6
    assert "6 results" in page.locator("[data-status]").inner_text()
    expect(page.locator("[data-results]")).to_be_visible()
    expect(page.locator(".sco-result__title").first).to_be_in_viewport(ratio=1)
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    SCREENSHOTS.mkdir(exist_ok=True)
    shot = SCREENSHOTS / f"search-{width}.png"
    shot.unlink(missing_ok=True)  # a file left by an earlier run proves nothing
    page.screenshot(path=str(shot), full_page=True)
    png = shot.read_bytes()
    assert png.startswith(PNG_SIGNATURE)
    # The IHDR chunk: the image is as wide as the viewport, and at least as tall.
    assert int.from_bytes(png[16:20], "big") == width
    assert int.from_bytes(png[20:24], "big") >= 900


# --- facets that compare, chips, the status line, excerpts ------------------------------------
# "Belt and Road" is said in 2019 (remarks), 2020 (an interview) and 2021 (an address).


def facet_values(page, key: str) -> dict[str, tuple[str, bool]]:
    """The values a facet lists: value -> (its count, ticked)."""
    rows = page.locator(f".sco-facet__value:has(input[name={key}])")
    return {
        row.locator("input").get_attribute("value"): (
            row.locator(".sco-facet__count").inner_text(),
            row.locator("input").is_checked(),
        )
        for row in rows.all()
    }


def status(page) -> str:
    return page.locator("[data-status]").inner_text()


def chips(page) -> list[str]:
    return [
        chip.get_attribute("aria-label") for chip in page.locator("[data-chips] .sco-chip").all()
    ]


def wait_for_results(page, n: int) -> None:
    page.wait_for_function(
        f"() => document.querySelectorAll('.sco-result').length === {n} && {FACETS_COUNTED}"
    )


def years_of_results(page) -> set[str]:
    return {m.split(" · ")[0][-4:] for m in page.locator(".sco-result__meta").all_inner_texts()}


BELT_AND_ROAD = '"belt and road"'


def test_a_reader_ticks_two_years_then_a_kind_and_reloads(page, site_url: str) -> None:
    search(page, site_url, q=BELT_AND_ROAD)
    assert years_of_results(page) == {"2019", "2020", "2021"}
    page.check("input[name=year][value='2019']")
    wait_for_results(page, 1)
    # 2019 is ticked, and the other years are still there to add, counted as if it were not.
    assert facet_values(page, "year") == {
        "2019": ("1", True),
        "2020": ("1", False),
        "2021": ("1", False),
    }
    assert list(facet_values(page, "year")) == ["2021", "2020", "2019"]  # newest first
    page.check("input[name=year][value='2020']")
    wait_for_results(page, 2)
    assert years_of_results(page) == {"2019", "2020"}  # any of the years ticked
    assert facet_values(page, "year") == {
        "2019": ("1", True),
        "2020": ("1", True),
        "2021": ("1", False),
    }
    assert status(page) == "2 results for “belt and road” · Year: 2019 or 2020"

    # Another facet narrows: the years ticked and the kind ticked all apply.
    assert facet_values(page, "kind") == {"interview": ("1", False), "remarks": ("1", False)}
    page.check("input[name=kind][value=interview]")
    wait_for_results(page, 1)
    assert titles(page) == ["Интервью Генерального секретаря ШОС"]
    assert status(page) == "1 result for “belt and road” · Kind: interview · Year: 2019 or 2020"
    # The kinds are counted within the years ticked, the years within the kind ticked.
    assert facet_values(page, "kind") == {"interview": ("1", True), "remarks": ("1", False)}
    assert facet_values(page, "year") == {"2020": ("1", True), "2019": ("0", True)}
    assert "year=2019&year=2020" in page.url and "kind=interview" in page.url

    # The URL is the search: loading it again gives the same page.
    page.reload()
    settled(page)
    assert titles(page) == ["Интервью Генерального секретаря ШОС"]
    assert status(page) == "1 result for “belt and road” · Kind: interview · Year: 2019 or 2020"
    assert facet_values(page, "year") == {"2020": ("1", True), "2019": ("0", True)}
    assert chips(page) == [
        "Remove filter Kind: interview",
        "Remove filter Year: 2019",
        "Remove filter Year: 2020",
    ]


def test_chips_remove_one_filter_each_and_clear_all_removes_them_all(page, site_url) -> None:
    search(page, site_url, q=BELT_AND_ROAD, year=["2019", "2020"], kind="interview")
    chip_row = page.locator("[data-chips]")
    assert chip_row.get_attribute("role") == "group"
    assert [" ".join(c.split()) for c in chip_row.locator(".sco-chip").all_inner_texts()] == [
        "Kind: interview ×",
        "Year: 2019 ×",
        "Year: 2020 ×",
    ]
    # With the keyboard: Tab reaches the chips, Enter removes one, focus stays in the row.
    page.get_by_role("button", name="Remove filter Kind: interview").focus()
    page.keyboard.press("Enter")
    wait_for_results(page, 2)
    assert "kind=" not in page.url and "year=2019&year=2020" in page.url
    assert not page.locator("input[name=kind][value=interview]").is_checked()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == (
        "Remove filter Year: 2019"
    )
    assert status(page) == "2 results for “belt and road” · Year: 2019 or 2020"

    page.get_by_role("button", name="Remove filter Year: 2020").click()
    wait_for_results(page, 1)
    assert chips(page) == ["Remove filter Year: 2019"]
    assert facet_values(page, "year")["2020"] == ("1", False)

    page.get_by_role("button", name="Clear all filters").click()
    wait_for_results(page, 3)
    assert chips(page) == []
    assert page.locator("[data-chips]").is_hidden()
    assert status(page) == "3 results for “belt and road”"
    assert page.url.endswith("search/?q=%22belt+and+road%22")  # the query stays
    assert page.evaluate("document.activeElement.matches('[data-status]')")


def test_back_and_forward_step_through_the_filters_chosen(page, site_url: str) -> None:
    search(page, site_url, q=BELT_AND_ROAD)
    page.check("input[name=year][value='2019']")
    wait_for_results(page, 1)
    page.check("input[name=year][value='2020']")
    wait_for_results(page, 2)
    page.go_back()
    wait_for_results(page, 1)
    assert page.url.endswith("&year=2019")
    assert facet_values(page, "year")["2020"] == ("1", False)
    assert chips(page) == ["Remove filter Year: 2019"]
    page.go_back()
    wait_for_results(page, 3)
    assert chips(page) == []
    page.go_forward()
    wait_for_results(page, 1)
    assert facet_values(page, "year")["2019"] == ("1", True)


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ('"belt and road"', "3 results for “belt and road”"),
        ("“belt and road”", "3 results for “belt and road”"),  # a phone's quotes: a phrase too
        ("«belt and road»", "3 results for “belt and road”"),
        ('"spider web" cooperation', "results for “‘spider web’ cooperation”"),
        ("belt road", "results for “belt road”"),
    ],
)
def test_status_line_quotes_the_query_once(page, site_url: str, query: str, says: str) -> None:
    # A phrase typed in quotes is shown in one pair of quotes, not “"two"”; quotes inside a
    # query become single ones.
    search(page, site_url, q=query)
    assert status(page).endswith(says) and status(page)[0].isdigit()


def test_a_phrase_in_curly_quotes_is_searched_as_a_phrase(page, site_url: str) -> None:
    assert set(search(page, site_url, q="“Spider Web”")) == PHRASE_TITLES


@pytest.mark.parametrize(
    ("query", "starts", "ends"),
    [
        ("customs", "Annual report of the Secretariat. The Secretariat", "of procedure …"),
        ("caravanserai", "… ", " …"),
        ("railways", "… ", "roads whose studies were completed."),
        ('"work plan"', "Note on the Secretariat's work plan.", "with observer states."),
    ],
)
def test_excerpt_shows_an_ellipsis_where_it_is_cut(page, site_url, query, starts, ends) -> None:
    # The report of 2018 is longer than an excerpt (30 words): its first words, its middle,
    # its last words. The note of 2019 is shorter: its excerpt is the whole text, uncut.
    search(page, site_url, q=query)
    excerpt = page.locator(".sco-result__excerpt").first.inner_text()
    assert excerpt.startswith(starts) and excerpt.endswith(ends)
    assert excerpt.count("…") == starts.count("…") + ends.count("…")


def test_filter_values_are_shown_as_text_never_as_markup(page, site_url: str) -> None:
    evil = '<img src=x onerror="window.pwned=1">'
    search(page, site_url, q="cooperation", speaker=evil)
    assert chips(page) == [f"Remove filter Speaker: {evil}"]
    assert status(page).startswith(f"No results for “cooperation” · Speaker: {evil}")
    assert page.locator(f"input[name=speaker][value='{evil}']").is_checked()  # untickable
    assert page.locator("#sco-search img").count() == 0
    assert page.evaluate("window.pwned") is None


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_page_with_chips_has_no_accessibility_violations(
    page, site_url: str, scheme: str, width: int
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    search(page, site_url, q="cooperation", year=["2019", "2021"], kind="note")
    assert len(chips(page)) == 3
    violations = Axe().run(page).response["violations"]
    assert not violations, [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in violations
    ]


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshot_of_two_years_and_a_kind_chosen(page, site_url: str, width: int) -> None:
    # For a person to look at (tests/screenshots/search-facets-*.png); what it must show is
    # asserted: the chips and the first result on the first screen, nothing wider than it.
    page.set_viewport_size({"width": width, "height": 900})
    search(page, site_url, q="cooperation", year=["2019", "2021"], kind="note")
    assert titles(page) == ["Note on the Secretariat's work plan"]
    expect(page.locator("[data-chips]")).to_be_in_viewport(ratio=1)
    expect(page.locator(".sco-result__title").first).to_be_in_viewport(ratio=1)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    SCREENSHOTS.mkdir(exist_ok=True)
    shot = SCREENSHOTS / f"search-facets-{width}.png"
    shot.unlink(missing_ok=True)
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes().startswith(PNG_SIGNATURE)


# --- the trend: matching documents per year, above the results --------------------------------


def trend_bars(page) -> dict[str, tuple[str, bool]]:
    """The chart's bars: year -> (the bar's title, highlighted as ticked)."""
    return {
        group.get_attribute("data-year"): (
            group.locator("rect title").text_content(),
            "is-chosen" in group.locator("rect").get_attribute("class"),
        )
        for group in page.locator("[data-trend] svg g").all()
    }


def trend_table(page) -> list[tuple[str, str]]:
    rows = page.locator("[data-trend] table tbody tr")
    return [(r.locator("th").inner_text(), r.locator("td").inner_text()) for r in rows.all()]


def test_trend_counts_matches_per_year_and_stays_whole_when_a_year_is_ticked(
    page, site_url
) -> None:
    search(page, site_url, q=BELT_AND_ROAD)
    trend = page.locator("[data-trend]")
    expect(trend).to_be_visible()
    svg = trend.locator("svg")
    assert svg.get_attribute("role") == "img"
    assert svg.get_attribute("aria-label") == "Matching documents per year, 2019–2021: 3 in all"
    assert trend_bars(page) == {
        "2019": ("2019: 1 document", False),
        "2020": ("2020: 1 document", False),
        "2021": ("2021: 1 document", False),
    }
    caption = trend.locator("table caption").text_content()
    assert caption == "Matching documents per year"
    assert trend.locator("thead th").all_text_contents() == ["Year", "Documents"]
    assert trend_table(page) == [("2019", "1"), ("2020", "1"), ("2021", "1")]
    # Between the status line and the results.
    order = page.evaluate(
        "() => [...document.querySelectorAll('[data-status], [data-trend], [data-results]')]"
        ".map((e) => Object.keys(e.dataset)[0])"
    )
    assert order == ["status", "trend", "results"]

    # Ticking 2020 leaves one result, and the chart every year, 2020 highlighted.
    page.check("input[name=year][value='2020']")
    wait_for_results(page, 1)
    assert trend_bars(page) == {
        "2019": ("2019: 1 document", False),
        "2020": ("2020: 1 document (ticked)", True),
        "2021": ("2021: 1 document", False),
    }
    assert trend_table(page) == [("2019", "1"), ("2020", "1"), ("2021", "1")]


def test_trend_counts_a_year_without_matches_as_an_empty_slot(page, site_url) -> None:
    # "cooperation": 2017, 2018, 2019 (two documents), 2021 and the undated memo; 2020's
    # document is in Russian. Every year from the first to the last is a slot.
    search(page, site_url, q="cooperation")
    assert trend_table(page) == [
        ("2017", "1"),
        ("2018", "1"),
        ("2019", "2"),
        ("2020", "0"),
        ("2021", "1"),
    ]
    assert trend_bars(page)["2020"] == ("2020: 0 documents", False)
    label = page.locator("[data-trend] svg").get_attribute("aria-label")
    assert label == "Matching documents per year, 2017–2021: 5 in all"  # the memo has no year


def test_trend_with_filters_alone_counts_the_filters_documents(page, site_url) -> None:
    search(page, site_url, speaker="Vladimir Norov")
    assert trend_table(page) == [("2019", "1"), ("2020", "1")]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "caravanserai"},  # matches in one year only: a single bar says nothing
        {"q": "zeppelinxyz"},  # no results
        {"year": ["2019", "2020"]},  # years alone: the whole archive's chart (the home page's)
    ],
)
def test_no_trend_for_one_year_no_results_or_the_whole_archive(page, site_url, params) -> None:
    search(page, site_url, **params)
    expect(page.locator("[data-trend]")).to_be_hidden()
    assert page.locator("[data-trend] svg").count() == 0


def test_no_trend_once_the_query_is_cleared(page, site_url) -> None:
    search(page, site_url, q=BELT_AND_ROAD)
    expect(page.locator("[data-trend]")).to_be_visible()
    page.fill("#sco-q", "")
    page.press("#sco-q", "Enter")
    page.wait_for_function(
        "() => /^Type a word/.test(document.querySelector('[data-status]').textContent)"
    )
    expect(page.locator("[data-trend]")).to_be_hidden()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_trend_has_no_accessibility_violations_and_fits_the_screen(
    page, site_url: str, scheme: str, width: int
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    search(page, site_url, q="cooperation", year="2019")
    expect(page.locator("[data-trend] svg")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    box = page.locator("[data-trend] svg").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    violations = Axe().run(page).response["violations"]
    assert not violations, [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in violations
    ]


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshot_of_the_trend(page, site_url: str, width: int) -> None:
    # For a person to look at (tests/screenshots/search-trend-*.png): "cooperation" with 2019
    # ticked, so one bar of five is highlighted and one slot (2020) is empty.
    page.set_viewport_size({"width": width, "height": 900})
    search(page, site_url, q="cooperation", year="2019")
    expect(page.locator("[data-trend] svg")).to_be_in_viewport(ratio=1)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    SCREENSHOTS.mkdir(exist_ok=True)
    shot = SCREENSHOTS / f"search-trend-{width}.png"
    shot.unlink(missing_ok=True)
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes().startswith(PNG_SIGNATURE)
