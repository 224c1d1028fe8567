"""A page's publication stamp is shown and exported apart from the date of the event."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sco_archive.build.run import Project, build

REPO = Path(__file__).resolve().parents[2]
STAMPED = """SCO Secretary-General attends forum in Tashkent

date 2017-09-22

On 20 September 2017, SCO Secretary-General Rashid Alimov took part in a forum in Tashkent.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("published") / "archive"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "speeches").mkdir()
    (root / "speeches" / "stamped.txt").write_text(STAMPED, encoding="utf-8")
    (root / "docs").mkdir()
    for page in ("about.md", "scaling.md", "search.md"):
        shutil.copy(REPO / "docs" / page, root / "docs" / page)
    build(Project(config_file=root / "mkdocs.yml", use_cache=False, incremental=False))
    return root / "site"


def test_the_page_shows_when_it_happened_and_when_it_was_published(site: Path):
    (page,) = (site / "speeches" / "2017").rglob("index.html")
    html = page.read_text(encoding="utf-8")
    assert '<time datetime="2017-09-20">20 September 2017</time>' in html
    assert "<dt>Published</dt>" in html and "22 September 2017" in html
    assert "date 2017-09-22" in html  # the stamp itself is still text of the page


def test_every_download_says_when_the_page_was_published(site: Path):
    (record,) = json.loads((site / "speeches.json").read_text(encoding="utf-8"))["documents"]
    assert (record["date"], record["published"]) == ("2017-09-20", "2017-09-22")
    header = (site / "speeches.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header.index("published") == header.index("date_end") + 1
