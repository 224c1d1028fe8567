"""The search shards' trade-off: shard size × index chunk size → re-index seconds, first query.

    python bench/shard_table.py KEPT [--limits 1000,4000] [--chunks 1000,default]

KEPT is a folder `bench/build_bench.py -n N --keep KEPT` left (project/, corpus/, site-ours/).
The corpus is planned from the project's cache, its search records written as the small pages
Pagefind reads (sco_archive/search/records.py), and for each shard limit and chunk size
(`PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`; `default`: Pagefind's own) every shard is indexed, one
run at a time, into site-ours/pagefind/ (KEPT's site is left with the last one). Then the
site's search page is opened in headless Chromium and the first query typed, as
bench/search_bench.py does. Printed per row: the shards, the largest one's pages and re-index
seconds (what one edit there costs), the median shard's seconds, and the bytes and requests of
the first query and of the search page's load.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from search_bench import measure  # noqa: E402

from sco_archive.build.run import _load_and_plan  # noqa: E402
from sco_archive.project import Project  # noqa: E402
from sco_archive.publish.verify import serve_site  # noqa: E402
from sco_archive.search.canonical import canonicalize_index  # noqa: E402
from sco_archive.search.index import (  # noqa: E402
    EXCLUDE_SELECTORS,
    UNUSED_FILES,
    plan_shards,
    records_per_folder,
)


def write_records(kept: Path, out: Path) -> dict[str, int]:
    """Plan KEPT's corpus and write each speech page's search record; return pages per year."""
    project = Project(kept / "project" / "mkdocs.yml", kept / "corpus", kept / "site-ours")
    _, _, generated = _load_and_plan(project)
    for src_uri, record in generated.search_records.items():
        page = out / src_uri.removesuffix(".md") / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(record.html("en"), encoding="utf-8")
    return records_per_folder(generated.search_records)


def row(source: Path, site: Path, counts: dict[str, int], limit: int, chunk: str) -> str:
    shards = plan_shards(counts, limit)
    bundles = site / "pagefind"
    shutil.rmtree(bundles, ignore_errors=True)
    bundles.mkdir()
    env = dict(os.environ)
    env.pop("PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE", None)
    if chunk != "default":
        env["PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"] = chunk
    seconds: dict[str, tuple[float, int]] = {}
    for shard in shards:
        command = [sys.executable, "-m", "pagefind", "--site", str(source), "--glob", shard.glob]
        command += ["--output-path", str(bundles / shard.name), "--silent"]
        command += ["--exclude-selectors", ", ".join(EXCLUDE_SELECTORS)]
        started = time.perf_counter()
        subprocess.run(command, check=True, env=env)
        pages = sum(counts[folder] for folder in shard.folders)
        seconds[shard.name] = (time.perf_counter() - started, pages)
        canonicalize_index(bundles / shard.name)
        for name in UNUSED_FILES:
            (bundles / shard.name / name).unlink(missing_ok=True)
    listed = {"shards": [shard.name for shard in shards]}
    (bundles / "shards.json").write_text(json.dumps(listed) + "\n", encoding="utf-8")
    with serve_site(site, "/") as url:
        got = measure(url, "cooperation")
    largest = max(seconds.values(), key=lambda taken: taken[1])
    median = statistics.median(taken for taken, _ in seconds.values())
    return (
        f"| {limit:,} | {chunk} | {len(shards)} | {largest[1]:,} pages, {largest[0]:.2f} s "
        f"| {median:.2f} s | {got.first_query / 1024:.1f} KB, {len(got.requests)} requests "
        f"| {got.page_load_search / 1024:.1f} KB |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kept", type=Path, help="a folder build_bench.py --keep left")
    parser.add_argument("--limits", default="1000,4000", help="shard limits, comma-separated")
    parser.add_argument("--chunks", default="1000,default", help="chunk sizes, comma-separated")
    args = parser.parse_args()
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} at the start")
    print("| shard limit | chunk | shards | largest shard, re-index | median shard "
          "| first query | search page load |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="shard-table-") as temp:
        source = Path(temp)
        counts = write_records(args.kept.resolve(), source)
        for chunk in args.chunks.split(","):
            for limit in (int(x) for x in args.limits.split(",")):
                print(row(source, args.kept / "site-ours", counts, limit, chunk), flush=True)


if __name__ == "__main__":
    main()
