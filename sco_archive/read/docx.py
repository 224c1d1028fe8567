"""Word files (.docx): paragraphs and headings as written (python-docx), without the review."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from sco_archive.model import PageEvidence
from sco_archive.read.extracted import Extracted, FormatError, clean_blocks

# A reviewer's tracked deletions (and text moved away) are not the text as it stands.
_REMOVED = {qn("w:del"), qn("w:moveFrom")}
_TEXT, _TAB, _BREAK = qn("w:t"), qn("w:tab"), {qn("w:br"), qn("w:cr")}


def read_docx(data: bytes) -> Extracted:
    """A .docx → its paragraphs (headings and table cells too) in order, and its properties."""
    try:
        document = docx.Document(io.BytesIO(data))
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        zlib.error,  # a part whose compressed bytes were cut or changed
        KeyError,
        ValueError,
        etree.XMLSyntaxError,
    ) as error:
        raise FormatError(
            f"not a complete Word file ({error}); open it in Word and save it again as .docx"
        ) from error
    blocks = clean_blocks([*_body_blocks(document.element.body), *_notes(document)])
    if not blocks:
        raise FormatError("the Word file has no text")
    return Extracted(blocks, tuple(_properties(document)))


def _body_blocks(body: etree._Element) -> Iterator[str]:
    """The body's paragraphs and tables' cells, in document order. Comments live in their
    own part (comments.xml) and are never read; only their anchors are in the body."""
    for element in body.iterchildren():
        if element.tag == qn("w:p"):
            yield _paragraph_text(element)
        elif element.tag == qn("w:tbl"):
            for cell in element.iter(qn("w:tc")):
                yield " ".join(_paragraph_text(p) for p in cell.iter(qn("w:p")))
        elif element.tag == qn("w:sdt"):  # a content control (a cover page's fields, say)
            content = element.find(qn("w:sdtContent"))
            if content is not None:
                yield from _body_blocks(content)


# Footnotes and endnotes live in parts of their own; Word's separators are notes too, of no text.
_NOTE_PARTS = ("/footnotes", "/endnotes")
_NOT_NOTES = {"separator", "continuationSeparator", "continuationNotice"}


def _notes(document: docx.document.Document) -> Iterator[str]:
    """The footnotes, then the endnotes, each a paragraph read after the text, as a PDF's are.
    python-docx does not read them: their parts are parsed here."""
    parts = [
        rel.target_part
        for rel in document.part.rels.values()
        if not rel.is_external and rel.reltype.endswith(_NOTE_PARTS)
    ]
    for part in sorted(parts, key=lambda p: p.partname):
        root = etree.fromstring(part.blob)
        for note in root:
            if note.get(qn("w:type")) in _NOT_NOTES:
                continue
            yield " ".join(_paragraph_text(p) for p in note.iter(qn("w:p")))


def _paragraph_text(paragraph: etree._Element) -> str:
    """A paragraph's text, tracked insertions in, tracked deletions out. Not python-docx's
    `Paragraph.text`, which skips the runs of a tracked insertion (they sit inside `w:ins`)."""
    parts: list[str] = []
    for node in paragraph.iter(_TEXT, _TAB, *_BREAK):
        if any(a.tag in _REMOVED for a in node.iterancestors()):
            continue
        parts.append(node.text or "" if node.tag == _TEXT else " ")
    return "".join(parts)


def _properties(document: docx.document.Document) -> Iterator[PageEvidence]:
    core = document.core_properties
    if core.title and core.title.strip():
        yield PageEvidence("title", core.title.strip(), "docx: core property title")
    if core.author and core.author.strip():
        yield PageEvidence("byline", core.author.strip(), "docx: core property author")
    if core.language and core.language.strip():
        yield PageEvidence("language", core.language.strip(), "docx: core property language")
