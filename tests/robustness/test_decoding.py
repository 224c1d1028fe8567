"""Bytes → text: every encoding we meet is read or refused, never turned into mojibake."""

from __future__ import annotations

import codecs

import pytest

from sco_archive.read.files import decode, normalise_newlines

RUSSIAN = "Уважаемые коллеги, дамы и господа! Шанхайская организация сотрудничества.\n" * 3
FRENCH = "Mesdames et messieurs, chers collègues, je suis très honoré d'être ici.\n" * 3


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (RUSSIAN.encode(), RUSSIAN, "utf-8"),
        (codecs.BOM_UTF8 + RUSSIAN.encode(), RUSSIAN, "utf-8-sig"),
        (RUSSIAN.encode("utf-16"), RUSSIAN, "utf-16"),
        (codecs.BOM_UTF16_BE + RUSSIAN.encode("utf-16-be"), RUSSIAN, "utf-16"),
        (RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251"),
        (FRENCH.encode("latin-1"), FRENCH, "cp1252"),
        (FRENCH.encode("cp1252"), FRENCH, "cp1252"),
    ],
)
def test_text_is_read_in_its_encoding(data: bytes, text: str, encoding: str) -> None:
    assert decode(data) == (text, encoding)


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
        b"\x89PNG\r\n\x1a\n\x00\x00",
        b"PK\x03\x04 a docx",
        b"text with a NUL \x00 byte",
        bytes(range(1, 32)) * 4,
        "café".encode("latin-1"),  # too short to tell Latin-1 from its relatives
    ],
)
def test_binary_or_undecidable_bytes_are_refused(data: bytes) -> None:
    with pytest.raises(ValueError):
        decode(data)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_every_line_ending_becomes_a_newline(newline: str) -> None:
    assert normalise_newlines(f"a{newline}b{newline}{newline}c") == "a\nb\n\nc"
