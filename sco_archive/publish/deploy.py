"""Publish a built site to a gh-pages branch with ghp-import, never before it verifies clean."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import threading
from dataclasses import dataclass, replace
from pathlib import Path

import ghp_import

from sco_archive.errors import ArchiveError
from sco_archive.publish.verify import DEFAULT_BASE_PATH, VerifyReport, verify_site

# ghp-import runs git in the current directory and offers no `cwd`; chdir is process-wide,
# so two deploys in one process (tests, a future server) must take turns.
_CHDIR_LOCK = threading.Lock()
# `host:path` or `user@host:path` as git understands it (scp-like syntax), but not `C:\...`.
_SCP_LIKE = re.compile(r"^(?:[\w.-]+@)?[\w.-]{2,}:(?!//)")


class DeployError(ArchiveError):
    """The site was not published; the message says what to do."""


class VerificationFailed(DeployError):
    """The built site has broken links; publishing it was refused."""

    def __init__(self, message: str, report: VerifyReport):
        super().__init__(message)
        self.report = report


@dataclass(frozen=True)
class DeployResult:
    """What was (or, on a dry run, would be) pushed."""

    remote: str
    branch: str
    files: int  # including .nojekyll and CNAME
    bytes: int
    dry_run: bool
    message: str
    commit: str | None = None  # the new commit on `branch`; None on a dry run
    changed: bool = True  # False when the branch already held this very site: no commit added
    verification: VerifyReport | None = None  # set by publish()

    def summary(self) -> str:
        """One line for the CLI."""
        what = f"{self.files} files ({self.bytes:,} bytes) to {self.remote} {self.branch}"
        if self.dry_run:
            return f"dry run: would push {what}; nothing was pushed"
        commit = self.commit[:12] if self.commit else "?"
        if not self.changed:
            return f"{self.remote} {self.branch} already holds this site ({commit}); nothing new"
        return f"pushed {what} as {commit}"


def _git(repo_dir: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        ["git", *args], cwd=repo_dir, capture_output=True, text=True, check=False
    )
    if check and result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        raise DeployError(f"`git {' '.join(args)}` failed in {repo_dir}: {detail}")
    return result


def _resolve_remote(repo_dir: Path, remote: str) -> str:
    """Return what to push to: a configured remote's name, an existing path, or a URL."""
    names = _git(repo_dir, "remote").stdout.split()
    if remote in names:
        return remote
    if "://" in remote or _SCP_LIKE.match(remote):
        return remote
    if Path(remote).expanduser().exists():
        return str(Path(remote).expanduser().resolve())
    known = ", ".join(names) if names else "none"
    raise DeployError(
        f"remote {remote!r} is not configured in {repo_dir} (configured: {known}) and is not "
        f"an existing path or URL; add it with `git remote add {remote} URL` or pass --remote"
    )


def _count(site_dir: Path, cname: str | None) -> tuple[int, int]:
    files = [path for path in site_dir.rglob("*") if path.is_file()]
    total = sum(path.stat().st_size for path in files)
    names = {path.relative_to(site_dir).as_posix() for path in files}
    # ghp-import adds these two (replacing any copies in site_dir).
    extra = [".nojekyll"] + (["CNAME"] if cname else [])
    total += len(cname) + 1 if cname else 0
    return len(names | set(extra)), total


