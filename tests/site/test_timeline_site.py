"""The timeline in a built site: a page per year and one for the undated, reached from the
overview, the home page's chart and each speech page's breadcrumb, every link working."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from sco_archive.build.run import Project, build
from sco_archive.publish.verify import verify_site

REPO = Path(__file__).resolve().parents[2]
DOCUMENTS = {  # stem → (title, sidecar)
    "older": (
        "Statement at the Council of Heads of State",
        {"date": "2019-06-14", "city": "Bishkek"},
    ),
    "no-month": ("Report of the Secretariat", {"date": "2019", "city": "Beijing"}),
    "newer": ("Remarks at the Business Forum", {"date": "2021-09-17", "city": "Dushanbe"}),
    "undated": ("Note on the archive", {"city": "Tashkent"}),  # the text names no date
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("timeline") / "archive"
    (root / "speeches").mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "docs").mkdir()
    for page in ("about.md", "scaling.md", "search.md"):
        shutil.copy(REPO / "docs" / page, root / "docs" / page)
    for stem, (title, sidecar) in DOCUMENTS.items():
        text = f"{title}\n\nThe member states agreed to go on working together.\n"
        (root / "speeches" / f"{stem}.txt").write_text(text, encoding="utf-8")
        (root / "speeches" / f"{stem}.yml").write_text(yaml.safe_dump(sidecar), "utf-8")
    result = build(Project(config_file=root / "mkdocs.yml", use_cache=False, incremental=False))
    assert not result.errors, [d.format() for d in result.errors]
    return result.site_dir


def _html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_the_timeline_has_an_overview_a_page_per_year_and_one_for_the_undated(site: Path):
    pages = sorted(
        p.parent.relative_to(site).as_posix() for p in site.glob("timeline/**/index.html")
    )
    assert pages == ["timeline", "timeline/2019", "timeline/2021", "timeline/undated"]


def test_every_document_is_listed_on_the_timeline_once(site: Path):
    listed = [
        title
        for page in site.glob("timeline/*/index.html")
        for title in re.findall(
            r'<a href="../../speeches/[^"]+">([^<]+)</a>', page.read_text("utf-8")
        )
    ]
    assert sorted(listed) == sorted(title for title, _ in DOCUMENTS.values())


def test_a_speech_page_breadcrumb_leads_to_its_year_or_to_the_undated(site: Path):
    (dated,) = site.glob("speeches/2021/*/index.html")
    (undated,) = site.glob("speeches/undated/*/index.html")
    assert '<li><a href="../../../timeline/2021/">2021</a></li>' in dated.read_text("utf-8")
    assert '<li><a href="../../../timeline/undated/">Undated</a></li>' in undated.read_text("utf-8")


def test_a_year_page_lights_the_timeline_tab(site: Path):
    for path in ("timeline/2019", "timeline/undated"):
        active = re.search(r'md-tabs__item--active">\s*<a href="([^"]+)"', _html(site, path))
        assert active and active[1] == "../", path


def test_the_home_chart_links_each_year_to_its_page(site: Path):
    assert re.findall(r'<a href="(timeline/[^"]*)" aria-label', _html(site, "")) == [
        "timeline/2019/",
        "timeline/2021/",
    ]


def test_every_link_of_the_site_works_under_its_sub_path(site: Path):
    # The crawl checks every page, link and #fragment: the charts' raw HTML links (years,
    # months) and the year pages' neighbours among them, which MkDocs does not check.
    report = verify_site(site, "/sco-archive/")
    assert report.ok, [str(p) for p in report.problems]
    assert report.pages_crawled >= 9
