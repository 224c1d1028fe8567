"""`serve` and `deploy` with ProperDocs as the engine (SCO_ARCHIVE_ENGINE=properdocs), as a
maintainer runs them; the rest of the suite runs them with MkDocs, the default."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from sco_archive.build.run import Project

REPO = Path(__file__).resolve().parents[2]
SPEECH = "Address by Vladimir Norov at the forum\n\nBeijing, 24 June 2020. Colleagues, welcome.\n"
GENERATOR = '<meta name="generator" content="mkdocs-ProperDocs '
WAIT = 90.0  # seconds


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, SCO_ARCHIVE_ENGINE="properdocs", PYTHONPATH=str(REPO))
    env.pop("SCO_SITE_URL", None)
    for role in ("AUTHOR", "COMMITTER"):  # deploy commits; the user's git config stays out
        env[f"GIT_{role}_NAME"], env[f"GIT_{role}_EMAIL"] = "Archive Tests", "tests@example.org"
    env["GIT_CONFIG_GLOBAL"], env["GIT_CONFIG_NOSYSTEM"] = str(tmp_path / "gitconfig"), "1"
    return env


def _git(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def _wait_for(url: str, shown: Callable[[str], bool]) -> str:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if shown(body):
                return body
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} did not show the change within {WAIT:.0f} s")


def test_serve_with_properdocs_previews_the_site_and_shows_an_edit(
    make_project: Callable[..., Project], tmp_path: Path
) -> None:
    project = make_project({"norov.txt": SPEECH})
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, str(REPO / "build_site.py"), "serve", "-a", f"127.0.0.1:{port}"]
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    server = subprocess.Popen(
        command, cwd=project.root, env=_env(tmp_path), stdout=subprocess.DEVNULL, stderr=log
    )
    try:
        base = f"http://127.0.0.1:{port}/sco-archive/"
        home = _wait_for(base, lambda body: "Norov" in body)
        assert GENERATOR in home
        speech = project.root / "speeches" / "norov.txt"
        speech.write_text(SPEECH.replace("at the forum", "at the summit"), encoding="utf-8")
        _wait_for(base, lambda body: "at the summit" in body)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    assert "Serving on" in (tmp_path / "serve.log").read_text(encoding="utf-8")


def test_deploy_with_properdocs_builds_verifies_and_pushes_to_gh_pages(
    make_project: Callable[..., Project], tmp_path: Path
) -> None:
    root = make_project(seeds=True).root
    env = _env(tmp_path)
    remote = tmp_path / "pages.git"
    _git("init", "--quiet", "--bare", str(remote), env=env)
    _git("init", "--quiet", "-b", "main", str(root), env=env)
    _git("add", ".", cwd=root, env=env)
    _git("commit", "--quiet", "-m", "archive", cwd=root, env=env)
    _git("remote", "add", "origin", str(remote), cwd=root, env=env)
    done = subprocess.run(
        [sys.executable, str(REPO / "build_site.py"), "deploy"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "with ProperDocs 1.6" in done.stdout and "0 problems" in done.stdout
    page = _git(f"--git-dir={remote}", "show", "gh-pages:index.html", env=env)
    assert GENERATOR in page
    files = _git(f"--git-dir={remote}", "ls-tree", "-r", "--name-only", "gh-pages", env=env)
    assert {".nojekyll", "speeches.json", "feed.xml"} <= set(files.split())
