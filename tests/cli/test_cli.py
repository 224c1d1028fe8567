"""The command line, called in-process as a user types it."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from sco_archive.cli import main

JSON_KEYS = {
    "file",
    "title",
    "date",
    "date_precision",
    "speaker",
    "speaker_role",
    "venue",
    "city",
    "kind",
    "language",
    "words",
    "warnings",
    "provenance",
}


@pytest.fixture
def run(make_project):
    def invoke(*args: str, files=None, seeds=False):
        project = make_project(files, seeds=seeds)
        cwd = os.getcwd()
        os.chdir(project.root)
        try:
            return CliRunner().invoke(main, list(args), catch_exceptions=False)
        finally:
            os.chdir(cwd)

    return invoke


def test_check_json_lists_every_document_with_the_documented_keys(run):
    result = run("check", "--format", "json", seeds=True)
    records = json.loads(result.stdout)
    assert [r["file"] for r in records] == sorted(r["file"] for r in records)
    assert len(records) == 5
    for record in records:
        assert record.keys() >= JSON_KEYS
        assert record["provenance"]["title"]["origin"] == "title"


def test_check_shows_where_each_value_came_from(run):
    result = run("check", files={"a.txt": "A title\n\nText.\n", "a.yml": "date: 2019-04-24\n"})
    assert "date          24" not in result.stdout  # dates print as ISO, not prose
    assert "2019-04-24  [curated: sidecar a.yml, confidence 1.00, line 1]" in result.stdout
    assert "title         A title  [title: first-line" in result.stdout


def test_check_names_the_key_or_topic_a_curator_meant_and_where_the_slip_is(run):
    sidecar = "dtae: 2019-04-24\ntopics: [terrorism-extremsm, covid-19]\n"
    result = run("check", files={"a.txt": "A title\n\nText.\n", "a.yml": sidecar})
    assert (
        "a.yml:1: warning: [unknown-key] unknown metadata key `dtae` (did you mean "
        "`date`?); ignored" in result.stdout
    )
    assert (
        "a.yml:2: warning: [unknown-topic] unknown topic `terrorism-extremsm` (did "
        "you mean `terrorism-extremism`?); ignored" in result.stdout
    )
    # A misspelt slug opens no topic page of its own: only the known one is kept.
    assert "topics        covid-19  [curated: sidecar a.yml" in result.stdout


def test_check_cuts_snippets_at_word_boundaries(run):
    lead = "On 5 May 2019 the Secretary-General " + "spoke at length about cooperation " * 6
    result = run("check", files={"a.txt": f"Remarks at the forum\n\n{lead}\n"})
    snippets = [line.split("↳ ", 1)[1] for line in result.stdout.splitlines() if "↳ " in line]
    assert snippets
    for snippet in snippets:
        words = snippet.strip("“”").replace("…", "").split()
        assert all(word in lead or word in "Remarks at the forum" for word in words), snippet


def test_check_exits_non_zero_when_a_document_cannot_be_loaded(run):
    result = run("check", files={"good.txt": "T\n\nText.\n", "empty.txt": ""})
    assert result.exit_code == 1
    assert "empty.txt: error: [empty]" in result.stdout


def test_check_strict_exits_non_zero_on_a_warning(run):
    files = {"a.txt": "Only a title\n"}
    assert run("check", files=files).exit_code == 0
    assert run("check", "--strict", files=files).exit_code == 1


def test_check_takes_files_from_anywhere(run, tmp_path):
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("Remarks at the Council\n\nText.\n", encoding="utf-8")
    result = run("check", str(elsewhere), "--format", "json")
    (record,) = json.loads(result.stdout)
    assert record["title"] == "Remarks at the Council"


def test_build_prints_a_summary_and_problems_with_file_names(run):
    result = run("build", files={"a.txt": "Title\n\nText.\n", "b.txt": b"\x00\x01"})
    assert result.exit_code == 1
    assert "b.txt: error: [unreadable] binary file" in result.stderr
    assert "Built 1 documents into" in result.stdout and "1 error(s)" in result.stdout


def test_build_strict_fails_and_lists_every_problem(run):
    result = run("build", "--strict", files={"a.txt": "Only a title\n", "b.txt": ""})
    assert result.exit_code == 1
    assert "a.txt: warning: [title-only]" in result.stderr
    assert "b.txt: error: [empty]" in result.stderr
    assert "nothing was built" in result.stderr


def _use_knowledge(project_root, text: str) -> None:
    """Point the project's mkdocs.yml at a knowledge file of its own, with this text."""
    (project_root / "mine.yaml").write_text(text, encoding="utf-8")
    config = project_root / "mkdocs.yml"
    yml = config.read_text(encoding="utf-8")
    setting = "      speeches: speeches\n"
    assert setting in yml
    config.write_text(yml.replace(setting, setting + "      knowledge: mine.yaml\n", 1))


@pytest.mark.parametrize("command", [["check"], ["build"]])
def test_a_broken_knowledge_file_stops_check_as_it_stops_build(make_project, command):
    project = make_project({"a.txt": "A title\n\nText.\n"})
    _use_knowledge(project.root, "offices: [not, a, mapping\n")
    cwd = os.getcwd()
    os.chdir(project.root)
    try:
        result = CliRunner().invoke(main, command, catch_exceptions=False)
    finally:
        os.chdir(cwd)
    assert result.exit_code == 1
    assert "mine.yaml: not valid YAML" in result.stderr
    assert "0 error(s)" not in result.stdout


def test_check_and_build_load_the_same_documents_with_the_same_knowledge(make_project):
    from sco_archive.build.run import build
    from sco_archive.knowledge import DEFAULT_PATH
    from sco_archive.project import load_project

    text = "Remarks at the forum\n\nTESTOGRAD, 5 May 2019. Dear colleagues, thank you.\n"
    project = make_project({"a.txt": text})
    shipped = DEFAULT_PATH.read_text(encoding="utf-8")
    town = "  - {name: Testograd, country: Kazakhstan, aliases: [TESTOGRAD]}\n"
    _use_knowledge(project.root, shipped.replace("places:\n", "places:\n" + town, 1))
    checked = load_project(project).corpus.documents
    built = build(project).corpus.documents
    assert [d.fields for d in checked] == [d.fields for d in built]
    assert checked[0].fields["city"].value == "Testograd"
