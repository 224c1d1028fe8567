"""Word files: paragraphs and headings as they stand, without the review's comments and
deletions."""

from __future__ import annotations

import pytest

from sco_archive.read.docx import read_docx
from sco_archive.read.extracted import FormatError
from tests.reading.fidelity_of_formats import missing_paragraphs
from tests.reading.made import FOOTNOTE, SEED_NAMES, seed_article, with_footnote, word_file


@pytest.mark.parametrize("name", SEED_NAMES)
def test_the_title_heading_and_every_paragraph_are_read_exactly(name):
    article = seed_article(name)
    blocks = read_docx(word_file(article)).blocks
    assert blocks == (article.title, *article.paragraphs)  # no-break spaces too


def test_a_reviewers_comment_and_tracked_deletion_are_left_out_and_an_insertion_kept():
    article = seed_article(SEED_NAMES[0])
    made = word_file(
        article,
        comment="Reviewer query about protocol",
        deleted="withdrawn sentence",
        inserted="accepted addition",
    )
    text = read_docx(made).text
    assert "protocol" not in text and "withdrawn" not in text
    assert "Dear Mr. Greminger, accepted addition" in text
    assert missing_paragraphs(article, text) == []


def test_a_footnote_is_kept_and_read_after_the_text_as_in_a_pdf():
    article = seed_article(SEED_NAMES[0])
    blocks = read_docx(with_footnote(word_file(article), FOOTNOTE)).blocks
    assert blocks == (article.title, *article.paragraphs, FOOTNOTE)


def test_the_documents_properties_are_evidence():
    evidence = {
        (e.key, e.origin) for e in read_docx(word_file(seed_article(SEED_NAMES[1]))).evidence
    }
    assert evidence >= {
        ("title", "docx: core property title"),
        ("byline", "docx: core property author"),
    }


def test_a_truncated_word_file_is_refused_with_advice():
    made = word_file(seed_article(SEED_NAMES[1]))
    with pytest.raises(FormatError, match=r"not a complete Word file.*save it again"):
        read_docx(made[: len(made) // 2])
