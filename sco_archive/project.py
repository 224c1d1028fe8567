"""A project: where its things are (mkdocs.yml, speeches/, the cache, the package's own files),
the constants every stage agrees on, and the one `load_project` every command loads it with."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from sco_archive.cache.documents import DocumentCache
from sco_archive.errors import BuildFailed
from sco_archive.knowledge import Knowledge, load_knowledge
from sco_archive.loader import Corpus, ProgressFactory, load_corpus
from sco_archive.model import Diagnostic
from sco_archive.publish.site_url import resolve_site_url
from sco_archive.read.files import discover

if TYPE_CHECKING:  # the plugin imports this module
    from sco_archive.build.plugin import ArchiveConfig

PACKAGE_DIR = Path(__file__).parent
THEME_DIR = PACKAGE_DIR / "theme"
PLUGIN_NAME = "sco-archive"  # the plugin's name in mkdocs.yml
SPEECHES_DIR = "speeches"  # the default source folder, relative to mkdocs.yml
CACHE_DIR = ".cache/sco-archive"  # below the project root (beside mkdocs.yml)
DOCUMENT_CACHE_FILE = "documents.sqlite"  # in CACHE_DIR: see cache/documents.py
DERIVED_CACHE_FILE = "derived.pickle"  # in CACHE_DIR: see cache/derived.py


@dataclass(frozen=True)
class Project:
    """Where things are: mkdocs.yml, and the folders it and the command line point at."""

    config_file: Path = Path("mkdocs.yml")
    speeches: Path | None = None  # default: the plugin's `speeches` setting
    site_dir: Path | None = None  # default: mkdocs.yml's site_dir
    site_url: str | None = None  # overrides mkdocs.yml's site_url (forks publish elsewhere)
    use_cache: bool = True  # reuse documents loaded by an earlier build when nothing changed
    incremental: bool = True  # re-render only changed pages when the site was built before

    @property
    def root(self) -> Path:
        return self.config_file.resolve().parent

    @property
    def cache_dir(self) -> Path:
        return self.root / CACHE_DIR

    @property
    def cache_file(self) -> Path:
        return self.cache_dir / DOCUMENT_CACHE_FILE

    @property
    def derived_cache_file(self) -> Path:
        return self.cache_dir / DERIVED_CACHE_FILE


def load_project_config(project: Project, **overrides: object) -> MkDocsConfig:
    if project.site_url:
        overrides["site_url"] = project.site_url
    config = load_config(str(project.config_file), **overrides)
    if PLUGIN_NAME not in config.plugins:
        raise BuildFailed(f"{project.config_file}: the `{PLUGIN_NAME}` plugin is not enabled")
    resolve_site_url(config, project.root)
    return config


def plugin_settings(config: MkDocsConfig) -> ArchiveConfig:
    """The plugin's own settings in mkdocs.yml (`speeches`, `knowledge`, …), as loaded."""
    return config.plugins[PLUGIN_NAME].config


def speeches_dir(project: Project, config: MkDocsConfig) -> Path:
    if project.speeches is not None:
        return project.speeches
    return project.root / plugin_settings(config).speeches


def knowledge_path(project: Project, config: MkDocsConfig | None) -> Path | None:
    """The project's own knowledge file, or None for the one that comes with the archive."""
    knowledge_file = plugin_settings(config).knowledge if config is not None else None
    return project.root / knowledge_file if knowledge_file else None


@dataclass
class LoadedProject:
    """A project's documents as every command sees them: loaded with the project's knowledge."""

    config: MkDocsConfig | None  # None: `check` of loose files, with no mkdocs.yml beside them
    knowledge: Knowledge
    corpus: Corpus


def load_project(
    project: Project,
    config: MkDocsConfig | None = None,
    *,
    paths: Sequence[Path] = (),
    progress: ProgressFactory | None = None,
    cache: DocumentCache | None = None,
) -> LoadedProject:
    """The one way a command loads documents: `build`, `serve`, the plugin and `check` alike.

    `paths` (documents or folders anywhere, named relative to the working folder) replace the
    speeches folder; without an mkdocs.yml beside them, the archive's own knowledge is used.
    """
    if config is None and (project.config_file.exists() or not paths):
        config = load_project_config(project)
    knowledge = load_knowledge(knowledge_path(project, config))
    if not paths:
        corpus = load_corpus(speeches_dir(project, config), knowledge, progress, cache=cache)
        return LoadedProject(config, knowledge, corpus)
    files, found = _files_below(paths)
    corpus = load_corpus(Path.cwd(), knowledge, progress, paths=files, cache=cache)
    corpus.diagnostics += found
    return LoadedProject(config, knowledge, corpus)


def _files_below(paths: Sequence[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """The documents `paths` name: files as given, folders' documents as `discover` finds them."""
    files: list[Path] = []
    diagnostics: list[Diagnostic] = []
    for path in paths:
        if path.is_dir():
            found, _, problems = discover(path)
            files += found
            diagnostics += problems
        else:
            files.append(path)
    return files, diagnostics
