"""What `check` shows a curator: every field, its evidence, and what needs review first."""

from __future__ import annotations

from typing import Any

from sco_archive.loader import Corpus, diagnostic_order
from sco_archive.model import (
    METADATA_KEYS,
    RECORD_KEYS,
    RELATION_KEYS,
    Diagnostic,
    Document,
    Field,
    Severity,
    document_record,
    plain,
)

# `check --format json`: the document's record (the file named first), then what a curator
# reviews.
JSON_KEYS = (
    "file",
    *(key for key in RECORD_KEYS if key != "source"),
    "warnings",
    "provenance",
    "confidence",
    "disputed",
)
SHOWN_FIELDS = METADATA_KEYS  # `check` shows every field a document has, in that order


def evidence(found: Field) -> dict[str, Any]:
    return {
        "value": plain(found.value),
        "origin": found.origin.value,
        "rule": found.rule,
        "confidence": round(found.confidence, 2),
        "line": found.line,
        "snippet": found.snippet,
        "evidence": found.evidence,
        "measured": list(found.measured) if found.measured else None,
        "considered": [c.described() for c in found.considered],
    }


def check_record(document: Document) -> dict[str, Any]:
    """One document as `check --format json` prints it."""
    record: dict[str, Any] = {
        "file": document.source,
        **document_record(document),
        "language": document.value("language"),  # unknown is shown as unknown here
        "warnings": [d.format() for d in document.diagnostics if d.severity is not Severity.INFO],
        "provenance": {k: evidence(f) for k, f in sorted(document.fields.items())},
        "confidence": {k: round(f.confidence, 2) for k, f in sorted(document.fields.items())},
        "disputed": {k: evidence(f) for k, f in sorted(document.disputed.items())},
    }
    return {key: record[key] for key in JSON_KEYS}


def unloaded_record(diagnostic: Diagnostic) -> dict[str, Any]:
    record: dict[str, Any] = dict.fromkeys(JSON_KEYS)
    record.update(
        file=diagnostic.file,
        topics=[],
        words=0,
        warnings=[diagnostic.format()],
        provenance={},
        confidence={},
        disputed={},
    )
    return record


def json_records(corpus: Corpus) -> list[dict[str, Any]]:
    records = [check_record(d) for d in corpus.documents]
    loaded = {d.source for d in corpus.documents}
    records += [
        unloaded_record(d)
        for d in corpus.diagnostics
        if d.severity is Severity.ERROR and d.file not in loaded
    ]
    return sorted(records, key=lambda r: r["file"])


def needs_review(document: Document) -> bool:
    return any(d.severity is not Severity.INFO for d in document.diagnostics) or bool(
        document.disputed
    )


def text_report(corpus: Corpus, extra: list[Diagnostic]) -> str:
    """Documents needing review first, then every document's fields with their evidence."""
    documents = sorted(corpus.documents, key=lambda d: (not needs_review(d), d.source))
    lines = [_review_table(documents), ""]
    for document in documents:
        lines += [*_document_lines(document), ""]
    diagnostics = sorted(corpus.diagnostics + extra, key=diagnostic_order)
    if diagnostics:
        lines += ["Folder:"] + [f"  {d.format()}" for d in diagnostics] + [""]
    lines.append(summary(corpus, extra))
    return "\n".join(lines)


def _review_table(documents: list[Document]) -> str:
    flagged = [d for d in documents if needs_review(d)]
    if not flagged:
        return "Review: every document has a date and a kind, and nothing is a guess."
    rows = ["Review first (missing, low-confidence or disputed fields):"]
    for document in flagged:
        codes = sorted({d.code for d in document.diagnostics})
        rows.append(f"  {document.source}: {', '.join(codes)}")
    return "\n".join(rows)


def _document_lines(document: Document) -> list[str]:
    lines = [f"{document.source}  ({document.words} words, {len(document.paragraphs)} paragraphs)"]
    # Then the curated relations it has (translation_of …), which most documents have not.
    relations = tuple(key for key in RELATION_KEYS if key in document.fields)
    for key in (*SHOWN_FIELDS, *relations):
        found = document.fields.get(key)
        if found is None:
            lines.append(f"  {key:<13} —  (not stated)")
            continue
        where = f", line {found.line}" if found.line else ""
        lines.append(
            f"  {key:<13} {_show(found.value)}  [{found.origin.value}: {found.rule}, "
            f"confidence {found.confidence:.2f}{_measured(found)}{where}]"
        )
        if found.snippet and found.snippet != _show(found.value):
            lines.append(f"  {'':<13} ↳ “{_clip(found.snippet)}”")
        if found.considered:
            also = "; ".join(c.described() for c in found.considered)
            lines.append(f"  {'':<13} also considered: {also}")
        if key in document.disputed:
            lines.append(f"  {'':<13} ! the text says {_show(document.disputed[key].value)}")
    lines += [f"  {d.format()}" for d in document.diagnostics]
    return lines


def _measured(found: Field) -> str:
    if found.measured is None:
        return ""
    right, given = found.measured
    return f" (this evidence was right {right} of {given} times on real documents)"


def _show(value: Any) -> str:
    value = plain(value)
    return ", ".join(value) if isinstance(value, list) else str(value)


def _clip(text: str, width: int = 100) -> str:
    """At most `width` characters, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    return (cut.rpartition(" ")[0] or cut) + " …"


def summary(corpus: Corpus, extra: list[Diagnostic]) -> str:
    everything = corpus.all_diagnostics() + extra
    errors = sum(d.severity is Severity.ERROR for d in everything)
    warnings = sum(d.severity is Severity.WARNING for d in everything)
    return f"{len(corpus.documents)} documents loaded, {errors} error(s), {warnings} warning(s)"
