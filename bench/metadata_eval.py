"""Score the loader's metadata on real documents it was not written from.

    python3 bench/metadata_eval.py                 # both parts, per field
    python3 bench/metadata_eval.py --failures      # also every miss of the dev part
    python3 bench/metadata_eval.py --write-calibration

The corpus is `bench/eval_corpus/` (LABELLING.md says how it was gathered and labelled). Each
document is loaded as `build_site.py check` loads it and compared with its label. The corpus
is split once by a hash of each file's bytes: about 40 % is the *test* part, which is only
scored (its misses are never printed), the rest the *dev* part, which rules may be written
from. A third part, *calibration* (`split: calibration` in a label), is gathered apart and
never read for rules either. `--write-calibration` measures how often each kind of evidence
gave the right value, on the dev part (`--calibrate-on` may add or choose the calibration
part), and writes that to `sco_archive/data/calibration.yaml`: the loader's confidences are
those measured shares. A share measured on the dev part is optimistic, as the rules were
written there; the calibration part's bands show by how much.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sco_archive.infer.calibration import CALIBRATED_FIELDS, write_calibration
from sco_archive.infer.calibration import DEFAULT_PATH as CALIBRATION_PATH
from sco_archive.infer.date_grammar import find_dates
from sco_archive.knowledge import load_knowledge
from sco_archive.loader import load_document
from sco_archive.model import Document, Field

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / "eval_corpus"
TEST_SHARE = 40  # per cent of the documents in the test part
SURE = 0.8  # a value at or above this confidence is stated as sure
BANDS = ((0.0, 0.5), (0.5, 0.8), (0.8, 0.9), (0.9, 1.01))
# The classes of kind: a reader who wants spoken words does not care which word.
KIND_CLASSES = {
    "speech": "spoken",
    "remarks": "spoken",
    "address": "spoken",
    "statement": "spoken",
    "press conference": "press conference",
    "interview": "interview",
    "news": "written",
    "report": "written",
    "press release": "written",
    "article": "written",
    "declaration": "declaration",
    "other": "other",
}
REPORTED = (
    "title",
    "date",
    "date_unstated",
    "published",
    "speaker",
    "speaker_role",
    "kind",
    "venue_or_city",
    "city",
    "venue",
    "language",
)


@dataclass(frozen=True)
class Labelled:
    stem: str
    path: Path
    label: dict[str, Any]
    part: str  # "dev" or "test"


@dataclass(frozen=True)
class Outcome:
    """One field of one document: right, wrong, or no answer (abstained)."""

    field: str
    verdict: str  # "right", "wrong", "abstained"
    confidence: float | None
    evidence: str  # the kind of evidence the value came from (calibration's key)
    expected: Any
    got: Any


PARTS = ("dev", "calibration", "test")


def part_of(path: Path, label: dict[str, Any]) -> str:
    """The part a document is in: by the hash of its bytes, unless its label names a part."""
    if label.get("split") in ("dev", "calibration"):
        return label["split"]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return "test" if int(digest[:8], 16) % 100 < TEST_SHARE else "dev"


def corpus(folder: Path = CORPUS) -> list[Labelled]:
    found = []
    for label_path in sorted((folder / "labels").glob("*.yaml")):
        path = folder / "docs" / f"{label_path.stem}.txt"
        try:
            label = yaml.safe_load(label_path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            print(f"{label_path.name}: skipped, not YAML ({error})".splitlines()[0])
            continue
        if not path.is_file():
            print(f"{label_path.name}: skipped, no document {path.name}")
            continue
        found.append(Labelled(label_path.stem, path, label, part_of(path, label)))
    return found


# ---------------------------------------------------------------------------------------------
# Comparing a value with its label.


def fold(text: Any) -> str:
    """Case, accents, punctuation and the SCO's long name folded away."""
    text = unicodedata.normalize("NFKD", str(text)).casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"shanghai cooperation organi[sz]ation", "sco", text)
    text = re.sub(r"[\W_]+", " ", text)
    text = re.sub(r"^(?:the|a|an) |\bthe\b", " ", text)
    return " ".join(text.split())


def same_person(got: str, names: Iterable[str]) -> bool:
    """Spelling variants of one name agree: Mirziyoyev / Mirziyoev, Nurgaliev / Nurgaliyev."""

    def key(name: str) -> str:
        folded = fold(name).replace("iy", "i").replace("yev", "ev").replace("j", "y")
        return folded.replace(" ", "")

    return any(key(got) == key(n) or _same_family_name(got, n) for n in names if n)