def deploy(
    site_dir: Path,
    *,
    remote: str = "origin",
    branch: str = "gh-pages",
    message: str | None = None,
    cname: str | None = None,
    dry_run: bool = False,
    repo_dir: Path = Path("."),
) -> DeployResult:
    """Commit the built site to BRANCH with ghp-import and push it to REMOTE.

    REMOTE is a remote configured in the repository (`origin`), or else an existing path or a
    URL to push to directly. The branch gets a `.nojekyll` file, so GitHub Pages serves folders
    that start with `_`, and a `CNAME` file with the custom domain when --cname is given. The
    branch's history is kept: each deploy adds one commit on top of the remote's branch.
    With --dry-run, only report what would be pushed; nothing is committed or pushed.
    """
    site_dir = Path(site_dir).resolve()
    repo_dir = Path(repo_dir).resolve()
    if not (site_dir / "index.html").is_file():
        raise DeployError(f"{site_dir} has no index.html; build the site first")
    if not repo_dir.is_dir() or _git(repo_dir, "rev-parse", check=False).returncode != 0:
        raise DeployError(f"{repo_dir} is not a git repository; run deploy inside your clone")
    if _git(repo_dir, "check-ref-format", "--branch", branch, check=False).returncode != 0:
        raise DeployError(f"{branch!r} is not a valid branch name")
    if cname is not None and (not cname.strip() or "/" in cname or cname != cname.strip()):
        raise DeployError(f"{cname!r} is not a domain name; give --cname like archive.example.org")
    target = _resolve_remote(repo_dir, remote)
    files, size = _count(site_dir, cname)
    mesg = message or f"Publish the SCO speech archive ({files} files)"
    if dry_run:
        return DeployResult(target, branch, files, size, dry_run=True, message=mesg)
    _check_identity(repo_dir)
    current = _git(repo_dir, "symbolic-ref", "--quiet", "--short", "HEAD", check=False)
    if current.stdout.strip() == branch:
        raise DeployError(f"{branch!r} is checked out in {repo_dir}; switch to another branch")

    _start_from_remote_branch(repo_dir, target, branch)
    before = _branch_head(repo_dir, branch)
    with _CHDIR_LOCK, contextlib.chdir(repo_dir):
        try:
            ghp_import.ghp_import(
                str(site_dir), mesg=mesg, branch=branch, nojekyll=True, cname=cname, push=False
            )
        # ghp-import reports a failed `git fast-import` by writing bytes to sys.stdout, which
        # raises TypeError on Python 3; the unchanged branch below says the same thing.
        except (ghp_import.GhpError, TypeError) as error:
            raise DeployError(f"ghp-import could not commit {site_dir}: {error}") from error
    if _branch_head(repo_dir, branch) in (None, before):
        raise DeployError(f"ghp-import made no commit on {branch}; see git's message above")
    commit, changed = _drop_empty_commit(repo_dir, branch)
    pushed = _git(repo_dir, "push", "--porcelain", target, f"refs/heads/{branch}", check=False)
    if pushed.returncode != 0:
        raise DeployError(
            f"pushing {branch} to {target} failed: {pushed.stderr.strip()}; if the remote's "
            f"{branch} has commits you do not want, delete that branch on the remote first"
        )
    return DeployResult(
        target, branch, files, size, dry_run=False, message=mesg, commit=commit, changed=changed
    )


def _branch_head(repo_dir: Path, branch: str) -> str | None:
    found = _git(repo_dir, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}", check=False)
    return found.stdout.strip() if found.returncode == 0 else None


def _check_identity(repo_dir: Path) -> None:
    """ghp-import signs its commit with GIT_COMMITTER_NAME/EMAIL or user.name/email, no guess."""
    for variable, key in (
        ("GIT_COMMITTER_NAME", "user.name"),
        ("GIT_COMMITTER_EMAIL", "user.email"),
    ):
        if (
            not os.environ.get(variable)
            and not _git(repo_dir, "config", key, check=False).stdout.strip()
        ):
            raise DeployError(
                f"git does not know who you are ({key} is not set); run "
                "`git config user.name 'Your Name'` and `git config user.email you@example.org`"
            )


def _drop_empty_commit(repo_dir: Path, branch: str) -> tuple[str, bool]:
    """Undo ghp-import's commit when the site did not change: a redeploy adds no noise commit."""
    ref = f"refs/heads/{branch}"
    commit = _git(repo_dir, "rev-parse", "--verify", ref).stdout.strip()
    parent = _git(repo_dir, "rev-parse", "--verify", "--quiet", f"{ref}~1", check=False)
    if parent.returncode != 0:
        return commit, True
    trees = _git(repo_dir, "rev-parse", f"{ref}^{{tree}}", f"{ref}~1^{{tree}}").stdout.split()
    if trees[0] != trees[1]:
        return commit, True
    _git(repo_dir, "update-ref", ref, parent.stdout.strip(), commit)
    return parent.stdout.strip(), False


def _start_from_remote_branch(repo_dir: Path, target: str, branch: str) -> None:
    """Point the local branch at the remote's, so the push adds one commit and fast-forwards."""
    fetched = _git(repo_dir, "fetch", "--quiet", target, f"refs/heads/{branch}", check=False)
    if fetched.returncode != 0:
        if "couldn't find remote ref" in fetched.stderr:
            return  # the first deploy: the branch is created
        raise DeployError(f"could not fetch {branch} from {target}: {fetched.stderr.strip()}")
    _git(repo_dir, "update-ref", f"refs/heads/{branch}", "FETCH_HEAD")


def publish(
    site_dir: Path, verify_base_path: str = DEFAULT_BASE_PATH, **deploy_kwargs: object
) -> DeployResult:
    """Verify the built site under its sub-path, then deploy it; never push a broken site.

    Raises VerificationFailed (carrying the report) when any link, asset or anchor is broken;
    nothing is committed or pushed then. `deploy_kwargs` are deploy()'s keyword arguments.
    """
    report = verify_site(Path(site_dir), verify_base_path)
    if not report.ok:
        count = len(report.problems)
        raise VerificationFailed(
            f"{report.summary()}; fix the {'link' if count == 1 else 'links'} and rebuild - "
            "nothing was published",
            report,
        )
    result = deploy(Path(site_dir), **deploy_kwargs)  # type: ignore[arg-type]
    return replace(result, verification=report)
