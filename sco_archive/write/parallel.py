"""Parallel pages: two translations of one text side by side, paragraph by paragraph."""

from __future__ import annotations

import html
from itertools import zip_longest
from typing import Any

import yaml

from sco_archive.model import Document, Paragraph
from sco_archive.write.markdown import display_date, language_name, md_text, relative_uri
from sco_archive.write.speech_pages import SpeechPage
from sco_archive.write.translations import ENDONYMS, Translations, language

PARALLEL_DIR = "parallel"  # below docs/; outside the nav and the search index
TEMPLATE = "parallel.html"

Pair = tuple[SpeechPage, SpeechPage, str | None]


def parallel_uris(pairs: list[Pair]) -> dict[tuple[str, str], str]:
    """Each pair's page below docs/, `parallel/<slug-a>--<slug-b>.md`; stable, since pairs
    come sorted, and distinct (`-2`) where two pairs' slugs would meet."""
    uris: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    for a, b, _ in pairs:
        wanted = f"{PARALLEL_DIR}/{_slug(a)}--{_slug(b)}"
        uri, counter = wanted, 1
        while uri in taken:
            counter += 1
            uri = f"{wanted}-{counter}"
        taken.add(uri)
        uris[(a.src_uri, b.src_uri)] = f"{uri}.md"
    return uris


def shown_language(document: Document) -> str:
    """The language a page shows a text in: its own, or, unknown, the site's (as the speech
    page's `lang` does, model.COLUMNS)."""
    return language(document) or "en"


def _slug(page: SpeechPage) -> str:
    return page.src_uri.removesuffix(".md").rsplit("/", 1)[-1]


def translation_context(
    page: SpeechPage, translations: Translations, uris: dict[tuple[str, str], str]
) -> list[dict[str, Any]] | None:
    """A speech page's "Also in" line: each translation's language, page and parallel page."""
    found = []
    for translation in translations.of.get(page.src_uri, []):
        other = translation.page
        code = shown_language(other.document)
        key = (page.src_uri, other.src_uri)
        parallel = uris.get(key) or uris[(key[1], key[0])]
        entry = {
            "language": code,
            "name": ENDONYMS.get(code, language_name(code)),
            "english": language_name(code),
            "title": other.document.title,
            "url": other.url,
            "parallel": parallel.removesuffix(".md") + "/",
            "guess": translation.guess,
        }
        found.append({k: v for k, v in entry.items() if v is not None})
    return found or None


def parallel_pages(translations: Translations) -> dict[str, str]:
    """Every pair's parallel page (path below docs/ → Markdown)."""
    pairs = translations.pairs()
    uris = parallel_uris(pairs)
    return {uris[(a.src_uri, b.src_uri)]: parallel_page(a, b, guess, uris[(a.src_uri, b.src_uri)])
            for a, b, guess in pairs}  # fmt: skip


def parallel_page(a: SpeechPage, b: SpeechPage, guess: str | None, src_uri: str) -> str:
    """Two documents in two columns, row by row: paragraph n of each, by the archive's
    numbers; each column in its own language (`lang`), each number a link to its paragraph
    on the document's own page. The texts are escaped: they are data, never markup."""
    names = [language_name(shown_language(p.document)) for p in (a, b)]
    title = f"Side by side: {names[0]} and {names[1]}"
    meta = {"title": f"{title} · {a.document.title}", "template": TEMPLATE,
            "hide": ["navigation", "toc"]}  # fmt: skip
    front = yaml.safe_dump(meta, allow_unicode=True, width=10_000, sort_keys=False).strip()
    lines = [
        "---",
        front,
        "---",
        "",
        f"# {title}",
        "",
        _intro(a, b, names, src_uri),
        "",
        _alignment(a.document, b.document, names),
        "",
    ]
    if guess:
        lines += [
            f"These two documents are **probably** the same text, {md_text(guess)}: no curator "
            "has confirmed it yet.",
            "",
        ]
    lines += [_columns(a, b, src_uri), ""]
    return "\n".join(lines)


def _intro(a: SpeechPage, b: SpeechPage, names: list[str], src_uri: str) -> str:
    links = [
        f"the {name} text, [{md_text(p.document.title)}]({relative_uri(p.src_uri, src_uri)})"
        for name, p in zip(names, (a, b), strict=True)
    ]
    return f"{links[0][0].upper()}{links[0][1:]}, beside {links[1]}."


def _alignment(a: Document, b: Document, names: list[str]) -> str:
    """What the rows pair, said plainly: counts that differ make the texts drift apart."""
    n, m = len(a.paragraphs), len(b.paragraphs)
    if n == m:
        return f"Both texts have {_paragraphs(n)}; each stands beside the one of the same number."
    longer = names[0] if n > m else names[1]
    first, last = min(n, m) + 1, max(n, m)
    rest = f"paragraph {last}" if first == last else f"paragraphs {first}–{last}"
    return (
        f"The {names[0]} text has {_paragraphs(n)} and the {names[1]} {m}: "
        "paragraphs stand side by side by their number, so the two may drift apart, and "
        f"{rest} of the {longer} text stand alone."
    )


def _paragraphs(n: int) -> str:
    return f"{n} paragraph" + ("" if n == 1 else "s")


def _columns(a: SpeechPage, b: SpeechPage, src_uri: str) -> str:
    """The two texts as rows of a grid, in raw HTML (which Markdown passes through as is):
    one header row, then one row per paragraph number."""
    up = "../" * src_uri.removesuffix(".md").count("/") + "../"  # parallel/x--y/ → the root
    rows = ['<div class="parallel-row parallel-head">']
    rows += [_head(p, up) for p in (a, b)]
    rows.append("</div>")
    pairs = zip_longest(a.document.paragraphs, b.document.paragraphs)
    for number, (left, right) in enumerate(pairs, start=1):
        rows.append(f'<div class="parallel-row" id="p{number}">')
        rows += [_cell(p, paragraph, number, up) for p, paragraph in ((a, left), (b, right))]
        rows.append("</div>")
    return '<div class="parallel">\n' + "\n".join(rows) + "\n</div>"


def _head(page: SpeechPage, up: str) -> str:
    document = page.document
    code = html.escape(shown_language(document))
    about = [language_name(code), display_date(document.date)]
    if document.value("speaker"):
        about.append(str(document.value("speaker")))
    return (
        f'<div class="parallel-cell" lang="{code}"><h2><a href="{up}{html.escape(page.url)}">'
        f"{html.escape(document.title, quote=False)}</a></h2>"
        f'<p class="parallel-about" lang="en">{html.escape(" · ".join(about), quote=False)}</p>'
        "</div>"
    )


def _cell(page: SpeechPage, paragraph: Paragraph | None, number: int, up: str) -> str:
    code = html.escape(shown_language(page.document))
    name = language_name(code)
    label = html.escape(ENDONYMS.get(code, name))
    if paragraph is None:  # the other text's paragraph stands alone in its row
        return f'<div class="parallel-cell parallel-none" lang="{code}" data-label="{label}"></div>'
    href = f"{up}{html.escape(page.url)}#p{number}"
    return (
        f'<div class="parallel-cell" lang="{code}" data-label="{label}"><p>'
        f'<a class="para-link" href="{href}" lang="en" aria-label="{name} text, paragraph '
        f'{number}, on its own page" title="Paragraph {number} on its own page">{number}</a> '
        f"{html.escape(paragraph.text, quote=False)}</p></div>"
    )
