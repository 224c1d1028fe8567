"""The date MkDocs stamps on a build (sitemap): pinned, so the same input gives the same bytes."""

from __future__ import annotations

import datetime
import os

from sco_archive.model import PartialDate
from sco_archive.write.speech_pages import SpeechPage

_pinned: list[str] = []  # the value this module put in the environment, if any


def user_build_date() -> str | None:
    """The SOURCE_DATE_EPOCH the user set, or None when unset or pinned by this module."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return None if epoch is None or epoch in _pinned else epoch


def pin_build_date(pages: list[SpeechPage]) -> None:
    """Pin the dates MkDocs stamps (sitemap) to the newest document's date.

    That date is a function of the input alone; a value the user set is kept.
    """
    if user_build_date() is not None:
        return
    dates = [p.document.date for p in pages if p.document.date]
    newest = max(dates, key=PartialDate.iso) if dates else None  # 2020-06 vs 2020-06-24
    day = (
        datetime.date(newest.year, newest.month or 1, newest.day or 1)
        if newest
        else (datetime.date(2001, 6, 15))
    )
    moment = datetime.datetime.combine(day, datetime.time(), datetime.UTC)
    _pinned.append(str(int(moment.timestamp())))
    os.environ["SOURCE_DATE_EPOCH"] = _pinned[-1]
