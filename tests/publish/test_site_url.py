"""Where the site says it is published: never a made-up domain in a citation or a link."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from sco_archive.publish.site_url import github_pages_url, is_placeholder, public_url
from tests.browse.sample import make_sample_project


@pytest.mark.parametrize(
    ("site_url", "placeholder"),
    [
        ("https://example.github.io/sco-archive/", True),
        ("https://archive.example.org/", False),  # chosen on purpose, as tests do
        ("https://docs.example/", True),
        ("https://acme.github.io/sco-archive/", False),
        ("https://speeches.sectsco.org/", False),
    ],
)
def test_a_placeholder_site_url_is_told_from_a_real_one(site_url, placeholder):
    assert is_placeholder(site_url) is placeholder


@pytest.mark.parametrize(
    ("remote", "pages"),
    [
        ("git@github.com:Acme/sco-archive.git", "https://acme.github.io/sco-archive/"),
        ("https://github.com/acme/sco-archive", "https://acme.github.io/sco-archive/"),
        ("https://github.com/acme/sco-archive.git", "https://acme.github.io/sco-archive/"),
        ("ssh://git@github.com/acme/sco-archive.git", "https://acme.github.io/sco-archive/"),
        ("git@github.com:acme/acme.github.io.git", "https://acme.github.io/"),
        ("https://gitlab.com/acme/sco-archive.git", None),
        ("/work/main", None),
    ],
)
def test_a_github_clone_knows_its_pages_address(remote, pages):
    assert github_pages_url(remote) == pages


def test_a_placeholder_leaves_only_the_path_for_readers():
    assert public_url("https://example.github.io/sco-archive/") == "/sco-archive/"
    assert (
        public_url("https://acme.github.io/sco-archive/") == "https://acme.github.io/sco-archive/"
    )


def _build(root: Path, remote: str | None) -> Path:
    from sco_archive.build.run import build

    project = make_sample_project(root)
    if remote is not None:
        subprocess.run(["git", "init", "-q", str(root)], check=True)
        subprocess.run(["git", "-C", str(root), "remote", "add", "origin", remote], check=True)
    result = build(project)
    assert not result.errors
    return result.site_dir


def test_without_a_known_address_no_page_or_download_names_a_made_up_domain(tmp_path: Path):
    site = _build(tmp_path / "project", remote=None)
    speech = next(site.glob("speeches/2019/*moscow*/index.html")).read_text(encoding="utf-8")
    assert 'rel="canonical" href="/sco-archive/speeches/2019/' in speech
    assert 'data-url="/sco-archive/speeches/2019/' in speech
    for path in site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".jsonl", ".csv"):
            assert "example.github.io" not in path.read_text(encoding="utf-8"), path


def test_a_github_clone_cites_its_pages_address(tmp_path: Path):
    site = _build(tmp_path / "project", remote="git@github.com:Acme/sco-archive.git")
    speech = next(site.glob("speeches/2019/*moscow*/index.html")).read_text(encoding="utf-8")
    assert 'data-url="https://acme.github.io/sco-archive/speeches/2019/' in speech
    assert "https://acme.github.io/sco-archive/speeches/" in (site / "speeches.csv").read_text()
