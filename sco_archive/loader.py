"""Loading: one source file → one Document, and a folder → a Corpus with corpus-wide checks."""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sco_archive import LOADER_VERSION
from sco_archive.cache.documents import DocumentCache, knowledge_fingerprint
from sco_archive.infer import infer_fields
from sco_archive.infer.calibration import calibrated, load_calibration
from sco_archive.infer.embedded import page_title
from sco_archive.infer.merge import merge, review_diagnostics
from sco_archive.knowledge import Knowledge, load_knowledge
from sco_archive.model import Diagnostic, Document, Field, Origin, Paragraph, Severity
from sco_archive.read.curated import validate_curated
from sco_archive.read.files import EXTRACTED_FORMATS, UnreadableDocument, discover, read_document
from sco_archive.read.structure import split_structure, squash


@dataclass
class Corpus:
    """Every document that loaded, in source order, and every finding about the folder."""

    documents: list[Document]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    reloaded: list[str] = field(default_factory=list)  # sources not taken from the cache
    keys: dict[str, str] = field(default_factory=dict)  # source → cache key, when cached

    def all_diagnostics(self) -> list[Diagnostic]:
        found = list(self.diagnostics)
        for document in self.documents:
            found.extend(document.diagnostics)
        return sorted(found, key=diagnostic_order)


def diagnostic_order(d: Diagnostic) -> tuple:
    """The order diagnostics are reported in: by file, then line. A key, not Diagnostic's own
    ordering, which would compare a `line` of None with a number."""
    return (d.file, d.line or 0, d.severity.value, d.code, d.message)


def load_document(path: Path, root: Path, knowledge: Knowledge) -> Document:
    """Read, split and infer one document. Raises UnreadableDocument when it has no text."""
    raw = read_document(path, root)
    curated, curated_problems = validate_curated(
        raw.curated, raw.curated_lines, raw.curated_file or raw.rel_path, knowledge.topics
    )
    # A .md body under a front-matter title starts with text, not a title of its own; a .txt,
    # a web page, a PDF or a Word file starts with its title as received.
    as_received = (".txt", *EXTRACTED_FORMATS)
    known = curated.get("title") if path.suffix.lower() not in as_received else None
    shape = split_structure(raw.text, raw.body_line, known.value if known else None)
    # A headline found below page furniture stays in the text, but is read once, as the title;
    # what shares its paragraph ("Uzbekistan 17/08/2007" before it, "Updated: June 16, 2009"
    # below it) is read as any other line.
    read = [
        _beside_title(p, shape.title) if p.line == shape.title_line else p for p in shape.paragraphs
    ]
    read = [p for p in read if p is not None]
    inferred = infer_fields(
        shape.title,
        shape.title_line,
        read,
        knowledge,
        curated={k: f.value for k, f in curated.items()},
        filename=path.name,
        page_evidence=raw.page_evidence,
    )
    from_page = page_title(raw.page_evidence, load_calibration())
    if shape.title:
        title = Field(
            shape.title, Origin.TITLE, shape.title_rule, 1.0, shape.title_line, shape.title
        )
        # A first line is the title as written, but not always the document's headline.
        inferred["title"] = calibrated("title", title, load_calibration())
    elif from_page is not None:  # the text has no title line: the page's own title
        inferred["title"] = from_page
    else:
        inferred["title"] = Field(path.stem, Origin.FILENAME, "file-name", 0.3, None, path.name)
    fields, disputed = merge(inferred, curated)
    if not shape.paragraphs:
        raw.diagnostics.append(
            Diagnostic(
                raw.rel_path,
                None,
                Severity.WARNING,
                "title-only",
                "the document has a title but no body text",
            )
        )
    diagnostics = (
        raw.diagnostics + curated_problems + review_diagnostics(raw.rel_path, fields, disputed)
    )
    return Document(
        source=raw.rel_path,
        title=fields["title"].value,
        paragraphs=shape.paragraphs,
        fields=fields,
        diagnostics=diagnostics,
        disputed=disputed,
        content_hash=_content_hash(raw.text),
        encoding=raw.encoding,
        format=raw.format,
        size=raw.size,
    )


