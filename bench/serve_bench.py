"""Time `serve` on a built project: start-up, and an edited document showing in the preview.

    python bench/serve_bench.py PROJECT [--edits 3] [--port 8765]

PROJECT is a project folder that has been built before, e.g. the one
`bench/build_bench.py -n 10000 --keep DIR` leaves in DIR/project. The benchmark starts
`build_site.py serve` there, waits until the preview answers, then appends a sentence to one
document at a time and measures, from the moment the file is saved, how long until the
preview serves that document's page with the sentence on it: what a curator waits for. Each
edit is undone afterwards, and the undo timed too.
Figures are printed, not asserted; the load average is printed with them.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import frontmatter

TIMEOUT = 900.0  # seconds to wait for the preview, at start-up or after an edit


def served_path(project: Path) -> str:
    """Where `serve` puts the site: the path of mkdocs.yml's `site_url` (e.g. /sco-archive/)."""
    found = re.search(r"^site_url:\s*(\S+)", (project / "mkdocs.yml").read_text("utf-8"), re.M)
    path = urllib.parse.urlsplit(found.group(1) if found else "/").path
    return path if path.endswith("/") else path + "/"


def page_for(project: Path, source: str) -> str:
    """The URL path of the page made from `source`, found by its front matter in docs/."""
    for page in sorted((project / "docs" / "speeches").rglob("*.md")):
        if frontmatter.load(page).get("source") == source:
            return page.relative_to(project / "docs").with_suffix("").as_posix() + "/"
    raise SystemExit(f"no page in {project / 'docs'} comes from {source}; build the project first")


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, text: str, started: float, present: bool = True) -> float:
    """Seconds from `started` until the page at `url` has `text` on it (or, not `present`, not)."""
    while time.perf_counter() - started < TIMEOUT:
        body = fetch(url)
        if body is not None and (text in body) is present:
            return time.perf_counter() - started
        time.sleep(0.2)
    raise SystemExit(f"{url}: {text!r} not {'shown' if present else 'gone'} in {TIMEOUT:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path, help="a project folder built before")
    parser.add_argument("--edits", type=int, default=3, help="documents to edit (default 3)")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    project = args.project.resolve()
    sources = sorted(p for p in (project / "speeches").iterdir() if p.suffix in (".txt", ".md"))
    chosen = [sources[i * len(sources) // args.edits] for i in range(args.edits)]
    base = f"http://127.0.0.1:{args.port}{served_path(project)}"
    print(f"project: {project} ({len(sources)} documents); load average {os.getloadavg()}")
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "build_site.py", "serve", "--dev-addr", f"127.0.0.1:{args.port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        answering = wait_for(base, "md-content", started)
        print(f"serve answering after {answering:.1f} s")
        for number, path in enumerate(chosen, 1):
            url = base + page_for(project, path.name)
            original = path.read_bytes()
            marker = f"Serve benchmark sentence {number} at {time.time_ns()}."
            saved = time.perf_counter()
            path.write_bytes(original + f"\n\n{marker}\n".encode())
            try:
                seconds = wait_for(url, marker, saved)
            finally:
                path.write_bytes(original)
            print(f"edit {number} ({path.name}): on the page after {seconds:.1f} s")
            undone = wait_for(url, marker, time.perf_counter(), present=False)
            print(f"  undone on the page after {undone:.1f} s")
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=60)
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
