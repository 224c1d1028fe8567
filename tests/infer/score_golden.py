"""Score the loader on the golden set: `python3 -m tests.infer.score_golden [-v] [PREFIX…]`.

Each `golden/NAME.txt` is a document as it was published; `NAME.expected.yaml` beside it holds
what a careful archivist records from its text. Every document is loaded exactly as
`build_site.py check` loads it, and every field compared. `venue` may list several acceptable
spellings of one event; venues compare after folding case, "the", quotes and the SCO's long name.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from sco_archive.infer.text import norm
from sco_archive.knowledge import load_knowledge
from sco_archive.loader import load_document
from sco_archive.model import GUESS_BELOW, Document

GOLDEN = Path(__file__).resolve().parent / "golden"
FIELDS = (
    "date",
    "date_end",
    "speaker",
    "speaker_role",
    "venue",
    "city",
    "kind",
    "venue_or_city",
)


@dataclass(frozen=True)
class Outcome:
    field: str
    expected: Any
    got: Any
    ok: bool


def golden_names() -> list[str]:
    return sorted(p.name.removesuffix(".txt") for p in GOLDEN.glob("*.txt"))


def expected_for(name: str) -> dict[str, Any]:
    return yaml.safe_load((GOLDEN / f"{name}.expected.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=256)
def loaded(name: str) -> Document:
    return load_document(GOLDEN / f"{name}.txt", GOLDEN, _knowledge())


@lru_cache(maxsize=1)
def _knowledge():
    return load_knowledge()


def fold_venue(text: str) -> str:
    text = norm(text).casefold()
    text = re.sub(r"shanghai cooperation organi[sz]ation", "sco", text)
    text = re.sub(r"\(sco\)|[\"«»]", "", text)
    text = re.sub(r"^(?:the|a|an)\s+|\bthe\s+", "", text)
    return " ".join(text.split()).strip(" .,")


def score(name: str) -> list[Outcome]:
    """Every field of one golden document: expected, loaded, and whether they agree."""
    expected = expected_for(name)
    document = loaded(name)
    date = document.value("date")
    end = document.value("date_end")
    got: dict[str, Any] = {
        "date": (date.iso(), date.precision) if date else (None, None),
        "date_end": end.iso() if end else None,
        **{k: document.value(k) for k in ("speaker", "speaker_role", "city", "kind", "venue")},
    }
    want: dict[str, Any] = {
        **expected,
        "date": (expected.get("date"), expected.get("date_precision")),
        "date_end": expected.get("date_end"),
    }
    outcomes = [
        Outcome(k, want.get(k), got[k], got[k] == want.get(k))
        for k in ("date", "date_end", "speaker", "speaker_role", "city", "kind")
    ]
    venues = want.get("venue")
    venues = venues if isinstance(venues, list) else [venues]
    if venues == [None]:
        venue_ok = got["venue"] is None
    else:
        venue_ok = got["venue"] is not None and fold_venue(got["venue"]) in {
            fold_venue(v) for v in venues
        }
    outcomes.append(Outcome("venue", venues, got["venue"], venue_ok))
    city_ok = got["city"] == want.get("city")
    if venues == [None] and want.get("city") is None:
        either = venue_ok and city_ok  # no place at all: right only if none is made up
    else:
        either = (venue_ok and venues != [None]) or (city_ok and want.get("city") is not None)
    outcomes.append(Outcome("venue_or_city", "either", (got["venue"], got["city"]), either))
    return outcomes


def confident_wrong_date(name: str) -> bool:
    """The worst outcome: a date that is not the document's, shown as if it were sure."""
    expected = expected_for(name)
    found = loaded(name).fields.get("date")
    if found is None or found.confidence < GUESS_BELOW:
        return False
    return (found.value.iso(), found.value.precision) != (
        expected.get("date"),
        expected.get("date_precision"),
    )


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    prefixes = [a for a in argv if not a.startswith("-")]  # score only names starting so
    names = [n for n in golden_names() if not prefixes or n.startswith(tuple(prefixes))]
    right = dict.fromkeys(FIELDS, 0)
    for name in names:
        for outcome in score(name):
            right[outcome.field] += outcome.ok
            if verbose and not outcome.ok and outcome.field != "venue_or_city":
                print(
                    f"  {name}: {outcome.field}: expected {outcome.expected!r}, got {outcome.got!r}"
                )
    print(f"golden documents: {len(names)}")
    for key in FIELDS:
        print(f"{key:>14}: {right[key]:3d}/{len(names)} = {right[key] / len(names):6.1%}")
    wrong = [n for n in names if confident_wrong_date(n)]
    print(f"confident wrong dates: {len(wrong)} {wrong if wrong else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
