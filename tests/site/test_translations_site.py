"""Translations in a built site: parallel pages reached from the speech pages, every link
sound, none of them in the nav or the search index, and the same bytes on every build."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from sco_archive.build.run import build
from sco_archive.cli import main
from sco_archive.publish.verify import verify_site
from tests.browse.translated import ENGLISH_PAGE, make_translated_project

PAGEFIND_BODY = "data-pagefind-body"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory):
    made = make_translated_project(tmp_path_factory.mktemp("translated") / "archive")
    result = build(made)
    assert not result.errors, [d.format() for d in result.errors]
    return made


def parallel_pages(site: Path) -> list[Path]:
    return sorted((site / "parallel").glob("*/index.html"))


def test_each_pair_of_translations_has_one_parallel_page(project) -> None:
    names = [p.parent.name for p in parallel_pages(project.root / "site")]
    assert len(names) == 3  # English–Russian, English–Chinese, Russian–Chinese
    assert all(re.fullmatch(r"2019-04-24-[a-z0-9-]+--2019-04-24-[a-z0-9-]+", n) for n in names)
    english = (project.root / "site" / ENGLISH_PAGE / "index.html").read_text(encoding="utf-8")
    for name in names[:2]:  # the English text is the first column of its two pages
        assert f"parallel/{name}/" in english


def test_parallel_pages_are_neither_in_the_nav_nor_in_the_search_index(project) -> None:
    site = project.root / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "parallel/" not in home
    for page in parallel_pages(site):
        assert PAGEFIND_BODY not in page.read_text(encoding="utf-8")
    english = (site / ENGLISH_PAGE / "index.html").read_text(encoding="utf-8")
    assert PAGEFIND_BODY in english  # the texts are found on their own pages


def test_every_link_and_paragraph_anchor_of_the_site_resolves(project) -> None:
    report = verify_site(project.root / "site", "/sco-archive/")
    assert report.ok, [f"{p.page}: {p.link} ({p.reason})" for p in report.problems]
    assert report.pages_crawled > 20


def test_a_second_build_elsewhere_writes_the_same_parallel_pages(project, tmp_path) -> None:
    again = make_translated_project(tmp_path / "elsewhere")
    assert not build(again).errors
    for folder in ("docs/parallel", "site/parallel"):
        first, second = project.root / folder, again.root / folder
        names = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
        assert names == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
        assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)


def check(project, *args: str) -> str:
    cwd = os.getcwd()
    os.chdir(project.root)
    try:
        return CliRunner().invoke(main, ["check", *args], catch_exceptions=False).output
    finally:
        os.chdir(cwd)


def test_check_lists_each_guess_for_a_curator_to_confirm_or_reject(project) -> None:
    output = check(project)
    assert (
        "008_norov_moscow_ru.txt: info: [translation-guess] probably the same text as "
        "002_e61eb7bfdfb8ae4c.txt (English), inferred from date and speaker" in output
    )
    # The curated key is shown with the fields, where a curator confirmed it.
    shown = (
        r"translation_of +002_e61eb7bfdfb8ae4c\.txt +\[curated: sidecar 009_norov_moscow_zh\.yml"
    )
    assert re.search(shown, output)


def test_check_warns_of_a_translation_of_that_names_no_document_with_its_line(project) -> None:
    sidecar = project.root / "speeches" / "009_norov_moscow_zh.yml"
    kept = sidecar.read_text(encoding="utf-8")
    sidecar.write_text(kept.replace("002_e61eb7bfdfb8ae4c.txt", "002_e61eb7bfdfb8ae4.txt"))
    try:
        output = check(project)
    finally:
        sidecar.write_text(kept, encoding="utf-8")
    line = kept.splitlines().index("translation_of: 002_e61eb7bfdfb8ae4c.txt") + 1
    assert (
        f"009_norov_moscow_zh.yml:{line}: warning: [unknown-translation] `translation_of: "
        "002_e61eb7bfdfb8ae4.txt` names no document (did you mean `002_e61eb7bfdfb8ae4c.txt`?)"
    ) in output


def test_a_rebuild_without_one_translation_removes_its_parallel_pages(tmp_path) -> None:
    made = make_translated_project(tmp_path / "archive")
    project = replace(made, use_cache=True, incremental=True)
    assert not build(project).errors
    assert len(parallel_pages(project.root / "site")) == 3
    (project.root / "speeches" / "008_norov_moscow_ru.txt").unlink()
    (project.root / "speeches" / "008_norov_moscow_ru.yml").unlink()
    assert not build(project).errors
    (left,) = parallel_pages(project.root / "site")  # English and Chinese, the curated pair
    assert "shang-hai" in left.parent.name and "vystuplenie" not in left.parent.name
    assert [p.name for p in (project.root / "docs" / "parallel").iterdir()] == [
        f"{left.parent.name}.md"
    ]
    english = (project.root / "site" / ENGLISH_PAGE / "index.html").read_text(encoding="utf-8")
    assert "Русский" not in english and "中文" in english
