"""Time and measure peak memory of our build against a plain MkDocs Material build of one corpus.

    python bench/build_bench.py -n 1000 [--seed 1] [--json FILE] [--keep DIR]

Steps, each a child process on the same generated corpus:
  (a) baseline: the corpus as plain Markdown (`# title` + paragraphs, year folders) built by
      `mkdocs build` with Material, its default `search` plugin and a home-only nav;
  (b) cold: `python build_site.py build` in a fresh temp copy of the project (no cache, no site);
  (c) warm: the same after one document changed;
  (d) no change: the same again.

Peak memory is the child's `ru_maxrss` from `os.wait4`, which reports one child's own rusage
(and that of the processes it waited for, e.g. Pagefind). `RUSAGE_CHILDREN` cannot be
differenced: its `ru_maxrss` is the largest of all children so far, not a sum. But ru_maxrss
is one process's peak, and the loader's process pool runs several at once, so the summed RSS
of the whole process tree is also sampled from /proc every 50 ms (it may miss a short peak),
in all and by kind of process: the build itself ("main"), its Python workers ("python3") and
the Pagefind binary ("pagefind_extend", the kernel's 15-character name). The same sum as PSS
(/proc/PID/smaps_rollup, every 200 ms) counts each page shared by forked processes once.
Nothing in the repository is touched.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from generate_corpus import generate  # noqa: E402

# What a project needs to build: the rest of the repository (tests, site/, .cache) is left out.
PROJECT_FILES = ("mkdocs.yml", "build_site.py", "pyproject.toml")
PROJECT_DIRS = ("sco_archive",)
# Pages the loader writes into docs/ (see .gitignore); everything else in docs/ is hand-written.
GENERATED_DOCS = ("speeches", "timeline", "speakers", "venues", "kinds", "topics", "search")


@dataclass
class Step:
    """One timed child process."""

    name: str
    seconds: float
    cpu_seconds: float  # user + sys of the child and its children: steadier on a busy machine
    peak_mb: float
    tree_peak_mb: float  # summed RSS of the child and its descendants, sampled every 50 ms
    returncode: int
    # The same summed as PSS (each shared page divided among the processes sharing it): a
    # forked helper's RSS counts again every page it shares with the build, its PSS does not.
    tree_pss_mb: float = 0.0
    # Sampled peaks by kind of process: "main" (the child itself), "python3" (its worker
    # processes, summed), "pagefind_extend" (the search indexer) …
    peaks_mb: dict[str, float] = field(default_factory=dict)
    site: dict[str, object] = field(default_factory=dict)


def tree_pids(root: int) -> set[int]:
    """Process `root` and its descendants, from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        parents[int(stat.parent.name)] = int(fields[1])
    tree, frontier = {root}, [root]
    while frontier:
        children = [pid for pid, ppid in parents.items() if ppid in frontier]
        tree.update(children)
        frontier = children
    return tree


def tree_pss(root: int) -> int:
    """Bytes of proportional set size (PSS) of `root` and its descendants, summed."""
    total = 0
    for pid in tree_pids(root):
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        for line in rollup.splitlines():
            if line.startswith("Pss:"):
                total += int(line.split()[1]) * 1024
                break
    return total


def tree_rss(root: int) -> dict[str, int]:
    """Bytes resident now in process `root` and in its descendants, by kind of process.

    Kinds: "main" (root itself), else the process's name (python3 for worker processes,
    pagefind_extend for the search indexer); read from /proc.
    """
    tree = tree_pids(root)
    by_kind: dict[str, int] = {}
    for pid in tree:
        try:
            pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
            kind = "main" if pid == root else Path(f"/proc/{pid}/comm").read_text().strip()
        except OSError:
            continue
        by_kind[kind] = by_kind.get(kind, 0) + pages * os.sysconf("SC_PAGE_SIZE")
    return by_kind


