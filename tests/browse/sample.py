"""A small project with complete curated metadata (and one hostile document) for reading tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from sco_archive.build.run import Project, build
from tests.generated_docs import copy_hand_written_docs

REPO = Path(__file__).resolve().parents[2]
HOSTILE_TITLE = "<script>alert(1)</script> & “co”"
HOSTILE_SPEAKER = "<b>Evil</b> Speaker"
HOSTILE_VENUE = "<img src=x onerror=alert(2)>"
SAME_EVENT = "Meeting of SCO Security Council Secretaries"

_NOROV = {"speaker": "Vladimir Norov", "speaker_role": "SCO Secretary-General"}
SIDECARS = {
    "000_a248d1fd639199f1": {
        "date": "2020-06-24",
        **_NOROV,
        "venue": "OSCE Annual Security Review Conference",
        "city": "Vienna",
        "kind": "statement",
        "topics": ["terrorism-extremism"],
        "source_url": "http://eng.sectsco.org/news/20200624/660458.html",
    },
    "001_5053c25469639f1a": {
        "date": "2020-06",
        **_NOROV,
        "venue": "Press conference at the SCO Secretariat",
        "city": "Beijing",
        "kind": "press conference",
        "topics": ["covid-19"],
    },
    "002_e61eb7bfdfb8ae4c": {
        "date": "2019-04-24",
        **_NOROV,
        "venue": "Moscow Conference on International Security",
        "city": "Moscow",
        "kind": "remarks",
        "topics": ["terrorism-extremism"],
        "source_url": "http://eng.sectsco.org/news/20190424/531897.html",
    },
    "003_00bf8023feeb3ada": {
        "date": "2019-05-15",
        "speaker": None,
        "venue": SAME_EVENT,
        "city": "Bishkek",
        "kind": "report",
        "topics": ["terrorism-extremism"],
    },
    "004_ef72023147b7557a": {
        "date": "2019-05-15",
        **_NOROV,
        "venue": SAME_EVENT,
        "city": "Bishkek",
        "kind": "news",
        "topics": ["terrorism-extremism"],
    },
    "006_zhang_ming": {
        "date": "2023-06-30",
        "speaker": "Zhang Ming",
        "speaker_role": "SCO Secretary-General",
        "venue": None,  # the text names no venue: the page names the city alone
        "city": "Beijing",
        "kind": "remarks",
        "topics": ["economy-trade"],
    },
    "007_briefing": {
        "date": "2023-07-04",
        "speaker": "Zhang Ming",
        "venue": "press conference",  # the kind, not a place: the page does not list it as one
        "city": "Astana",
        "kind": "press conference",
        "topics": ["economy-trade"],
    },
    "005_hostile": {
        "title": HOSTILE_TITLE,
        "date": "2019-05-16",
        "speaker": HOSTILE_SPEAKER,
        "venue": HOSTILE_VENUE,
        "city": "Bishkek",
        "kind": "statement",
        "topics": ["terrorism-extremism"],
    },
}
HOSTILE_TEXT = """Hostile document

The first paragraph says <em>nothing</em> & more.

Terrorism and extremism are discussed here, with the Regional Anti-Terrorist Structure.
"""

# A speaker whose name is written family name first: cited "Zhang Ming", "Zhang, M.".
ZHANG_TITLE = "Remarks by SCO Secretary-General Zhang Ming at the reception"
ZHANG_TEXT = f"""{ZHANG_TITLE}

Dear friends, trade and investment among the member states keep growing.
"""

BRIEFING_TEXT = """Press conference of SCO Secretary-General Zhang Ming in Astana

Question: What will the summit decide? Answer: The summit will adopt a development strategy.
"""


def make_sample_project(root: Path) -> Project:
    """Copy mkdocs.yml and the hand-written docs/, the seeds, and sidecars with full metadata."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    copy_hand_written_docs(REPO / "docs", root / "docs")
    speeches = root / "speeches"
    speeches.mkdir(exist_ok=True)
    for source in sorted((REPO / "speeches").glob("*.txt")):
        shutil.copy(source, speeches / source.name)
    (speeches / "005_hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (speeches / "006_zhang_ming.txt").write_text(ZHANG_TEXT, encoding="utf-8")
    (speeches / "007_briefing.txt").write_text(BRIEFING_TEXT, encoding="utf-8")
    for stem, values in SIDECARS.items():
        text = yaml.safe_dump(values, allow_unicode=True, sort_keys=False)
        (speeches / f"{stem}.yml").write_text(text, encoding="utf-8")
    return Project(config_file=root / "mkdocs.yml", use_cache=False, incremental=False)


def build_sample(root: Path) -> Path:
    """Build the sample project; the site folder."""
    project = make_sample_project(root)
    result = build(project)
    assert not result.errors, [d.format() for d in result.errors]
    return result.site_dir
