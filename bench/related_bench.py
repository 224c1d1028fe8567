"""Time related() — the related-documents pass of a build — over one loaded corpus.

    python bench/related_bench.py -n 10000 [--seed 1] [--repeat 5] [--corpus DIR] [--keep FILE]

The corpus is generated into a temporary folder (bench/generate_corpus.py) or taken from
--corpus DIR, then loaded as a build loads it. Loading 10,000 documents takes minutes (the
inference), so --keep FILE pickles the loaded documents and reuses them when FILE exists.
Prints each run's wall and CPU time, their medians and the load average; asserts nothing.
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from generate_corpus import generate  # noqa: E402

from sco_archive.knowledge import load_knowledge  # noqa: E402
from sco_archive.loader import load_corpus  # noqa: E402
from sco_archive.model import Document  # noqa: E402
from sco_archive.write.related import related  # noqa: E402


def documents(args: argparse.Namespace) -> list[Document]:
    """The loaded documents: from --keep if it exists, else loaded (and kept if asked)."""
    if args.keep and args.keep.exists():
        print(f"documents from {args.keep}")
        return pickle.loads(args.keep.read_bytes())
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as temp:
        folder = args.corpus or Path(temp)
        if args.corpus is None:
            generate(folder, args.n, args.seed)
        loaded = load_corpus(folder, load_knowledge()).documents
    print(f"loaded {len(loaded)} documents in {time.perf_counter() - started:.1f} s")
    if args.keep:
        args.keep.write_bytes(pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL))
    return loaded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="documents to generate (1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (1)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs (5)")
    parser.add_argument("--corpus", type=Path, help="load this folder instead of generating")
    parser.add_argument("--keep", type=Path, help="pickle of the loaded documents, reused")
    args = parser.parse_args()
    loaded = documents(args)
    characters = sum(len(p.text) for d in loaded for p in d.paragraphs)
    print(f"{len(loaded)} documents, {characters / 1e6:.1f} M characters of text")
    walls, cpus = [], []
    for run in range(1, args.repeat + 1):
        wall, cpu = time.perf_counter(), time.process_time()
        related(loaded)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        print(f"run {run}: {walls[-1]:.2f} s wall, {cpus[-1]:.2f} s CPU")
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else "?"
    print(
        f"related(): median {statistics.median(walls):.2f} s wall, "
        f"{statistics.median(cpus):.2f} s CPU; load average {' '.join(load)}"
    )


if __name__ == "__main__":
    main()
