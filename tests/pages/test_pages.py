"""Speech pages: stable paths, front matter that loads back, and text that stays text."""

from __future__ import annotations

import posixpath
import re
from html import unescape

import frontmatter
import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sco_archive.model import Document, Field, Origin, Paragraph, PartialDate
from sco_archive.write.markdown import relative_uri
from sco_archive.write.speech_pages import SpeechPage, plan_pages, render_body, render_page


def document(
    title: str = "Remarks at the Council",
    date: PartialDate | None = None,
    source: str = "a.txt",
    paragraphs: tuple[str, ...] = ("Text.",),
) -> Document:
    fields = {"title": Field(title, Origin.TITLE, "first-line")}
    if date:
        fields["date"] = Field(date, Origin.TEXT, "lead-date")
    return Document(source, title, [Paragraph(t, i + 3) for i, t in enumerate(paragraphs)], fields)


def test_a_page_path_comes_from_year_date_and_title():
    (page,), _ = plan_pages([document(date=PartialDate(2020, 6, 24))])
    assert page.src_uri == "speeches/2020/2020-06-24-remarks-at-the-council.md"
    assert page.url == "speeches/2020/2020-06-24-remarks-at-the-council/"


def test_an_undated_document_goes_to_the_undated_folder():
    (page,), _ = plan_pages([document()])
    assert page.src_uri == "speeches/undated/remarks-at-the-council.md"


def test_two_documents_that_want_one_url_both_get_stable_distinct_urls_and_a_warning():
    first, second = document(source="a.txt"), document(source="b.txt")
    pages, diagnostics = plan_pages([second, first])
    assert [p.src_uri.rsplit("/", 1)[1] for p in pages] == [
        "remarks-at-the-council.md",
        "remarks-at-the-council-2.md",
    ]
    assert [p.document.source for p in pages] == ["a.txt", "b.txt"]
    (warning,) = diagnostics
    assert warning.file == "b.txt" and warning.code == "url-clash"


@pytest.mark.parametrize("title", ["../../etc/passwd", "/absolute", "index", "CON", "?!*"])
def test_a_slug_never_leaves_the_speeches_folder_or_takes_a_reserved_name(title):
    (page,), _ = plan_pages([document(title=title, source="doc 1.txt")])
    folder, name = page.src_uri.rsplit("/", 1)
    assert folder == "speeches/undated"
    assert ".." not in name and name.removesuffix(".md") not in {"index", "con", ""}


def test_front_matter_loads_back_with_a_fixed_key_order():
    doc = document(date=PartialDate(2019, 5))
    meta = frontmatter.loads(render_page(SpeechPage(doc, "speeches/2019/x.md"))).metadata
    assert list(meta)[:3] == ["title", "date", "date_precision"]
    assert meta["date"] == "2019-05" and meta["date_precision"] == "month"
    assert meta["title"] == "Remarks at the Council"


MARKUP = [
    "<script>alert(1)</script>",
    "# not a heading",
    "* not a list",
    "1) not a list either",
    "| a | table |",
    "[a link](https://example.org) and ![an image](x.png)",
    "`code` and <!-- a comment --> and {: .attr}",
    "{{ jinja }} {% tag %} &amp; ==mark== ~~del~~ :smile:",
]


@pytest.mark.parametrize("text", MARKUP)
def test_markup_in_a_paragraph_renders_as_the_characters_written(text):
    doc = document(paragraphs=(text,))
    html = markdown.markdown(render_body(doc), extensions=["toc", "attr_list"])
    assert html.count("<p") == 1 and "<script" not in html and "<h1" not in html
    assert "<a " not in html and "<img" not in html and "<li" not in html
    assert unescape(re.sub(r"<[^>]+>", "", html)).strip() == text


_FOLDERS = st.lists(st.sampled_from(["speeches", "2020", "speakers", "a", "x-y"]), max_size=3)
_MD_FILE = st.tuples(_FOLDERS, st.sampled_from(["index.md", "a.md", "2020.md"]))


@given(target=_MD_FILE, source=_MD_FILE)
def test_a_link_between_generated_pages_is_the_relative_path_between_their_files(target, source):
    target_uri, source_uri = ("/".join([*folders, name]) for folders, name in (target, source))
    expected = posixpath.relpath(target_uri, posixpath.dirname(source_uri) or ".")
    assert relative_uri(target_uri, source_uri) == expected
