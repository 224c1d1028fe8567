"""Which library reads each raw format best, measured on the seeds made into realistic files.

    python3 bench/format_readers.py

For every seed (speeches/*.txt) it makes a saved web page (navigation, cookie banner, related
stories, footer around the article) and PDFs (one and two columns, a running header, page
numbers, hyphenated line ends, a footnote) with tests/reading/made.py, and scores each
candidate library's raw output:

- *paragraphs in order*: the article's paragraphs whose words are found, each as one run, in
  order (a soft hyphen at a line end joined first);
- *furniture words*: words of the page furniture that reached the text (HTML only: a PDF's
  header and page numbers are removed by our own pass over any library's output, read/pdf.py).
- *breaks*: files whose output marks every paragraph's end (as many blank-line-separated
  blocks as paragraphs, at least): without them paragraphs cannot be rebuilt.

Our readers (read/html.py, read/pdf.py: the chosen library plus our pass) are scored alike.
"""

from __future__ import annotations

import io
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sco_archive.read.html import read_html
from sco_archive.read.pdf import read_pdf
from tests.reading.made import (
    FOOTNOTE,
    FURNITURE_WORDS,
    SEED_NAMES,
    agency_page,
    pdf_file,
    seed_article,
    web_page,
)

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def in_order(paragraphs: tuple[str, ...], text: str) -> int:
    found, position = 0, 0
    haystack = words(re.sub(r"(\w)-\n(\w)", r"\1\2", text))
    joined = " ".join(haystack)
    for paragraph in paragraphs:
        needle = " ".join(words(paragraph))
        at = joined.find(needle, position)
        if needle and at >= 0:
            found += 1
            position = at + len(needle)
    return found


def html_candidates() -> dict:
    import justext
    import trafilatura
    from readability import Document

    def readability(page: bytes) -> str:
        summary = Document(page).summary(html_partial=True)
        return re.sub(r"<[^>]+>", "\n", summary)

    def jus(page: bytes) -> str:
        found = justext.justext(page, justext.get_stoplist("English"))
        return "\n".join(p.text for p in found if not p.is_boilerplate)

    def traf(page: bytes) -> str:
        return trafilatura.extract(page, include_comments=False, deduplicate=False) or ""

    return {
        "trafilatura": traf,
        "readability-lxml": readability,
        "jusText": jus,
        "read/html.py": lambda page: read_html(page).text,
    }


def pdf_candidates() -> dict:
    import pypdf
    from pdfminer.high_level import extract_text

    def plain(data: bytes) -> str:
        return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)

    def layout(data: bytes) -> str:
        reader = pypdf.PdfReader(io.BytesIO(data))
        return "\n".join(p.extract_text(extraction_mode="layout") for p in reader.pages)

    return {
        "pypdf": plain,
        "pypdf (layout)": layout,
        "pdfminer.six": lambda data: extract_text(io.BytesIO(data)),
        "read/pdf.py": lambda data: read_pdf(data).text,
    }


def score(name: str, read, files: list[tuple[tuple[str, ...], bytes]], html: bool) -> str:
    total = sum(len(p) for p, _ in files)
    found = leaked = breaks = 0
    started = time.perf_counter()
    for paragraphs, data in files:
        text = read(data)
        found += in_order(paragraphs, text)
        leaked += len(set(words(text)) & FURNITURE_WORDS) if html else 0
        blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
        breaks += len(blocks) >= len(paragraphs)
    seconds = time.perf_counter() - started
    furniture = f"furniture words {leaked:3d} · " if html else ""
    return (
        f"  {name:18s} paragraphs in order {found:3d}/{total} · {furniture}"
        f"breaks marked {breaks}/{len(files)} · {seconds:.2f} s"
    )


def main() -> None:
    articles = [seed_article(name) for name in SEED_NAMES]
    pages = [((a.title, *a.paragraphs), web_page(a)) for a in articles]
    pages += [((a.title, *a.paragraphs), agency_page(a, encoding="windows-1252")) for a in articles]
    print(f"HTML: {len(pages)} saved pages (a site's and a news agency's layout)")
    for name, read in html_candidates().items():
        print(score(name, read, pages, html=True))
    for columns in (1, 2):
        pdfs = [
            ((a.title, *a.paragraphs), pdf_file(a, columns=columns, footnote=FOOTNOTE))
            for a in articles
        ]
        print(f"PDF, {columns} column(s): {len(pdfs)} files")
        for name, read in pdf_candidates().items():
            print(score(name, read, pdfs, html=False))


if __name__ == "__main__":
    main()
