"""Checks the evaluation corpus's labels: every key present, kinds and dates well formed,
one label per document and one document per URL (see LABELLING.md)."""

from __future__ import annotations

import datetime
import hashlib
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).parent
KEYS = {
    "url",
    "source",
    "language",
    "title",
    "date",
    "date_end",
    "published",
    "speaker",
    "speaker_role",
    "speaker_variants",
    "venue",
    "venue_variants",
    "city",
    "kind",
    "notes",
}
OPTIONAL = {"split"}
KINDS = {
    "statement",
    "speech",
    "remarks",
    "address",
    "press conference",
    "interview",
    "article",
    "report",
    "press release",
    "news",
    "declaration",
    "other",
}


def problems_of(label_path: Path, urls: dict[str, str]) -> list[str]:
    stem = label_path.stem
    label = yaml.safe_load(label_path.read_text(encoding="utf-8"))
    if not isinstance(label, dict):
        return ["not a mapping"]
    found = []
    missing, extra = KEYS - label.keys(), label.keys() - KEYS - OPTIONAL
    if missing:
        found.append(f"missing keys {sorted(missing)}")
    if extra:
        found.append(f"unknown keys {sorted(extra)}")
    if label.get("kind") not in KINDS:
        found.append(f"kind {label.get('kind')!r} is not one of the kinds")
    for key in ("date", "date_end", "published"):
        value = label.get(key)
        if value is None or isinstance(value, datetime.date):
            continue
        text = str(value)
        try:
            pieces = [int(p) for p in text.split("-")]
            datetime.date(pieces[0], *(pieces[1:] + [1] * (3 - len(pieces))))
        except (ValueError, TypeError, IndexError):
            found.append(f"{key} {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    url = str(label.get("url") or "")
    expected = f"{label.get('language')}-{hashlib.sha1(url.encode()).hexdigest()[:12]}"
    if stem != expected:
        found.append(f"file should be named {expected} (language and hash of its url)")
    if url in urls:
        found.append(f"same url as {urls[url]}")
    urls[url] = stem
    if not (HERE / "docs" / f"{stem}.txt").is_file():
        found.append(f"no document docs/{stem}.txt")
    for key in ("speaker_variants", "venue_variants"):
        if not isinstance(label.get(key), list):
            found.append(f"{key} must be a list")
    return found


def main() -> int:
    urls: dict[str, str] = {}
    bad = 0
    labels = sorted((HERE / "labels").glob("*.yaml"))
    for path in labels:
        for problem in problems_of(path, urls):
            bad += 1
            print(f"{path.relative_to(HERE)}: {problem}")
    labelled = {p.stem for p in labels}
    for doc in sorted((HERE / "docs").glob("*.txt")):
        if doc.stem not in labelled:
            bad += 1
            print(f"{doc.relative_to(HERE)}: no label")
    print(f"{len(labels)} labels, {bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
