"""Zensical watch: build the archive's generated Markdown with Zensical and print what it drops.

    python3 -m pip install zensical          # in no extra of ours (see docs/engines.md)
    python3 bench/zensical_watch.py          # 30 generated documents, seed 1
    python3 bench/zensical_watch.py --zensical /tmp/venv/bin/zensical -n 100

It builds a generated corpus (bench/generate_corpus.py) with `build_site.py build` on the
default engine, which writes docs/ (every page as Markdown) and site/; then gives the same
docs/ and mkdocs.yml to `zensical build`, with our templates as `theme.custom_dir` (what the
plugin's on_config does). Zensical runs no plugin of ours, so each template it cannot render
is dropped in turn and the build tried again; pages whose template is gone get Zensical's
own. It prints what did not carry over: our plugin's events (and whether Zensical now has a
public module API they could move to), the templates, what speech pages show, the files a
build of ours writes (search index, downloads), and the search. Exit status 0 when it ran
(whatever it found), 2 when Zensical is not installed. docs/engines.md says what it found.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from compare_engines import make_project, run_build  # noqa: E402
from generate_corpus import generate  # noqa: E402

THEME = REPO / "sco_archive" / "theme"
ATTEMPTS = 20  # builds at most: one more per template dropped

# Each event of our plugin (sco_archive/build/plugin.py): what it does, and what Zensical
# offers for it as of the version named in docs/engines.md. The test suite checks that this
# lists exactly the plugin's events.
EVENTS = {
    "on_startup": ("knows build from serve, and a dirty build", "none: no hook"),
    "on_config": (
        "adds our templates; site_url from git; loads the corpus and plans every page",
        "custom_dir in the config; the loading must run before `zensical build`",
    ),
    "on_env": ("Jinja filters display_date, language_name", "none: MiniJinja, no filters"),
    "on_serve": ("hears edits from the OS", "none: Zensical's serve watches docs/ itself"),
    "on_files": ("puts the generated pages in, from memory", "none: pages must be on disk"),
    "on_nav": (
        "canonical URLs without a made-up domain; half the pages rendered in a fork",
        "none (Zensical renders in parallel itself)",
    ),
    "on_page_markdown": ("skips Markdown for speech bodies (already HTML)", "none"),
    "on_page_content": ("paragraph numbers and links in speech bodies", "none"),
    "on_post_page": ("unlinks a page shared with the live site before writing", "none"),
    "on_post_build": (
        ".nojekyll, the Pagefind index, the downloads",
        "none: run them after `zensical build`",
    ),
    "on_build_error": ("stops the forked renderer", "none"),
}

# What a speech page of ours shows, by a mark in its HTML.
SPEECH_FEATURES = {
    "the metadata list (speaker, date, venue …)": 'class="speech-meta"',
    "Cite this (six formats, copy and download)": 'class="cite-item',
    "citation_* tags (Zotero, Google Scholar)": '<meta name="citation_title"',
    "paragraph numbers and links": 'class="para-link"',
    "breadcrumb": 'class="breadcrumb"',
    "previous / next": 'class="speech-prevnext"',
    "related documents": 'class="related"',
    "search facets (Pagefind filters)": "data-pagefind-filter",
    "the header's search form": 'class="sco-header-search"',
}

# `(in partials/tabs-item.html:16)`: the innermost template an error names comes last.
_IN_TEMPLATE = re.compile(r"\(in ([\w./-]+\.html):\d+\)")
_MISSING = re.compile(r'template "([\w./-]+\.html)" does not exist')
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass
class ZensicalRun:
    ok: bool = False
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (template, Zensical's error)
    fallback: list[str] = field(default_factory=list)  # templates pages lost: Zensical's own
    issues: str = ""  # Zensical's own count of warnings ("44 issues found")
    error: str = ""  # the last error, when it never built


def failing_template(error: str) -> tuple[str, bool] | None:
    """(template, whether it is missing) that a Zensical error blames, or None."""
    missing = _MISSING.search(error)
    if missing:
        return missing[1], True
    inside = _IN_TEMPLATE.findall(error)
    return (inside[-1], False) if inside else None


def strip_template(docs: Path, template: str) -> int:
    """Remove `template: <template>` from every page's front matter; return how many."""
    pattern = re.compile(rf"^template: {re.escape(template)}\n", re.M)
    count = 0
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            end = text.find("\n---\n", 4)
            head, found = pattern.subn("", text[: end + 1])
            if found:
                page.write_text(head + text[end + 1 :], encoding="utf-8")
                count += 1
    return count


