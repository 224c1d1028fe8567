"""Build one archive with MkDocs and with ProperDocs, and compare the two sites file by file.

    python3 bench/compare_engines.py                     # shipped archive + 40 generated documents
    python3 bench/compare_engines.py -n 300 --repeat 3   # and time 3 cold builds per engine

Each engine builds its own copy of the project in its own process, as a maintainer runs it:
`SCO_ARCHIVE_ENGINE=mkdocs|properdocs python3 build_site.py build` for the shipped archive and
for a generated corpus (bench/generate_corpus.py, seed 1), and the engines' own command lines
(`python3 -m mkdocs build`, `python3 -m properdocs build`) for the shipped archive. The two
site/ trees (and docs/, which the engine does not write) must hold the same files, each
byte-identical or differing only in the ways tests/engines/differences.yaml lists and
explains. Exit status 1 otherwise, or when an entry there explains nothing any more.
tests/engines/test_same_site.py runs the same comparison in the test suite.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from fnmatch import fnmatch
from importlib import metadata
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO))

from generate_corpus import generate  # noqa: E402

from tests.generated_docs import copy_hand_written_docs, remove_generated_docs  # noqa: E402

# As in sco_archive/engine.py, which this script does not import: it builds with both engines,
# each in its own process, and chooses none for itself.
ENGINES = ("mkdocs", "properdocs")
TITLES = {"mkdocs": "MkDocs", "properdocs": "ProperDocs"}
DIFFERENCES = REPO / "tests" / "engines" / "differences.yaml"
GENERATED = 40  # documents in the generated corpus by default: a few seconds per build


@dataclass(frozen=True)
class Difference:
    """One way the engines' sites may differ (an entry of differences.yaml)."""

    what: str
    files: str  # a glob on the path below site/
    mkdocs: re.Pattern[str]
    properdocs: re.Pattern[str]
    why: str


def load_differences(path: Path = DIFFERENCES) -> list[Difference]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [
        Difference(
            e["what"], e["files"], re.compile(e["mkdocs"]), re.compile(e["properdocs"]), e["why"]
        )
        for e in entries
    ]


@dataclass
class Comparison:
    """What one case's two trees hold: the same files, and how those that differ differ."""

    case: str
    files: int = 0  # files both trees hold
    identical: int = 0
    explained: dict[str, list[str]] = field(default_factory=dict)  # what → files it explains
    unexplained: list[str] = field(default_factory=list)  # one message per file
    only: dict[str, list[str]] = field(default_factory=dict)  # engine → files only it wrote

    @property
    def clean(self) -> bool:
        return not self.unexplained and not any(self.only.values())

    def summary(self) -> str:
        lines = [f"{self.case}: {self.files} files in both, {self.identical} byte-identical"]
        for what, files in self.explained.items():
            lines.append(f"  {len(files)} differ by {what} (explained)")
        for engine, files in self.only.items():
            lines += [f"  only {TITLES[engine]} wrote {name}" for name in files]
        lines += [f"  UNEXPLAINED {message}" for message in self.unexplained]
        return "\n".join(lines)


def _tree(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}


def compare_trees(
    case: str, mkdocs_tree: Path, properdocs_tree: Path, differences: list[Difference]
) -> Comparison:
    one, other = _tree(mkdocs_tree), _tree(properdocs_tree)
    found = Comparison(case)
    found.only = {"mkdocs": sorted(one.keys() - other), "properdocs": sorted(other.keys() - one)}
    for name in sorted(one.keys() & other.keys()):
        found.files += 1
        a, b = one[name].read_bytes(), other[name].read_bytes()
        if a == b:
            found.identical += 1
            continue
        explaining, problem = explain(name, a, b, differences)
        if problem is not None:
            found.unexplained.append(problem)
        for what in explaining:
            found.explained.setdefault(what, []).append(name)
    return found


def explain(
    name: str, a: bytes, b: bytes, differences: list[Difference]
) -> tuple[list[str], str | None]:
    """(the entries that explain how `a` (MkDocs') and `b` (ProperDocs') differ, None), or
    ([], what still differs)."""
    try:
        one, other = a.decode("utf-8"), b.decode("utf-8")
    except UnicodeDecodeError:
        return [], f"{name}: binary files differ"
    explaining = []
    for number, difference in enumerate(differences):
        if not fnmatch(name, difference.files):
            continue
        marker = f"\0difference {number}\0"
        one, found_one = difference.mkdocs.subn(marker, one)
        other, found_other = difference.properdocs.subn(marker, other)
        if found_one or found_other:
            explaining.append(difference.what)
    if one == other:
        return explaining, None
    diff = difflib.unified_diff(one.splitlines(), other.splitlines(), "mkdocs", "properdocs", n=0)
    shown = [line for line in diff if not line.startswith(("---", "+++"))][:5]
    return [], f"{name}: " + " | ".join(line.rstrip("\n")[:160] for line in shown)


def stale(differences: list[Difference], comparisons: list[Comparison]) -> list[str]:
    """The entries of differences.yaml that explained no file in any case."""
    used = {what for c in comparisons for what in c.explained}
    return [d.what for d in differences if d.what not in used]