def _content_hash(text: str) -> str:
    # Folded whitespace: the same speech copied twice with different line endings is one speech.
    digest = hashlib.sha256(f"{LOADER_VERSION}\0{squash(text)}".encode())
    return digest.hexdigest()[:16]


Outcome = Document | Diagnostic
ProgressFactory = Callable[[Iterable[Outcome], int], Iterable[Outcome]]
# Below this many documents to load, starting worker processes costs more than it saves.
PARALLEL_FROM = 200


def load_corpus(
    root: Path,
    knowledge: Knowledge | None = None,
    progress: ProgressFactory | None = None,
    paths: list[Path] | None = None,
    cache: DocumentCache | None = None,
) -> Corpus:
    """Load every document below `root` (or just `paths`); bad files become diagnostics."""
    knowledge = knowledge or load_knowledge()
    if paths is None:
        paths, _, diagnostics = discover(root)
    else:
        diagnostics = []
    loaded: dict[Path, Document] = {}
    keys: dict[Path, str] = {}
    if cache is not None:
        fingerprint = knowledge_fingerprint(knowledge)
        keys = {path: cache.key(path, root, fingerprint) for path in paths}
        for path, key in keys.items():
            found = cache.get(key)
            if found is not None:
                loaded[path] = found
    missing = [p for p in paths if p not in loaded]
    outcomes = _load_all(missing, root, knowledge)
    if progress is not None:
        outcomes = progress(outcomes, len(missing))
    fresh: dict[str, Document] = {}
    for path, outcome in zip(missing, outcomes, strict=True):
        if isinstance(outcome, Diagnostic):
            diagnostics.append(outcome)
            continue
        loaded[path] = outcome
        if path in keys:
            fresh[keys[path]] = outcome
    if cache is not None and fresh:
        cache.put_all(fresh)
    documents = [loaded[p] for p in paths if p in loaded]
    diagnostics.extend(_duplicates(documents))
    reloaded = [d.source for p in missing if (d := loaded.get(p))]
    cached = {loaded[p].source: key for p, key in keys.items() if p in loaded}
    return Corpus(documents, diagnostics, reloaded, cached)


def _load_one(path: Path, root: Path, knowledge: Knowledge) -> Document | Diagnostic:
    try:
        return load_document(path, root, knowledge)
    except UnreadableDocument as failure:
        return failure.diagnostic


def _load_all(
    paths: list[Path],
    root: Path,
    knowledge: Knowledge,
) -> Iterator[Document | Diagnostic]:
    """Each path's outcome, in order; spread over the machine's cores for a large batch."""
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < PARALLEL_FROM or workers < 2:
        yield from (_load_one(p, root, knowledge) for p in paths)
        return
    # A worker collects its own garbage even when forked from a build that has paused the
    # collector (collector.long_lived_objects).
    with ProcessPoolExecutor(workers, initializer=gc.enable) as pool:
        yield from pool.map(
            _load_one, paths, [root] * len(paths), [knowledge] * len(paths), chunksize=32
        )


def _duplicates(documents: list[Document]) -> list[Diagnostic]:
    first_seen: dict[str, str] = {}
    found = []
    for document in documents:
        earlier = first_seen.setdefault(document.content_hash, document.source)
        if earlier != document.source:
            found.append(
                Diagnostic(
                    document.source,
                    None,
                    Severity.WARNING,
                    "duplicate",
                    f"same text as {earlier}; remove one of them",
                )
            )
    return found


def _beside_title(paragraph: Paragraph, title: str) -> Paragraph | None:
    """The headline's paragraph without the headline: None when it held the headline alone."""
    before, found, after = squash(paragraph.text).partition(squash(title))
    rest = f"{before} {after}".strip()
    return Paragraph(rest, paragraph.line) if found and rest else None
