"""Saved web pages: the article's text whole and alone, the page's own tags as evidence."""

from __future__ import annotations

import pytest

from sco_archive.read.extracted import FormatError
from sco_archive.read.html import MAX_BYTES, read_html
from sco_archive.read.structure import squash
from tests.reading.fidelity_of_formats import furniture_in, missing_paragraphs
from tests.reading.made import (
    COOKIE,
    RELATED,
    SEED_NAMES,
    agency_page,
    seed_article,
    web_page,
)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_word_of_the_article_is_read_in_order_and_no_word_of_the_furniture(name):
    article = seed_article(name)
    text = read_html(web_page(article)).text
    assert missing_paragraphs(article, text) == []
    assert furniture_in(text) == set()


@pytest.mark.parametrize("name", SEED_NAMES)
def test_furniture_inside_the_article_and_an_old_sites_encoding_are_no_trouble(name):
    article = seed_article(name)
    text = read_html(agency_page(article, encoding="windows-1252")).text
    assert missing_paragraphs(article, text) == []
    assert furniture_in(text) == set()


def test_a_page_in_windows_1251_is_read_by_its_declared_charset():
    russian = "Генеральный секретарь ШОС Владимир Норов принял участие в заседании."
    page = (
        '<html lang="ru"><head><meta charset="windows-1251"></head><body><article>'
        f"<h1>Норов в Бишкеке</h1><p>{russian * 6}</p></article></body></html>"
    ).encode("cp1251")
    assert read_html(page).blocks == ("Норов в Бишкеке", russian * 6)


def test_the_headline_comes_first_and_each_paragraph_is_a_block_of_its_own():
    article = seed_article(SEED_NAMES[2])
    blocks = read_html(web_page(article)).blocks
    # trafilatura writes a no-break space as a space: the words and their order are kept.
    assert [squash(b) for b in blocks] == [squash(b) for b in (article.title, *article.paragraphs)]


def test_the_cookie_banner_and_related_stories_are_left_out():
    text = read_html(web_page(seed_article(SEED_NAMES[0]))).text
    assert COOKIE not in text and RELATED[1] not in text


def test_the_pages_tags_are_evidence_with_where_each_was_found():
    page = web_page(
        seed_article(SEED_NAMES[0]),
        lang="en-GB",
        meta={"article:published_time": "2020-06-25T08:00:00+03:00", "og:title": "Statement"},
    )
    evidence = {(e.key, e.value, e.origin) for e in read_html(page).evidence}
    assert ("language", "en-GB", "html-meta: <html lang>") in evidence
    assert ("published", "2020-06-25T08:00:00+03:00", "html-meta: article:published_time") in (
        evidence
    )
    assert ("title", "Statement", "html-meta: og:title") in evidence


def test_json_ld_gives_the_date_and_byline_of_a_news_page():
    article = seed_article(SEED_NAMES[4])
    script = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
        '[{"@type": "NewsArticle", "datePublished": "2019-05-16", '
        '"author": {"@type": "Person", "name": "Aigul Saparova"}}]}</script>'
    )
    page = web_page(article).replace(b"</head>", script.encode() + b"</head>")
    evidence = {(e.key, e.value, e.origin) for e in read_html(page).evidence}
    assert ("published", "2019-05-16", "html-meta: JSON-LD datePublished") in evidence
    assert ("byline", "Aigul Saparova", "html-meta: JSON-LD author") in evidence


def test_text_that_looks_like_markup_stays_text():
    article = seed_article(SEED_NAMES[0])
    page = web_page(article).replace(b"Dear Mr.", b"Dear &lt;b&gt;Mr.")
    assert read_html(page).blocks[1].startswith("Dear <b>Mr.")


def test_a_page_with_no_article_is_refused_with_advice():
    page = (
        b"<html><body><nav><a href='/'>Homepage</a> <a href='/n'>Newsroom</a></nav></body></html>"
    )
    with pytest.raises(FormatError, match="no article text found"):
        read_html(page)


def test_a_page_of_twenty_megabytes_is_refused_before_it_is_parsed():
    article = seed_article(SEED_NAMES[0])
    picture = b'<img src="data:image/png;base64,' + b"A" * (20 * 2**20) + b'">'
    page = web_page(article).replace(b"</article>", picture + b"</article>")
    assert len(page) > MAX_BYTES
    with pytest.raises(FormatError, match=r"20\.0 MB.*'Web page, HTML only'"):
        read_html(page)
