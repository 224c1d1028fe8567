"""Small documents for inference tests: a title and paragraphs from a few lines of text."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from sco_archive.infer import infer_fields
from sco_archive.infer.calibration import RAW
from sco_archive.knowledge import Knowledge, load_knowledge
from sco_archive.model import Field, Paragraph

SEEDS = Path(__file__).resolve().parents[2] / "speeches"


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    return load_knowledge()


def paragraphs(*texts: str, first_line: int = 3) -> list[Paragraph]:
    """Paragraphs separated by blank lines, starting on `first_line`."""
    return [Paragraph(text, first_line + 2 * i) for i, text in enumerate(texts)]


def infer(title: str, *texts: str, **options) -> dict[str, Field]:
    """Inferred fields with each rule's own confidence (calibration measures rules apart)."""
    options.setdefault("calibration", RAW)
    return infer_fields(title, 1, paragraphs(*texts), knowledge(), **options)


def value(fields: dict[str, Field], key: str):
    found = fields.get(key)
    return None if found is None else found.value


def split_seed(text: str) -> tuple[str, int, list[Paragraph]]:
    """Title (first non-blank lines up to a blank line, `**` stripped) and the paragraphs."""
    lines = text.split("\n")
    number = 0
    while number < len(lines) and not lines[number].strip():
        number += 1
    title_line = number + 1
    title_lines: list[str] = []
    while number < len(lines) and lines[number].strip():
        title_lines.append(lines[number].strip())
        number += 1
    title = " ".join(title_lines).strip().removeprefix("**").removesuffix("**").strip()
    found: list[Paragraph] = []
    for index in range(number, len(lines)):
        line = lines[index]
        if line.strip() and " ".join(line.split()) != " ".join(title.split()):
            found.append(Paragraph(line, index + 1))
    return title, title_line, found