def sample_tree(pid: int, done: threading.Event, peak: dict[str, int]) -> None:
    """Keep the largest summed RSS seen, in all ("tree") and by kind of process: ru_maxrss
    is one process's, and a pool's workers add up. PSS ("pss") every fourth time: the kernel
    walks each process's page tables to count it."""
    ticks = 0
    while not done.wait(0.05):
        now = tree_rss(pid)
        peak["tree"] = max(peak.get("tree", 0), sum(now.values()))
        if ticks % 4 == 0:
            peak["pss"] = max(peak.get("pss", 0), tree_pss(pid))
        ticks += 1
        for kind, size in now.items():
            peak[kind] = max(peak.get(kind, 0), size)


def run_child(
    command: list[str], cwd: Path, log: Path
) -> tuple[float, float, float, dict[str, float], int]:
    """(wall s, CPU s, peak RSS MB, sampled peaks MB by kind, exit code); output to `log`."""
    done: threading.Event = threading.Event()
    peak: dict[str, int] = {}
    with log.open("wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        sampler = threading.Thread(target=sample_tree, args=(process.pid, done, peak))
        sampler.start()
        # wait4, not Popen.wait: it hands back this child's own resource usage.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    # Linux reports ru_maxrss in KiB.
    peaks = {kind: size / 2**20 for kind, size in peak.items()}
    return seconds, cpu, usage.ru_maxrss / 1024, peaks, process.returncode


def document_title_and_year(path: Path) -> tuple[str, str, list[str]]:
    """(title, year folder, body paragraphs) of one raw document, by the crudest rules."""
    text = path.read_text(encoding="utf-8-sig")
    year = "undated"
    if text.startswith("---\n"):
        _, front, text = text.split("---\n", 2)
        meta = yaml.safe_load(front)
        return str(meta["title"]), str(meta["date"])[:4], text.split("\n\n")
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    title = " ".join(blocks[0].replace("*", "").split())
    for token in title.replace("(", " ").replace(")", " ").split():
        if token.isdigit() and len(token) == 4:
            year = token
    return title, year, blocks[1:]


def baseline_project(corpus: Path, root: Path) -> Path:
    """Plain Markdown pages + a minimal Material mkdocs.yml; returns the project folder."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# SCO speech archive\n\nBaseline.\n", encoding="utf-8")
    for path in sorted(corpus.iterdir()):
        title, year, body = document_title_and_year(path)
        page = docs / year / f"{path.stem}.md"
        page.parent.mkdir(exist_ok=True)
        page.write_text(f"# {title}\n\n" + "\n\n".join(body), encoding="utf-8")
    config = {
        "site_name": "Baseline",
        "theme": {"name": "material"},
        "plugins": ["search"],
        "nav": [{"Home": "index.md"}],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


def hand_written_docs() -> list[Path]:
    """docs/ files git knows or would know about, less the loader's; all of docs/ without git."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "docs"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        files = [REPO / name for name in listed]
    except (OSError, subprocess.CalledProcessError):
        files = [p for p in (REPO / "docs").rglob("*") if p.is_file()]
    return [
        p
        for p in files
        if p.is_file() and p.relative_to(REPO / "docs").parts[0] not in GENERATED_DOCS
    ]


def our_project(root: Path) -> Path:
    """A temp copy of what the build reads, so neither its cache nor docs/ touch the repo."""
    root.mkdir(parents=True)
    for name in PROJECT_FILES:
        if (REPO / name).exists():
            shutil.copy2(REPO / name, root / name)
    for name in PROJECT_DIRS:
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    # mkdocs.yml `watch`es speeches/; the corpus itself is passed with --speeches.
    (root / "speeches").mkdir()
    for path in hand_written_docs():
        target = root / path.relative_to(REPO)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    return root


def site_stats(site: Path) -> dict[str, object]:
    """Size, file count, largest HTML page and search index sizes of a built site."""
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: p.stat().st_size) if pages else None
    # A speech page: one per document, below a year (or undated) folder of its own section.
    speeches = [p for p in pages if _is_document_page(p.relative_to(site))]
    largest_speech = max(speeches, key=lambda p: p.stat().st_size) if speeches else None
    lunr = site / "search" / "search_index.json"
    pagefind = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    return {
        "mb": sum(p.stat().st_size for p in files) / 1e6,
        "files": len(files),
        "html_pages": len(pages),
        "largest_html": str(largest.relative_to(site)) if largest else None,
        "largest_html_kb": largest.stat().st_size / 1024 if largest else 0.0,
        "document_pages": len(speeches),
        "largest_document_html": (
            str(largest_speech.relative_to(site)) if largest_speech else None
        ),
        "largest_document_kb": largest_speech.stat().st_size / 1024 if largest_speech else 0.0,
        "document_pages_over_100kb": sum(1 for p in speeches if p.stat().st_size > 100 * 1024),
        "search_index_mb": lunr.stat().st_size / 1e6 if lunr.exists() else None,
        "pagefind_mb": sum(p.stat().st_size for p in pagefind) / 1e6 if pagefind else None,
        "pagefind_files": len(pagefind) if pagefind else None,
    }


