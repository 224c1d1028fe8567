"""The engine that renders the site: MkDocs 1.6, or ProperDocs, its maintained fork.

Both read mkdocs.yml, find our plugin through the `mkdocs.plugins` entry point and Material
through `mkdocs.themes`, and render the same bytes but for the generator tag
(tests/engines/). The archive's code imports `mkdocs.*` only, and only what ProperDocs
provides too (tests/engines/test_choosing.py checks): under ProperDocs those imports are served
by ProperDocs' own modules, through the import redirect its command line installs
(`properdocs.replacement`), so that Material and any other plugin written for MkDocs see one
engine too.

Which engine, decided once, when `sco_archive` is first imported:

1. the one already running: `mkdocs build` or `properdocs build` loading the plugin;
2. else the one `SCO_ARCHIVE_ENGINE` names (`mkdocs` or `properdocs`): `build_site.py`;
3. else MkDocs, the default dependency, when installed; else ProperDocs.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import metadata
from types import ModuleType

ENV = "SCO_ARCHIVE_ENGINE"
MKDOCS = "mkdocs"
PROPERDOCS = "properdocs"
DEFAULT = MKDOCS  # the default dependency (pyproject.toml); ProperDocs is the extra
TITLES = {MKDOCS: "MkDocs", PROPERDOCS: "ProperDocs"}


class EngineError(ImportError):
    """No engine can be used: the one asked for is unknown or not installed, or none is."""


@dataclass(frozen=True)
class Engine:
    name: str  # its module, its distribution and the root of its loggers: mkdocs, properdocs

    @property
    def title(self) -> str:
        return TITLES[self.name]

    @property
    def version(self) -> str:
        return metadata.version(self.name)

    def logger(self, name: str = "") -> logging.Logger:
        """The engine's own logger `name` (`commands.build`), or its root logger."""
        return logging.getLogger(f"{self.name}.{name}" if name else self.name)

    def __str__(self) -> str:
        return f"{self.title} {self.version}"


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def choose(
    environ: Mapping[str, str] = os.environ, modules: Mapping[str, ModuleType] = sys.modules
) -> str:
    """The engine's name, by the rules in this module's docstring."""
    running = modules.get(MKDOCS)
    if running is not None:  # ProperDocs' redirect puts itself there under the old name
        return PROPERDOCS if running.__name__ == PROPERDOCS else MKDOCS
    wanted = environ.get(ENV, "").strip().lower()
    if wanted:
        if wanted not in TITLES:
            raise EngineError(f"{ENV}={wanted!r}: the engine is `mkdocs` or `properdocs`")
        if not _installed(wanted):
            extra = "" if wanted == DEFAULT else f"[{wanted}]"
            raise EngineError(
                f"{ENV}={wanted}, but {TITLES[wanted]} is not installed: "
                f"python3 -m pip install -e '.{extra}'"
            )
        return wanted
    for name in (DEFAULT, *(n for n in TITLES if n != DEFAULT)):
        if _installed(name):
            return name
    raise EngineError("neither MkDocs nor ProperDocs is installed: python3 -m pip install -e .")


def activate(name: str) -> Engine:
    """Make `name` the engine of this process and return it. For ProperDocs: redirect every
    `mkdocs.*` import to it, and let what is logged as `mkdocs.*` count as its own (strict mode
    counts the warnings of its own loggers), both as its command line does."""
    if name == PROPERDOCS and MKDOCS not in sys.modules:  # else `properdocs` did this already
        import properdocs.replacement  # noqa: F401  (sys.meta_path: mkdocs.* → properdocs.*)

        legacy = logging.getLogger(MKDOCS)
        legacy.parent = logging.getLogger(PROPERDOCS)
        legacy.propagate = True
    return Engine(name)


ENGINE = activate(choose())
