"""Citations, related documents, charts, browse pages and exports, from documents in memory."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import feedparser
import pytest
import rispy

from sco_archive.model import Document, Field, Origin, Paragraph, PartialDate
from sco_archive.write.browse import browse_pages, offices, topic_label
from sco_archive.write.chart import months_chart, years_chart
from sco_archive.write.cite import ARCHIVE_NAME as ARCHIVE
from sco_archive.write.cite import citations, join
from sco_archive.write.downloads import EXPORT_KEYS, exports
from sco_archive.write.plan import reading_context
from sco_archive.write.related import RELATED, TermNumbers, _counts, _nearest, related
from sco_archive.write.speech_pages import SpeechPage, plan_pages
from tests.infer.helpers import knowledge

URL = "https://example.org/a/"


def doc(title: str, text: str = "Some words here.", source: str = "", **meta) -> Document:
    fields = {
        key: Field(PartialDate.parse_iso(v) if key == "date" else v, Origin.CURATED, "test")
        for key, v in meta.items()
    }
    paragraphs = [Paragraph(p, i) for i, p in enumerate(text.split("\n\n"), start=1)]
    return Document(source or f"{title}.txt", title, paragraphs, fields)


def cite(document: Document) -> dict[str, str]:
    names = knowledge().name_orders  # the shipped knowledge file: who writes their name how
    return {style: join(split, URL) for style, split in citations(document, ARCHIVE, names).items()}


NOROV = {"speaker": "Vladimir Norov", "venue": "OSCE Conference", "city": "Vienna"}


@pytest.mark.parametrize(
    ("document", "style", "expected"),
    [
        (
            doc("Statement at the OSCE", date="2020-06-24", kind="statement", **NOROV),
            "plain",
            "Vladimir Norov, “Statement at the OSCE”, OSCE Conference, Vienna, 24 June 2020. "
            "SCO Speech Archive. https://example.org/a/.",
        ),
        (
            doc("Statement at the OSCE", date="2020-06-24", kind="statement", **NOROV),
            "chicago",
            "Norov, Vladimir. “Statement at the OSCE.” Statement, OSCE Conference, Vienna, "
            "June 24, 2020. SCO Speech Archive. https://example.org/a/.",
        ),
        (
            doc("Statement at the OSCE", date="2020-06-24", kind="statement", **NOROV),
            "apa",
            "Norov, V. (2020, June 24). Statement at the OSCE [Statement]. OSCE Conference, "
            "Vienna. SCO Speech Archive. https://example.org/a/",
        ),
        (
            doc("Report of the meeting", date="2019-05", venue="Bishkek meeting"),
            "chicago",
            "“Report of the meeting.” Bishkek meeting, May 2019. SCO Speech Archive. "
            "https://example.org/a/.",
        ),
        (
            doc("Report of the meeting", date="2019-05", venue="Bishkek meeting"),
            "apa",
            "Report of the meeting. (2019, May). Bishkek meeting. SCO Speech Archive. "
            "https://example.org/a/",
        ),
        (
            doc("Undated remarks", speaker="Rashid Alimov"),
            "plain",
            "Rashid Alimov, “Undated remarks”, date not stated. SCO Speech Archive. "
            "https://example.org/a/.",
        ),
        (doc("Undated remarks", speaker="Rashid Alimov"), "chicago", None),
        (doc("Undated remarks", speaker="Rashid Alimov"), "apa", None),
    ],
)
def test_citation_styles(document: Document, style: str, expected: str | None) -> None:
    text = cite(document)[style]
    if expected is None:  # undated: Chicago and APA say n.d.
        assert "n.d." in text and URL in text
    else:
        assert text == expected


@pytest.mark.parametrize(
    ("document", "must_have", "must_not_have"),
    [
        (
            doc("Statement at the OSCE", date="2020-06-24", **NOROV),
            [
                "@misc{norov2020statement,",
                "author = {Norov, Vladimir}",
                "month = jun,",
                "date = {2020-06-24}",
                "title = {{Statement at the OSCE}}",
                f"url = {{{URL}}}",
            ],
            [],
        ),
        (
            doc("Report {on} 100% of $ & _", date="2019-05"),
            [r"title = {{Report \{on\} 100\% of \$ \& \_}}", "@misc{sco2019report,", "month = may"],
            ["author", "date = {2019-05-"],
        ),
        (
            doc("Undated", speaker="A B"),
            ["@misc{abndundated,", "author = {{A B}}"],
            ["year", "month"],
        ),
    ],
)
def test_bibtex_entry(document: Document, must_have: list[str], must_not_have: list[str]) -> None:
    text = cite(document)["bibtex"]
    assert text.endswith("},\n}")
    for piece in must_have:
        assert piece in text
    for piece in must_not_have:
        assert piece not in text
    assert text.count("{") == text.count("}") + text.count(r"\}") - text.count(r"\{")


ZHANG = {"speaker": "Zhang Ming", "date": "2023-06-30"}


@pytest.mark.parametrize(
    ("speaker", "chicago", "apa", "author", "key"),
    [
        # The knowledge file says a Chinese name is written family name first.
        ("Zhang Ming", "Zhang Ming.", "Zhang, M.", "author = {Zhang, Ming}", "@misc{zhang2023"),
        ("Xi Jinping", "Xi Jinping.", "Xi, J.", "author = {Xi, Jinping}", "@misc{xi2023"),
        # …and a Russian or Uzbek one given name first.
        ("Vladimir Norov", "Norov, Vladimir.", "Norov, V.", "author = {Norov, Vladimir}",
         "@misc{norov2023"),
        # A name it does not know is cited as written, never turned round on a guess.
        ("Chen Wei", "Chen Wei.", "Chen Wei.", "author = {{Chen Wei}}", "@misc{chenwei2023"),
    ],
)  # fmt: skip
def test_a_name_is_cited_the_way_round_it_is_written(speaker, chicago, apa, author, key):
    text = cite(doc("Remarks", date="2023-06-30", speaker=speaker))
    assert text["chicago"].startswith(f"{chicago} “Remarks.”")
    assert text["apa"].startswith(f"{apa} (2023, June 30).")
    assert author in text["bibtex"] and text["bibtex"].startswith(key)


def test_the_ris_record_reads_in_a_ris_parser_as_a_reference_manager_reads_it():
    record = rispy.loads(cite(doc("Remarks at the Council", date="2023-06-30", kind="remarks",
                                  venue="Council of Heads of State", city="Astana",
                                  language="en", **{"speaker": "Zhang Ming"}))["ris"])  # fmt: skip
    assert len(record) == 1
    entry = record[0]
    assert entry["type_of_reference"] == "GEN" and entry["title"] == "Remarks at the Council"
    assert entry["authors"] == ["Zhang, Ming"] and entry["date"] == "2023/06/30/"
    assert entry["urls"] == [URL] and entry["place_published"] == "Astana"
    assert entry["type_of_work"] == "remarks" and entry["language"] == "en"


def test_the_csl_json_item_renders_in_a_csl_processor():
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    text = cite(doc("Statement at the OSCE", date="2020-06-24", kind="statement", **NOROV))
    items = json.loads(text["csl-json"])
    assert items[0]["author"] == [{"family": "Norov", "given": "Vladimir"}]
    assert items[0]["issued"] == {"date-parts": [[2020, 6, 24]]} and items[0]["URL"] == URL
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    bibliography.register(Citation([CitationItem(items[0]["id"])]))
    rendered = str(bibliography.bibliography()[0])
    assert "Norov, V." in rendered and "Statement at the OSCE" in rendered and "2020" in rendered


def test_an_unknown_name_is_a_literal_author_in_csl_json():
    items = json.loads(cite(doc("Remarks", date="2023-06-30", speaker="Chen Wei"))["csl-json"])
    assert items[0]["author"] == [{"literal": "Chen Wei"}]


def test_the_plain_citation_does_not_ask_for_an_accessed_date_it_cannot_fill():
    assert "accessed" not in cite(doc("Remarks", date="2023-06-30", speaker="Zhang Ming"))["plain"]


CORPUS_TEXTS = {
    "drugs": "narcotics trafficking heroin opiates precursors seizures narcotics laboratories",
    "drugs2": "heroin opiates narcotics seizures border precursors narcotics trafficking routes",
    "covid": "pandemic vaccine coronavirus hospitals pandemic quarantine vaccines masks",
    "covid2": "coronavirus pandemic vaccines quarantine hospitals masks testing pandemic",
    "trade": "tariffs exports imports railway corridor investment tariffs logistics",
}


def similar(texts: list[str], k: int = RELATED) -> list[list[tuple[int, float]]]:
    """For each text, up to `k` others as (index, cosine), most similar first: what `related`
    ranks by after the same event and the same day."""
    return _nearest(_counts(texts)[0], k)


def test_similar_texts_are_nearest() -> None:
    names = list(CORPUS_TEXTS)
    nearest = similar(list(CORPUS_TEXTS.values()), k=2)
    assert names[nearest[0][0][0]] == "drugs2"
    assert names[nearest[2][0][0]] == "covid2"
    assert all(score > 0 for row in nearest for _, score in row)


def test_similar_ignores_case_punctuation_and_quotes() -> None:
    texts = [
        "“Pandemic” VACCINES—quarantine, Straße (ПАНДЕМИЯ).",
        "pandemic vaccines quarantine strasse пандемия",
        "railway tariffs corridor",
    ]
    assert similar(texts)[0] == [(1, 1.0)]


def test_similar_breaks_ties_by_index_and_repeats_itself() -> None:
    trade, covid = CORPUS_TEXTS["trade"], CORPUS_TEXTS["covid"]
    texts = [trade, covid, trade, "tariffs railway corridor pandemic vaccine", trade]
    nearest = similar(texts, k=3)
    assert [j for j, _ in nearest[4]] == [0, 2, 3]  # two equal copies of it, the lower first
    assert [j for j, _ in nearest[3]] == [1, 0, 2]  # 0, 2 and 4 tie: the lowest two are kept
    assert nearest[3][1][1] == nearest[3][2][1]
    assert similar(texts, k=3) == nearest
    assert all(type(j) is int and type(score) is float for row in nearest for j, score in row)


def test_related_counts_only_new_documents_and_relates_them_as_a_fresh_count_would() -> None:
    # `serve` keeps its TermNumbers, and its unchanged documents, from one rebuild to the next.
    names = list(CORPUS_TEXTS)
    before = [doc(n, CORPUS_TEXTS[n], date=f"2019-05-1{i}") for i, n in enumerate(names)]
    numbers = TermNumbers()
    assert related(before, 2, numbers) == related(before, 2)
    kept_counts = before[1].derived[numbers]
    edited = doc("covid", "pandemic narcotics zeppelin airship balloon", date="2019-05-12")
    new = doc("new", "zeppelin airship balloon zeppelin", date="2021-01-01")
    after = [before[4], before[1], edited, before[3], new]  # one edited, one gone, one new
    assert related(after, 2, numbers) == related(after, 2, TermNumbers())
    assert before[1].derived[numbers] is kept_counts  # not counted again
    # Terms first counted in this rebuild (zeppelin…) relate its documents to each other.
    assert related(after, 2, numbers)[4][0] == (2, "similar text")


def test_same_event_comes_before_similar_text() -> None:
    documents = [
        doc("Drugs A", CORPUS_TEXTS["drugs"], date="2019-05-15", venue="Council meeting"),
        doc("Drugs B", CORPUS_TEXTS["drugs2"], date="2018-01-01", venue="Elsewhere"),
        doc("Trade at council", CORPUS_TEXTS["trade"], date="2019-05-16", venue="Council meeting"),
        doc("Same day", CORPUS_TEXTS["covid"], date="2019-05-15", venue="Another venue"),
        doc("Covid", CORPUS_TEXTS["covid2"], date="2020-01-01"),
    ]
    first = related(documents, k=3)[0]
    assert first == [(2, "same event"), (3, "same day"), (1, "similar text")]


def test_related_never_lists_the_document_itself_and_scales_linearly() -> None:
    documents = [
        doc(f"D{i}", f"word{i % 50} common text number{i}", date="2019") for i in range(400)
    ]
    for i, row in enumerate(related(documents)):
        assert i not in [j for j, _ in row]
        assert len(row) <= 5


def test_year_chart_counts_and_valid_xml() -> None:
    svg = years_chart({2019: 4, 2021: 1}, "{year}/")
    root = ET.fromstring(svg)
    ns = {"s": "http://www.w3.org/2000/svg"}
    titles = [t.text for t in root.findall(".//s:rect/s:title", ns)]
    assert titles == ["2019: 4 documents", "2020: 0 documents", "2021: 1 document"]
    assert root.get("role") == "group" and "5 in all" in root.get("aria-label")
    assert [a.get("href") for a in root.findall(".//s:a", ns)] == ["2019/", "2021/"]
    assert "\n" not in svg  # one line: Markdown passes it through as raw HTML


def test_counts_over_many_narrow_bars_are_set_smaller_so_that_they_never_touch() -> None:
    few = ET.fromstring(years_chart({2019: 511, 2020: 409}))
    assert few.get("style") is None  # the stylesheet's size
    many = years_chart({year: 511 for year in range(2001, 2027)})  # 26 bars of three digits
    assert ET.fromstring(many).get("style") == "--count-size: 12px"
    # Too many to read: no counts over the bars; each bar's title still gives its count.
    crowded = ET.fromstring(years_chart({year: 511 for year in range(1950, 2027)}))
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert crowded.findall(".//s:text[@class='count']", ns) == []
    assert crowded.find(".//s:rect/s:title", ns).text == "1950: 511 documents"


def test_month_chart_has_twelve_bars() -> None:
    root = ET.fromstring(months_chart(2020, {6: 2, 1: 1}))
    rects = root.findall(".//{http://www.w3.org/2000/svg}rect")
    assert len(rects) == 12 and root.get("role") == "img"
    assert rects[5][0].text == "Jun: 2 documents"


def test_empty_chart_is_nothing() -> None:
    assert years_chart({}) == ""


def _pages(*documents: Document) -> list[SpeechPage]:
    return plan_pages(list(documents))[0]


SAMPLE = (
    doc(
        "Older",
        "alpha beta",
        date="2019-04-24",
        speaker="Vladimir Norov",
        kind="remarks",
        speaker_role="SCO Secretary-General",
        topics=("drugs",),
        venue="Moscow conference",
    ),
    doc(
        "Newer",
        "gamma delta\n\nsecond paragraph",
        date="2020-06",
        speaker="Vladimir Norov",
        kind="statement",
        topics=("drugs", "covid-19"),
        city="Beijing",
    ),
    doc("Undated one", "epsilon", source="u.txt"),
)


def test_speaker_page_lists_documents_by_date_with_role_and_office() -> None:
    knowledge = type(
        "K",
        (),
        {
            "offices": [
                {
                    "role": "SCO Secretary-General",
                    "holders": [{"name": "Vladimir Norov", "start": 2019, "end": 2021}],
                }
            ]
        },
    )()
    browse = browse_pages(_pages(*reversed(SAMPLE)), knowledge)
    files, links = browse.files, browse.links
    page = files["speakers/vladimir-norov.md"]
    assert page.index("[Older]") < page.index("[Newer]")
    assert "**Role:** SCO Secretary-General" in page
    assert "**In office:** SCO Secretary-General, 2019–2021" in page
    assert "(../speeches/2019/2019-04-24-older.md)" in page
    assert {"speakers/index.md", "venues/index.md", "kinds/index.md", "topics/index.md"} <= set(
        files
    )
    assert "venues/cities/beijing.md" in files
    newer = links["speeches/2020/2020-06-newer.md"]
    assert newer["speaker"] == "speakers/vladimir-norov/"
    assert [t["url"] for t in newer["topics"]] == ["topics/drugs/", "topics/covid-19/"]


def test_browse_degrades_without_knowledge() -> None:
    assert offices(None, "Vladimir Norov") == []
    assert offices(object(), "Vladimir Norov") == []
    assert topic_label("covid-19") == "Covid 19"
    assert (
        topic_label(
            "drugs", type("K", (), {"topics": [{"slug": "drugs", "label": "Drug trafficking"}]})()
        )
        == "Drug trafficking"
    )


def test_previous_next_and_related_in_context() -> None:
    pages = _pages(*SAMPLE)
    links = browse_pages(pages).links
    context = reading_context(pages, links, "Archive")
    older, newer, undated = (context[p.src_uri] for p in pages)
    assert older["previous"] is None and older["next"]["title"] == "Newer"
    assert newer["previous"]["url"] == "speeches/2019/2019-04-24-older/"
    assert undated["previous"] is None and undated["next"] is None
    assert list(older["cite"]) == ["plain", "chicago", "apa", "bibtex", "ris", "csl-json"]


def test_exports_schema_csv_jsonl_and_feed() -> None:
    pages = _pages(*SAMPLE)
    out = exports(pages, "https://example.org/archive/", "Archive")
    data = json.loads(out["speeches.json"])
    assert data["schema_version"] == 1 and data["count"] == 3
    assert [list(d) for d in data["documents"]] == [list(EXPORT_KEYS)] * 3
    assert data["documents"][1]["url"] == "https://example.org/archive/speeches/2020/2020-06-newer/"
    rows = list(csv.reader(io.StringIO(out["speeches.csv"])))
    assert rows[0] == list(EXPORT_KEYS)
    assert rows[2][EXPORT_KEYS.index("topics")] == "drugs;covid-19"
    lines = [json.loads(line) for line in out["corpus.jsonl"].splitlines()]
    assert lines[1]["text"] == "gamma delta\n\nsecond paragraph"
    assert {k: v for k, v in lines[1].items() if k != "text"} == data["documents"][1]
    feed = feedparser.parse(out["feed.xml"])
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert [e.title for e in feed.entries] == ["Newer", "Older"]  # newest first, dated only
    assert feed.feed.updated == "2020-06-01T00:00:00Z"


def test_exports_are_deterministic() -> None:
    assert exports(_pages(*SAMPLE), "", "A") == exports(_pages(*reversed(SAMPLE)), "", "A")


HOSTILE = "<script>alert(1)</script> & \x0b“co”"


def test_hostile_title_is_escaped_in_every_export() -> None:
    pages = _pages(doc(HOSTILE, "<b>text</b>", date="2020-01-02", speaker="<i>x</i>"))
    out = exports(pages, "", "Archive")
    feed = feedparser.parse(out["feed.xml"])
    assert feed.bozo == 0
    assert feed.entries[0].title == HOSTILE.replace("\x0b", "")
    assert "<script>" not in out["feed.xml"]
    assert json.loads(out["speeches.json"])["documents"][0]["title"] == HOSTILE
    assert next(csv.DictReader(io.StringIO(out["speeches.csv"])))["title"] == HOSTILE
