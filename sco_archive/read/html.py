"""Saved web pages: the article's text (trafilatura), and the page's own metadata as evidence."""

from __future__ import annotations

import json
from collections.abc import Iterator

import trafilatura
from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from sco_archive.model import PageEvidence
from sco_archive.read.extracted import Extracted, FormatError, clean_blocks, one_line

# A saved article page is rarely over 2 MB; one "saved complete" with its pictures inlined can
# be 20. Parsing that takes seconds and most of it is no text: refused with advice instead.
MAX_BYTES = 10 * 2**20
# Elements of trafilatura's XML output that hold one paragraph each (its own vocabulary).
_BLOCK_TAGS = ("head", "p", "item", "row", "quote", "code")


def read_html(data: bytes) -> Extracted:
    """A saved web page → its article's blocks (headline first) and the page's evidence."""
    if len(data) > MAX_BYTES:
        raise FormatError(
            f"the page is {len(data) / 2**20:.1f} MB, more than the {MAX_BYTES // 2**20} MB a "
            "saved article needs (pictures saved into it?); save it as 'Web page, HTML only', "
            "or paste the article's text into a .txt file"
        )
    tree = load_html(data)
    if tree is None:
        raise FormatError("not an HTML page that can be parsed; save the page again")
    blocks = _article_blocks(data)
    if not blocks:
        raise FormatError(
            "no article text found on the page (only navigation or furniture); save the "
            "article's own page, or paste its text into a .txt file"
        )
    headline = _first_h1(tree)
    # trafilatura may take the headline as metadata only: the text starts with it all the same.
    if headline and all(one_line(headline) != b for b in blocks):
        blocks = (one_line(headline), *blocks)
    return Extracted(blocks, tuple(page_evidence(tree)))


def _article_blocks(data: bytes) -> tuple[str, ...]:
    # XML, not plain text: it keeps paragraph breaks apart from line breaks inside one.
    xml = trafilatura.extract(
        data,
        output_format="xml",
        include_comments=False,  # readers' comments are not the document
        include_tables=True,
        include_images=False,
        deduplicate=False,  # a speech may repeat a sentence on purpose
        with_metadata=False,
    )
    if not xml:
        return ()
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    return clean_blocks(list(_blocks_of(main if main is not None else root)))


def _blocks_of(element: etree._Element) -> Iterator[str]:
    for child in element:
        if child.tag in ("list", "table") or (child.tag == "quote" and child.find("p") is not None):
            yield from _blocks_of(child)
        elif child.tag == "cell":
            continue  # a row yields its cells, read across, as one block
        elif child.tag in _BLOCK_TAGS:
            yield " ".join(child.itertext())
        else:
            yield from _blocks_of(child)


def _first_h1(tree: HtmlElement) -> str:
    found = tree.xpath("//h1")
    return " ".join(found[0].itertext()) if found else ""


# (attribute value, field, where): the meta tags a news or government page states itself in.
_META = (
    ("og:title", "title"),
    ("article:published_time", "published"),
    ("og:published_time", "published"),
    ("datePublished", "published"),
    ("pubdate", "published"),
    ("author", "byline"),
    ("article:author", "byline"),
    ("og:url", "source_url"),
)


def page_evidence(tree: HtmlElement) -> list[PageEvidence]:
    """What the page says of itself, each value with the tag it came from, surest first."""
    found = list(_tagged(tree))
    if not any(e.key == "published" for e in found):
        # htmldate reads the dates a page's markup gives in a dozen other ways (URLs, `<time>`,
        # Dublin Core, …); only the markup: inference reads the text itself.
        date = find_date(tree, extensive_search=False, original_date=True)
        if date:
            found.append(PageEvidence("published", date, "htmldate: page markup"))
    return found


def _tagged(tree: HtmlElement) -> Iterator[PageEvidence]:
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang:
        yield PageEvidence("language", lang.strip(), "html-meta: <html lang>")
    for name, key in _META:
        for meta in tree.xpath("//meta[@property=$n or @name=$n or @itemprop=$n]", n=name):
            content = (meta.get("content") or "").strip()
            if content:
                yield PageEvidence(key, content, f"html-meta: {name}")
    yield from _json_ld(tree)
    for link in tree.xpath("//link[@rel='canonical']"):
        if link.get("href", "").startswith(("http://", "https://")):
            yield PageEvidence("source_url", link.get("href"), "html-meta: link rel=canonical")
    title = tree.findtext(".//title")
    if title and title.strip():
        yield PageEvidence("title", one_line(title), "html-meta: <title>")


def _json_ld(tree: HtmlElement) -> Iterator[PageEvidence]:
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue  # a broken script block is the site's problem, not the document's
        for item in _items(data):
            if isinstance(item.get("datePublished"), str):
                yield PageEvidence(
                    "published", item["datePublished"], "html-meta: JSON-LD datePublished"
                )
            if isinstance(item.get("headline"), str):
                yield PageEvidence("title", item["headline"], "html-meta: JSON-LD headline")
            author = item.get("author")
            names = author if isinstance(author, list) else [author]
            for person in names:
                name = person.get("name") if isinstance(person, dict) else person
                if isinstance(name, str) and name.strip():
                    yield PageEvidence("byline", name.strip(), "html-meta: JSON-LD author")


def _items(data: object) -> Iterator[dict]:
    if isinstance(data, list):
        for entry in data:
            yield from _items(entry)
    elif isinstance(data, dict):
        yield data
        yield from _items(data.get("@graph", []))
