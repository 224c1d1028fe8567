"""`deploy` and `verify` as a maintainer runs them: build, verify, push to a bare repository."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from sco_archive.cli import main
from tests.publish.test_deploy import branch_files, commit_count, git, remote_refs

pytestmark = pytest.mark.usefixtures("git_identity")  # tests/publish/conftest.py

# A .txt that is really a PDF: the loader cannot read it, so the build has an error.
UNREADABLE = b"%PDF-1.7\n\x00\x01\x02\x03 binary stream \x00\xff\xfe"


@pytest.fixture(autouse=True)
def no_site_url_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands take mkdocs.yml's site_url, not one the maintainer's shell exports."""
    monkeypatch.delenv("SCO_SITE_URL", raising=False)


@pytest.fixture
def clone(make_project, tmp_path: Path) -> tuple[Path, Path]:
    """A clone of an archive with the founding documents, and the bare repo it deploys to."""
    root = make_project(seeds=True).root
    remote = tmp_path / "pages.git"
    git("init", "--quiet", "--bare", str(remote))
    git("init", "--quiet", "-b", "main", str(root))
    git("add", ".", cwd=root)
    git("commit", "--quiet", "-m", "archive", cwd=root)
    git("remote", "add", "origin", str(remote), cwd=root)
    return root, remote


def run(root: Path, *args: str) -> Result:
    cwd = os.getcwd()
    os.chdir(root)
    try:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(cwd)


def deploy(root: Path, *args: str) -> Result:
    return run(root, "deploy", *args)


def test_verify_passes_a_built_site_under_its_site_url_sub_path(clone) -> None:
    root, _ = clone
    assert run(root, "build").exit_code == 0
    result = run(root, "verify")
    assert result.exit_code == 0, result.output
    assert "under /sco-archive/: 0 problems" in result.output


def test_verify_fails_a_site_published_under_another_name_than_its_site_url(clone) -> None:
    # A fork that keeps our site_url: its 404 page would load no styles and no links.
    root, _ = clone
    assert run(root, "build").exit_code == 0
    result = run(root, "verify", "--base-path", "/my-fork/")
    assert result.exit_code == 1
    assert "/my-fork/404.html: /sco-archive/assets/" in result.output
    assert "set site_url to the published URL" in result.output


def test_deploy_builds_verifies_and_pushes_the_site_to_gh_pages(clone) -> None:
    root, remote = clone
    result = deploy(root)
    assert result.exit_code == 0, result.output
    assert "under /sco-archive/: 0 problems" in result.output
    files = branch_files(remote)
    for expected in ("index.html", ".nojekyll", "404.html", "timeline/index.html"):
        assert expected in files
    assert any(f.startswith("pagefind/") and f.endswith("/pagefind.js") for f in files)
    assert "speeches.json" in files and "feed.xml" in files


def test_a_second_deploy_after_a_document_changed_adds_one_commit(clone) -> None:
    root, remote = clone
    assert deploy(root).exit_code == 0
    sidecar = root / "speeches" / "002_e61eb7bfdfb8ae4c.yml"
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8") + "notes: Checked again.\n", encoding="utf-8"
    )
    result = deploy(root, "--message", "Correct a note")
    assert result.exit_code == 0, result.output
    assert commit_count(remote) == 2
    assert git(f"--git-dir={remote}", "log", "-1", "--format=%s", "gh-pages") == "Correct a note"


def test_a_build_with_an_unreadable_document_pushes_nothing(clone) -> None:
    root, remote = clone
    (root / "speeches" / "scan.txt").write_bytes(UNREADABLE)
    result = deploy(root)
    assert result.exit_code == 1
    assert "scan.txt" in result.output and "nothing was pushed" in result.output
    assert remote_refs(remote) == ""


def test_an_unknown_remote_is_refused_with_what_to_do(clone) -> None:
    root, remote = clone
    result = deploy(root, "--remote", "upstream")
    assert result.exit_code == 1
    assert "'upstream' is not configured" in result.output
    assert "git remote add upstream" in result.output
    assert remote_refs(remote) == ""


def test_a_dry_run_verifies_and_says_what_it_would_push(clone) -> None:
    root, remote = clone
    result = deploy(root, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "0 problems" in result.output and "dry run: would push" in result.output
    assert remote_refs(remote) == ""


def test_a_custom_domain_gets_cname_and_root_urls(clone) -> None:
    root, remote = clone
    result = deploy(root, "--cname", "archive.example.org")
    assert result.exit_code == 0, result.output
    assert "under /: 0 problems" in result.output
    assert "CNAME" in branch_files(remote)
    sitemap = subprocess.run(
        ["git", f"--git-dir={remote}", "show", "gh-pages:sitemap.xml"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "<loc>https://archive.example.org/timeline/</loc>" in sitemap
    assert "example.github.io" not in sitemap


def test_every_build_writes_nojekyll_for_pages_served_from_a_branch(clone) -> None:
    root, _ = clone
    assert run(root, "build").exit_code == 0
    assert (root / "site" / ".nojekyll").is_file()
