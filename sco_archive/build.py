"""The build: load every document, generate pages, run MkDocs, and swap the new site in."""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from .docs_sync import SyncResult, hand_written_conflicts, read_manifest, sync_docs
from .errors import BuildFailed
from .generate import Generated, generate
from .incremental import (
    DROP_DIRTY_WARNING,
    SiteState,
    changed_pages,
    copy_for_update,
    current_state,
    load_state,
    output_dir,
    save_state,
    state_file_for,
)
from .knowledge import load_knowledge
from .loader import Corpus, DocumentCache, ProgressFactory, _diagnostic_order, load_corpus
from .model import Diagnostic, Severity
from .plugin import CACHE_DIR, THEME_DIR, ArchivePlugin

PLUGIN_NAME = "sco-archive"


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
        return self.cache_dir / "documents.sqlite"


@dataclass
class BuildResult:
    corpus: Corpus
    generated: Generated
    site_dir: Path
    docs: SyncResult | None
    seconds: float
    diagnostics: list[Diagnostic] = field(default_factory=list)
    up_to_date: bool = False  # nothing changed since the last build; MkDocs did not run
    pages_rendered: int = 0  # generated pages MkDocs rendered (all of them in a cold build)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]


def load_project_config(project: Project, **overrides: object) -> MkDocsConfig:
    if project.site_url:
        overrides["site_url"] = project.site_url
    config = load_config(str(project.config_file), **overrides)
    if PLUGIN_NAME not in config.plugins:
        raise BuildFailed(f"{project.config_file}: the `{PLUGIN_NAME}` plugin is not enabled")
    return config


def speeches_dir(project: Project, config: MkDocsConfig) -> Path:
    if project.speeches is not None:
        return project.speeches
    return project.root / archive_plugin(config).config.speeches


def archive_plugin(config: MkDocsConfig) -> ArchivePlugin:
    plugin = config.plugins[PLUGIN_NAME]
    assert isinstance(plugin, ArchivePlugin)
    return plugin


def load_project(
    project: Project,
    progress: ProgressFactory | None = None,
) -> tuple[MkDocsConfig, Corpus, Generated]:
    config = load_project_config(project)
    plugin = archive_plugin(config)
    knowledge_file = plugin.config.knowledge
    knowledge = load_knowledge(project.root / knowledge_file if knowledge_file else None)
    cache = DocumentCache(project.cache_file) if project.use_cache else None
    try:
        corpus = load_corpus(speeches_dir(project, config), knowledge, progress, cache=cache)
    finally:
        if cache is not None:
            cache.close()
    return config, corpus, generate(corpus, config.site_name, knowledge)


def build(
    project: Project, *, strict: bool = False, progress: ProgressFactory | None = None
) -> BuildResult:
    """Build the site. Under `strict`, any warning stops the build before anything is written.

    The new site is built beside the old one and swapped in only when MkDocs succeeded, and
    docs/ is updated only then: a failed or interrupted build leaves both as they were.
    """
    started = time.perf_counter()
    config, corpus, generated = load_project(project, progress)
    # Keyed: Diagnostic's own ordering compares `line` None with int and raises TypeError.
    diagnostics = sorted(corpus.all_diagnostics() + generated.diagnostics, key=_diagnostic_order)
    docs_dir = Path(config.docs_dir)
    _refuse(diagnostics, strict, hand_written_conflicts(docs_dir, generated.files))
    site_dir = (project.site_dir or Path(config.site_dir)).resolve()
    _recover_interrupted_swap(site_dir)
    state_file = state_file_for(project.cache_dir, site_dir)
    previous = load_state(state_file) if project.incremental and site_dir.is_dir() else None
    current = current_state(config, THEME_DIR, generated.files, read_manifest(docs_dir))
    if previous is not None and _up_to_date(previous, current, docs_dir, generated):
        return BuildResult(
            corpus,
            generated,
            site_dir,
            None,
            time.perf_counter() - started,
            diagnostics,
            up_to_date=True,
        )
    warm = previous is not None and changed_pages(previous, current) is not None
    with _staging_dir(site_dir) as staging:
        if warm:
            assert previous is not None
            copy_for_update(
                site_dir, staging, {output_dir(u) for u in previous.pages}, REGENERATED_EVERY_BUILD
            )
        _run_mkdocs(project, staging, site_dir, generated, warm)
        _swap_into_place(staging, site_dir)
    save_state(state_file, current)
    docs = sync_docs(docs_dir, generated.files)
    return BuildResult(
        corpus,
        generated,
        site_dir,
        docs,
        time.perf_counter() - started,
        diagnostics,
        pages_rendered=_rendered(previous, current, warm),
    )


