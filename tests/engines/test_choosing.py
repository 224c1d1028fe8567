"""Which engine renders the site, and that the archive's code runs on either.

The engine is the one already running (`mkdocs build`, `properdocs build`), else the one
SCO_ARCHIVE_ENGINE names, else MkDocs, the default dependency (sco_archive/engine.py). Under
ProperDocs every `mkdocs.*` import is served by ProperDocs' own modules, so the archive imports
only what ProperDocs provides too.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

from sco_archive import engine
from sco_archive.engine import ENV, EngineError, choose

REPO = Path(__file__).resolve().parents[2]


def _run(code: str, engine_name: str | None, cwd: Path = REPO) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop(ENV, None)
    if engine_name is not None:
        env[ENV] = engine_name
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


# --- Choosing --------------------------------------------------------------------------------


def test_without_a_choice_the_default_dependency_mkdocs_renders() -> None:
    assert choose(environ={}, modules={}) == "mkdocs"
    if ENV not in os.environ:  # the test suite runs on the default unless told otherwise
        assert engine.ENGINE.name == "mkdocs"


def test_sco_archive_engine_chooses_properdocs() -> None:
    assert choose(environ={ENV: "properdocs"}, modules={}) == "properdocs"
    assert choose(environ={ENV: " ProperDocs "}, modules={}) == "properdocs"
    assert choose(environ={ENV: "mkdocs"}, modules={}) == "mkdocs"


def test_the_engine_already_running_wins_over_the_variable() -> None:
    """`mkdocs build` and `properdocs build` load the plugin with their own engine."""
    mkdocs, properdocs = ModuleType("mkdocs"), ModuleType("properdocs")
    assert choose(environ={ENV: "properdocs"}, modules={"mkdocs": mkdocs}) == "mkdocs"
    # ProperDocs' import redirect puts itself in sys.modules under the old name.
    assert choose(environ={ENV: "mkdocs"}, modules={"mkdocs": properdocs}) == "properdocs"


def test_without_mkdocs_installed_properdocs_renders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "_installed", lambda name: name == "properdocs")
    assert choose(environ={}, modules={}) == "properdocs"


def test_an_unknown_or_missing_engine_is_refused_with_what_to_do(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(EngineError, match="`mkdocs` or `properdocs`"):
        choose(environ={ENV: "zensical"}, modules={})
    monkeypatch.setattr(engine, "_installed", lambda name: name == "mkdocs")
    with pytest.raises(EngineError, match=r"pip install -e '\.\[properdocs\]'"):
        choose(environ={ENV: "properdocs"}, modules={})
    monkeypatch.setattr(engine, "_installed", lambda name: False)
    with pytest.raises(EngineError, match="neither MkDocs nor ProperDocs"):
        choose(environ={}, modules={})


def test_the_command_line_refuses_an_unknown_engine() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "build_site.py"), "check", "--help"],
        env=dict(os.environ, PYTHONPATH=str(REPO), **{ENV: "sphinx"}),
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0
    assert "SCO_ARCHIVE_ENGINE='sphinx': the engine is `mkdocs` or `properdocs`" in done.stderr


# --- Running on ProperDocs -------------------------------------------------------------------


def _mkdocs_imports() -> list[tuple[str, str, str | None]]:
    """(file, module, name or None) for every `mkdocs.*` import of the archive, its tests and
    its benchmarks."""
    found = []
    files = [*REPO.glob("sco_archive/**/*.py"), *REPO.glob("tests/**/*.py")]
    files += [*REPO.glob("bench/*.py"), REPO / "build_site.py"]
    for path in files:
        where = path.relative_to(REPO).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found += [(where, a.name, None) for a in node.names if a.name.startswith("mkdocs")]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("mkdocs"):
                found += [(where, node.module, a.name) for a in node.names]
    return found


def test_every_mkdocs_import_of_the_archive_is_one_properdocs_provides() -> None:
    imports = _mkdocs_imports()
    assert len({module for _, module, _ in imports}) >= 10  # the walk found them
    missing = []
    for where, module, name in imports:
        fork = "properdocs" + module.removeprefix("mkdocs")
        if importlib.util.find_spec(fork) is None:
            missing.append(f"{where}: {module}")
            continue
        provided = importlib.import_module(fork)
        if name is not None and not (
            hasattr(provided, name) or importlib.util.find_spec(f"{fork}.{name}")
        ):
            missing.append(f"{where}: {module}.{name}")
    assert missing == []


def test_under_properdocs_the_plugin_is_a_properdocs_plugin_and_mkdocs_is_never_loaded() -> None:
    done = _run(
        """
        import sys
        from sco_archive.build.plugin import ArchivePlugin
        from sco_archive.build.run import build
        from sco_archive.cli import main
        import properdocs.plugins
        from properdocs.plugins import get_plugins
        from sco_archive.engine import ENGINE

        assert issubclass(ArchivePlugin, properdocs.plugins.BasePlugin)
        assert get_plugins()["sco-archive"].load() is ArchivePlugin
        real = [m for m, mod in sys.modules.items()
                if "site-packages/mkdocs/" in (getattr(mod, "__file__", "") or "")]
        assert real == [], real
        print(ENGINE)
        """,
        "properdocs",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ProperDocs 1.6")


def test_under_properdocs_strict_mode_counts_the_archives_warnings_in_either_process(
    tmp_path: Path,
) -> None:
    """What the archive logs as `mkdocs.plugins.*` counts as ProperDocs' own, as in MkDocs,
    whether it is logged in the main process or in the one rendering half the pages."""
    for page in ("about.md", "search.md", "scaling.md"):
        (tmp_path / "docs").mkdir(exist_ok=True)
        (tmp_path / "docs" / page).write_bytes((REPO / "docs" / page).read_bytes())
    (tmp_path / "mkdocs.yml").write_bytes((REPO / "mkdocs.yml").read_bytes())
    (tmp_path / "speeches").mkdir()
    for source in (REPO / "speeches").glob("*.txt"):
        (tmp_path / "speeches" / source.name).write_bytes(source.read_bytes())
    done = _run(
        """
        import logging, os, sys
        from pathlib import Path
        import sco_archive.build.plugin as plugin
        from sco_archive.build.run import Project, build
        from sco_archive.errors import BuildFailed

        plugin.PARALLEL_PAGES_FROM = 2
        real = plugin.ArchivePlugin.on_page_content
        main_process = os.getpid()

        for where in ("main", "helper"):
            def warn(self, html, *, page, config, files, where=where):
                if (os.getpid() == main_process) == (where == "main"):
                    logging.getLogger("mkdocs.plugins.sco_archive").warning("warned")
                return real(self, html, page=page, config=config, files=files)

            plugin.ArchivePlugin.on_page_content = warn
            try:
                build(Project(use_cache=False, incremental=False))
            except BuildFailed as error:
                assert "strict" in str(error), error
                print(where, "refused")
            else:
                sys.exit(f"a warning in the {where} process did not stop the strict build")
        """,
        "properdocs",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.split() == ["main", "refused", "helper", "refused"]
