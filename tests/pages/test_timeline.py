"""The timeline, as the write stage plans it from documents in memory: an overview with the
years chart and counts, one page per year grouped by month, and a page for undated documents.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import frontmatter

from sco_archive.model import Document, Field, Origin, Paragraph, PartialDate
from sco_archive.write.home_timeline import TIMELINE, UNDATED, entry, home_page, timeline_pages
from sco_archive.write.speech_pages import SpeechPage, plan_pages


def doc(title: str, source: str = "", **meta: object) -> Document:
    fields = {
        key: Field(PartialDate.parse_iso(v) if key == "date" else v, Origin.CURATED, "test")
        for key, v in meta.items()
    }
    return Document(source or f"{title}.txt", title, [Paragraph("Words.", 1)], fields)


SVG = {"s": "http://www.w3.org/2000/svg"}


def pages(*documents: Document) -> list[SpeechPage]:
    return plan_pages(list(documents))[0]


# --- One line of a list -------------------------------------------------------------------


def test_a_line_names_date_title_speaker_venue_and_city_and_kind():
    norov = {"speaker": "Vladimir Norov", "venue": "OSCE Conference", "city": "Vienna"}
    (page,) = pages(doc("At the OSCE", date="2020-06-24", kind="statement", **norov))
    assert entry(page, "timeline/2020.md") == (
        "- **24 June 2020** · [At the OSCE](../speeches/2020/2020-06-24-at-the-osce.md) · "
        "Vladimir Norov · OSCE Conference, Vienna · statement"
    )


def test_a_line_names_the_city_alone_where_no_venue_is_known():
    (page,) = pages(doc("Remarks", date="2023-06-30", city="Beijing", kind="remarks"))
    line = entry(page, "timeline/2023.md")
    assert line.endswith("(../speeches/2023/2023-06-30-remarks.md) · Beijing · remarks")


def test_a_line_does_not_call_the_kind_of_document_its_venue():
    briefing = {"venue": "press conference", "city": "Astana", "kind": "press conference"}
    (page,) = pages(doc("Briefing", date="2023-07-04", **briefing))
    assert entry(page, "timeline/2023.md").endswith(" · Astana · press conference")


def test_a_line_says_less_when_less_is_known():
    (page,) = pages(doc("Undated one"))
    assert entry(page, "timeline/undated.md") == (
        "- **date not stated** · [Undated one](../speeches/undated/undated-one.md)"
    )


# --- The pages: an overview, a page per year, a page for the undated -----------------------

CORPUS = (
    doc("Spring", date="2019-04-24", speaker="Vladimir Norov", city="Moscow"),
    doc("Sometime", date="2019", city="Tashkent"),  # known to the year alone
    doc("Summer", date="2019-06-14", city="Bishkek"),
    doc("Also spring", date="2019-04-25", city="Moscow"),
    doc("Later on", date="2021-09-17", city="Dushanbe"),
    doc("Newest", date="2023-07-04", city="Astana"),
    doc("Lost date", source="lost.txt"),
)


def timeline(*documents: Document) -> dict[str, str]:
    return timeline_pages(pages(*(documents or CORPUS)))


def titles(markdown: str) -> list[str]:
    """The documents a page lists, in order."""
    return re.findall(r"^- (?:\*\*[^*]+\*\* · )?\[([^\]]+)\]\([./]*speeches/", markdown, re.M)


def test_the_timeline_is_an_overview_a_page_per_year_with_documents_and_one_for_the_undated():
    assert list(timeline()) == [
        TIMELINE,
        "timeline/2019.md",
        "timeline/2021.md",
        "timeline/2023.md",
        UNDATED,
    ]  # no page for 2020 or 2022, which have no documents


def test_every_document_is_on_exactly_one_page_of_the_timeline():
    listed = [t for text in timeline().values() for t in titles(text)]
    assert sorted(listed) == sorted(d.title for d in CORPUS)


def test_the_overview_lists_no_documents_but_every_year_newest_first_with_its_count():
    overview = timeline()[TIMELINE]
    assert titles(overview) == []
    assert "7 documents, 2019–2023 (1 undated): a page for each year." in overview
    years = re.findall(r"^- \[(\w+)\]\(([\w.]+)\) · (.+)$", overview, re.MULTILINE)
    assert years == [
        ("2023", "2023.md", "1 document"),
        ("2021", "2021.md", "1 document"),
        ("2019", "2019.md", "4 documents"),
        ("Undated", "undated.md", "1 document"),
    ]


def test_the_overview_says_where_to_begin_to_read_oldest_first():
    assert "To read the archive from its start, begin with [2019](2019.md)" in timeline()[TIMELINE]


def test_the_overview_chart_counts_every_year_and_links_each_with_documents_to_its_page():
    chart = ET.fromstring(re.search(r"<svg.*</svg>", timeline()[TIMELINE])[0])
    counts = [t.text for t in chart.findall(".//s:rect/s:title", SVG)]
    assert counts == [
        "2019: 4 documents",
        "2020: 0 documents",
        "2021: 1 document",
        "2022: 0 documents",
        "2023: 1 document",
    ]
    assert [a.get("href") for a in chart.findall(".//s:a", SVG)] == ["2019/", "2021/", "2023/"]


def test_a_year_lists_its_documents_oldest_first_by_month_and_the_month_unknown_last():
    year = timeline()["timeline/2019.md"]
    assert titles(year) == ["Spring", "Also spring", "Summer", "Sometime"]
    headings = re.findall(r"^## (.+)$", year, re.MULTILINE)
    assert headings == [
        "April 2019 {: #april }",
        "June 2019 {: #june }",
        "Month not stated {: #month-not-stated }",
    ]
    assert "\n4 documents, oldest first · [all years](index.md) · later: " in year


def test_each_line_of_a_year_names_the_city():
    year = timeline()["timeline/2019.md"]
    lines = [line for line in year.splitlines() if line.startswith("- ")]
    assert [line.rsplit(" · ", 1)[1] for line in lines] == [
        "Moscow",
        "Moscow",
        "Bishkek",
        "Tashkent",
    ]


def test_a_years_month_chart_links_each_month_with_documents_to_its_heading():
    chart = ET.fromstring(re.search(r"<svg.*</svg>", timeline()["timeline/2019.md"])[0])
    assert len(chart.findall(".//s:rect", SVG)) == 12
    assert [a.get("href") for a in chart.findall(".//s:a", SVG)] == ["#april", "#june"]


def _neighbours(markdown: str) -> tuple[str, list[tuple[str, str, str]]]:
    """(the links of the summary line, the (rel, href, year) links of the nav below the list)."""
    summary = markdown.split("\n# ", 1)[1].split("\n\n")[1]
    (nav,) = re.findall(r"<nav .*?</nav>", markdown) or [""]
    below = re.findall(r'rel="(\w+)" href="([^"]+)">.*?class="t">(\d+)<', nav)
    return summary.split(" · ", 1)[1], below


def test_a_year_links_the_years_before_and_after_it_that_have_documents_above_and_below():
    pages = timeline()
    assert _neighbours(pages["timeline/2021.md"]) == (
        "[all years](index.md) · earlier: [2019](2019.md) · later: [2023](2023.md)",
        [("prev", "../2019/", "2019"), ("next", "../2023/", "2023")],
    )
    assert _neighbours(pages["timeline/2019.md"]) == (
        "[all years](index.md) · later: [2021](2021.md)",
        [("next", "../2021/", "2021")],
    )
    assert _neighbours(pages["timeline/2023.md"]) == (
        "[all years](index.md) · earlier: [2021](2021.md)",
        [("prev", "../2021/", "2021")],
    )
    assert pages["timeline/2021.md"].rstrip().endswith("</nav>")  # below the list


def test_a_single_year_has_no_neighbours_to_link():
    (only,) = [text for uri, text in timeline(CORPUS[0]).items() if uri != TIMELINE]
    assert "<nav" not in only


def test_undated_documents_have_a_page_of_their_own():
    undated = timeline()[UNDATED]
    assert titles(undated) == ["Lost date"]
    assert "1 document whose date is not known · [all years](index.md)" in undated


def test_the_undated_page_lists_its_documents_by_title_and_does_not_repeat_date_not_stated():
    undated = timeline(doc("Zeta", "a.txt"), doc("alpha", "b.txt"), doc("Beta", "c.txt"))[UNDATED]
    assert titles(undated) == ["alpha", "Beta", "Zeta"]
    assert "date not stated" not in undated


def test_without_undated_documents_there_is_no_undated_page_or_link():
    pages = timeline(*CORPUS[:-1])
    assert UNDATED not in pages and "undated" not in pages[TIMELINE].lower()


def test_an_empty_archive_has_an_overview_that_says_so():
    assert timeline_pages([]) == {
        TIMELINE: "---\ntitle: Timeline\n---\n\n# Timeline\n\nNo documents yet.\n"
    }


def test_the_timeline_is_the_same_whatever_order_the_documents_come_in():
    assert timeline(*CORPUS) == timeline(*reversed(CORPUS))


def test_a_year_page_is_titled_with_its_year_as_text():
    meta = frontmatter.loads(timeline()["timeline/2019.md"]).metadata
    assert meta == {"title": "2019"}


def test_the_home_chart_links_each_year_to_its_timeline_page():
    home = home_page(pages(*CORPUS), "Archive")
    chart = ET.fromstring(re.search(r"<svg.*</svg>", home)[0])
    hrefs = [a.get("href") for a in chart.findall(".//s:a", SVG)]
    assert hrefs == ["timeline/2019/", "timeline/2021/", "timeline/2023/"]
