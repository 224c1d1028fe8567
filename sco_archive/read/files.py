"""Reading source files: bytes → text and curated metadata, with line numbers; never infers."""

from __future__ import annotations

import codecs
import fnmatch
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from charset_normalizer import from_bytes
from frontmatter.default_handlers import YAMLHandler

from sco_archive.model import Diagnostic, RawDocument, Severity
from sco_archive.read.docx import read_docx
from sco_archive.read.extracted import Extracted, FormatError
from sco_archive.read.html import read_html
from sco_archive.read.pdf import read_pdf

# Formats read by their own library (read/html.py, pdf.py, docx.py): suffix → (format, reader).
EXTRACTED_FORMATS: dict[str, tuple[str, Callable[[bytes], Extracted]]] = {
    ".html": ("html", read_html),
    ".htm": ("html", read_html),
    ".pdf": ("pdf", read_pdf),
    ".docx": ("docx", read_docx),
}
# Every document's format by suffix: what `corpus.jsonl` and the link to the original say.
FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md"} | {
    suffix: name for suffix, (name, _) in EXTRACTED_FORMATS.items()
}
DOCUMENT_SUFFIXES = tuple(FORMATS)
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
                    f"skipped: '{suffix or path.name}' is not a document type"
                    f" ({', '.join(DOCUMENT_SUFFIXES)}) or a sidecar (.yml)"
                    + (" (save a .doc as .docx)" if suffix in (".doc", ".rtf", ".odt") else ""),
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
            "sidecar has no document beside it (expected "
            f"{s.with_suffix('').name} with one of {', '.join(DOCUMENT_SUFFIXES)}); ignored",
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


# Files that are not text however they are decoded: refused by their first bytes.
_MAGIC = (
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .odt?)"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Office file"),
    (b"{\\rtf", "an RTF file"),
)
# A detection this messy (charset-normalizer's "chaos", 0..1) is a guess, not a reading.
_MAX_CHAOS = 0.1
# When several single-byte encodings explain the bytes equally well (Latin-1 text looks like
# cp1250 too), Windows' Western default wins; any other tie is refused rather than guessed.
_PREFERRED_ON_TIE = ("cp1252",)
# Control characters a text file never holds (tab, newlines and form feed are fine).
_CONTROL = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f") | {"\x7f"}


class UndecidableEncoding(ValueError):
    """Not UTF-8, and no encoding fits with confidence; `line` is where UTF-8 broke."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


def decode(data: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding name). Raises ValueError when the bytes are not text we trust."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise ValueError(f"binary file ({kind}): not a text document; remove it")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="strict"), encoding)
    if b"\x00" in data:
        raise ValueError("binary file (it contains NUL bytes): not a text document; remove it")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        encoding = _detect(data)
        if encoding is None:
            raise UndecidableEncoding(
                line,
                f"not valid UTF-8 (byte {error.start}, line {line}) and its encoding cannot "
                "be told with confidence; save the file as UTF-8",
            ) from error
        return _checked(data.decode(encoding), encoding)


def _detect(data: bytes) -> str | None:
    """The encoding charset-normalizer is sure of, or None when it is guessing."""
    matches = list(from_bytes(data))
    if not matches or matches[0].chaos > _MAX_CHAOS:
        return None
    best = matches[0]
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    readings = {str(m) for m in tied}
    if len(readings) == 1:
        return best.encoding
    for preferred in _PREFERRED_ON_TIE:
        if any(m.encoding == preferred for m in tied):
            return preferred
    return None


def _checked(text: str, encoding: str) -> tuple[str, str]:
    # Decodable is not enough: a binary file in a single-byte encoding "decodes" too.
    controls = sum(1 for char in text[:65536] if char in _CONTROL)
    if controls > max(2, len(text[:65536]) // 100):
        raise ValueError(
            f"binary file ({controls} control characters): not a text document; remove it"
        )
    return text, encoding


_ENCODING_ADVICE = "not UTF-8; check the text on its page and save the file as UTF-8 (no BOM)"


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_document(path: Path, root: Path) -> RawDocument:
    """Read one document and its curated metadata (front matter and sidecar)."""
    name = rel_name(root, path)
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix in EXTRACTED_FORMATS:
        raw = _read_extracted(path, name, data)
    else:
        raw = _read_text(path, name, data)
        if suffix != ".txt":  # a .txt is exactly as it came: a `---` in it is text
            _split_front_matter(raw)
    sidecar = sidecar_for(path)
    if sidecar is not None:
        _merge_sidecar(raw, sidecar, root)
    if not raw.text.strip():
        raise UnreadableDocument(
            Diagnostic(name, None, Severity.ERROR, "empty", "the document has no text")
        )
    return raw


def _read_extracted(path: Path, name: str, data: bytes) -> RawDocument:
    """A web page, PDF or Word file: its library's text, in the shape of a .txt file."""
    format_name, reader = EXTRACTED_FORMATS[path.suffix.lower()]
    try:
        extracted = reader(data)
    except FormatError as error:
        raise UnreadableDocument(
            Diagnostic(name, None, Severity.ERROR, "unreadable", f"{format_name}: {error}")
        ) from error
    raw = RawDocument(
        path=path,
        rel_path=name,
        text=extracted.text,
        format=format_name,
        page_evidence=extracted.evidence,
        size=len(data),
    )
    if extracted.problems:
        raw.diagnostics.append(
            Diagnostic(
                name,
                None,
                Severity.WARNING,
                "damaged",
                f"{format_name}: the file is damaged and was read as far as it could be "
                f"({'; '.join(extracted.problems)}); compare the page with the original, "
                "or export the file again",
            )
        )
    return raw


def _read_text(path: Path, name: str, data: bytes) -> RawDocument:
    try:
        text, encoding = decode(data)
    except ValueError as error:
        line = getattr(error, "line", None)
        raise UnreadableDocument(
            Diagnostic(name, line, Severity.ERROR, "unreadable", str(error))
        ) from error
    text = normalise_newlines(text)
    raw = RawDocument(
        path=path,
        rel_path=name,
        text=text,
        encoding=encoding,
        format=FORMATS.get(path.suffix.lower(), "txt"),
        size=len(data),
    )
    if encoding != "utf-8":
        raw.diagnostics.append(
            Diagnostic(
                name,
                None,
                Severity.WARNING,
                "encoding",
                f"decoded as {encoding}, {_ENCODING_ADVICE}",
            )
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