def build_with_zensical(zensical: str, project: Path) -> ZensicalRun:
    overrides = project / "overrides"
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = "overrides"  # where on_config puts our templates
    (project / "zensical-mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    found = ZensicalRun()
    for _ in range(ATTEMPTS):
        done = subprocess.run(
            [zensical, "build", "--clean", "-f", "zensical-mkdocs.yml"],
            cwd=project,
            capture_output=True,
            text=True,
        )
        output = _ANSI.sub("", done.stdout + done.stderr)
        issues = re.search(r"^(\d+ issues? found|No issues found)", output, re.M)
        found.issues = issues[1] if issues else ""
        if done.returncode == 0:
            found.ok = True
            return found
        found.error = next((line for line in reversed(output.splitlines()) if line), "")
        blamed = failing_template(found.error)
        if blamed is None:
            return found
        template, missing = blamed
        if (overrides / template).is_file():
            (overrides / template).unlink()
            found.dropped.append((template, found.error.split(": ", 1)[-1][:150]))
        elif missing and strip_template(project / "docs", template):
            found.fallback.append(template)
        else:
            return found
    return found


def public_api(zensical: str) -> list[str]:
    """The names Zensical's Python package offers (`build`, `serve`, `version` in 0.0.73)."""
    python = Path(shutil.which(zensical) or zensical).with_name("python3")
    code = (
        "import types, zensical; print(' '.join(n for n, v in vars(zensical).items()"
        " if not n.startswith('_') and not isinstance(v, types.ModuleType)))"
    )
    done = subprocess.run(
        [str(python) if python.exists() else sys.executable, "-c", code],
        capture_output=True,
        text=True,
    )
    return done.stdout.split()


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def report(ours: Path, theirs: Path, run: ZensicalRun, version: str, api: list[str]) -> str:
    lines = [f"Zensical {version}: {'built' if run.ok else 'did not build'} ({run.issues})"]
    if not run.ok:
        lines.append(f"  last error: {run.error}")
    new_api = sorted(set(api) - {"build", "serve", "version"})
    lines.append(
        "Public Python names: " + " ".join(api or ["(none found)"]) + "; "
        + (f"NEW since 0.0.73: {' '.join(new_api)}: re-read its module API" if new_api
           else "no module API to move our plugin's events to")
    )  # fmt: skip
    lines.append("Our plugin's events (what they do → Zensical's equivalent):")
    lines += [f"  {event}: {does} → {there}" for event, (does, there) in EVENTS.items()]
    lines.append("Our templates (sco_archive/theme/) Zensical could not render, dropped:")
    lines += [f"  {template}: {error}" for template, error in run.dropped] or ["  none"]
    lines += [f"  pages with `template: {t}` got Zensical's own template" for t in run.fallback]
    dropped = {template for template, _ in run.dropped}
    kept = sorted(
        p.relative_to(THEME).as_posix()
        for p in THEME.rglob("*.html")
        if p.relative_to(THEME).as_posix() not in dropped
    )
    lines.append(
        "Kept (no error blamed them; the partials only a dropped template includes were never "
        "reached): " + ", ".join(kept)
    )
    our_pages, their_pages = _pages(ours), _pages(theirs) if theirs.is_dir() else set()
    speeches = sorted(p for p in our_pages if p.startswith("speeches/"))
    lines.append(
        f"Pages: ours {len(our_pages)}, Zensical's {len(their_pages)}; "
        f"missing there: {len(our_pages - their_pages)}"
    )
    lines.append(f"What the {len(speeches)} speech pages show, ours → Zensical's:")
    for feature, mark in SPEECH_FEATURES.items():
        had = sum(mark in (ours / p).read_text(encoding="utf-8") for p in speeches)
        kept = sum(
            mark in (theirs / p).read_text(encoding="utf-8")
            for p in speeches
            if (theirs / p).is_file()
        )
        lines.append(f"  {feature}: {had} → {kept}")
    lines.append("Files a build of ours writes besides the pages, and whether Zensical's has them:")
    for name in sorted(p.name for p in ours.iterdir() if not p.name.endswith(".html")):
        if (ours / name).is_file() or name in ("pagefind", "assets"):
            there = "kept" if (theirs / name).exists() else "DROPPED"
            lines.append(f"  {name} ({_size(ours / name) / 1e3:.0f} KB): {there}")
    index = theirs / "search.json"
    lines.append(
        f"Search: ours is Pagefind ({_size(ours / 'pagefind') / 1e3:.0f} KB in shards, fetched "
        "in pieces; the search page and the header's form use it); Zensical's is "
        + (f"one search.json of every page ({_size(index) / 1e3:.0f} KB), downloaded whole"
           if index.is_file() else "absent")
        + ". Pagefind could still index Zensical's HTML after its build, if the pages kept "
        "our data-pagefind-* marks."
    )  # fmt: skip
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=30, help="generated documents (default 30)")
    parser.add_argument("--zensical", default="zensical", help="the zensical command to run")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args()
    zensical = shutil.which(args.zensical)
    if zensical is None:
        print(f"{args.zensical} not found: python3 -m pip install zensical", file=sys.stderr)
        sys.exit(2)
    version = subprocess.run([zensical, "--version"], capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="sco-zensical-") as temporary:
        work = args.keep or Path(temporary)
        generate(work / "speeches", args.n, seed=1)
        ours = make_project(work / "ours", work / "speeches")
        run_build(ours, "mkdocs")
        theirs = work / "zensical"
        theirs.mkdir(parents=True)
        shutil.copy(ours / "mkdocs.yml", theirs / "mkdocs.yml")
        shutil.copytree(ours / "docs", theirs / "docs")
        shutil.copytree(THEME, theirs / "overrides")
        run = build_with_zensical(zensical, theirs)
        print(report(ours / "site", theirs / "site", run, version, public_api(zensical)))


if __name__ == "__main__":
    main()
