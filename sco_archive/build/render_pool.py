"""Rendering in two processes: half the changed pages in a forked copy of the build, on the
other core, while MkDocs renders the rest; the copy's warnings are logged again here."""

from __future__ import annotations

import json
import logging
import os
import tempfile
import traceback
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sco_archive.engine import ENGINE


class RenderShare:
    """`share` rendered in a forked process, started at once; `join` waits for it."""

    def __init__(self, share: list, nav: Navigation, config: MkDocsConfig, files: Files):
        handle, report = tempfile.mkstemp(prefix="sco-render-", suffix=".json")
        os.close(handle)
        self._report = Path(report)
        self._pid = os.fork()
        if self._pid == 0:  # the forked child: render its share, report its warnings, never return
            code = 1
            try:
                _render_share(share, nav, config, files, self._report)
                code = 0
            finally:
                os._exit(code)

    def join(self) -> None:
        """Wait for the forked child and log its warnings here; raise if it failed."""
        _, status = os.waitpid(self._pid, 0)
        try:
            found = json.loads(self._report.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            found = {}
        finally:
            self._report.unlink(missing_ok=True)
        for level, name, message in found.get("records", []):
            logging.getLogger(name).log(level, message)
        if os.waitstatus_to_exitcode(status) != 0 or "error" in found:
            raise PluginError(
                "rendering pages in the second process failed: "
                + found.get("error", f"exit status {os.waitstatus_to_exitcode(status)}")
            )

    def kill(self) -> None:
        """Stop the forked child (the build failed: its pages are not wanted)."""
        try:
            os.kill(self._pid, 9)
            os.waitpid(self._pid, 0)
        except OSError:
            pass
        self._report.unlink(missing_ok=True)


class _Collect(logging.Handler):
    """Keeps the forked child's warnings, to be logged again (and counted) by the main process."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[int, str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.name, record.getMessage()))


def _render_share(
    share: list, nav: Navigation, config: MkDocsConfig, files: Files, report: Path
) -> None:
    """In the forked child: what MkDocs' build loop does, for `share` only."""
    from mkdocs.commands.build import _build_page, _populate_page

    collect = _Collect()
    engine_log = ENGINE.logger()  # under ProperDocs, `mkdocs.*` loggers too (engine.activate)
    engine_log.handlers[:] = [collect]
    engine_log.propagate = False
    found: dict[str, object] = {}
    try:
        for file in share:
            if file.page is None:
                Page(None, file, config)
            _populate_page(file.page, config, files)
        env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        for file in share:
            _build_page(file.page, config, doc_files, nav, env)
    except BaseException:
        found["error"] = traceback.format_exc(limit=8)
    found["records"] = collect.records
    report.write_text(json.dumps(found), encoding="utf-8")
