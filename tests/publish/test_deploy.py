"""Deploying to a gh-pages branch, against real git: a bare repository stands in for GitHub."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from sco_archive.publish.deploy import DeployError, VerificationFailed, deploy, publish

pytestmark = pytest.mark.usefixtures("git_identity")  # tests/publish/conftest.py


def git(*args: str, cwd: Path | None = None) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    bare = tmp_path / "remote.git"
    git("init", "--quiet", "--bare", str(bare))
    return bare


@pytest.fixture
def repo(tmp_path: Path, remote: Path) -> Path:
    work = tmp_path / "work"
    git("init", "--quiet", "-b", "main", str(work))
    (work / "README.md").write_text("archive\n", encoding="utf-8")
    git("add", "README.md", cwd=work)
    git("commit", "--quiet", "-m", "start", cwd=work)
    git("remote", "add", "origin", str(remote), cwd=work)
    return work


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text(
        '<link rel="stylesheet" href="assets/site.css"><a href="#x" id="x">x</a>', encoding="utf-8"
    )
    (site / "assets" / "site.css").write_text("body {}", encoding="utf-8")
    return site


def branch_files(remote: Path, branch: str = "gh-pages") -> list[str]:
    return git(f"--git-dir={remote}", "ls-tree", "-r", "--name-only", branch).splitlines()


def commit_count(remote: Path, branch: str = "gh-pages") -> int:
    return int(git(f"--git-dir={remote}", "rev-list", "--count", branch))


def remote_refs(remote: Path) -> str:
    return git(f"--git-dir={remote}", "for-each-ref")


def test_deploy_pushes_the_site_with_nojekyll_to_gh_pages(
    site: Path, repo: Path, remote: Path
) -> None:
    result = deploy(site, repo_dir=repo)
    assert branch_files(remote) == [".nojekyll", "assets/site.css", "index.html"]
    assert commit_count(remote) == 1
    assert result.commit == git(f"--git-dir={remote}", "rev-parse", "gh-pages")
    assert (result.remote, result.branch, result.files, result.dry_run) == (
        "origin",
        "gh-pages",
        3,
        False,
    )
    # The user's own branch is untouched.
    assert git("rev-parse", "--abbrev-ref", "HEAD", cwd=repo) == "main"
    assert git("status", "--porcelain", cwd=repo) == ""


def test_a_second_deploy_after_a_change_adds_exactly_one_commit(
    site: Path, repo: Path, remote: Path
) -> None:
    deploy(site, repo_dir=repo, message="first")
    (site / "about.html").write_text("about", encoding="utf-8")
    deploy(site, repo_dir=repo, message="second")
    assert commit_count(remote) == 2
    assert "about.html" in branch_files(remote)
    assert git(f"--git-dir={remote}", "log", "--format=%s", "gh-pages").splitlines() == [
        "second",
        "first",
    ]


def test_deploy_builds_on_the_remote_branch_even_from_a_fresh_clone(
    site: Path, repo: Path, remote: Path, tmp_path: Path
) -> None:
    deploy(site, repo_dir=repo)
    clone = tmp_path / "clone"
    git("clone", "--quiet", str(remote), str(clone))
    (site / "about.html").write_text("about", encoding="utf-8")
    deploy(site, repo_dir=clone)  # no local gh-pages: it must fast-forward the remote's
    assert commit_count(remote) == 2


def test_cname_and_a_custom_branch(site: Path, repo: Path, remote: Path) -> None:
    deploy(site, repo_dir=repo, branch="pages", cname="archive.example.org")
    assert "CNAME" in branch_files(remote, "pages")
    cname = git(f"--git-dir={remote}", "show", "pages:CNAME")
    assert cname == "archive.example.org"


def test_a_path_that_is_not_a_configured_remote_is_pushed_to_directly(
    site: Path, repo: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.git"
    git("init", "--quiet", "--bare", str(other))
    result = deploy(site, repo_dir=repo, remote=str(other))
    assert result.remote == str(other.resolve())
    assert "index.html" in branch_files(other)


def test_an_unknown_remote_is_refused_and_nothing_changes(
    site: Path, repo: Path, remote: Path
) -> None:
    with pytest.raises(DeployError, match=r"remote 'upstream' is not configured.*git remote add"):
        deploy(site, repo_dir=repo, remote="upstream")
    assert remote_refs(remote) == ""
    assert git("branch", "--list", "gh-pages", cwd=repo) == ""


def test_a_site_without_index_html_is_refused(tmp_path: Path, repo: Path, remote: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(DeployError, match=r"no index\.html; build the site first"):
        deploy(empty, repo_dir=repo)
    assert remote_refs(remote) == ""


def test_a_folder_that_is_not_a_repository_is_refused(site: Path, tmp_path: Path) -> None:
    outside = tmp_path / "not-a-repo"
    outside.mkdir()
    with pytest.raises(DeployError, match="is not a git repository"):
        deploy(site, repo_dir=outside)


def test_a_dry_run_reports_and_pushes_nothing(site: Path, repo: Path, remote: Path) -> None:
    result = deploy(site, repo_dir=repo, dry_run=True, cname="archive.example.org")
    assert result.dry_run and result.commit is None
    assert result.files == 4  # index.html, site.css, .nojekyll, CNAME
    assert result.bytes == sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) + len(
        "archive.example.org\n"
    )
    assert "would push 4 files" in result.summary()
    assert remote_refs(remote) == ""
    assert git("branch", "--list", "gh-pages", cwd=repo) == ""


def test_publish_verifies_then_deploys(site: Path, repo: Path, remote: Path) -> None:
    result = publish(site, "/sco-archive/", repo_dir=repo)
    assert result.verification is not None and result.verification.ok
    assert "index.html" in branch_files(remote)


def test_publish_refuses_a_site_with_broken_links_and_pushes_nothing(
    site: Path, repo: Path, remote: Path
) -> None:
    (site / "index.html").write_text('<a href="/assets/site.css">css</a>', encoding="utf-8")
    with pytest.raises(VerificationFailed, match="1 problem; fix the link") as caught:
        publish(site, "/sco-archive/", repo_dir=repo)
    assert [p.link for p in caught.value.report.problems] == ["/assets/site.css"]
    assert remote_refs(remote) == ""
    assert git("branch", "--list", "gh-pages", cwd=repo) == ""


def test_redeploying_an_unchanged_site_adds_no_commit(site: Path, repo: Path, remote: Path) -> None:
    first = deploy(site, repo_dir=repo)
    again = deploy(site, repo_dir=repo)
    assert commit_count(remote) == 1
    assert (again.commit, again.changed) == (first.commit, False)
    assert "already holds this site" in again.summary()


def test_without_a_git_identity_deploy_says_how_to_set_one(
    site: Path, repo: Path, remote: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable in ("GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.delenv(variable)
    with pytest.raises(DeployError, match=r"git config user\.name"):
        deploy(site, repo_dir=repo)
    assert remote_refs(remote) == ""


def test_deploying_to_a_checked_out_branch_is_refused(site: Path, repo: Path) -> None:
    with pytest.raises(DeployError, match="'main' is checked out"):
        deploy(site, repo_dir=repo, branch="main")
