"""Translations: which documents are the same text in another language, curated or inferred."""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from sco_archive.loader import diagnostic_order
from sco_archive.model import Diagnostic, Document, Field, Severity
from sco_archive.write.markdown import language_name
from sco_archive.write.speech_pages import SPEECHES_DIR, SpeechPage

NONE = "none"  # `translation_of: none`: the document has no translation here; guess none
# The SCO's working languages first, in the order a reader of the archive meets them.
_LANGUAGE_ORDER = ("en", "ru", "zh")
# Each language named in itself, as a reader of that language looks for it ("Also in: 中文").
ENDONYMS = {
    "en": "English", "ru": "Русский", "zh": "中文", "kk": "Қазақша", "ky": "Кыргызча",
    "tg": "Тоҷикӣ", "uz": "Oʻzbekcha", "hi": "हिन्दी", "ur": "اردو", "fa": "فارسی",
    "be": "Беларуская", "mn": "Монгол", "fr": "Français", "de": "Deutsch", "ar": "العربية",
}  # fmt: skip


@dataclass(frozen=True)
class Translation:
    """A document's translation: the other document's page, and how it is known to be one."""

    page: SpeechPage
    guess: str | None = None  # None: a curator said so; else what it was inferred from


@dataclass
class Translations:
    """Every document's translations (speech page src_uri → them, in language order)."""

    of: dict[str, list[Translation]] = field(default_factory=dict)
    pages: dict[str, SpeechPage] = field(default_factory=dict)  # src_uri → page, of those in `of`
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def pairs(self) -> list[tuple[SpeechPage, SpeechPage, str | None]]:
        """Each pair of translations once, as (first, second, guess), in column order."""
        found = {}
        for uri, translations in self.of.items():
            for translation in translations:
                a, b = sorted((self.pages[uri], translation.page), key=column_order)
                found[(a.src_uri, b.src_uri)] = (a, b, translation.guess)
        return [found[key] for key in sorted(found)]


def language(document: Document) -> str | None:
    value = document.value("language")
    return str(value).lower() if value else None


def column_order(page: SpeechPage) -> tuple:
    """English, Russian, Chinese, then other languages by code; then by page, for stability."""
    code = language(page.document) or "~"
    known = _LANGUAGE_ORDER.index(code) if code in _LANGUAGE_ORDER else len(_LANGUAGE_ORDER)
    return (known, code, page.src_uri)


def find_translations(pages: list[SpeechPage]) -> Translations:
    """The translations of every page: curated ones (`translation_of:`, symmetric and
    transitive) and, where no key says otherwise, pairs inferred from date and speaker."""
    names = _names(pages)
    diagnostics: list[Diagnostic] = []
    links: list[tuple[str, str]] = []
    rejected: set[frozenset[str]] = set()
    no_guess: set[str] = set()
    for page in pages:
        for target in _targets(page, "translation_of", names, diagnostics, no_guess):
            links.append((page.src_uri, target.src_uri))
        for target in _targets(page, "not_translation_of", names, diagnostics, no_guess):
            rejected.add(frozenset((page.src_uri, target.src_uri)))
    groups = confirmed_groups(links)
    by_uri = {page.src_uri: page for page in pages}
    of: dict[str, list[Translation]] = {}
    for page in pages:
        members = groups.get(page.src_uri, frozenset()) - {page.src_uri}
        of[page.src_uri] = [Translation(by_uri[uri]) for uri in members]
    for a, b, why in infer_pairs(pages, groups, rejected, no_guess):
        of[a.src_uri].append(Translation(b, why))
        of[b.src_uri].append(Translation(a, why))
        diagnostics.append(_guess_diagnostic(b, a, why))
    for translations in of.values():
        translations.sort(key=lambda t: column_order(t.page))
    of = {uri: translations for uri, translations in of.items() if translations}
    # By diagnostic_order: Diagnostic's own order would compare a line of None with a number.
    found = sorted(diagnostics, key=diagnostic_order)
    return Translations(of, {uri: by_uri[uri] for uri in of}, found)


