"""The project keeps its promises to maintainers: every option documented, the code lint-clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest

from sco_archive.build.plugin import ArchiveConfig
from sco_archive.cli import main

REPO = Path(__file__).resolve().parents[2]


def options_of(command: click.Command) -> list[str]:
    return [
        name
        for param in command.params
        if isinstance(param, click.Option)
        for name in param.opts
        if name.startswith("--")
    ]


@pytest.mark.parametrize("name", sorted(main.commands))
def test_readme_documents_every_command_and_option(name):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"`{name}" in readme
    for option in options_of(main.commands[name]):
        if option not in ("--help", "--config"):
            assert option in readme, f"{name} {option} is not in README.md"


def test_readme_gives_each_plugin_option_its_real_default():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name, option in ArchiveConfig._schema:
        assert f"| `{name}` |" in readme, f"plugin option {name} is not in README.md"
        if isinstance(option.default, int):
            assert f"| `{name}` | `{option.default}` |" in readme, f"{name}: default"


def test_readme_commands_are_the_ones_ci_runs():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    test_command = "bash scripts/setup-tests.sh && python3 -m pytest"
    assert test_command in readme and test_command in ci


def test_the_code_is_ruff_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "sco_archive", "tests", "bench", "build_site.py"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
