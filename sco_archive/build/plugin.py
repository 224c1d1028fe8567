"""The MkDocs plugin: puts the generated pages into the build and finishes speech pages."""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sco_archive.build.build_date import pin_build_date
from sco_archive.build.finish import SiteOutputs, index_and_write_downloads, site_language
from sco_archive.build.load import load_and_plan
from sco_archive.build.render_pool import RenderShare
from sco_archive.build.serve import PreviewWriters, watch_with_events
from sco_archive.build.state import (
    DROP_DIRTY_WARNING,
    GeneratedFile,
    SiteState,
    changed_pages,
    current_state,
    load_state,
    reindexed_pages,
    remove_outputs,
    removed_pages,
    save_state,
    state_file_for,
)
from sco_archive.cache.derived import DerivedCache
from sco_archive.cache.documents import DocumentCache
from sco_archive.engine import ENGINE
from sco_archive.model import Document
from sco_archive.project import (
    CACHE_DIR,
    PLUGIN_NAME,
    SPEECHES_DIR,
    THEME_DIR,
    Project,
)
from sco_archive.publish.site_url import is_placeholder, public_url, resolve_site_url
from sco_archive.search.index import folders_of
from sco_archive.write.docs_sync import read_manifest
from sco_archive.write.markdown import display_iso_date, language_name
from sco_archive.write.plan import Generated
from sco_archive.write.related import TermNumbers
from sco_archive.write.speech_pages import with_permalinks

log = logging.getLogger("mkdocs.plugins.sco_archive")

# Compiled templates, below the project's cache: Material's are compiled again by every build
# otherwise (about 0.3 s of a one-change build). Jinja keys each by its source's checksum.
TEMPLATE_CACHE = "templates"

# Below this many pages to render, a second process costs more than it saves.
PARALLEL_PAGES_FROM = 200


class ArchiveConfig(base.Config):
    speeches = c.Type(str, default=SPEECHES_DIR)  # relative to mkdocs.yml
    knowledge = c.Optional(c.Type(str))  # a knowledge YAML of your own, instead of ours
    # The most pages in a search index bundle; unset: search.index.shard_limit's.
    search_shard_pages = c.Optional(c.Type(int))