def make_project(root: Path, speeches: Path) -> Path:
    """A project like the repository's (mkdocs.yml, hand-written docs/) holding `speeches`."""
    root.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    copy_hand_written_docs(REPO / "docs", root / "docs")
    shutil.copytree(speeches, root / "speeches")
    return root


def engine_env(engine: str) -> dict[str, str]:
    """The environment of a build with `engine`, running this checkout's code."""
    env = dict(os.environ, SCO_ARCHIVE_ENGINE=engine)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    env.pop("SCO_SITE_URL", None)  # mkdocs.yml's site_url, not the shell's
    return env


def run_build(root: Path, engine: str, own_cli: bool = False) -> tuple[float, float]:
    """Build the project at `root` from cold with `engine`; return the seconds it took, on
    the clock and of CPU (its processes', waited for: less swayed by a busy machine)."""
    shutil.rmtree(root / "site", ignore_errors=True)
    shutil.rmtree(root / ".cache", ignore_errors=True)
    remove_generated_docs(root / "docs")
    if own_cli:
        command = [sys.executable, "-m", engine, "build", "-q", "-f", "mkdocs.yml"]
    else:
        command = [sys.executable, str(REPO / "build_site.py"), "build"]
    started, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run(command, cwd=root, env=engine_env(engine), capture_output=True, text=True)
    seconds, cpu = time.perf_counter() - started, _children_cpu() - cpu
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} with {engine} failed:\n{done.stderr[-3000:]}")
    return seconds, cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Case:
    name: str
    speeches: Path
    own_cli: bool = False
    compare_docs: bool = True  # the engines' own `build` writes no docs/


def cases(work: Path, generated: int) -> list[Case]:
    corpus = work / "generated-speeches"
    generate(corpus, generated, seed=1)
    return [
        Case("shipped archive, build_site.py build", REPO / "speeches"),
        Case(f"{generated} generated documents, build_site.py build", corpus),
        Case("shipped archive, the engines' own build", REPO / "speeches", True, False),
    ]


def run_cases(
    work: Path, generated: int = GENERATED, differences: list[Difference] | None = None
) -> tuple[list[Comparison], dict[str, list[tuple[float, float]]]]:
    """Build every case with both engines below `work` and compare; also return each engine's
    build times (clock, CPU) of the generated corpus."""
    differences = load_differences() if differences is None else differences
    comparisons: list[Comparison] = []
    times: dict[str, list[tuple[float, float]]] = {engine: [] for engine in ENGINES}
    for number, case in enumerate(cases(work, generated)):
        roots = {e: make_project(work / f"case-{number}" / e, case.speeches) for e in ENGINES}
        for engine, root in roots.items():
            took = run_build(root, engine, case.own_cli)
            if not case.own_cli and case.speeches != REPO / "speeches":
                times[engine].append(took)
        sites = [roots[e] / "site" for e in ENGINES]
        comparisons.append(compare_trees(f"{case.name}: site/", *sites, differences))
        if case.compare_docs:
            docs = [roots[e] / "docs" for e in ENGINES]
            comparisons.append(compare_trees(f"{case.name}: docs/", *docs, []))
    return comparisons, times


def time_builds(work: Path, generated: int, repeat: int) -> dict[str, list[tuple[float, float]]]:
    """`repeat` more cold builds of the generated corpus per engine, taking turns."""
    corpus = work / "generated-speeches"
    roots = {e: make_project(work / "timing" / e, corpus) for e in ENGINES}
    times: dict[str, list[tuple[float, float]]] = {engine: [] for engine in ENGINES}
    for _ in range(repeat):
        for engine, root in roots.items():
            times[engine].append(run_build(root, engine))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "-n", type=int, default=GENERATED, help=f"generated documents (default {GENERATED})"
    )
    parser.add_argument(
        "--repeat", type=int, default=0, help="cold builds to time per engine, besides the first"
    )
    args = parser.parse_args()
    versions = ", ".join(f"{TITLES[e]} {metadata.version(e)}" for e in ENGINES)
    print(f"{versions}, Material {metadata.version('mkdocs-material')}")
    differences = load_differences()
    with tempfile.TemporaryDirectory(prefix="sco-engines-") as work:
        comparisons, times = run_cases(Path(work), args.n, differences)
        if args.repeat:
            for engine, more in time_builds(Path(work), args.n, args.repeat).items():
                times[engine] += more
    for comparison in comparisons:
        print(comparison.summary())
    for engine, took in times.items():
        clock, cpu = [t[0] for t in took], [t[1] for t in took]
        print(
            f"{TITLES[engine]}: cold build of {args.n} generated documents, median "
            f"{statistics.median(clock):.1f} s ({', '.join(f'{s:.1f}' for s in clock)}), "
            f"CPU {statistics.median(cpu):.1f} s ({', '.join(f'{s:.1f}' for s in cpu)})"
        )
    unused = stale(differences, comparisons)
    for what in unused:
        print(f"STALE {DIFFERENCES.relative_to(REPO)}: no file differs by {what}")
    if unused or not all(c.clean for c in comparisons):
        sys.exit(1)
    print(f"Every difference is one {DIFFERENCES.relative_to(REPO)} explains.")


if __name__ == "__main__":
    main()
