"""A damaged web page, PDF or Word file is refused with a message or read with a warning;
it never stops the loader with an exception of its library's."""

from __future__ import annotations

import random

import pytest

from sco_archive.loader import load_corpus
from sco_archive.read.docx import read_docx
from sco_archive.read.extracted import FormatError
from sco_archive.read.html import read_html
from sco_archive.read.pdf import read_pdf
from tests.reading.made import SEED_NAMES, pdf_file, seed_article, web_page, word_file

ARTICLE = seed_article(SEED_NAMES[4])
MADE = {
    "pdf": (pdf_file, read_pdf),
    "docx": (word_file, read_docx),
    "html": (web_page, read_html),
}


def _damaged(data: bytes, seed: int) -> bytes:
    rng = random.Random(seed)
    if seed % 2:  # cut short, as a download that broke off
        return data[: rng.randrange(len(data))]
    flipped = bytearray(data)  # bytes changed, as a bad disk or a mail gateway does
    for _ in range(rng.randrange(1, 30)):
        flipped[rng.randrange(len(flipped))] = rng.randrange(256)
    return bytes(flipped)


@pytest.mark.parametrize("format_name", sorted(MADE))
def test_a_damaged_file_is_refused_with_a_message_or_read_never_raises_otherwise(format_name):
    write, read = MADE[format_name]
    made = write(ARTICLE)
    outcomes = set()
    for seed in range(60):
        try:
            read(_damaged(made, seed))
            outcomes.add("read")
        except FormatError as error:
            assert str(error)
            outcomes.add("refused")
    assert "refused" in outcomes  # the damage was real


def test_a_pdf_read_despite_damage_is_loaded_with_a_warning_to_compare_it(tmp_path):
    made = pdf_file(ARTICLE)
    # A seed whose damage pdfminer works round (found by trying: bytes flipped in a stream).
    for seed in range(0, 400, 2):
        damaged = _damaged(made, seed)
        try:
            if read_pdf(damaged).problems:
                break
        except FormatError:
            continue
    else:
        pytest.fail("no damage pdfminer works round among the seeds tried")
    (tmp_path / "damaged.pdf").write_bytes(damaged)
    (document,) = load_corpus(tmp_path).documents
    (warning,) = [d for d in document.diagnostics if d.code == "damaged"]
    assert warning.message.startswith("pdf: the file is damaged and was read as far as it")