def confirmed_groups(links: list[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """Each linked src_uri → its group: the links read both ways, and through a third."""
    parent: dict[str, str] = {}

    def root(uri: str) -> str:
        while parent.setdefault(uri, uri) != uri:
            parent[uri] = parent[parent[uri]]  # halve the path: later finds are shorter
            uri = parent[uri]
        return uri

    for a, b in links:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[str, set[str]] = defaultdict(set)
    for uri in list(parent):
        members[root(uri)].add(uri)
    return {uri: frozenset(members[root(uri)]) for uri in parent}


def infer_pairs(
    pages: list[SpeechPage],
    groups: dict[str, frozenset[str]],
    rejected: set[frozenset[str]],
    no_guess: set[str],
) -> list[tuple[SpeechPage, SpeechPage, str]]:
    """Pairs (in column order) in different languages given on the same day by the same
    speaker (or, with no speaker, at the same venue), each the only document of its language
    there, neither with a confirmed translation into the other's language: an unclear choice
    is no guess. Grouped by day, so the cost grows with the corpus, not with its pairs."""
    occasions: dict[tuple[str, str, str], list[SpeechPage]] = defaultdict(list)
    for page in pages:
        occasion = _occasion(page.document)
        if occasion is not None and page.src_uri not in no_guess:
            occasions[occasion].append(page)
    languages = {page.src_uri: language(page.document) for page in pages}
    found = []
    for (_, what, _), together in sorted(occasions.items()):
        counts = Counter(languages[page.src_uri] for page in together)
        alone = sorted((p for p in together if counts[languages[p.src_uri]] == 1), key=column_order)
        for i, a in enumerate(alone):
            for b in alone[i + 1 :]:
                if frozenset((a.src_uri, b.src_uri)) in rejected or _confirmed_in(
                    a, b, groups, languages
                ):
                    continue
                found.append((a, b, f"inferred from date and {what}"))
    return found


def _confirmed_in(
    a: SpeechPage, b: SpeechPage, groups: dict[str, frozenset[str]], languages: dict
) -> bool:
    """Whether a curator already gave `a` a translation in `b`'s language, or `b` in `a`'s."""
    in_a = {languages[uri] for uri in groups.get(a.src_uri, ())}
    in_b = {languages[uri] for uri in groups.get(b.src_uri, ())}
    return languages[b.src_uri] in in_a or languages[a.src_uri] in in_b


def _occasion(document: Document) -> tuple[str, str, str] | None:
    """(day, "speaker" or "venue", who or where): what two translations have in common."""
    date = document.date
    if date is None or date.day is None or not language(document):
        return None
    speaker, venue = document.value("speaker"), document.value("venue")
    if speaker:
        return (date.iso(), "speaker", " ".join(str(speaker).casefold().split()))
    if venue:
        return (date.iso(), "venue", " ".join(str(venue).casefold().split()))
    return None


def _names(pages: list[SpeechPage]) -> dict[str, SpeechPage | None]:
    """Every name a curator may give a document by: its source file (with or without the
    folder and the suffix), its page's slug, its id or its URL. None: a name of two."""
    names: dict[str, SpeechPage | None] = {}
    for page in pages:
        source = PurePosixPath(page.document.source)
        path = page.src_uri.removesuffix(".md")
        ids = {path.removeprefix(f"{SPEECHES_DIR}/"), path + "/", page.url}
        for name in {str(source), str(source.with_suffix("")), source.name, source.stem, *ids}:
            names[name] = page if names.get(name, page) is page else None
        slug = path.rsplit("/", 1)[-1]
        names[slug] = page if names.get(slug, page) is page else None
    return names


def _targets(
    page: SpeechPage,
    key: str,
    names: dict[str, SpeechPage | None],
    diagnostics: list[Diagnostic],
    no_guess: set[str],
) -> list[SpeechPage]:
    """The documents a curated key names; a name that finds none is reported with its line."""
    found = page.document.fields.get(key)
    if found is None:
        return []
    targets = []
    for name in found.value:
        if name.casefold() == NONE and key == "translation_of":
            no_guess.add(page.src_uri)
            continue
        target = names.get(name.removeprefix("/").removesuffix(".md"))
        if target is page:
            problem = "names the document itself"
        elif target is None:
            problem = (
                "names more than one document; write its source file with its folder"
                if name in names
                else f"names no document{_did_you_mean(name, names)}"
            )
        else:
            targets.append(target)
            continue
        diagnostics.append(
            Diagnostic(
                _curated_file(page.document, found),
                found.line,
                Severity.WARNING,
                "unknown-translation",
                f"`{key}: {name}` {problem}; ignored. Name a document by its source file "
                "(`002_e61eb7bfdfb8ae4c.txt`) or its page's slug",
            )
        )
    return targets


def _curated_file(document: Document, found: Field) -> str:
    """The file a curated value was read from, as `check` names files: its sidecar or itself."""
    if found.rule.startswith("sidecar "):
        return str(PurePosixPath(document.source).with_name(found.rule.removeprefix("sidecar ")))
    return document.source


def _did_you_mean(name: str, names: dict[str, SpeechPage | None]) -> str:
    close = difflib.get_close_matches(name, sorted(names), n=1, cutoff=0.7)
    return f" (did you mean `{close[0]}`?)" if close else ""


def _guess_diagnostic(page: SpeechPage, other: SpeechPage, why: str) -> Diagnostic:
    source = other.document.source
    return Diagnostic(
        page.document.source,
        None,
        Severity.INFO,
        "translation-guess",
        f"probably the same text as {source} ({language_name(language(other.document) or '')}"
        f"), {why}; confirm with `translation_of: {source}` in the sidecar, or reject with "
        f"`not_translation_of: {source}`",
    )
