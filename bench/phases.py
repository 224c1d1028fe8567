"""Wall time of each phase of one `build`, by timers wrapped around the pipeline's functions.

    cd PROJECT && python bench/phases.py [build options …]   (e.g. --speeches ../corpus
        --site-dir ../site-ours, on the project `build_bench.py --keep DIR` leaves)

Prints each wrapped function's total wall time and calls, nested calls included in their
caller's time, in the order they were first entered. Run it from the project's folder; the
archive's code is what PYTHONPATH or the installed package gives.
"""

from __future__ import annotations

import importlib
import sys
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

# (module, attribute): each is replaced by a timed wrapper where it is defined and where the
# modules below import it by name.
TIMED = (
    ("sco_archive.build.run", "_inputs_digest"),
    ("sco_archive.build.run", "_unchanged_snapshot"),
    ("sco_archive.build.run", "_load_and_plan"),
    ("sco_archive.project", "load_project"),
    ("sco_archive.cache.derived", "DerivedCache.restore"),
    ("sco_archive.cache.derived", "DerivedCache.save"),
    ("sco_archive.write.plan", "generate"),
    ("sco_archive.write.plan", "reading_context"),
    ("sco_archive.write.plan", "browse_pages"),
    ("sco_archive.write.plan", "_render_pages"),
    ("sco_archive.build.run", "current_state"),
    ("sco_archive.build.run", "_start_staging"),
    ("sco_archive.build.run", "_render"),
    ("mkdocs.commands.build", "_build_page"),
    ("sco_archive.build.finish", "build_index"),
    ("sco_archive.search.index", "_source"),
    ("sco_archive.search.index", "_index_shard"),
    ("sco_archive.search.index", "canonicalize_index"),
    ("sco_archive.build.finish", "write_exports"),
    ("sco_archive.build.run", "swap_in"),
    ("sco_archive.build.run", "save_state"),
    ("sco_archive.build.run", "sync_docs"),
    ("sco_archive.build.run", "save_page_cache"),
    ("sco_archive.build.run", "tree_digest"),
    ("sco_archive.build.run", "save_snapshot"),
)
IMPORTED_BY = (
    "sco_archive.build.run",
    "sco_archive.build.load",
    "sco_archive.build.finish",
    "sco_archive.search.index",
)

totals: dict[str, list[float]] = {}


def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            entry = totals.setdefault(name, [0.0, 0])
            entry[0] += time.perf_counter() - started
            entry[1] += 1

    return wrapper


def install() -> None:
    """Wrap every function of TIMED, where it is defined and where it was imported."""
    for module_name, attribute in TIMED:
        module = importlib.import_module(module_name)
        owner: Any = module
        *path, leaf = attribute.split(".")
        for part in path:
            owner = getattr(owner, part)
        original = getattr(owner, leaf)
        wrapper = timed(attribute, original)
        setattr(owner, leaf, wrapper)
        if path:
            continue
        for other in IMPORTED_BY:
            imported = importlib.import_module(other)
            if getattr(imported, leaf, None) is original:
                setattr(imported, leaf, wrapper)


def report(total: float) -> None:
    print(f"\n{'phase':<34}{'wall s':>9}{'calls':>7}", file=sys.stderr)
    for name, (seconds, calls) in totals.items():
        print(f"{name:<34}{seconds:>9.2f}{calls:>7}", file=sys.stderr)
    print(f"{'whole build (in process)':<34}{total:>9.2f}", file=sys.stderr)


def main() -> None:
    install()
    from sco_archive.cli import main as cli

    started = time.perf_counter()
    try:
        cli(["build", *sys.argv[1:]], standalone_mode=False)
    finally:
        report(time.perf_counter() - started)


if __name__ == "__main__":
    main()
