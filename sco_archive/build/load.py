"""Loading and planning, for build() and the plugin alike: the project read through whatever
caches the caller keeps, then every page planned."""

from __future__ import annotations

from contextlib import nullcontext

from mkdocs.config.defaults import MkDocsConfig

from sco_archive.cache.derived import DerivedCache
from sco_archive.cache.documents import DocumentCache
from sco_archive.loader import Corpus, ProgressFactory
from sco_archive.processes import long_lived_objects
from sco_archive.project import Project, load_project
from sco_archive.write.plan import Generated, Reuse, generate
from sco_archive.write.related import TermNumbers


def load_and_plan(
    project: Project,
    config: MkDocsConfig,
    *,
    cache: DocumentCache | None,
    derived: DerivedCache | None,
    reuse: Reuse | None,
    numbers: TermNumbers,
    progress: ProgressFactory | None = None,
    long_lived: bool = True,
) -> tuple[Corpus, Generated, TermNumbers]:
    """Load the project (project.load_project, through `cache`, which is closed after) and plan
    every page (generate, with `reuse`); return the corpus, the plan and the term numbers used.

    `derived` restores the term numbers of the documents loaded in place of `numbers`, and
    keeps them after planning. `long_lived`: the documents live until the process ends, so
    they are kept out of the garbage collector's way (processes.long_lived_objects).
    """
    with long_lived_objects() if long_lived else nullcontext():
        try:
            loaded = load_project(project, config, progress=progress, cache=cache)
        finally:
            if cache is not None:
                cache.close()
        if derived is not None:
            numbers = derived.restore(loaded.corpus)
    generated = generate(loaded.corpus, config.site_name, loaded.knowledge, reuse, numbers)
    if derived is not None:
        derived.save(loaded.corpus, numbers)
    return loaded.corpus, generated, numbers
