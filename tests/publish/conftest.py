"""Fixtures shared by the publishing tests, which commit and push with real git."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def git_identity(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Commits work on a fresh machine, and the user's own git config cannot interfere."""
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Archive Tests")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "tests@example.org")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
