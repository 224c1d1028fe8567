"""Confidence as measured precision: each kind of evidence carries the share of right values it
gave on the dev part of the evaluation corpus, at its lower bound."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sco_archive.infer.calibration import (
    UNMEASURED_CAP,
    Calibration,
    calibrated,
    calibration_fingerprint,
    evidence_class,
    load_calibration,
    write_calibration,
)
from sco_archive.model import Field, Origin
from tests.infer.helpers import infer


def field(rule: str, confidence: float) -> Field:
    return Field("2020", Origin.TEXT, rule, confidence)


def test_the_evidence_class_is_the_rule_and_the_band_of_its_own_judgement():
    assert evidence_class("dateline", 0.85) == "dateline@high"
    assert evidence_class("dateline", 0.6) == "dateline@mid"
    assert evidence_class("dateline", 0.3) == "dateline@low"


def test_a_well_measured_rule_gets_the_lower_bound_of_its_share():
    calibration = Calibration({"date": {"dateline@high": (40, 40)}})
    sure = calibrated("date", field("dateline", 0.85), calibration)
    assert 0.9 < sure.confidence < 40 / 40
    assert sure.measured == (40, 40) and sure.evidence == "dateline@high"


def test_a_rule_right_half_the_time_is_not_called_sure_whatever_it_says_of_itself():
    calibration = Calibration({"date": {"date-in-title@high": (10, 20)}})
    assert calibrated("date", field("date-in-title", 0.95), calibration).confidence < 0.5


def test_few_measurements_are_pooled_across_the_bands_of_one_rule():
    calibration = Calibration({"kind": {"x@high": (4, 4), "x@mid": (4, 4)}})
    assert calibration.measured("kind", "x@high") == (8, 8)


def test_a_band_measured_too_rarely_is_never_raised_by_its_rules_other_bands():
    # A dateline whose year the rule itself guessed (raw 0.45) is not as sure as the datelines
    # whose year is written, however often those were right.
    calibration = Calibration({"date": {"dateline@high": (9, 9), "dateline@low": (0, 1)}})
    assert calibrated("date", field("dateline", 0.45), calibration).confidence == 0.45
    assert calibrated("date", field("dateline", 0.85), calibration).confidence < 0.85


def test_a_few_unseen_documents_are_pooled_with_the_dev_part_not_ignored():
    dev = Calibration({"date": {"date-in-title@high": (12, 12)}})
    checked = replace(dev, held_out={"date": {"date-in-title@high": (2, 4)}})
    assert calibrated("date", field("date-in-title", 0.95), dev).confidence >= 0.8
    assert calibrated("date", field("date-in-title", 0.95), checked).confidence < 0.8


def test_a_pool_of_rare_unlike_rules_is_never_called_sure():
    counts = {f"rule{i}@high": (1, 1) for i in range(20)}
    calibration = Calibration({"city": counts})
    assert calibration.measured("city", "rule3@high") == (20, 20)
    assert calibrated("city", field("rule3", 0.9), calibration).confidence <= UNMEASURED_CAP


def test_evidence_never_measured_keeps_its_judgement_below_sure():
    calibration = Calibration({})
    assert calibrated("date", field("new-rule", 0.95), calibration).confidence == UNMEASURED_CAP
    assert calibrated("date", field("new-rule", 0.3), calibration).confidence == 0.3


def test_fields_nobody_labels_keep_their_confidence():
    calibration = Calibration({"topics": {"t@high": (0, 50)}})
    assert calibrated("topics", field("t", 0.9), calibration).confidence == 0.9


def test_the_written_counts_load_back_and_change_the_fingerprint(tmp_path: Path):
    path = tmp_path / "calibration.yaml"
    write_calibration(path, {"date": {"dateline@high": (9, 10)}}, documents=12)
    before = calibration_fingerprint(path)
    assert load_calibration(path) == Calibration({"date": {"dateline@high": (9, 10)}}, 12)
    write_calibration(path, {"date": {"dateline@high": (8, 10)}}, documents=12)
    assert calibration_fingerprint(path) != before


def test_another_rules_record_never_raises_a_rules_own_doubt():
    counts = {f"rule{i}@high": (1, 1) for i in range(20)}
    assert calibrated("city", field("rule3", 0.4), Calibration({"city": counts})).confidence == 0.4


def test_documents_no_rule_was_written_from_lower_a_flattering_share():
    flattered = Calibration({"speaker": {"named@high": (78, 80)}})
    checked = replace(flattered, held_out={"speaker": {"named@high": (25, 36)}})
    assert calibrated("speaker", field("named", 0.9), flattered).confidence > 0.9
    assert calibrated("speaker", field("named", 0.9), checked).confidence < 0.7


def test_documents_no_rule_was_written_from_never_raise_a_share():
    doubtful = Calibration({"speaker": {"named@high": (10, 20)}})
    checked = replace(doubtful, held_out={"speaker": {"named@high": (40, 40)}})
    assert calibrated("speaker", field("named", 0.9), checked).confidence == (
        calibrated("speaker", field("named", 0.9), doubtful).confidence
    )


def test_a_rule_too_rare_in_the_held_out_documents_is_not_judged_by_others_there():
    counts = {"rare@high": (20, 20)}
    others = {f"rule{i}@high": (0, 1) for i in range(20)}
    checked = Calibration(counts, held_out={"date": {"rare@high": (1, 1), **others}})
    unchecked = Calibration(counts)
    assert calibrated("date", field("rare", 0.9), checked).confidence == (
        calibrated("date", field("rare", 0.9), unchecked).confidence
    )


def test_the_held_out_counts_are_written_and_load_back(tmp_path: Path):
    path = tmp_path / "calibration.yaml"
    held_out = {"date": {"dateline@high": (3, 10)}}
    write_calibration(path, {"date": {"dateline@high": (9, 10)}}, 12, held_out, 7)
    loaded = load_calibration(path)
    assert loaded.held_out == held_out and loaded.held_out_documents == 7


def test_inference_reports_confidences_from_the_shipped_measurements():
    shipped = load_calibration()
    fields = infer(
        "Statement", "Beijing, 24 June 2020", "The SCO Secretariat condemns …", calibration=None
    )
    date = fields["date"]
    assert date.evidence and date.confidence == shipped.confidence("date", date.evidence, 0.85)


def test_a_year_the_text_does_not_write_is_never_stated_as_sure():
    # However often the dev part found a year-less dateline's year right (13 of 13), the year
    # comes from clues, and a curator confirms it.
    lead = "新华社北京12月28日电 王毅28日会见即将离任的上合组织秘书长阿利莫夫。"
    fields = infer("王毅会见上合组织秘书长", lead, calibration=load_calibration())
    assert fields["published"].rule == "dateline-filed-yearless"
    assert fields["published"].confidence < 0.8
