"""The build: load every document, generate pages, run MkDocs, and swap the new site in."""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from sco_archive.build.build_date import user_build_date
from sco_archive.build.finish import SiteOutputs, indexing, site_language, write_downloads
from sco_archive.build.load import load_and_plan
from sco_archive.build.plugin import TEMPLATE_CACHE, DrivenBuild, archive_plugin
from sco_archive.build.state import (
    DROP_DIRTY_WARNING,
    SiteState,
    changed_pages,
    copy_for_update,
    current_state,
    inputs_digest,
    load_snapshot,
    load_state,
    output_dir,
    reindexed_pages,
    save_snapshot,
    save_state,
    snapshot_file_for,
    state_file_for,
    tree_digest,
)
from sco_archive.cache.derived import DerivedCache
from sco_archive.cache.documents import DocumentCache
from sco_archive.cache.pages import (
    load_page_cache,
    page_cache_file,
    reuse_from_docs,
    save_page_cache,
)
from sco_archive.engine import ENGINE
from sco_archive.errors import BuildFailed
from sco_archive.fs import recover_interrupted_swap, staging_for, swap_in
from sco_archive.loader import Corpus, ProgressFactory, diagnostic_order
from sco_archive.model import Diagnostic, Severity
from sco_archive.processes import ForkedCall, thawing
from sco_archive.project import (
    THEME_DIR,
    Project,
    knowledge_path,
    load_project_config,
    plugin_settings,
    speeches_dir,
)
from sco_archive.publish.site_url import public_url
from sco_archive.search.index import folders_of
from sco_archive.write.docs_sync import SyncResult, read_manifest, refuse_conflicts, sync_docs
from sco_archive.write.downloads import EXPORT_FILES
from sco_archive.write.originals import ORIGINALS_DIR
from sco_archive.write.plan import Generated
from sco_archive.write.related import TermNumbers

log = logging.getLogger("mkdocs.plugins.sco_archive")


@dataclass
class BuildResult:
    site_dir: Path
    docs: SyncResult | None
    seconds: float
    diagnostics: list[Diagnostic] = field(default_factory=list)
    up_to_date: bool = False  # nothing changed since the last build; MkDocs did not run
    pages_rendered: int = 0  # generated pages MkDocs rendered (all of them in a cold build)
    page_count: int = 0  # speech pages published
    # The loaded corpus and planned pages; a no-change build loads them only when asked.
    loaded: tuple[Corpus, Generated] | None = field(default=None, repr=False)
    project: Project | None = field(default=None, repr=False)
    site_url: str | None = None  # where the site says it is published (a placeholder: unknown)

    @property
    def corpus(self) -> Corpus:
        return self._loaded()[0]

    @property
    def generated(self) -> Generated:
        return self._loaded()[1]

    def _loaded(self) -> tuple[Corpus, Generated]:
        if self.loaded is None:
            assert self.project is not None
            with thawing():
                _, corpus, generated = _load_and_plan(self.project)
            self.loaded = (corpus, generated)
        return self.loaded

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]


def _load_and_plan(
    project: Project,
    progress: ProgressFactory | None = None,
    config: MkDocsConfig | None = None,
) -> tuple[MkDocsConfig, Corpus, Generated]:
    """Load the project and plan every page, through the project's caches (unless it uses
    none): the document cache, the derived values and the pages docs/ already holds."""
    config = config or load_project_config(project)
    caching = project.use_cache
    docs_dir = Path(config.docs_dir)
    reuse = (
        reuse_from_docs(load_page_cache(page_cache_file(project.cache_dir, docs_dir)), docs_dir)
        if caching
        else None
    )
    corpus, generated, _ = load_and_plan(
        project,
        config,
        cache=DocumentCache(project.cache_file) if caching else None,
        derived=DerivedCache(project.derived_cache_file) if caching else None,
        reuse=reuse,
        numbers=TermNumbers(),
        progress=progress,
    )
    return config, corpus, generated


