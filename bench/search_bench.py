"""What the first search costs the reader: bytes downloaded by Pagefind vs Material's lunr index.

    python bench/search_bench.py --n 1000 [--seed 1] [--query cooperation] [--keep DIR]

Builds a generated corpus of N documents as the archive does (Pagefind), builds Material's
lunr index for the same speech pages with plain MkDocs, then opens the Pagefind site's search page
in headless Chromium, types a query and counts the response bytes of every request made from
the first keystroke until the results are shown. Prints them beside the size (raw and gzipped)
of lunr's `search/search_index.json`, which a reader downloads in full before the first result.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from sco_archive.build.run import Project, build  # noqa: E402
from sco_archive.publish.verify import serve_site  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
STATUS_SAYS = "() => document.querySelector('[data-status]').textContent.includes('%s')"
BUDGET_BYTES = 300 * 1024  # at 10,000 documents
BUDGET_SHARE_OF_LUNR = 0.01


# --- the corpus ---------------------------------------------------------------------------


def corpus_generator() -> Callable[[Path, int, int], None]:
    """bench/generate_corpus.py's `generate(out_dir, n, seed)` when it exists; else ours."""
    try:
        from generate_corpus import generate  # type: ignore[import-not-found]
    except ImportError:
        return tiny_generate
    return generate


SPEAKERS = [f"{first} {last}" for first in ("Vladimir", "Rashid", "Zhang", "Bolat", "Dmitry",
            "Muratbek", "Sanjar", "Li", "Nurlan", "Farid") for last in ("Norov", "Alimov",
            "Deguang", "Nurgaliev", "Mezentsev")]  # fmt: skip
CITIES = ["Beijing", "Moscow", "Tashkent", "Bishkek", "Astana", "Dushanbe", "New Delhi",
          "Islamabad", "Vienna", "Geneva", "Samarkand", "Qingdao"]  # fmt: skip
KINDS = ["statement", "speech", "remarks", "address", "interview", "article", "report", "news"]


def tiny_generate(out_dir: Path, n: int, seed: int) -> None:
    """N Markdown documents with front matter: the seeds' vocabulary plus rare names of their own.

    Stand-in until bench/generate_corpus.py exists. Word frequencies follow the real speeches;
    every document adds a few words seen nowhere else, so the vocabulary grows with N as a real
    archive's does (names, places, numbers).
    """
    rng = random.Random(seed)
    words = [w for f in sorted((REPO / "speeches").glob("*.txt")) for w in _words(f)]
    out_dir.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        rare = ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(4))
                for _ in range(5)]  # fmt: skip
        paragraphs = []
        for _ in range(rng.randint(4, 12)):
            sentence = rng.choices(words, k=rng.randint(40, 90)) + rng.sample(rare, 1)
            paragraphs.append(" ".join(sentence).capitalize() + ".")
        title = f"{rng.choice(KINDS).title()} on {' '.join(rng.choices(words, k=4))} {i}"
        year = rng.randint(2001, 2024)
        meta = [
            f"title: {title!r}",
            f"date: '{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}'",
            f"speaker: {rng.choice(SPEAKERS)}",
            f"kind: {rng.choice(KINDS)}",
            f"city: {rng.choice(CITIES)}",
            "language: en",
        ]
        text = "---\n" + "\n".join(meta) + f"\n---\n\n{title}\n\n" + "\n\n".join(paragraphs)
        (out_dir / f"doc-{i:05d}.md").write_text(text + "\n", encoding="utf-8")


def _words(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    return [w.strip(".,;:()“”\"'’*").lower() for w in text.split() if w.strip(".,;:()“”\"'’*")]


# --- the two builds -----------------------------------------------------------------------


def build_site(root: Path, speeches: Path) -> Path:
    """Build the corpus as the archive does (Pagefind included); an earlier build is reused."""
    site = root / "site"
    if (site / "pagefind" / "shards.json").is_file():
        return site
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "docs").mkdir(exist_ok=True)
    for page in hand_written_pages():
        shutil.copy(page, root / "docs" / page.name)
    if not (root / "speeches").exists():
        (root / "speeches").symlink_to(speeches.resolve(), target_is_directory=True)
    project = Project(config_file=root / "mkdocs.yml", use_cache=False, incremental=False)
    result = build(project)
    if result.errors:
        raise SystemExit("\n".join(d.format() for d in result.errors[:20]))
    return result.site_dir


def hand_written_pages() -> list[Path]:
    """The top-level pages of docs/ that a person wrote (about, search …): the nav needs them.
    The archive lists its own generated files in docs/.generated.json."""
    manifest = REPO / "docs" / ".generated.json"
    generated = set(json.loads(manifest.read_text())["files"]) if manifest.exists() else set()
    return [p for p in sorted((REPO / "docs").glob("*.md")) if p.name not in generated]


