"""Realistic files of each format, made with the formats' own writers around real SCO text.

The seeds (`speeches/`, from /work/shared/seeds/) are the article; what a site, a PDF layout or
a Word file adds around it is furniture, whose words must never reach a page.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "speeches"
SEED_NAMES = tuple(sorted(p.name for p in SEEDS.glob("*.txt")))


@dataclass(frozen=True)
class Article:
    title: str
    paragraphs: tuple[str, ...]


def seed_article(name: str) -> Article:
    """A seed's title and paragraphs as the archive reads its .txt: what every other format of
    it must come to."""
    from sco_archive.read.structure import split_structure

    shape = split_structure((SEEDS / name).read_text(encoding="utf-8"))
    return Article(shape.title, tuple(p.text for p in shape.paragraphs))


# Page furniture as real sites have it: whole sentences, not only links.
NAV = ("Homepage", "Newsroom", "Multimedia", "Contacts", "Sitemap", "Subscribe")
COOKIE = (
    "This website uses cookies to remember your preferences and to measure visits; by "
    "clicking Accept you consent to our cookie policy, which you may withdraw at any time."
)
RELATED = (
    "Related stories",
    "Youth festival opens in Tashkent with musicians and painters from eight countries, who "
    "will perform in the city's parks and galleries throughout the weekend.",
    "Customs officers of the member states compared scanning equipment at a workshop in "
    "Almaty on Tuesday, the organisers said in a press release.",
)
FOOTER = "Copyright 2024 Newsroom webmaster. Privacy notice. Subscribe to the newsletter."


def _seed_words() -> frozenset[str]:
    return frozenset(
        w for p in SEEDS.glob("*.txt") for w in re.findall(r"\w+", p.read_text().lower())
    )


# The furniture's words that no seed holds: one of them on a page is furniture that leaked.
FURNITURE_WORDS = (
    frozenset(re.findall(r"\w+", " ".join((*NAV, COOKIE, *RELATED, FOOTER)).lower()))
    - _seed_words()
)


def web_page(article: Article, *, lang: str = "en", meta: dict[str, str] | None = None) -> bytes:
    """A page as a news agency's or the Secretariat's site serves it: head tags, a cookie
    banner, navigation, the article, related stories and a footer."""
    tags = "".join(
        f'<meta property="{html.escape(k)}" content="{html.escape(v)}">'
        for k, v in (meta or {}).items()
    )
    nav = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in NAV)
    related = "".join(
        f'<li><a href="/r{i}">{html.escape(r)}</a></li>' for i, r in enumerate(RELATED[1:])
    )
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in article.paragraphs)
    page = f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{html.escape(article.title)} - Newsroom</title>{tags}
<link rel="stylesheet" href="/style.css"><script>window.dataLayer = [];</script></head>
<body>
<div class="cookie-banner" id="cookie-consent"><p>{COOKIE}</p><button>OK</button></div>
<header class="site-header"><nav class="menu"><ul>{nav}</ul></nav></header>
<main><article class="post">
<h1 class="entry-title">{html.escape(article.title)}</h1>
<div class="entry-content">
{body}</div></article>
<aside class="related-posts"><h3>{RELATED[0]}</h3><ul>{related}</ul></aside></main>
<footer class="site-footer"><p>{FOOTER}</p></footer>
</body></html>"""
    return page.encode("utf-8")


