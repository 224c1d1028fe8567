"""The timeline, as the write stage plans it from documents in memory: an overview with the
years chart and counts, one page per year grouped by month, and a page for undated documents.
"""

from __future__ import annotations

from sco_archive.model import Document, Field, Origin, Paragraph, PartialDate
from sco_archive.write.home_timeline import entry
from sco_archive.write.speech_pages import SpeechPage, plan_pages


def doc(title: str, source: str = "", **meta: object) -> Document:
    fields = {
        key: Field(PartialDate.parse_iso(v) if key == "date" else v, Origin.CURATED, "test")
        for key, v in meta.items()
    }
    return Document(source or f"{title}.txt", title, [Paragraph("Words.", 1)], fields)


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