LUNR_YML = """\
site_name: lunr baseline
theme:
  name: material
plugins:
  - search
nav:  # a nav listing 10,000 pages on every page would make the build quadratic
  - Home: index.md
not_in_nav: |
  /speeches/
"""


def build_lunr_index(archive_docs: Path, root: Path) -> bytes:
    """Material's search_index.json for the same pages: plain MkDocs + Material + `search` on
    the speech pages the archive generated (their own `template:` line dropped, as plain
    Material has no speech.html). Loading the corpus a second time would double the run."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    shutil.rmtree(root, ignore_errors=True)
    docs = root / "docs"
    for page in sorted((archive_docs / "speeches").rglob("*.md")):
        target = docs / page.relative_to(archive_docs)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = page.read_text(encoding="utf-8").replace("\ntemplate: speech.html\n", "\n")
        target.write_text(text, encoding="utf-8")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(LUNR_YML, encoding="utf-8")
    mkdocs_build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site")))
    return (root / "site" / "search" / "search_index.json").read_bytes()


# --- the browser --------------------------------------------------------------------------


@dataclass
class Downloads:
    page_load_search: int  # Pagefind files fetched while the search page loads (init, filters)
    first_query: int  # everything fetched from the first keystroke until results are shown
    results: int
    requests: list[tuple[str, int]]
    load_requests: list[tuple[str, int]]


def body_bytes(request) -> int:
    """The response body's size; Content-Length where Chromium does not report it (a worker's
    script comes back as 0 or -1), so nothing is counted as free that was downloaded."""
    reported = request.sizes()["responseBodySize"]
    if reported > 0:
        return reported
    response = request.response()
    length = response.header_value("content-length") if response else None
    return int(length) if length else 0


def measure(site_url: str, query: str) -> Downloads:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        log: list[tuple[str, str, int]] = []
        phase = ["load"]
        page.on("requestfinished", lambda r: log.append((phase[0], r.url, body_bytes(r))))
        page.goto(f"{site_url}search/", wait_until="networkidle")
        page.wait_for_function(
            "() => /Type a word/.test(document.querySelector('[data-status]').textContent)"
        )
        phase[0] = "query"
        page.focus("#sco-q")
        page.keyboard.type(query)
        page.wait_for_function(
            "() => /result/i.test(document.querySelector('[data-status]').textContent)"
        )
        page.wait_for_load_state("networkidle")
        results = page.locator(".sco-result").count()
        browser.close()
    loaded = [(url.removeprefix(site_url), n) for p, url, n in log if p == "load"]
    loaded = [(path, n) for path, n in loaded if path.startswith("pagefind/")]
    queried = [(url.removeprefix(site_url), n) for p, url, n in log if p == "query"]
    return Downloads(
        sum(n for _, n in loaded), sum(n for _, n in queried), results, queried, loaded
    )


# --- the report ---------------------------------------------------------------------------


def kb(n: int) -> str:
    return f"{n / 1024:,.1f} KB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--query", default="cooperation")
    parser.add_argument("--keep", type=Path, help="build here and keep it (default: a temp dir)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="search-bench-"))
    speeches = work / "speeches"
    if not speeches.is_dir():
        corpus_generator()(speeches, args.n, args.seed)
    started = time.perf_counter()
    site = build_site(work / "pagefind-project", speeches)
    built = time.perf_counter() - started
    index = build_lunr_index(work / "pagefind-project" / "docs", work / "lunr-project")
    lunr_raw, lunr_gz = len(index), len(gzip.compress(index, 6))
    with serve_site(site, "/") as url:
        got = measure(url, args.query)
    took = f"{built:.0f} s" if built > 1 else "reused from --keep"
    print(f"documents: {args.n} (seed {args.seed}); archive build: {took}")
    print(f"lunr search_index.json: {kb(lunr_raw)} raw, {kb(lunr_gz)} gzipped")
    print(f"Pagefind, search page load (pagefind.js, wasm, filters): {kb(got.page_load_search)}")
    print(f"Pagefind, first query {args.query!r} ({got.results} results shown): "
          f"{kb(got.first_query)} in {len(got.requests)} requests")  # fmt: skip
    total = got.first_query + got.page_load_search
    print(f"Pagefind, load + first query: {kb(total)} = {total / lunr_gz:.2%} of lunr gzipped")
    print(f"first query = {got.first_query / lunr_gz:.2%} of lunr gzipped; budget at 10,000 "
          f"docs: <= {kb(BUDGET_BYTES)} and <= {BUDGET_SHARE_OF_LUNR:.0%}")  # fmt: skip
    print("requests of the first query:")
    for path, n in got.requests:
        print(f"  {n:>9,}  {path}")
    print("Pagefind requests while the search page loads:")
    for path, n in got.load_requests:
        print(f"  {n:>9,}  {path}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