@thawing()
def build(
    project: Project, *, strict: bool = False, progress: ProgressFactory | None = None
) -> BuildResult:
    """Build the site. Under `strict`, any warning stops the build before anything is written.

    The stages, in order: nothing changed since the last build? (`_unchanged_snapshot`: then
    done) → load and plan (`_load_and_plan`: read, infer, merge, plan every page) → refuse
    (`_refuse`: errors, or warnings under --strict) → render (`_render`: MkDocs and the plugin,
    into a staging folder), the search index built from the plan beside it (`finish.indexing`)
    and the downloads and originals written in a forked process (`finish.write_downloads`) → swap
    the new site in (`fs.swap_in`) → write docs/ (`sync_docs`) → remember what was built
    (state, page cache, snapshot).

    The new site is built beside the old one and swapped in only when MkDocs succeeded, and
    docs/ is updated only then: a failed or interrupted build leaves both as they were.
    """
    started = time.perf_counter()
    config = load_project_config(project)
    docs_dir = Path(config.docs_dir)
    site_dir = (project.site_dir or Path(config.site_dir)).resolve()
    recover_interrupted_swap(site_dir)
    state_file = state_file_for(project.cache_dir, site_dir)
    snapshot_file = snapshot_file_for(state_file)
    inputs = _inputs_digest(project, config, site_dir)
    if project.incremental:
        snapshot = _unchanged_snapshot(snapshot_file, inputs, docs_dir, site_dir, state_file)
        if snapshot is not None:
            diagnostics = snapshot["diagnostics"]
            _refuse(diagnostics, strict)
            return BuildResult(
                site_dir,
                None,
                time.perf_counter() - started,
                diagnostics,
                up_to_date=True,
                page_count=snapshot["page_count"],
                project=project,
                site_url=config.site_url,
            )
    # From here on the site may change: the snapshot no longer describes it.
    snapshot_file.unlink(missing_ok=True)
    previous = load_state(state_file) if project.incremental and site_dir.is_dir() else None
    docs = None
    rendered = 0
    with ExitStack() as finishing:
        with staging_for(site_dir) as staging, _copying(site_dir, staging, previous) as copy:
            config, corpus, generated = _load_and_plan(project, progress, config)
            # Keyed: Diagnostic's own ordering compares `line` None with int (a TypeError).
            diagnostics = sorted(
                corpus.all_diagnostics() + generated.diagnostics, key=diagnostic_order
            )
            refuse_conflicts(docs_dir, generated.files)
            _refuse(diagnostics, strict)
            current = current_state(
                config, THEME_DIR, generated.files, read_manifest(docs_dir), generated.search_keys
            )
            if previous is None or not _up_to_date(previous, current, docs_dir, generated):
                warm = _start_staging(staging, copy, previous, current)
                speeches = speeches_dir(project, config)
                stale = _stale(previous, current, warm)
                outputs = _outputs(staging, config, generated, stale, speeches)
                # While MkDocs renders, the downloads are written in a forked process (forked
                # first: the index's thread must not be in the fork) and the index is built
                # from the plan in a thread that waits for Pagefind (finish.indexing).
                downloads = ForkedCall(write_downloads, outputs)
                try:
                    with indexing(outputs):
                        _render(project, config, staging, site_dir, generated, warm, current)
                finally:
                    wrote = downloads.wait()
                if not wrote:
                    raise BuildFailed("could not write the downloads (see the warning above)")
                finishing.enter_context(_removing(swap_in(staging, site_dir)))
                save_state(state_file, current)
                docs = sync_docs(docs_dir, generated.files)
                rendered = _rendered(previous, current, warm)
        if project.use_cache:  # docs/ now holds exactly these pages
            save_page_cache(page_cache_file(project.cache_dir, docs_dir), generated.keys, current)
        save_snapshot(
            snapshot_file,
            {
                "inputs": inputs,
                "docs": tree_digest(docs_dir),
                "state": state_file.read_bytes(),
                "diagnostics": diagnostics,
                "page_count": len(generated.pages),
            },
        )
    return BuildResult(
        site_dir,
        docs,
        time.perf_counter() - started,
        diagnostics,
        up_to_date=docs is None,
        pages_rendered=rendered,
        page_count=len(generated.pages),
        loaded=(corpus, generated),
        project=project,
        site_url=config.site_url,
    )


def _inputs_digest(project: Project, config: MkDocsConfig, site_dir: Path) -> str:
    speeches = speeches_dir(project, config).resolve()
    # A SOURCE_DATE_EPOCH the user set changes the sitemap; one the plugin pinned does not.
    extra = (str(site_dir), str(speeches), str(config.site_url or ""), user_build_date() or "")
    custom = config.theme.custom_dir  # a fork's template overrides, wherever they live
    theme = (Path(custom),) if custom else ()
    knowledge = knowledge_path(project, config)
    return inputs_digest(project.config_file, speeches, knowledge, extra, theme)


def _unchanged_snapshot(
    snapshot_file: Path, inputs: str, docs_dir: Path, site_dir: Path, state_file: Path
) -> dict | None:
    """The last build's record when nothing it read or wrote has changed since; else None."""
    snapshot = load_snapshot(snapshot_file)
    if snapshot is None or snapshot.get("inputs") != inputs or not site_dir.is_dir():
        return None
    try:
        state = state_file.read_bytes()
    except OSError:
        return None
    if snapshot.get("state") != state or snapshot.get("docs") != tree_digest(docs_dir):
        return None
    return snapshot


