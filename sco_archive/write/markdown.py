"""Putting document text into generated Markdown so that it shows exactly as written."""

from __future__ import annotations

from sco_archive.model import MONTH_NAMES, PartialDate

# Characters that Markdown or one of its extensions may read as syntax inside running text.
# Numeric character references are never syntax, so the text renders as written.
_SYNTAX = set("\\`*_[]<>&~^=:|{}$!#+\"'")


_ESCAPES = str.maketrans({c: f"&#{ord(c)};" for c in _SYNTAX})


def md_text(value: object) -> str:
    """Escape a metadata value (a title, a name) for use inside Markdown running text."""
    return " ".join(str(value).split()).translate(_ESCAPES)


def display_date(date: PartialDate | None, guess: bool = False) -> str:
    """`24 June 2020`, `June 2020`, `2020`, or `date not stated`; a guess is marked as such."""
    if date is None:
        return "date not stated"
    if date.month is None:
        text = str(date.year)
    elif date.day is None:
        text = f"{MONTH_NAMES[date.month]} {date.year}"
    else:
        text = f"{date.day} {MONTH_NAMES[date.month]} {date.year}"
    return f"{text} (uncertain)" if guess else text


def display_iso_date(iso: str) -> str:
    """The theme's `display_date` filter: `2020-06-24` → `24 June 2020`."""
    try:
        return display_date(PartialDate.parse_iso(iso))
    except ValueError:
        return str(iso)


# The languages SCO documents come in; any other code is shown as written.
LANGUAGE_NAMES = {
    "en": "English", "ru": "Russian", "zh": "Chinese", "kk": "Kazakh", "ky": "Kyrgyz",
    "tg": "Tajik", "uz": "Uzbek", "hi": "Hindi", "ur": "Urdu", "fa": "Persian",
    "be": "Belarusian", "mn": "Mongolian", "fr": "French", "de": "German", "ar": "Arabic",
}  # fmt: skip


def language_name(code: str) -> str:
    """The theme's `language_name` filter: `ru` → `Russian`."""
    return LANGUAGE_NAMES.get(str(code).lower(), str(code))


def relative_uri(target: str, from_src_uri: str) -> str:
    """The link from the page `from_src_uri` to the file `target`, both paths below docs/.

    What `posixpath.relpath` gives for files, without the two `abspath` calls that made it a
    second of every build at 10,000 pages.
    """
    here = from_src_uri.split("/")[:-1]
    there = target.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])
