"""The forked call a build does system-call-heavy work in (copying and removing sites)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sco_archive.processes import ForkedCall


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def fail(message: str) -> None:
    raise OSError(message)


def test_the_work_is_done_when_waited_for(tmp_path: Path):
    helper = ForkedCall(write, tmp_path / "done.txt", "copied")
    assert helper.wait() is True
    assert (tmp_path / "done.txt").read_text(encoding="utf-8") == "copied"


def test_a_failure_is_told_to_the_one_who_waits(tmp_path: Path):
    assert ForkedCall(fail, "No space left on device").wait() is False


def test_beside_another_thread_the_work_is_done_at_once_in_this_process(tmp_path: Path):
    # A fork now could inherit a lock that the other thread holds, and never get it.
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        helper = ForkedCall(write, tmp_path / "done.txt", "inline")
        assert (tmp_path / "done.txt").read_text(encoding="utf-8") == "inline"
        assert helper.wait() is True
    finally:
        release.set()
        other.join()


def test_work_no_longer_wanted_is_stopped_without_waiting_for_it(tmp_path: Path):
    helper = ForkedCall(time.sleep, 60)
    started = time.monotonic()
    helper.stop()
    assert time.monotonic() - started < 10
