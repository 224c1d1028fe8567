"""Loading: one source file → one Document, and a folder → a Corpus with corpus-wide checks."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import LOADER_VERSION
from .infer import infer_fields
from .knowledge import Knowledge, load_knowledge
from .metadata import merge, review_diagnostics, validate_curated
from .model import Diagnostic, Document, Field, Origin, Severity
from .reader import UnreadableDocument, discover, read_document
from .structure import split_structure, squash


@dataclass
class Corpus:
    """Every document that loaded, in source order, and every finding about the folder."""

    documents: list[Document]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def all_diagnostics(self) -> list[Diagnostic]:
        found = list(self.diagnostics)
        for document in self.documents:
            found.extend(document.diagnostics)
        return sorted(found, key=_diagnostic_order)


def _diagnostic_order(d: Diagnostic) -> tuple:
    return (d.file, d.line or 0, d.severity.value, d.code, d.message)


def load_document(path: Path, root: Path, knowledge: Knowledge) -> Document:
    """Read, split and infer one document. Raises UnreadableDocument when it has no text."""
    raw = read_document(path, root)
    shape = split_structure(raw.text, raw.body_line)
    curated, curated_problems = validate_curated(
        raw.curated, raw.curated_lines, raw.curated_file or raw.rel_path
    )
    inferred = infer_fields(
        shape.title,
        shape.title_line,
        shape.paragraphs,
        knowledge,
        curated={k: f.value for k, f in curated.items()},
        filename=path.name,
    )
    if shape.title:
        inferred["title"] = Field(
            shape.title, Origin.TITLE, "first-line", 1.0, shape.title_line, shape.title
        )
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
        title_lines=shape.title_line,
        paragraphs=shape.paragraphs,
        fields=fields,
        diagnostics=diagnostics,
        disputed=disputed,
        content_hash=_content_hash(raw.text),
        encoding=raw.encoding,
    )


def _content_hash(text: str) -> str:
    # Folded whitespace: the same speech copied twice with different line endings is one speech.
    digest = hashlib.sha256(f"{LOADER_VERSION}\0{squash(text)}".encode())
    return digest.hexdigest()[:16]


ProgressFactory = Callable[[Iterable[Path], int], Iterable[Path]]


def load_corpus(
    root: Path,
    knowledge: Knowledge | None = None,
    progress: ProgressFactory | None = None,
    paths: list[Path] | None = None,
) -> Corpus:
    """Load every document below `root` (or just `paths`); bad files become diagnostics."""
    knowledge = knowledge or load_knowledge()
    if paths is None:
        paths, _, diagnostics = discover(root)
    else:
        diagnostics = []
    documents: list[Document] = []
    iterator = progress(paths, len(paths)) if progress else paths
    for path in iterator:
        try:
            documents.append(load_document(path, root, knowledge))
        except UnreadableDocument as failure:
            diagnostics.append(failure.diagnostic)
    diagnostics.extend(_duplicates(documents))
    return Corpus(documents, diagnostics)


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
