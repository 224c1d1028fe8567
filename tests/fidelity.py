"""The fidelity check: every word of a source document appears on its page, in order."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def page_text(html: str) -> str:
    """The readable text of a built speech page's article (title, header and paragraphs)."""
    start = html.index('<div class="speech"')
    end = html.index("</article>", start)
    return unescape(re.sub(r"<[^>]+>", " ", html[start:end]))


def missing_lines(source: str, html: str) -> list[str]:
    """Source lines whose words are not found on the page, in order.

    A line maps to a run of the page's words at or after the previous line's run; a title
    repeated as the first paragraph maps to the same run as the title, which is fine.
    """
    page = words(page_text(html))
    missing = []
    position = 0
    # Lines as the reader splits them: str.splitlines() would also break at \x1c-\x1e, \x85
    # and \u2028, which are characters inside a line to the reader (and to the page).
    for line in source.split("\n"):
        wanted = words(line)
        if not wanted:
            continue
        found = _find_run(page, wanted, position)
        if found is None:
            missing.append(line)
        else:
            position = found
    return missing


def _find_run(haystack: list[str], needle: list[str], start: int) -> int | None:
    first = needle[0]
    for index in range(start, len(haystack) - len(needle) + 1):
        if haystack[index] == first and haystack[index : index + len(needle)] == needle:
            return index
    return None


def built_page(site_dir: Path, url: str) -> str:
    return (site_dir / url / "index.html").read_text(encoding="utf-8")