def _is_document_page(rel: Path) -> bool:
    """speeches/YEAR/SLUG/index.html (ours) or YEAR/STEM/index.html (the baseline's)."""
    parts = rel.parts
    if parts and parts[0] == "speeches":
        parts = parts[1:]
    return (
        len(parts) == 3
        and parts[2] == "index.html"
        and (parts[0].isdigit() or parts[0] == "undated")
    )


def change_one_document(corpus: Path) -> Path:
    """Append a sentence to the first plain document: an edit the warm build must pick up."""
    path = next(p for p in sorted(corpus.iterdir()) if p.suffix == ".txt")
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\nThe benchmark changed this paragraph to test a warm rebuild.\n")
    return path


def run_steps(work: Path, n: int, seed: int) -> list[Step]:
    """Generate the corpus and run (a)–(d) in `work`."""
    corpus = work / "corpus"
    generate(corpus, n, seed)
    baseline = baseline_project(corpus, work / "baseline")
    steps = []
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(work / "site-baseline")]
    steps.append(measure("(a) baseline mkdocs", mkdocs, baseline, work / "site-baseline", work))
    project = our_project(work / "project")
    ours = [sys.executable, "build_site.py", "build", "--speeches", str(corpus)]
    ours += ["--site-dir", str(work / "site-ours")]
    steps.append(measure("(b) ours, cold", ours, project, work / "site-ours", work))
    change_one_document(corpus)
    steps.append(measure("(c) ours, 1 doc changed", ours, project, work / "site-ours", work))
    steps.append(measure("(d) ours, no change", ours, project, work / "site-ours", work))
    return steps


def measure(name: str, command: list[str], cwd: Path, site: Path, work: Path) -> Step:
    """Run one step; a failure is reported with its log, not raised."""
    log = work / f"{name.split()[0].strip('()')}.log"
    seconds, cpu, peak, peaks, code = run_child(command, cwd, log)
    if code != 0:
        print(f"{name}: exit {code}; last lines of {log}:", file=sys.stderr)
        print("\n".join(log.read_text(errors="replace").splitlines()[-15:]), file=sys.stderr)
    stats = site_stats(site) if site.is_dir() else {}
    tree_peak = peaks.pop("tree", 0.0)
    tree_pss = peaks.pop("pss", 0.0)
    return Step(name, seconds, cpu, peak, tree_peak, code, tree_pss, peaks_mb=peaks, site=stats)


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    meminfo = Path("/proc/meminfo")
    ram_kb = 0
    if meminfo.exists():
        ram_kb = int(meminfo.read_text().split("MemTotal:")[1].split()[0])
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "ram_gb": round(ram_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "loadavg": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        "platform": platform.platform(),
        "mkdocs": metadata.version("mkdocs"),
        "mkdocs-material": metadata.version("mkdocs-material"),
    }