@dataclass(frozen=True)
class DrivenBuild:
    """What `sco_archive.build.run.build` hands the plugin when it runs MkDocs itself.

    A driven build renders half the changed pages in a forked process, on the other core (its
    MkDocs run is dirty, so that the pages skipped stay skipped), and leaves the search index,
    the downloads and the site state to build(), which shows them as stages of their own.
    """

    plan: Generated  # the pages build() planned: the plugin loads nothing
    warm: bool  # MkDocs updates a copy of the live site: only the pages changed are rendered
    site_dir: Path  # the live site, which the state describes (MkDocs builds beside it)
    state: SiteState  # what the site will be once built (build/state.current_state)
    templates: Path | None = None  # where compiled templates are kept (None: nowhere)


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    """Loads `speeches/` (unless build() already did) and serves the pages from memory."""

    def __init__(self) -> None:
        # Set by sco_archive.build.run.build before it runs MkDocs; None under plain `mkdocs
        # build` and `serve`, where the plugin loads, indexes and writes the downloads itself.
        self.driven: DrivenBuild | None = None
        self.generated: Generated | None = None
        self._speech_bodies: dict[str, str] = {}
        self.dirty = False  # MkDocs' own dirty build (`serve --dirty`), set at startup
        self._state: SiteState | None = None
        # `serve`: the state of the preview's last build. Kept in memory, not in the cache: the
        # preview's folder is new in every session, so a state file would never be read again.
        self._preview_state: SiteState | None = None
        self._render_share: RenderShare | None = None  # the forked process rendering half the pages
        self._rendered: dict[tuple[str, str], str] = {}  # (src_uri, render key) → Markdown
        self._documents: dict[str, Document] = {}  # cache key → document, for `serve`
        self._stamps: dict[Path, tuple[tuple, str]] = {}  # DocumentCache.stamps, for `serve`
        self._term_numbers = TermNumbers()  # for `serve`: see related.TermNumbers
        self.serving = False  # `serve`: the search index and downloads are made in the background
        self._preview_writers = PreviewWriters()  # `serve`: what writes them
        # Folders below speeches/ with a page whose search index entry this build changed or
        # removed (generate.page_keys); None: all of them.
        self._stale_folders: set[str] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.dirty = dirty
        self.serving = command == "serve"
        if dirty:  # `serve --dirty`: our dirty builds are exact (see build/state.py)
            ENGINE.logger("commands.build").addFilter(DROP_DIRTY_WARNING)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Our templates sit between a site's own custom_dir and Material's, so a fork can
        # still override any of them.
        position = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(position, str(THEME_DIR))
        resolve_site_url(config, Path(config.config_file_path).parent)
        self.generated = self.driven.plan if self.driven else self._load(config)
        pin_build_date(self.generated.pages)
        return config

    def _load(self, config: MkDocsConfig) -> Generated:
        project = Project(Path(config.config_file_path))
        # `serve` keeps this plugin across rebuilds: this load's documents stay in memory for
        # the next one (and only this load's: an edited document's old version is let go).
        first_load = not self._documents
        cache = DocumentCache(project.cache_file, self._documents, self._stamps)
        # Later rebuilds of `serve` find what was derived on the documents they keep.
        derived = DerivedCache(project.derived_cache_file) if first_load else None
        # `serve` keeps this plugin across rebuilds: reuse the pages the last one rendered.
        rendered = self._rendered
        corpus, generated, self._term_numbers = load_and_plan(
            project,
            config,
            cache=cache,
            derived=derived,
            reuse=lambda uri, key: rendered.get((uri, key)),
            numbers=self._term_numbers,
            # `serve` keeps the first load's documents for the session.
            long_lived=first_load and self.serving,
        )
        self._documents, self._stamps = cache.seen, cache.stamps
        self._rendered = {(uri, key): generated.files[uri] for uri, key in generated.keys.items()}
        for diagnostic in corpus.all_diagnostics() + generated.diagnostics:
            log.info(diagnostic.format())  # `check` is where these are reviewed
        return generated

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        env.filters["display_date"] = display_iso_date
        env.filters["language_name"] = language_name
        templates = (
            self.driven.templates
            if self.driven
            else Path(config.config_file_path).parent / CACHE_DIR / TEMPLATE_CACHE
        )
        if templates is not None:
            templates.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = FileSystemBytecodeCache(str(templates))
        return env

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        watch_with_events(server)
        return server

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.generated is not None
        # Files generated by an earlier build are on disk too; the fresh ones replace them.
        replaced = read_manifest(Path(config.docs_dir)) | self.generated.files.keys()
        for file in [f for f in files if f.src_uri in replaced]:
            files.remove(file)
        self._state = (
            self.driven.state
            if self.driven
            else current_state(
                config,
                THEME_DIR,
                self.generated.files,
                read_manifest(Path(config.docs_dir)),
                self.generated.search_keys,
            )
        )
        changed, reindexed = self._changed_since_last_build(config)
        self._stale_folders = None if reindexed is None else folders_of(reindexed)
        # Generated pages the nav does not list are reached from the browse pages: no need for
        # MkDocs to name each of them (thousands, on every build and every `serve` rebuild).
        listed = None if config.nav is None else _nav_paths(config.nav)
        for src_uri, text in self.generated.files.items():
            unlisted = listed is not None and src_uri not in listed
            inclusion = InclusionLevel.NOT_IN_NAV if unlisted else InclusionLevel.UNDEFINED
            file = GeneratedFile.generated(config, src_uri, content=text, inclusion=inclusion)
            file.changed = changed is None or src_uri in changed
            files.append(file)
        return files

    def _state_file(self, config: MkDocsConfig) -> Path:
        site_dir = self.driven.site_dir if self.driven else Path(config.site_dir)
        return state_file_for(Path(config.config_file_path).parent / CACHE_DIR, site_dir)

    def _changed_since_last_build(
        self, config: MkDocsConfig
    ) -> tuple[set[str] | None, set[str] | None]:
        """(pages to render, speech pages to index again), None meaning all; the output of
        pages gone is removed here."""
        if not self._changed_only:
            return None, None
        assert self._state is not None
        previous = self._preview_state if self._preview else load_state(self._state_file(config))
        remove_outputs(Path(config.site_dir), removed_pages(previous, self._state))
        return changed_pages(previous, self._state), reindexed_pages(previous, self._state)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        _canonical_without_a_made_up_domain(config, files)
        if (
            not self.may_render_in_a_fork()
            or os.cpu_count() in (None, 1)
            or not hasattr(os, "fork")
        ):
            return nav
        pages = [
            f
            for f in files.documentation_pages(inclusion=InclusionLevel.is_included)
            if isinstance(f, GeneratedFile) and f.changed
        ]
        if len(pages) < PARALLEL_PAGES_FROM:
            return nav
        share = pages[1::2]  # every other page: speech and index pages alike, in both halves
        self._render_share = RenderShare(share, nav, config, files)
        for file in share:  # the main process skips them (MkDocs runs dirty)
            file.changed = False
        return nav

    @property
    def _changed_only(self) -> bool:
        """Whether only the pages changed since the last build are rendered: in a warm build
        that build() drives, or in MkDocs' own dirty build."""
        return self.driven.warm if self.driven else self.dirty

    @property
    def _preview(self) -> bool:
        """`serve`'s preview (a build that build() drives is never one)."""
        return self.serving and self.driven is None

    def may_render_in_a_fork(self) -> bool:
        """Render half the pages in a forked process: in `build`, and in `serve` (which runs
        MkDocs dirty too) for its first build, whose thousands of pages come before its server
        and watcher threads start. A fork of a process with other threads may inherit a
        lock held."""
        if self.driven is not None:
            return True
        return self.serving and self.dirty and threading.active_count() == 1

    def on_build_error(self, *, error: Exception) -> None:
        if self._render_share is not None:
            self._render_share.kill()
            self._render_share = None

    def _join_render_share(self) -> None:
        """Wait for the forked render share; its warnings count here, so strict mode sees them."""
        share, self._render_share = self._render_share, None
        if share is not None:
            share.join()

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # In an incremental build the old page may be a hard link into the live site: unlink
        # it so that MkDocs writes a new file instead of overwriting the shared one.
        Path(page.file.abs_dest_path).unlink(missing_ok=True)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.generated is not None
        self._join_render_share()
        site_dir = Path(config.site_dir)
        # GitHub Pages runs Jekyll on a branch without it, which hides folders starting with `_`.
        (site_dir / ".nojekyll").write_bytes(b"")
        if self.driven is not None:
            return  # build() indexes, writes the downloads and saves the state
        if self._preview:
            self._preview_state = self._state
        elif self._state is not None:
            save_state(self._state_file(config), self._state)
        # The preview's search index and downloads are written in the background, after the
        # rebuild; a plain `mkdocs build` writes them before it ends.
        finish = self._preview_writers.write if self._preview else index_and_write_downloads
        finish(
            SiteOutputs(
                site_dir,
                self.generated.pages,
                public_url(config.site_url),
                config.site_name,
                self._stale_folders,
                self.config.search_shard_pages,
                self.generated.feeds,
                Path(config.config_file_path).parent / self.config.speeches,
                self.generated.search_records,
                site_language(config),
            )
        )

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if not _is_speech(page):
            return markdown
        # A speech body is already escaped HTML, one <p> per paragraph (pages.render_body), and
        # Python-Markdown would pass it through unchanged: skip it, the costliest part of a build.
        self._speech_bodies[page.file.src_uri] = markdown
        return ""

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not _is_speech(page):
            return html
        body = self._speech_bodies.pop(page.file.src_uri)
        return with_permalinks(body)


def archive_plugin(config: MkDocsConfig) -> ArchivePlugin:
    """The plugin instance in a loaded config (project.plugin_settings gives its settings)."""
    plugin = config.plugins[PLUGIN_NAME]
    assert isinstance(plugin, ArchivePlugin)
    return plugin


def _nav_paths(nav: object) -> set[str]:
    """Every page path in mkdocs.yml's `nav` (a tree of lists, titled entries and paths)."""
    if isinstance(nav, str):
        return {nav}
    items = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else ()
    return set().union(*(_nav_paths(item) for item in items))


def _is_speech(page: Page) -> bool:
    return page.meta.get("template") == "speech.html"


def _canonical_without_a_made_up_domain(config: MkDocsConfig, files: Files) -> None:
    """Every page's canonical URL (the citations' too) as a path alone when site_url is a
    placeholder: set here, on all pages, as a dirty build renders only some of them."""
    if not is_placeholder(config.site_url):
        return
    base = public_url(config.site_url)
    for file in files.documentation_pages():
        if file.page is not None:
            file.page.canonical_url = base + file.page.url