# Rebuilt from scratch by every build, never carried over from the previous site.
REGENERATED_EVERY_BUILD = ("pagefind", "search")


def _run_mkdocs(
    project: Project, staging: Path, site_dir: Path, generated: Generated, warm: bool
) -> None:
    build_config = load_project_config(project, site_dir=str(staging))
    plugin = archive_plugin(build_config)
    plugin.preloaded = generated
    plugin.dirty = warm
    plugin.state_site_dir = site_dir
    build_logger = logging.getLogger("mkdocs.commands.build")
    build_logger.addFilter(DROP_DIRTY_WARNING)
    try:
        mkdocs_build(build_config, dirty=warm)
    except MkDocsException as error:
        raise BuildFailed(f"MkDocs could not build the site: {error}") from error
    finally:
        build_logger.removeFilter(DROP_DIRTY_WARNING)


def _up_to_date(
    previous: SiteState, current: SiteState, docs_dir: Path, generated: Generated
) -> bool:
    """Nothing to do: same pages, same everything else, and docs/ already holds them."""
    return (
        previous == current
        and read_manifest(docs_dir) == set(generated.files)
        and not hand_written_conflicts(docs_dir, generated.files)
        and all(_holds(docs_dir / uri, text) for uri, text in generated.files.items())
    )


def _holds(path: Path, text: str) -> bool:
    try:
        return path.read_bytes() == text.encode("utf-8")
    except OSError:
        return False


def _rendered(previous: SiteState | None, current: SiteState, warm: bool) -> int:
    changed = changed_pages(previous, current) if warm else None
    return len(current.pages) if changed is None else len(changed)


def _refuse(diagnostics: list[Diagnostic], strict: bool, conflicts: list[str]) -> None:
    if conflicts:
        raise BuildFailed(
            "these files in docs/ are not the archive's own, and the archive "
            f"needs their paths: {', '.join(conflicts)}; rename them"
        )
    blocking = [
        d
        for d in diagnostics
        if d.severity is Severity.ERROR or (strict and d.severity is Severity.WARNING)
    ]
    if strict and blocking:
        raise BuildFailed(
            f"--strict: {len(blocking)} problem(s) found; nothing was built", blocking
        )


@contextmanager
def _staging_dir(site_dir: Path) -> Iterator[Path]:
    staging = site_dir.parent / f".{site_dir.name}.building"
    shutil.rmtree(staging, ignore_errors=True)  # left by a build that was killed
    staging.parent.mkdir(parents=True, exist_ok=True)
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _old_dir(site_dir: Path) -> Path:
    return site_dir.parent / f".{site_dir.name}.old"


def _recover_interrupted_swap(site_dir: Path) -> None:
    """Put back the previous site when a build was killed between the swap's two renames."""
    old = _old_dir(site_dir)
    if old.is_dir() and not site_dir.exists():
        old.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def _swap_into_place(staging: Path, site_dir: Path) -> None:
    # Two renames, never a copy: the only moment without a site/ is between them, and
    # `_recover_interrupted_swap` undoes that moment at the start of the next build.
    old = _old_dir(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
