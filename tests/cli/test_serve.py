"""`serve`: the live preview shows an edit without a restart, told of it by the OS."""

from __future__ import annotations

import http.client
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from sco_archive.build.plugin import CACHE_DIR, ArchivePlugin
from sco_archive.build.run import Project
from sco_archive.build.serve import watch_with_events

REPO = Path(__file__).resolve().parents[2]
SPEECH = "Address by Vladimir Norov at the forum\n\nBeijing, 24 June 2020. Colleagues, welcome.\n"
WAIT = 90.0  # seconds; a rebuild of this project takes about one


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError, http.client.HTTPException):
        # IncompleteRead: MkDocs' server sized the file just before a background write replaced
        # it (atomically); the next poll reads the new one whole.
        return None


def _wait_for(url: str, shown: Callable[[str], bool]) -> str:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        body = _fetch(url)
        if body is not None and shown(body):
            return body
        time.sleep(0.3)
    raise AssertionError(f"{url} did not show the change within {WAIT:.0f} s")


@pytest.fixture(params=["folder", "symlink"])
def preview(
    request: pytest.FixtureRequest, make_project: Callable[..., Project], tmp_path: Path
) -> Iterator[tuple[Path, str]]:
    """(project root, the preview's base URL) of a running `build_site.py serve`, its
    speeches/ a folder or a symlink to one kept elsewhere."""
    project = make_project({"norov.txt": SPEECH})
    if request.param == "symlink":
        elsewhere = tmp_path / "kept-elsewhere"
        (project.root / "speeches").rename(elsewhere)
        (project.root / "speeches").symlink_to(elsewhere, target_is_directory=True)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, str(REPO / "build_site.py"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project.root,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "serve.log").open("w", encoding="utf-8"),
    )
    try:
        base = f"http://127.0.0.1:{port}/sco-archive/"
        _wait_for(base, lambda body: "Norov" in body)
        yield project.root, base
    finally:
        server.terminate()
        server.wait(timeout=30)


def _builds(log: Path) -> int:
    return log.read_text("utf-8").count("Building documentation")


def test_an_edited_document_and_an_edited_page_show_without_a_restart(preview) -> None:
    root, base = preview
    assert f"Serving on {base}" in (root.parent / "serve.log").read_text("utf-8")
    year = _wait_for(base + "timeline/2020/", lambda body: "Norov" in body)
    path = re.search(r'href="[./]*(speeches/2020/[^"#]+/)"', year)
    assert path is not None
    with (root / "speeches" / "norov.txt").open("a", encoding="utf-8") as speech:
        speech.write("\nA sentence added while serving.\n")
    _wait_for(base + path[1], lambda body: "A sentence added while serving." in body)
    # The downloads follow the page, written in the background.
    _wait_for(base + "corpus.jsonl", lambda body: "A sentence added while serving." in body)
    about = root / "docs" / "about.md"
    about.write_text(about.read_text("utf-8") + "\nA line added while serving.\n", "utf-8")
    _wait_for(base + "about/", lambda body: "A line added while serving." in body)
    # The preview's folder is new in every session: its state is never left in the cache.
    assert list((root / CACHE_DIR).glob("site-*")) == []


def test_after_an_edit_the_preview_rebuilds_once_and_then_rests(preview) -> None:
    # A rebuild reads files (the edited document, docs/): reading must not set off another.
    root, base = preview
    log = root.parent / "serve.log"
    with (root / "speeches" / "norov.txt").open("a", encoding="utf-8") as speech:
        speech.write("\nA sentence added while serving.\n")
    _wait_for(base + "timeline/", lambda body: True)
    deadline = time.monotonic() + WAIT
    while _builds(log) < 2 and time.monotonic() < deadline:
        time.sleep(0.3)
    time.sleep(6)  # more than the two seconds a just-written file is read again for
    settled = _builds(log)
    time.sleep(4)
    assert _builds(log) == settled <= 3


def test_the_preview_is_told_of_edits_instead_of_polling_every_file(tmp_path: Path) -> None:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server.watch(str(tmp_path))
        assert isinstance(server.observer, PollingObserver)  # MkDocs' own choice
        watch_with_events(server)
        assert not isinstance(server.observer, PollingObserver)
        assert len(server.observer.emitters) == 1  # the same folder, watched by the new observer
    finally:
        server.server_close()


def test_serve_renders_its_first_build_in_two_processes_and_never_forks_beside_threads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plugin = ArchivePlugin()
    plugin.on_startup(command="serve", dirty=True)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert plugin.may_render_in_a_fork()  # the first build: no server or watcher thread yet
    monkeypatch.setattr(threading, "active_count", lambda: 3)
    assert not plugin.may_render_in_a_fork()  # a rebuild: the server's threads are running


def test_the_preview_does_not_list_the_generated_pages_missing_from_the_nav(preview) -> None:
    # They are reached from the browse pages; at 10,000 documents the list filled screens.
    root, base = preview
    log = (root.parent / "serve.log").read_text("utf-8")
    assert 'not included in the "nav"' not in log
    assert "Speakers" in _wait_for(base, lambda body: True)  # the nav's own entries stay