def fmt(value: float | None, pattern: str = "{:.2f}") -> str:
    return "-" if value is None else pattern.format(value)


def print_report(steps: list[Step], info: dict[str, object], n: int, seed: int) -> None:
    """The figures as small tables on stdout."""
    print(f"Machine: {info['nproc']} CPU, {info['ram_gb']} GB RAM, Python {info['python']},")
    print(f"  load average {info['loadavg']} at the start")
    print(f"  mkdocs {info['mkdocs']}, material {info['mkdocs-material']} ({info['platform']})")
    print(f"Corpus: {n} documents, seed {seed}\n")
    base = steps[0]
    print(
        f"{'step':<26}{'exit':>5}{'wall s':>8}{'× (a)':>7}{'CPU s':>8}{'× (a)':>7}"
        f"{'peak MB':>9}{'× (a)':>7}{'tree MB':>9}{'PSS MB':>8}"
    )
    for step in steps:
        print(
            f"{step.name:<26}{step.returncode:>5}{step.seconds:>8.2f}"
            f"{step.seconds / base.seconds:>7.2f}{step.cpu_seconds:>8.2f}"
            f"{step.cpu_seconds / base.cpu_seconds:>7.2f}{step.peak_mb:>9.0f}"
            f"{step.peak_mb / base.peak_mb:>7.2f}{step.tree_peak_mb:>9.0f}"
            f"{step.tree_pss_mb:>8.0f}"
        )
    print("peak MB: largest single process (wait4 ru_maxrss); tree MB: sampled sum of all")
    print("PSS MB: sampled sum of all as PSS (pages shared by forked processes counted once)")
    print("sampled peak MB by kind of process:")
    for step in steps:
        kinds = ", ".join(f"{k} {v:.0f}" for k, v in sorted(step.peaks_mb.items()))
        print(f"  {step.name:<24}{kinds}")
    print(f"\n{'site':<10}{'MB':>7}{'files':>7}{'lunr MB':>9}{'pagefind MB':>13}  largest HTML")
    for label, step in (("baseline", steps[0]), ("ours", steps[-1])):
        s = step.site
        if not s:
            print(f"{label:<10}  (no site)")
            continue
        print(
            f"{label:<10}{s['mb']:>7.1f}{s['files']:>7}{fmt(s['search_index_mb']):>9}"
            f"{fmt(s['pagefind_mb']):>13}  {s['largest_html']} ({s['largest_html_kb']:.0f} KB)"
        )
    if steps[-1].site.get("pagefind_files"):
        print(f"pagefind/ files: {steps[-1].site['pagefind_files']}")
    print(f"\n{'document pages':<16}{'count':>7}{'> 100 KB':>10}  largest")
    for label, step in (("baseline", steps[0]), ("ours", steps[-1])):
        s = step.site
        if s:
            print(
                f"{label:<16}{s['document_pages']:>7}{s['document_pages_over_100kb']:>10}  "
                f"{s['largest_document_html']} ({s['largest_document_kb']:.0f} KB)"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="documents to generate (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="work in DIR and keep it")
    args = parser.parse_args()
    info = machine()  # before the runs: the load average they start under
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=False)
        steps = run_steps(args.keep.resolve(), args.n, args.seed)
    else:
        with tempfile.TemporaryDirectory(prefix="sco-bench-") as tmp:
            steps = run_steps(Path(tmp), args.n, args.seed)
    print_report(steps, info, args.n, args.seed)
    if args.json:
        figures = {"n": args.n, "seed": args.seed, "machine": info}
        figures["steps"] = [asdict(step) for step in steps]
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    if any(step.returncode for step in steps):
        sys.exit(1)


if __name__ == "__main__":
    main()