def word_file(
    article: Article, *, comment: str = "", deleted: str = "", inserted: str = ""
) -> bytes:
    """A statement as sent from Word (python-docx): a Title, a heading, Normal paragraphs, and
    optionally a reviewer's comment, a tracked deletion and a tracked insertion."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = Document()
    document.core_properties.title = article.title
    document.core_properties.author = "Protocol office"
    document.add_heading(article.title, level=0)
    for number, paragraph in enumerate(article.paragraphs):
        added = document.add_paragraph(paragraph)
        if number == 0 and comment:
            document.add_comment(added.runs, text=comment, author="Reviewer", initials="R")
        if number == 0 and (deleted or inserted):
            for tag, words in (("w:del", deleted), ("w:ins", inserted)):
                if not words:
                    continue
                change = OxmlElement(tag)
                change.set(qn("w:id"), "9" if tag == "w:del" else "10")
                change.set(qn("w:author"), "Reviewer")
                run = OxmlElement("w:r")
                text = OxmlElement("w:delText" if tag == "w:del" else "w:t")
                text.set(qn("xml:space"), "preserve")
                text.text = f" {words}"
                run.append(text)
                change.append(run)
                added._p.append(change)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


PDF_HEADER = "Secretariat Bulletin · Statements and Remarks"
FOOTNOTE = "¹ Footnote: the Charter was signed at Saint Petersburg on 7 June 2002."


def pdf_file(
    article: Article,
    *,
    columns: int = 1,
    header: str = PDF_HEADER,
    hyphenate: bool = True,
    footnote: str = "",
) -> bytes:
    """A declaration as a PDF (reportlab): a running header and a page number on every page,
    one or two columns, words hyphenated at line ends, and a footnote on the first page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import registerFont, stringWidth
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    # Vera, shipped with reportlab, has the letters of the seeds (č, ’); the PDF core fonts not.
    fonts = Path(reportlab_dir()) / "fonts"
    registerFont(TTFont("Vera", str(fonts / "Vera.ttf")))
    registerFont(TTFont("VeraBd", str(fonts / "VeraBd.ttf")))

    width, height = A4
    margin, gap, size, leading = 60.0, 24.0, 11.0, 14.0
    column_width = (width - 2 * margin - gap * (columns - 1)) / columns
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1)  # invariant: the same bytes every time
    canvas.setTitle(article.title)
    canvas.setAuthor("Press and Information Office")
    top, bottom = height - 90, 90.0 if footnote else 70.0
    state = {"page": 0, "column": 0, "y": top}

    def furniture() -> None:
        state["page"] += 1
        canvas.setFont("Vera", 8)
        canvas.drawString(margin, height - 40, header)
        canvas.drawCentredString(width / 2, 30, f"– {state['page']} –")
        if footnote and state["page"] == 1:
            canvas.setFont("Vera", 8)
            canvas.drawString(margin, 55, footnote)

    def newline(extra: float = 0.0) -> None:
        state["y"] -= leading + extra
        if state["y"] < bottom:
            state["column"] += 1
            state["y"] = top
            if state["column"] == columns:
                canvas.showPage()
                furniture()
                state["column"] = 0

    def draw(line: str, font: str, font_size: float) -> None:
        canvas.setFont(font, font_size)
        x = margin + state["column"] * (column_width + gap)
        canvas.drawString(x, state["y"], line)
        newline()

    def wrap(text: str, font: str, font_size: float) -> list[str]:
        lines: list[str] = []
        line = ""
        for word in text.split():
            trial = f"{line} {word}".strip()
            if stringWidth(trial, font, font_size) <= column_width:
                line = trial
                continue
            if hyphenate and len(word) >= 8 and word.isalpha():
                for cut in range(len(word) - 3, 2, -1):
                    head = f"{line} {word[:cut]}-".strip()
                    if stringWidth(head, font, font_size) <= column_width:
                        lines.append(head)
                        line = word[cut:]
                        break
                else:
                    lines.append(line)
                    line = word
            else:
                lines.append(line)
                line = word
        return [*lines, line] if line else lines

    furniture()
    for line in wrap(article.title, "VeraBd", 14):
        draw(line, "VeraBd", 14)
    newline(4)
    for paragraph in article.paragraphs:
        for line in wrap(paragraph, "Vera", size):
            draw(line, "Vera", size)
        newline(-leading + 8)  # a paragraph's gap: more than a line's, less than two
    canvas.save()
    return out.getvalue()


def reportlab_dir() -> str:
    import reportlab

    return str(Path(reportlab.__file__).parent)


def agency_page(article: Article, *, encoding: str = "utf-8", lang: str = "en") -> bytes:
    """A page as a news agency's site serves it, its furniture inside the article too: a
    breadcrumb, a byline with a clock, share buttons, a "Read also" box between two
    paragraphs, readers' comments below, and an old site's single-byte encoding."""
    half = len(article.paragraphs) // 2

    def paragraphs(part: tuple[str, ...]) -> str:
        return "".join(f"<p>{html.escape(p)}</p>\n" for p in part)

    page = f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="{encoding}"><title>{html.escape(article.title)}</title>
</head><body>
<div class="breadcrumbs"><a href="/">{NAV[0]}</a> &gt; <a href="/news">{NAV[1]}</a></div>
<div class="layout"><div class="main-column"><article class="news-item">
<h1>{html.escape(article.title)}</h1>
<div class="byline">{NAV[2]} desk, 12:40</div>
<div class="share-buttons"><a href="#">{NAV[5]}</a> <a href="#">{NAV[4]}</a></div>
{paragraphs(article.paragraphs[:half])}
<div class="read-also"><strong>{RELATED[0]}:</strong>
<a href="/x">{html.escape(RELATED[1])}</a></div>
{paragraphs(article.paragraphs[half:])}
</article>
<section class="comments"><h3>Comments</h3><div class="comment"><p>{COOKIE}</p></div></section>
</div><aside class="sidebar"><h3>{NAV[1]}</h3><p>{html.escape(RELATED[2])}</p></aside></div>
<footer>{FOOTER}</footer></body></html>"""
    return page.encode(encoding, errors="xmlcharrefreplace")


def with_footnote(word: bytes, note: str) -> bytes:
    """A Word file with a footnote added (python-docx writes none): its part, its relationship,
    its content type, and its mark after the first paragraph's text."""
    import zipfile

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{w}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
        f'<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">{html.escape(note)}</w:t>'
        "</w:r></w:p></w:footnote></w:footnotes>"
    )
    source = zipfile.ZipFile(io.BytesIO(word))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>",
                )
            elif item.filename == "word/document.xml":
                data = data.replace(
                    b"</w:t></w:r></w:p>",
                    b'</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>',
                    1,
                )
            target.writestr(item, data)
        target.writestr("word/footnotes.xml", footnotes)
    return out.getvalue()