def _same_family_name(got: str, name: str) -> bool:
    # "Mr Norov" is not given here, but "V. Norov" and "Vladimir Imamovich Norov" are one man.
    a, b = fold(got).split(), fold(name).split()
    if len(a) < 2 or len(b) < 2:
        return False
    same_family = a[-1] == b[-1] or (a[0] == b[0] and len(a[0]) > 2)  # family name first, or last
    return same_family and a[0][0] == b[0][0] and a[-1][0] == b[-1][0]


# A role is worded many ways: "Chinese President", "President of China", "President of the
# People's Republic of China" are one office.
_COUNTRY_OF = {
    "chinese": "china", "russian": "russia", "indian": "india", "kazakh": "kazakhstan",
    "kyrgyz": "kyrgyzstan", "tajik": "tajikistan", "uzbek": "uzbekistan", "pakistani": "pakistan",
    "iranian": "iran", "belarusian": "belarus", "prc": "china", "un": "un",
}  # fmt: skip
_ROLE_FILLER = {"of", "the", "people", "s", "republic", "federation", "official", "affairs"}
_SAME_WORD = {"spokesman": "spokesperson", "spokeswoman": "spokesperson", "ministry": "ministry"}


def same_role(got: str, want: str | None) -> bool:
    """The same office, however worded: the words of each, countries named one way."""
    if want is None:
        return False

    def words(role: str) -> frozenset[str]:
        folded = fold(role.replace("Secretary General", "Secretary-General"))
        found = (_SAME_WORD.get(w, _COUNTRY_OF.get(w, w)) for w in folded.split())
        return frozenset(found) - _ROLE_FILLER

    return words(got) == words(want)


def same_venue(got: str, venues: Iterable[str]) -> bool:
    """The same event, worded alike: folded words mostly shared."""
    mine = set(fold(got).split()) - {"sco", "of", "in", "on", "and", "member", "states"}
    for venue in venues:
        theirs = set(fold(venue).split()) - {"sco", "of", "in", "on", "and", "member", "states"}
        if fold(got) == fold(venue):
            return True
        if mine and theirs and len(mine & theirs) / len(mine | theirs) >= 0.6:
            return True
        # One wording inside the other: "14th Meeting of Security Council Secretaries" and
        # "Meeting of Security Council Secretaries".
        shorter, longer = sorted((mine, theirs), key=len)
        if len(shorter) >= 2 and shorter <= longer:
            return True
    return False


def iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.iso() if hasattr(value, "iso") else str(value)


def outcomes_of(document: Document, label: dict[str, Any]) -> list[Outcome]:
    """Every scored field of one document; fields the label cannot judge are left out."""
    found = []

    def add(name: str, field: Field | None, verdict: str, expected: Any, got: Any) -> None:
        confidence = field.confidence if field is not None else None
        evidence = field.evidence if field is not None else ""
        found.append(Outcome(name, verdict, confidence, evidence, expected, got))

    if label.get("title"):
        title = document.fields.get("title")
        same = fold(document.title) == fold(label["title"])
        add("title", title, "right" if same else "wrong", label["title"], document.title)
    date = document.fields.get("date")
    got_date = iso(date.value) if date else None
    if label["date"] is not None:
        want = iso(label["date"])
        verdict = "abstained" if got_date is None else "right" if got_date == want else "wrong"
        add("date", date, verdict, want, got_date)
    elif got_date is not None:
        # The text does not say when it happened: a date is only ever a guess (the stamp's),
        # never right; scored apart from the documents that do say when.
        add("date_unstated", date, "wrong", None, got_date)
    published = document.fields.get("published")
    if label["published"] is not None:
        want, got = iso(label["published"]), iso(published.value) if published else None
        verdict = "abstained" if got is None else "right" if got == want else "wrong"
        add("published", published, verdict, want, got)

    speaker = document.fields.get("speaker")
    got_speaker = document.value("speaker")
    names = [label["speaker"], *(label.get("speaker_variants") or [])]
    if label["speaker"] is None:
        verdict = "right" if got_speaker is None else "wrong"
    elif got_speaker is None:
        verdict = "abstained"
    else:
        verdict = "right" if same_person(got_speaker, names) else "wrong"
    add("speaker", speaker, verdict, label["speaker"], got_speaker)
    if verdict == "right" and label["speaker"] is not None:
        # The role, judged only where the speaker is the right one: the role of another person
        # is the speaker's mistake, counted there.
        role, got_role, want_role = document.fields.get("speaker_role"), None, None
        got_role, want_role = document.value("speaker_role"), label.get("speaker_role")
        if got_role is None:
            role_verdict = "right" if want_role is None else "abstained"
        else:
            role_verdict = "right" if same_role(got_role, want_role) else "wrong"
        add("speaker_role", role, role_verdict, want_role, got_role)

    kind = document.fields.get("kind")
    got_kind = document.value("kind")
    want_kind = KIND_CLASSES[label["kind"]]
    if got_kind is None:
        verdict = "abstained"
    else:
        verdict = "right" if KIND_CLASSES.get(got_kind) == want_kind else "wrong"
    add("kind", kind, verdict, label["kind"], got_kind)

    found.extend(_candidate_outcomes(document, label))
    found.extend(_place_outcomes(document, label))
    language = document.fields.get("language")
    got_language = document.value("language")
    add("language", language, "right" if got_language == label["language"] else "wrong",
        label["language"], got_language)  # fmt: skip
    return found


