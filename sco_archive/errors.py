"""The archive's own exceptions; the CLI turns them into messages and exit codes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sco_archive.model import Diagnostic


class ArchiveError(Exception):
    """Something the user can fix stopped the work; the message says what to do."""


class BuildFailed(ArchiveError):
    """The build found errors (or warnings under --strict); nothing was published."""

    def __init__(self, message: str, diagnostics: list[Diagnostic] | None = None):
        super().__init__(message)
        self.diagnostics = diagnostics or []
