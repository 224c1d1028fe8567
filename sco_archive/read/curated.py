"""Curated metadata (front matter, sidecar) checked against the field table: each value of
its field's type, or reported with its line and left out."""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

from sco_archive.model import (
    METADATA_FIELDS,
    RELATION_KEYS,
    Diagnostic,
    Field,
    Origin,
    PartialDate,
    Severity,
    ValueType,
)


def curated_date(value: Any) -> PartialDate:
    """A date as a curator may write it in YAML: 2019-04-24, '2019-04', 2019."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return PartialDate(value)
    if isinstance(value, str):
        return PartialDate.parse_iso(value)
    raise ValueError(f"not a date: {value!r}")


def curated_text(value: Any) -> str | None:
    if value is None:
        return None  # an explicit `speaker:` with no value says "there is none"
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = " ".join(str(value).split())
        return text or None
    raise ValueError(f"expected text, got {type(value).__name__} {value!r}")


def curated_title(value: Any) -> str:
    # Every page needs a title: `title:` left empty is a mistake, not "there is none".
    text = curated_text(value)
    if text is None:
        raise ValueError("a title cannot be empty; remove the key to use the first line")
    return text


def curated_topics(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError(f"expected a list of topics, got {value!r}")


def curated_url(value: Any) -> str | None:
    text = curated_text(value)
    # Only web addresses: a `javascript:` URL in a sidecar must never become a link.
    if text is not None and not text.lower().startswith(("https://", "http://")):
        raise ValueError(f"expected an http(s) address, got {text!r}")
    return text


def curated_references(value: Any) -> tuple[str, ...]:
    """`translation_of: 002_x.txt`, a list of them, or `none`: documents named by their file
    or their page's slug (write/translations.py finds them once every page is planned)."""
    if isinstance(value, str) and value.strip():
        return (value.strip(),)
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(v.strip() for v in value)
    raise ValueError(
        f"expected a document's file name or page slug, or a list of them (or `none`), got "
        f"{value!r}"
    )


_CONVERTERS: dict[ValueType, Callable[[Any], Any]] = {
    ValueType.TEXT: curated_text,
    ValueType.TITLE: curated_title,
    ValueType.URL: curated_url,
    ValueType.DATE: curated_date,
    ValueType.TOPICS: curated_topics,
    ValueType.REFERENCES: curated_references,
}
_TYPE_OF = {
    **{column.key: column.type for column in METADATA_FIELDS},
    **dict.fromkeys(RELATION_KEYS, ValueType.REFERENCES),
}


def validate_curated(
    curated: Mapping[str, Any],
    lines: Mapping[str, int],
    file: str,
    topics: Collection[str] | None = None,
) -> tuple[dict[str, Field], list[Diagnostic]]:
    """Curated values as Fields; a value of the wrong type is reported and left out, and so
    is a topic that `topics` (the knowledge file's slugs) does not know."""
    fields: dict[str, Field] = {}
    diagnostics: list[Diagnostic] = []
    for key, raw in curated.items():
        line = lines.get(key)
        value_type = _TYPE_OF.get(key)
        if value_type is None:
            message = f"unknown metadata key `{key}`{_did_you_mean(key, _TYPE_OF)}; ignored"
            diagnostics.append(Diagnostic(file, line, Severity.WARNING, "unknown-key", message))
            continue
        try:
            value = _CONVERTERS[value_type](raw)
        except ValueError as error:
            diagnostics.append(
                Diagnostic(
                    file,
                    line,
                    Severity.ERROR,
                    "bad-value",
                    f"`{key}`: {error}; the value was ignored",
                )
            )
            continue
        if value_type is ValueType.TOPICS and topics is not None:
            value = _known_topics(value, topics, file, line, diagnostics)
        fields[key] = Field(value, Origin.CURATED, _where_curated(file), 1.0, line, str(raw))
    return fields, diagnostics


def _known_topics(
    slugs: tuple[str, ...],
    topics: Collection[str],
    file: str,
    line: int | None,
    diagnostics: list[Diagnostic],
) -> tuple[str, ...]:
    """A misspelt slug would open a topic page of its own: it is reported and left out."""
    for slug in slugs:
        if slug not in topics:
            message = f"unknown topic `{slug}`{_did_you_mean(slug, topics)}; ignored"
            diagnostics.append(Diagnostic(file, line, Severity.WARNING, "unknown-topic", message))
    return tuple(slug for slug in slugs if slug in topics)


def _where_curated(file: str) -> str:
    """`sidecar 000_x.yml` or `front matter`: what a curator opens to change the value."""
    path = Path(file)
    return f"sidecar {path.name}" if path.suffix in (".yml", ".yaml") else "front matter"


def _did_you_mean(word: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.7)
    return f" (did you mean `{close[0]}`?)" if close else ""