def _candidate_outcomes(document: Document, label: dict[str, Any]) -> list[Outcome]:
    """The runners-up of date and kind, scored too: a kind of evidence is measured whenever
    it proposes a value, whether or not that value was chosen (calibration only)."""
    found = []
    for name in ("date", "kind"):
        chosen = document.fields.get(name)
        for candidate in chosen.considered if chosen is not None else ():
            if name == "date":
                want = iso(label["date"])
                ok = want is not None and iso(candidate.value) == want
            else:
                want = KIND_CLASSES[label["kind"]]
                ok = KIND_CLASSES.get(candidate.value) == want
            verdict = "right" if ok else "wrong"
            found.append(Outcome(f"candidate:{name}", verdict, candidate.confidence,
                                 candidate.evidence, want, candidate.value))  # fmt: skip
    return found


def _place_outcomes(document: Document, label: dict[str, Any]) -> list[Outcome]:
    city, venue = document.fields.get("city"), document.fields.get("venue")
    got_city, got_venue = document.value("city"), document.value("venue")
    venues = [v for v in [label["venue"], *(label.get("venue_variants") or [])] if v]
    city_ok = (
        label["city"] is not None and got_city is not None and fold(got_city) == fold(label["city"])
    )
    venue_ok = bool(venues) and got_venue is not None and same_venue(got_venue, venues)
    found = []

    def verdict(ok: bool, got: Any) -> str:
        return "right" if ok else "abstained" if got is None else "wrong"

    def outcome(name: str, field: Field | None, v: str, want: Any, got: Any) -> Outcome:
        confidence = field.confidence if field is not None else None
        return Outcome(name, v, confidence, field.evidence if field else "", want, got)

    if label["city"] is not None:
        found.append(outcome("city", city, verdict(city_ok, got_city), label["city"], got_city))
    elif got_city is not None:
        found.append(outcome("city", city, "wrong", None, got_city))
    if venues:
        found.append(outcome("venue", venue, verdict(venue_ok, got_venue), venues[0], got_venue))
    elif got_venue is not None:
        found.append(outcome("venue", venue, "wrong", None, got_venue))
    if label["city"] is not None or venues:
        either = city_ok or venue_ok
        got = (got_venue, got_city)
        v = "right" if either else "abstained" if got == (None, None) else "wrong"
        surest = max((f for f in (city, venue) if f is not None),
                     key=lambda f: f.confidence, default=None)  # fmt: skip
        found.append(outcome("venue_or_city", surest, v, (label["venue"], label["city"]), got))
    return found


# ---------------------------------------------------------------------------------------------
# Running and printing.


def evaluate(documents: list[Labelled]) -> tuple[dict[str, list[Outcome]], float]:
    """stem → outcomes, and the mean milliseconds a document took to load (read, shape and
    infer), measured on a second pass so that compiling patterns once is not counted."""
    knowledge = load_knowledge()
    results: dict[str, list[Outcome]] = {}
    for item in documents:
        document = load_document(item.path, item.path.parent, knowledge)
        results[item.stem] = outcomes_of(document, item.label)
    find_dates.cache_clear()  # what the first pass read must not make the second look fast
    started = time.perf_counter()
    for item in documents:
        load_document(item.path, item.path.parent, knowledge)
    elapsed = time.perf_counter() - started
    return results, 1000 * elapsed / max(1, len(documents))


def summary_lines(part: str, outcomes: list[Outcome]) -> list[str]:
    lines = [
        f"{part} part",
        f"  {'field':<14} {'scored':>6} {'right':>6} {'wrong':>6} {'abst.':>6} "
        f"{'share':>6} {'wrong>=.8':>9} {'right of >=.8':>14}",
    ]
    for name in REPORTED:
        mine = [o for o in outcomes if o.field == name]
        if not mine:
            continue
        count = {v: sum(o.verdict == v for o in mine) for v in ("right", "wrong", "abstained")}
        sure = [o for o in mine if o.confidence is not None and o.confidence >= SURE]
        sure_right = sum(o.verdict == "right" for o in sure)
        sure_wrong = sum(o.verdict == "wrong" for o in sure)
        share = f"{count['right'] / len(mine):6.1%}"
        sure_share = f"{sure_right}/{len(sure)}" + (
            f" {sure_right / len(sure):5.1%}" if sure else ""
        )
        lines.append(
            f"  {name:<14} {len(mine):6d} {count['right']:6d} {count['wrong']:6d} "
            f"{count['abstained']:6d} {share} {sure_wrong:9d} {sure_share:>14}"
        )
    return lines


