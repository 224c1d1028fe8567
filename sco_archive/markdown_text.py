"""Putting document text into generated Markdown so that it shows exactly as written."""

from __future__ import annotations

import calendar

from .model import PartialDate

# Characters that Markdown or one of its extensions may read as syntax inside running text.
# Numeric character references are never syntax, so the text renders as written.
_SYNTAX = set("\\`*_[]<>&~^=:|{}$!#+\"'")


def md_text(value: object) -> str:
    """Escape a metadata value (a title, a name) for use inside Markdown running text."""
    return "".join(f"&#{ord(c)};" if c in _SYNTAX else c for c in " ".join(str(value).split()))


def display_date(date: PartialDate | None, guess: bool = False) -> str:
    """`24 June 2020`, `June 2020`, `2020`, or `date not stated`; a guess is marked as such."""
    if date is None:
        return "date not stated"
    if date.month is None:
        text = str(date.year)
    elif date.day is None:
        text = f"{calendar.month_name[date.month]} {date.year}"
    else:
        text = f"{date.day} {calendar.month_name[date.month]} {date.year}"
    return f"{text} (uncertain)" if guess else text
