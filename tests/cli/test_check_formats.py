"""`check` names where each value of a web page, PDF or Word file came from, the file's own
metadata included."""

from __future__ import annotations

import io
import os

from click.testing import CliRunner
from docx import Document

from sco_archive.cli import main
from tests.reading.made import SEED_NAMES, pdf_file, seed_article, web_page


def _check(make_project, files: dict[str, bytes]) -> str:
    project = make_project(files)
    cwd = os.getcwd()
    os.chdir(project.root)
    try:
        return CliRunner().invoke(main, ["check"], catch_exceptions=False).output
    finally:
        os.chdir(cwd)


def test_check_shows_a_web_pages_tags_as_the_origin_of_their_values(make_project):
    page = web_page(
        seed_article(SEED_NAMES[2]),
        meta={
            "article:published_time": "2019-04-25T09:00:00+03:00",
            "og:url": "https://eng.sectsco.org/news/20190425/1.html",
        },
    )
    output = _check(make_project, {"remarks.html": page})
    assert "published     2019-04-25  [page: html-meta: article:published_time" in output
    assert (
        "source_url    https://eng.sectsco.org/news/20190425/1.html  [page: html-meta: og:url"
        in (output)
    )


def test_check_shows_a_date_read_from_a_pdfs_running_header(make_project):
    made = pdf_file(seed_article(SEED_NAMES[0]), header="SCO Secretariat Bulletin · 25 June 2020")
    output = _check(make_project, {"statement.pdf": made})
    assert "published     2020-06-25  [page: pdf: page 1 header" in output
    # a guess, and said to be one: judged, never measured
    assert "published '2020-06-25' is a guess (pdf: page 1 header)" in output


def test_check_shows_a_word_files_title_property_where_the_text_has_no_title_line(make_project):
    article = seed_article(SEED_NAMES[4])
    document = Document()  # its first paragraph is prose, not a title
    document.core_properties.title = article.title
    long_opening = " ".join(article.paragraphs[:3]) * 2
    document.add_paragraph(long_opening)
    out = io.BytesIO()
    document.save(out)
    output = _check(make_project, {"news.docx": out.getvalue()})
    assert f"title         {article.title}  [page: docx: core property title" in output