def calibration_lines(part: str, outcomes: list[Outcome]) -> list[str]:
    """Share right per confidence band: a band's share should lie inside it."""
    lines = [f"{part} part: share right per confidence band (values given, abstentions left out)"]
    for name in REPORTED:
        cells = []
        for low, high in BANDS:
            band = [
                o
                for o in outcomes
                if o.field == name and o.confidence is not None and low <= o.confidence < high
            ]
            right = sum(o.verdict == "right" for o in band)
            cells.append(f"[{low:.1f},{min(high, 1):.1f}) {right:3d}/{len(band):<3d}")
        lines.append(f"  {name:<14} " + "  ".join(cells))
    return lines


def failure_lines(results: dict[str, list[Outcome]], parts: dict[str, str]) -> list[str]:
    lines = ["dev part: every miss"]
    for stem, outcomes in sorted(results.items()):
        if parts[stem] != "dev":
            continue  # the test part is scored, never read
        for o in outcomes:
            if o.verdict != "right" and o.field != "venue_or_city" and ":" not in o.field:
                confidence = "-" if o.confidence is None else f"{o.confidence:.2f}"
                lines.append(
                    f"  {stem}: {o.field}: expected {o.expected!r}, got {o.got!r} "
                    f"({o.verdict}, {o.evidence or 'no evidence'}, {confidence})"
                )
    return lines


def measured_counts(
    results: dict[str, list[Outcome]], parts: dict[str, str], measured_on: set[str]
) -> dict[str, dict[str, tuple[int, int]]]:
    """field → evidence → (right, given), over the parts `measured_on` (never test)."""
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for stem, outcomes in results.items():
        if parts[stem] not in measured_on:
            continue
        for o in outcomes:
            name = o.field.removeprefix("candidate:")
            name = "date" if name == "date_unstated" else name
            if name in CALIBRATED_FIELDS and o.evidence and o.verdict != "abstained":
                cell = counts[name][o.evidence]
                cell[0] += o.verdict == "right"
                cell[1] += 1
    return {f: {e: (r, n) for e, (r, n) in sorted(c.items())} for f, c in sorted(counts.items())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--failures", action="store_true", help="list every dev-part miss")
    parser.add_argument(
        "--write-calibration", action="store_true", help="write the measured precision"
    )
    parser.add_argument(
        "--calibrate-on",
        choices=["dev", "calibration", "dev+calibration"],
        default="dev",
        help="the parts whose precision --write-calibration measures (default: dev, as shipped)",
    )
    args = parser.parse_args(argv)
    documents = corpus()
    parts = {d.stem: d.part for d in documents}
    results, per_document = evaluate(documents)
    languages = defaultdict(int)
    for d in documents:
        languages[d.label["language"]] += 1
    mix = ", ".join(f"{n} {k}" for k, n in sorted(languages.items()))
    print(
        f"{len(documents)} documents ({mix}): "
        + ", ".join(f"{sum(p == part for p in parts.values())} {part}" for part in PARTS)
        + f"; {per_document:.1f} ms per document"
    )
    for part in PARTS:
        outcomes = [o for stem, os in results.items() if parts[stem] == part for o in os]
        print("\n".join(summary_lines(part, outcomes)))
    for part in PARTS:
        outcomes = [o for stem, os in results.items() if parts[stem] == part for o in os]
        print("\n".join(calibration_lines(part, outcomes)))
    if args.failures:
        print("\n".join(failure_lines(results, parts)))
    if args.write_calibration:
        measured_on = set(args.calibrate_on.split("+"))
        documents_measured = sum(p in measured_on for p in parts.values())
        counts = measured_counts(results, parts, measured_on)
        # The calibration part, when not measured on, checks the dev part's optimism.
        held_out_parts = {"calibration"} - measured_on
        held_out = measured_counts(results, parts, held_out_parts) if held_out_parts else None
        held_out_documents = sum(p in held_out_parts for p in parts.values())
        write_calibration(
            CALIBRATION_PATH, counts, documents_measured, held_out, held_out_documents
        )
        print(f"wrote {CALIBRATION_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
