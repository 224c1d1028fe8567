"""Merging curated metadata over inferred values, with one written-down precedence.

Precedence, weakest first: file name < corpus knowledge < body text < title < curated
(front matter, then sidecar). Inference already picks among its own layers; this module
lays curated values over the result, validates their types and records disagreements.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from typing import Any

from sco_archive.model import Diagnostic, Field, Origin, PartialDate, Severity

_TEXT_KEYS = (
    "title",
    "speaker",
    "speaker_role",
    "venue",
    "city",
    "kind",
    "language",
    "source_url",
    "notes",
)
KNOWN_CURATED_KEYS = frozenset((*_TEXT_KEYS, "date", "date_end", "published", "topics", "notes"))
GUESS_BELOW = 0.5  # a value with less confidence than this is shown as a guess


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


_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    **{key: curated_text for key in _TEXT_KEYS},
    "title": curated_title,
    "source_url": curated_url,
    "date": curated_date,
    "date_end": curated_date,
    "published": curated_date,
    "topics": curated_topics,
}


def validate_curated(
    curated: Mapping[str, Any],
    lines: Mapping[str, int],
    file: str,
) -> tuple[dict[str, Field], list[Diagnostic]]:
    """Curated values as Fields; a value of the wrong type is reported and left out."""
    fields: dict[str, Field] = {}
    diagnostics: list[Diagnostic] = []
    for key, raw in curated.items():
        line = lines.get(key)
        convert = _CONVERTERS.get(key)
        if convert is None:
            if key not in KNOWN_CURATED_KEYS:
                diagnostics.append(
                    Diagnostic(
                        file,
                        line,
                        Severity.WARNING,
                        "unknown-key",
                        f"unknown metadata key `{key}`; ignored",
                    )
                )
            continue
        try:
            value = convert(raw)
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
        fields[key] = Field(value, Origin.CURATED, f"curated:{key}", 1.0, line, str(raw))
    return fields, diagnostics


def merge(
    inferred: Mapping[str, Field],
    curated: Mapping[str, Field],
) -> tuple[dict[str, Field], dict[str, Field]]:
    """Curated wins; returns (fields, disputed) where disputed holds overruled inferences."""
    fields = dict(inferred)
    disputed: dict[str, Field] = {}
    for key, chosen in curated.items():
        found = inferred.get(key)
        if found is not None and found.value != chosen.value:
            disputed[key] = found
        fields[key] = chosen
    return {k: v for k, v in fields.items() if v.value not in (None, "", ())}, disputed


def review_diagnostics(
    file: str, fields: Mapping[str, Field], disputed: Mapping[str, Field]
) -> list[Diagnostic]:
    """What a curator should look at before publishing this document."""
    found: list[Diagnostic] = []
    if "date" not in fields:
        found.append(
            Diagnostic(
                file,
                None,
                Severity.WARNING,
                "no-date",
                "no date found in the text; add `date:` to the sidecar",
            )
        )
    if "kind" not in fields:
        found.append(
            Diagnostic(
                file,
                None,
                Severity.WARNING,
                "no-kind",
                "kind not recognised; add `kind:` to the sidecar",
            )
        )
    for key, chosen in sorted(fields.items()):
        if chosen.confidence < GUESS_BELOW:
            found.append(
                Diagnostic(
                    file,
                    chosen.line,
                    Severity.WARNING,
                    "low-confidence",
                    f"{key} {_show(chosen.value)!r} is a guess "
                    f"({chosen.rule}); confirm it in the sidecar",
                )
            )
    for key, overruled in sorted(disputed.items()):
        # `speaker:` left empty (there is none) removes the key from `fields`.
        curated = repr(_show(fields[key].value)) if key in fields else "(empty)"
        found.append(
            Diagnostic(
                file,
                overruled.line,
                Severity.INFO,
                "disputed",
                f"curated {key} {curated} differs from the "
                f"text's {_show(overruled.value)!r} ({overruled.rule})",
            )
        )
    return found


def _show(value: Any) -> str:
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, tuple):
        return ", ".join(map(str, value))
    return str(value)
