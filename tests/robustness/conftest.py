"""The robustness corpus built once per session, beside the five founding documents."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from sco_archive.build.run import BuildResult, Project, build
from tests.generated_docs import copy_hand_written_docs

REPO = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parent / "corpus"


def new_project(root: Path, extra: dict[str, bytes] | None = None) -> Project:
    """A project like ours: mkdocs.yml, the hand-written docs/, seeds plus the corpus."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    copy_hand_written_docs(REPO / "docs", root / "docs")
    speeches = root / "speeches"
    speeches.mkdir(exist_ok=True)
    for source in (REPO / "speeches").iterdir():
        if source.suffix in (".txt", ".yml"):
            shutil.copy(source, speeches / source.name)
    for source in CORPUS.iterdir():
        shutil.copy(source, speeches / source.name)
    for name, data in (extra or {}).items():
        (speeches / name).write_bytes(data)
    return Project(config_file=root / "mkdocs.yml", use_cache=False)


@dataclass
class Built:
    project: Project
    result: BuildResult

    @property
    def site(self) -> Path:
        return self.result.site_dir

    @property
    def speeches(self) -> Path:
        return self.project.root / "speeches"


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    project = new_project(tmp_path_factory.mktemp("robustness") / "project")
    return Built(project, build(project))
