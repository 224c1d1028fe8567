"""The build's own process: a forked call for work that is mostly system calls, done on the
other core, and the garbage collector kept off the millions of objects a build keeps to its end."""

from __future__ import annotations

import gc
import logging
import multiprocessing
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

log = logging.getLogger("mkdocs.plugins.sco_archive")


class ForkedCall:
    """`function(*args)` in a forked process, started at once; run inline where a fork is not
    possible or not safe (no `fork`, or other threads, one of which may hold a lock the child
    would inherit). A thread would not do: its every system call waits for the GIL."""

    def __init__(self, function: Callable[..., Any], *args: Any):
        self._process: multiprocessing.process.BaseProcess | None = None
        self._done = True
        if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
            context = multiprocessing.get_context("fork")
            self._process = context.Process(target=_run, args=(function, *args), daemon=True)
            self._process.start()
        else:
            self._done = _call(function, *args)

    def wait(self) -> bool:
        """Wait for the work to end; tell whether it succeeded."""
        if self._process is not None:
            self._process.join()
            self._done = self._process.exitcode == 0
            self._process = None
        return self._done

    def stop(self) -> None:
        """End the work, finished or not (its result is no longer wanted)."""
        if self._process is not None:
            self._process.terminate()
            self._process.join()
            self._process = None


def _run(function: Callable[..., Any], *args: Any) -> None:
    if not _call(function, *args):
        raise SystemExit(1)


def _call(function: Callable[..., Any], *args: Any) -> bool:
    try:
        function(*args)
    except Exception as error:  # reported here; the caller decides what a failure means
        log.warning(f"{function.__name__} failed: {error}")
        return False
    return True


@contextmanager
def long_lived_objects() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (loading), then freeze every object
    alive: the loaded documents live until the build ends, and at 10,000 documents the
    collector's full passes over their millions of objects, from the unpickling on, took
    1.6 s of a one-change build (0.3 s with this), and found nothing to free."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # until thawing() gives them back
        if enabled:
            gc.enable()


@contextmanager
def thawing() -> Iterator[None]:
    """Once the block is done, give the collector back what `long_lived_objects` froze: a
    caller that builds again in the same process (the tests, a program using the library)
    must not keep garbage frozen for ever."""
    try:
        yield
    finally:
        gc.unfreeze()
