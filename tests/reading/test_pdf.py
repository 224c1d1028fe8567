"""PDF files: the text layer in reading order, without the layout's running furniture."""

from __future__ import annotations

import io

import pytest

from sco_archive.read.extracted import FormatError
from sco_archive.read.pdf import NO_TEXT_LAYER, read_pdf
from sco_archive.read.structure import squash
from tests.reading.fidelity_of_formats import missing_paragraphs, words
from tests.reading.made import FOOTNOTE, PDF_HEADER, SEED_NAMES, pdf_file, seed_article


@pytest.mark.parametrize("columns", [1, 2])
@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_word_is_read_in_order_without_running_headers_or_page_numbers(name, columns):
    article = seed_article(name)
    text = read_pdf(pdf_file(article, columns=columns, footnote=FOOTNOTE)).text
    assert missing_paragraphs(article, text) == []
    assert "Bulletin" not in text  # the running header, on every page
    assert "– 2 –" not in text and "– 1 –" not in text  # the page numbers


@pytest.mark.parametrize("columns", [1, 2])
def test_paragraphs_are_rebuilt_across_lines_columns_and_pages(columns):
    article = seed_article(SEED_NAMES[1])  # 58 paragraphs over several pages
    blocks = read_pdf(pdf_file(article, columns=columns)).blocks
    assert [squash(b) for b in blocks] == [squash(b) for b in (article.title, *article.paragraphs)]


def test_a_word_hyphenated_at_a_line_end_is_one_word_again():
    article = seed_article(SEED_NAMES[0])
    made = pdf_file(article, columns=2)
    assert b"-" in made  # (the writer hyphenates: "activit-" / "ies")
    text = read_pdf(made).text
    assert "multi-profile activities" in text and "activit- ies" not in text
    assert set(words(text)) <= set(words(" ".join((article.title, *article.paragraphs))))


def test_a_footnote_is_kept_and_read_after_the_text_it_interrupts():
    article = seed_article(SEED_NAMES[0])
    blocks = read_pdf(pdf_file(article, footnote=FOOTNOTE)).blocks
    assert blocks[-1] == FOOTNOTE


def test_a_number_atop_a_column_that_goes_on_a_sentence_is_text_not_a_page_number():
    article = seed_article(SEED_NAMES[3])  # "… Minsk Agreements of 12 February" / "2015."
    text = read_pdf(pdf_file(article, columns=2)).text
    assert "12 February 2015" in text


def test_the_running_header_and_properties_are_evidence():
    evidence = {
        (e.key, e.value, e.origin) for e in read_pdf(pdf_file(seed_article(SEED_NAMES[0]))).evidence
    }
    assert ("header", PDF_HEADER, "pdf: page 1 header") in evidence
    assert ("byline", "Press and Information Office", "pdf: /Author") in evidence


def _scan() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    canvas.rect(50, 50, 400, 600, fill=1)  # a picture of a page, no text
    canvas.save()
    return out.getvalue()


def test_a_scan_without_a_text_layer_is_refused_with_the_ocr_advice():
    with pytest.raises(FormatError, match="no text layer; run OCR first"):
        read_pdf(_scan())
    assert "ocrmypdf" in NO_TEXT_LAYER


def test_an_encrypted_pdf_is_refused_with_advice():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_file(seed_article(SEED_NAMES[4])))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(FormatError, match="encrypted with a password"):
        read_pdf(out.getvalue())


def test_a_truncated_pdf_is_refused_as_damaged():
    made = pdf_file(seed_article(SEED_NAMES[4]))
    with pytest.raises(FormatError, match=r"damaged|no text layer"):
        read_pdf(made[: len(made) // 3])