# Written from scratch by every build, never carried over from the previous site.
REGENERATED_EVERY_BUILD = ("search", ORIGINALS_DIR, *EXPORT_FILES)
# Carried over as hard links: the search index is updated shard by shard, each replaced whole.
LINKED_FROM_LAST_BUILD = ("pagefind",)


def _render(
    project: Project,
    config: MkDocsConfig,
    staging: Path,
    site_dir: Path,
    generated: Generated,
    warm: bool,
    current: SiteState,
) -> None:
    """MkDocs renders the planned pages into `staging` (all of them, or, warm, those changed),
    with `config`, the build's (loading it again took 0.25 s), and `current`, the state
    build() found (the plugin does not compute it again)."""
    build_config = config
    build_config.site_dir = str(staging)
    plugin = archive_plugin(build_config)
    templates = project.cache_dir / TEMPLATE_CACHE if project.use_cache else None
    plugin.driven = DrivenBuild(generated, warm, site_dir, current, templates)
    build_logger = ENGINE.logger("commands.build")
    build_logger.addFilter(DROP_DIRTY_WARNING)
    try:
        # Always dirty: pages the plugin renders in its forked process are skipped here. The
        # staging folder starts empty (cold) or as a copy of the site (warm): nothing is stale.
        mkdocs_build(build_config, dirty=True)
    except MkDocsException as error:
        raise BuildFailed(f"MkDocs could not build the site: {error}") from error
    finally:
        build_logger.removeFilter(DROP_DIRTY_WARNING)


def _stale(previous: SiteState | None, current: SiteState, warm: bool) -> set[str] | None:
    """The folders whose search shards must be indexed again (None: all): those with a speech
    page whose indexed part changed, came or went."""
    reindexed = reindexed_pages(previous, current) if warm else None
    return None if reindexed is None else folders_of(reindexed)


def _outputs(
    staging: Path,
    config: MkDocsConfig,
    generated: Generated,
    stale: set[str] | None,
    speeches: Path,
) -> SiteOutputs:
    return SiteOutputs(
        staging,
        generated.pages,
        public_url(config.site_url),
        config.site_name,
        stale,
        plugin_settings(config).search_shard_pages,
        generated.feeds,
        speeches,
        generated.search_records,
        site_language(config),
    )


def _up_to_date(
    previous: SiteState, current: SiteState, docs_dir: Path, generated: Generated
) -> bool:
    """Nothing to do: same pages, same everything else, and docs/ already holds them."""
    return (
        previous == current
        and read_manifest(docs_dir) == set(generated.files)
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


def _refuse(diagnostics: list[Diagnostic], strict: bool) -> None:
    blocking = [
        d
        for d in diagnostics
        if d.severity is Severity.ERROR or (strict and d.severity is Severity.WARNING)
    ]
    if strict and blocking:
        raise BuildFailed(
            f"--strict: {len(blocking)} problem(s) found; nothing was built", blocking
        )


def _start_staging(
    staging: Path, copy: ForkedCall | None, previous: SiteState | None, current: SiteState
) -> bool:
    """Whether this build is warm: MkDocs updates the copy of the live site in `staging`.
    Otherwise (the first build, a new theme or config, a failed copy) `staging` is emptied,
    and every page is rendered."""
    warm = previous is not None and changed_pages(previous, current) is not None
    if warm and not (copy is not None and copy.wait()):
        log.warning("could not copy the site to update it: rendering every page")
        warm = False
    if not warm:
        if copy is not None:
            copy.stop()  # before emptying: it would go on writing there
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
    return warm


@contextmanager
def _copying(
    site_dir: Path, staging: Path, previous: SiteState | None
) -> Iterator[ForkedCall | None]:
    """Start the staging site as a copy of the live one (if there is one), beside the block,
    in case the build turns out warm; the copy is stopped when the block ends.

    At 10,000 documents the copy takes seconds, nearly all of it in the kernel (linking and
    making folders): in its own process it overlaps loading and planning, on the other core.
    """
    if previous is None:
        yield None
        return
    copy = ForkedCall(
        copy_for_update,
        site_dir,
        staging,
        {output_dir(u) for u in previous.pages},
        REGENERATED_EVERY_BUILD,
        LINKED_FROM_LAST_BUILD,
    )
    try:
        yield copy
    finally:
        copy.stop()


@contextmanager
def _removing(folder: Path) -> Iterator[None]:
    """Remove `folder` beside the block (the old site: seconds at 10,000 documents)."""
    removal = ForkedCall(_remove_tree, folder)
    try:
        yield
    finally:
        removal.wait()


def _remove_tree(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
