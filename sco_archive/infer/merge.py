"""Merging curated metadata over inferred values, with one written-down precedence.

Precedence, weakest first: file name < corpus knowledge < body text < title < curated
(front matter, then sidecar). Inference already picks among its own layers; this module
lays curated values (read/curated.py validated them) over the result and records
disagreements.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sco_archive.model import GUESS_BELOW, Diagnostic, Field, PartialDate, Severity


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
