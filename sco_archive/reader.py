"""Reading source files: bytes → text and curated metadata, with line numbers; never infers."""

from __future__ import annotations

import codecs
import fnmatch
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from .model import Diagnostic, RawDocument, Severity

DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown")
SIDECAR_SUFFIXES = (".yml", ".yaml")
# What editors, git and operating systems leave behind in a folder a curator works in.
LEFTOVER_PATTERNS = (".*", "*~", "*.swp", "*.swo", "*.bak", "*.tmp", "#*#", "Thumbs.db")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def is_leftover(path: Path) -> bool:
    return any(fnmatch.fnmatch(path.name, pattern) for pattern in LEFTOVER_PATTERNS)


def discover(root: Path) -> tuple[list[Path], list[Path], list[Diagnostic]]:
    """The documents and sidecars below `root`, sorted, and a diagnostic for anything else."""
    documents: list[Path] = []
    sidecars: list[Path] = []
    diagnostics: list[Diagnostic] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root)
        if any(is_leftover(Path(part)) for part in rel.parts):
            continue
        suffix = path.suffix.lower()
        if suffix in DOCUMENT_SUFFIXES:
            documents.append(path)
        elif suffix in SIDECAR_SUFFIXES:
            sidecars.append(path)
        else:
            diagnostics.append(
                _diag(
                    root,
                    path,
                    "unknown-file",
                    f"skipped: '{suffix or path.name}'"
                    " is not a document type (.txt, .md) or a sidecar (.yml)",
                )
            )
    diagnostics.extend(_orphan_sidecars(root, documents, sidecars))
    return documents, sidecars, diagnostics


def sidecar_for(document: Path) -> Path | None:
    """A document's sidecar is the file with the same name but `.yml` (or `.yaml`)."""
    for suffix in SIDECAR_SUFFIXES:
        candidate = document.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return None


def _orphan_sidecars(root: Path, documents: list[Path], sidecars: list[Path]) -> list[Diagnostic]:
    stems = {d.with_suffix("") for d in documents}
    return [
        _diag(
            root,
            s,
            "orphan-sidecar",
            "sidecar has no document beside it "
            f"(expected {s.with_suffix('.txt').name} or {s.with_suffix('.md').name}); ignored",
        )
        for s in sidecars
        if s.with_suffix("") not in stems
    ]


def _diag(
    root: Path,
    path: Path,
    code: str,
    message: str,
    line: int | None = None,
    severity: Severity = Severity.WARNING,
) -> Diagnostic:
    return Diagnostic(rel_name(root, path), line, severity, code, message)


def rel_name(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


class UnreadableDocument(Exception):
    """The file cannot be turned into text; carries the diagnostic that says why."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def decode(data: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding name). Raises ValueError when the bytes are not text we trust."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    if b"\x00" in data:
        raise ValueError("binary file (it contains NUL bytes): not a text document")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ValueError(
            f"not valid UTF-8 (byte {error.start}, line {line}); save the file as UTF-8"
        ) from error


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_document(path: Path, root: Path) -> RawDocument:
    """Read one document and its curated metadata (front matter and sidecar)."""
    name = rel_name(root, path)
    try:
        text, encoding = decode(path.read_bytes())
    except ValueError as error:
        raise UnreadableDocument(
            Diagnostic(name, None, Severity.ERROR, "unreadable", str(error))
        ) from error
    text = normalise_newlines(text)
    raw = RawDocument(path=path, rel_path=name, text=text, encoding=encoding)
    if encoding != "utf-8":
        raw.diagnostics.append(
            Diagnostic(
                name,
                None,
                Severity.WARNING,
                "encoding",
                f"decoded as {encoding}; UTF-8 without BOM is preferred",
            )
        )
    if path.suffix.lower() != ".txt":
        _split_front_matter(raw)
    sidecar = sidecar_for(path)
    if sidecar is not None:
        _merge_sidecar(raw, sidecar, root)
    if not raw.text.strip():
        raise UnreadableDocument(
            Diagnostic(name, None, Severity.ERROR, "empty", "the document has no text")
        )
    return raw


def _split_front_matter(raw: RawDocument) -> None:
    handler = YAMLHandler()
    if not handler.detect(raw.text):
        return
    try:
        fm, body = handler.split(raw.text)
    except ValueError:
        raw.diagnostics.append(
            Diagnostic(
                raw.rel_path,
                1,
                Severity.ERROR,
                "front-matter",
                "front matter opened with '---' is never closed",
            )
        )
        return
    fm_line = 1  # the split keeps the newline that ends the opening `---` line
    body_line = raw.text[: len(raw.text) - len(body)].count("\n") + 1
    values = _load_yaml(fm, raw.rel_path, fm_line, raw.diagnostics)
    raw.text = body
    raw.body_line = body_line
    if values is not None:
        raw.curated.update(values)
        raw.curated_lines.update(_key_lines(fm, fm_line))
        raw.curated_file = raw.rel_path


def _merge_sidecar(raw: RawDocument, sidecar: Path, root: Path) -> None:
    name = rel_name(root, sidecar)
    try:
        text, _ = decode(sidecar.read_bytes())
    except ValueError as error:
        raw.diagnostics.append(Diagnostic(name, None, Severity.ERROR, "sidecar", str(error)))
        return
    values = _load_yaml(normalise_newlines(text), name, 1, raw.diagnostics)
    if values:
        # A sidecar overrides front matter: it is where a curator corrects a document.
        raw.curated.update(values)
        raw.curated_lines.update(_key_lines(text, 1))
        raw.curated_file = name


def _load_yaml(
    text: str, name: str, first_line: int, diagnostics: list[Diagnostic]
) -> dict[str, Any] | None:
    try:
        values = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        diagnostics.append(
            Diagnostic(
                name,
                line,
                Severity.ERROR,
                "yaml",
                f"metadata is not valid YAML: {problem}; the metadata was ignored",
            )
        )
        return None
    if values is None:
        return {}
    if not isinstance(values, dict):
        diagnostics.append(
            Diagnostic(
                name,
                first_line,
                Severity.ERROR,
                "yaml",
                "metadata must be a mapping of `key: value` lines; ignored",
            )
        )
        return None
    return {str(k): v for k, v in values.items()}


def _key_lines(text: str, first_line: int) -> dict[str, int]:
    lines: dict[str, int] = {}
    for offset, line in enumerate(text.split("\n")):
        if line and not line[0].isspace() and ":" in line and not line.startswith("#"):
            lines.setdefault(line.split(":", 1)[0].strip(), first_line + offset)
    return lines
