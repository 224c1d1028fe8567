"""The metadata evaluation: a corpus of real documents labelled by hand, split once into a dev
part and a test part, and a scorer that compares what the loader says with the labels."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests import bench_scripts

ROOT = Path(__file__).resolve().parents[2]
metadata_eval = bench_scripts.load("metadata_eval")


def test_every_label_is_well_formed_and_names_its_document():
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "eval_corpus" / "validate.py")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout


def test_the_corpus_is_large_multilingual_and_split_about_forty_sixty():
    documents = metadata_eval.corpus()
    languages = [d.label["language"] for d in documents]
    assert len(documents) >= 250
    assert sum(language in ("ru", "zh") for language in languages) >= 60
    test = sum(d.part == "test" for d in documents)
    assert 0.3 <= test / len(documents) <= 0.5


def test_a_documents_part_follows_from_its_bytes_unless_its_label_moves_it(tmp_path: Path):
    path = tmp_path / "en-000000000000.txt"
    path.write_text("SCO text\n", encoding="utf-8")
    first = metadata_eval.part_of(path, {})
    assert metadata_eval.part_of(path, {}) == first
    assert metadata_eval.part_of(path, {"split": "dev"}) == "dev"


@pytest.mark.parametrize(
    ("got", "names"),
    [
        ("Shavkat Mirziyoev", ["Shavkat Mirziyoyev"]),
        ("Bolat Nurgaliev", ["Bolat Nurgaliyev"]),
        ("V. Norov", ["Vladimir Norov"]),
        ("Zhang Ming", ["张明", "Zhang Ming"]),
    ],
)
def test_spelling_variants_of_one_name_agree(got, names):
    assert metadata_eval.same_person(got, names)


@pytest.mark.parametrize(
    ("got", "names"), [("Zhang Ming", ["Zhang Deguang"]), ("Rashid Alimov", ["Vladimir Norov"])]
)
def test_two_people_do_not(got, names):
    assert not metadata_eval.same_person(got, names)


def test_venues_agree_when_worded_alike_and_not_otherwise():
    assert metadata_eval.same_venue(
        "meeting of the SCO Council of Foreign Ministers",
        ["Meeting of the Council of Foreign Ministers of the SCO member states"],
    )
    assert not metadata_eval.same_venue("SCO Youth Forum", ["Council of Heads of State"])


def test_kinds_are_scored_in_the_classes_a_reader_tells_apart():
    classes = metadata_eval.KIND_CLASSES
    assert classes["speech"] == classes["remarks"] == classes["statement"]
    assert classes["news"] == classes["report"] != classes["interview"]


def test_the_scorer_never_prints_a_miss_of_the_test_part():
    outcome = metadata_eval.Outcome("date", "wrong", 0.9, "x@high", "2020-01-01", "2021-01-01")
    results = {"dev-doc": [outcome], "test-doc": [outcome]}
    lines = metadata_eval.failure_lines(results, {"dev-doc": "dev", "test-doc": "test"})
    assert any("dev-doc" in line for line in lines)
    assert not any("test-doc" in line for line in lines)


def test_the_calibration_is_measured_on_the_parts_asked_for_and_never_on_the_test_part():
    right = metadata_eval.Outcome("date", "right", 0.9, "dateline@high", "d", "d")
    wrong = metadata_eval.Outcome("date", "wrong", 0.9, "dateline@high", "d", "e")
    results = {"a": [right], "b": [wrong], "c": [wrong], "d": [right]}
    parts = {"a": "dev", "b": "dev", "c": "test", "d": "calibration"}
    counts = metadata_eval.measured_counts(results, parts, {"dev"})
    assert counts == {"date": {"dateline@high": (1, 2)}}
    counts = metadata_eval.measured_counts(results, parts, {"dev", "calibration"})
    assert counts == {"date": {"dateline@high": (2, 3)}}
    counts = metadata_eval.measured_counts(results, parts, {"calibration"})
    assert counts == {"date": {"dateline@high": (1, 1)}}


def test_a_label_may_put_its_document_in_the_dev_or_calibration_part(tmp_path):
    document = tmp_path / "en-x.txt"
    document.write_text("Some text.\n", encoding="utf-8")
    assert metadata_eval.part_of(document, {"split": "calibration"}) == "calibration"
    assert metadata_eval.part_of(document, {"split": "dev"}) == "dev"
    assert metadata_eval.part_of(document, {}) in ("dev", "test")


def test_a_runner_up_is_measured_whenever_its_evidence_proposes_a_value():
    runner_up = metadata_eval.Outcome("candidate:kind", "wrong", 0.5, "salutation@mid", "x", "y")
    counts = metadata_eval.measured_counts({"a": [runner_up]}, {"a": "dev"}, {"dev"})
    assert counts == {"kind": {"salutation@mid": (0, 1)}}
    assert metadata_eval.failure_lines({"a": [runner_up]}, {"a": "dev"}) == ["dev part: every miss"]
