"""Bar charts of documents per year or month, drawn as inline SVG at build time."""

from __future__ import annotations

from html import escape

from sco_archive.model import MONTH_NAMES

WIDTH = 640
HEIGHT = 200
_TOP, _BOTTOM, _LEFT = 24, 28, 8
COUNT_SIZE = 16  # px, archive.css's `.chart .count`; smaller through --count-size
MIN_COUNT_SIZE = 9
_DIGIT_WIDTH = 0.6  # of the font size: a bold digit's width, about


def bar_chart(
    bars: list[tuple[str, int, str | None]],
    label: str,
    css_class: str = "chart",
    height: int = HEIGHT,
) -> str:
    """An accessible SVG bar chart: `bars` is (label, count, link or None), left to right.

    One line with no blank lines, so Markdown passes it through as a raw HTML block.
    """
    if not bars:
        return ""
    most = max(count for _, count, _ in bars) or 1
    # A few bars get a narrow chart instead of thin bars lost in a wide one.
    width = max(240, min(WIDTH, 72 * len(bars)))
    slot = (width - _LEFT * 2) / len(bars)
    bar_width = max(min(slot * 0.7, 64), 2)
    plot = height - _TOP - _BOTTOM
    every = max(1, round(len(bars) / 12))  # thin the axis labels when there are many bars
    # An image may not hold links (axe: nested-interactive); a chart with links is a group.
    role = "group" if any(href for _, _, href in bars) else "img"
    size = count_size(slot, most)
    parts = [
        f'<svg class="{escape(css_class)}" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="{role}" '
        + (f'style="--count-size: {size}px" ' if size and size < COUNT_SIZE else "")
        + f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(label)}</title>",
        f'<line class="baseline" x1="{_LEFT}" y1="{_TOP + plot}" x2="{width - _LEFT}" '
        f'y2="{_TOP + plot}"/>',
    ]
    for i, (name, count, href) in enumerate(bars):
        bar_height = plot * count / most
        x = _LEFT + slot * i + (slot - bar_width) / 2
        y = _TOP + plot - bar_height
        middle = x + bar_width / 2
        noun = "document" if count == 1 else "documents"
        bar = (
            f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar_width:.1f}" '
            f'height="{max(bar_height, 0.5 if count else 0):.1f}"><title>{escape(name)}: {count} '
            f"{noun}</title></rect>"
        )
        if count and size:
            bar += (
                f'<text class="count" x="{middle:.1f}" y="{y - 4:.1f}" '
                f'text-anchor="middle">{count}</text>'
            )
        if i % every == 0:
            bar += (
                f'<text class="axis" x="{middle:.1f}" y="{height - 6}" '
                f'text-anchor="middle">{escape(name)}</text>'
            )
        if href and count:
            bar = f'<a href="{escape(href)}" aria-label="{escape(name)}: {count} {noun}">{bar}</a>'
        parts.append(f"<g>{bar}</g>")
    parts.append("</svg>")
    return "".join(parts)


def count_size(slot: float, most: int) -> int:
    """The font size (px) of the counts above bars `slot` wide, the largest `most`: smaller than
    COUNT_SIZE where side by side they would run into each other, and 0 (no counts shown; each
    bar's title still says it) below MIN_COUNT_SIZE."""
    fits = int(slot * 0.9 / (_DIGIT_WIDTH * len(str(most))))
    size = min(COUNT_SIZE, fits)
    return size if size >= MIN_COUNT_SIZE else 0


def years_chart(counts: dict[int, int], link: str | None = None) -> str:
    """Documents per year, every year from the first to the last (gaps show as empty). `link`,
    such as "timeline/{year}/", makes each year with documents a link."""
    if not counts:
        return ""
    years = range(min(counts), max(counts) + 1)
    bars = [(str(y), counts.get(y, 0), link.format(year=y) if link else None) for y in years]
    total = sum(counts.values())
    return bar_chart(bars, f"Documents per year, {years[0]}–{years[-1]}: {total} in all")


def months_chart(year: int, counts: dict[int, int], link: str | None = None) -> str:
    """Documents per month of one year; month 0 (month not stated) is left out. `link`, such
    as "#{month}", takes the month's name in lower case."""
    bars = [
        (
            MONTH_NAMES[m][:3],
            counts.get(m, 0),
            link.format(month=MONTH_NAMES[m].lower()) if link else None,
        )
        for m in range(1, 13)
    ]
    return bar_chart(bars, f"Documents per month in {year}", "chart chart-months", 130)
