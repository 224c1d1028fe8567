"""The command line: thin over the library; turns results and errors into output and exit codes."""

from __future__ import annotations

import atexit
import gc
import json
import logging
import sys
from collections.abc import Iterable
from pathlib import Path

import click

from sco_archive.build.run import BuildResult, build
from sco_archive.engine import ENGINE
from sco_archive.errors import ArchiveError
from sco_archive.loader import Outcome
from sco_archive.model import Severity
from sco_archive.project import Project, load_project, load_project_config, speeches_dir
from sco_archive.publish.site_url import unknown_site_note
from sco_archive.report import json_records, text_report
from sco_archive.write.speech_pages import plan_pages
from sco_archive.write.translations import find_translations


def _progress(outcomes: Iterable[Outcome], total: int) -> Iterable[Outcome]:
    from tqdm import tqdm

    # tqdm draws on a terminal only (disable=None), so logs and pipes stay clean. No monitor
    # thread: with a second thread alive, processes.ForkedCall runs inline instead of forking
    # (removing the old site took 1.6 s of a one-change build at 1,000 documents).
    tqdm.monitor_interval = 0
    return tqdm(outcomes, total=total, desc="Loading", unit="doc", disable=None, file=sys.stderr)


def _project(
    config: str, speeches: str | None, site_dir: str | None = None, site_url: str | None = None
) -> Project:
    return Project(
        Path(config),
        Path(speeches) if speeches else None,
        Path(site_dir) if site_dir else None,
        site_url,
    )


config_option = click.option(
    "--config", "-f", default="mkdocs.yml", show_default=True, help="The MkDocs configuration file."
)
speeches_option = click.option(
    "--speeches", metavar="DIR", help="Folder of source documents (default: from mkdocs.yml)."
)
site_dir_option = click.option(
    "--site-dir", metavar="DIR", help="Where to build the site (default: site/)."
)


@click.group()
def main() -> None:
    """The SCO speech archive: raw speeches in, a searchable static website out."""
    # A command ends the process. The interpreter's last garbage collection would walk every
    # object a build made, to free memory the exit frees anyway: 1.3 s of a one-change build
    # at 10,000 documents. Frozen objects are left out of it.
    atexit.register(gc.freeze)


@main.command("build")
@config_option
@speeches_option
@site_dir_option
@click.option("--site-url", envvar="SCO_SITE_URL", help="Override site_url (env SCO_SITE_URL).")
@click.option("--strict", is_flag=True, help="Fail, writing nothing, on any warning.")
def build_command(
    config: str, speeches: str | None, site_dir: str | None, site_url: str | None, strict: bool
) -> None:
    """Load every document, write docs/ pages and build the site."""
    try:
        result = build(
            _project(config, speeches, site_dir, site_url), strict=strict, progress=_progress
        )
    except ArchiveError as error:
        _fail(str(error), getattr(error, "diagnostics", []))
    _report_build(result)
    if result.errors:
        sys.exit(1)


def _report_build(result: BuildResult) -> None:
    """Every warning and error as `file:line: ...`, then a one-line summary."""
    for diagnostic in result.diagnostics:
        if diagnostic.severity is not Severity.INFO:
            click.echo(diagnostic.format(), err=True)
    docs = result.docs
    changed = (
        f"{len(docs.written)} page(s) written, {len(docs.removed)} removed"
        if docs
        else "nothing changed: the site is up to date"
    )
    note = unknown_site_note(result.site_url)
    if note:
        click.echo(f"Note: {note}", err=True)
    click.echo(
        f"Built {result.page_count} documents into {result.site_dir} with {ENGINE} in "
        f"{result.seconds:.1f} s ({changed}): {len(result.errors)} error(s), "
        f"{len(result.warnings)} warning(s)."
    )


@main.command("verify")
@config_option
@site_dir_option
@click.option("--site-url", envvar="SCO_SITE_URL", help="Override site_url (env SCO_SITE_URL).")
@click.option(
    "--base-path", metavar="PATH", help="Sub-path to serve under (default: site_url's path)."
)
def verify_command(
    config: str, site_dir: str | None, site_url: str | None, base_path: str | None
) -> None:
    """Serve the built site on localhost under its sub-path and follow every link from home.

    Every internal link, image, stylesheet, script, feed and download must answer 200 and every
    #fragment must exist on its page. The exit status is 1 on any problem, each one listed.
    """
    from sco_archive.publish.verify import base_path_for, verify_site

    project = _project(config, None, site_dir, site_url)
    try:
        mkdocs_config = load_project_config(project)
        site = project.site_dir or Path(mkdocs_config.site_dir)
        report = verify_site(site, base_path or base_path_for(mkdocs_config.site_url))
    except ArchiveError as error:
        _fail(str(error), [])
    for problem in report.problems:
        click.echo(str(problem), err=True)
    click.echo(report.summary())
    sys.exit(0 if report.ok else 1)


@main.command("deploy")
@config_option
@speeches_option
@site_dir_option
@click.option("--site-url", envvar="SCO_SITE_URL", help="Override site_url (env SCO_SITE_URL).")
@click.option("--remote", default="origin", show_default=True, help="Git remote, path or URL.")
@click.option("--branch", default="gh-pages", show_default=True, help="Branch to publish to.")
@click.option("--message", "-m", help="Commit message on the branch.")
@click.option("--cname", metavar="DOMAIN", help="Custom domain: writes CNAME, serves from /.")
@click.option("--strict", is_flag=True, help="Refuse to publish on any warning too.")
@click.option("--dry-run", is_flag=True, help="Build and verify; show what would be pushed.")
def deploy_command(
    config: str,
    speeches: str | None,
    site_dir: str | None,
    site_url: str | None,
    remote: str,
    branch: str,
    message: str | None,
    cname: str | None,
    strict: bool,
    dry_run: bool,
) -> None:
    """Build, verify every link under the site's sub-path, and push the site to gh-pages.

    Nothing is pushed when the build has errors, when the verification finds a broken link,
    image, script or #fragment, or when the remote does not exist.
    """
    from sco_archive.publish.deploy import VerificationFailed, publish
    from sco_archive.publish.verify import base_path_for

    if cname and not site_url:
        site_url = f"https://{cname.strip()}/"  # a custom domain serves the site from its root
    project = _project(config, speeches, site_dir, site_url)
    try:
        result = build(project, strict=strict, progress=_progress)
        _report_build(result)
        if result.errors:
            _fail(f"{len(result.errors)} document(s) could not be loaded; nothing was pushed", [])
        base_path = base_path_for(load_project_config(project).site_url)
        published = publish(
            result.site_dir,
            base_path,
            remote=remote,
            branch=branch,
            message=message,
            cname=cname,
            dry_run=dry_run,
        )
    except VerificationFailed as error:
        for problem in error.report.problems:
            click.echo(str(problem), err=True)
        _fail(str(error), [])
    except ArchiveError as error:
        _fail(str(error), getattr(error, "diagnostics", []))
    if published.verification is not None:
        click.echo(published.verification.summary())
    click.echo(published.summary())


def _fail(message: str, diagnostics: list) -> None:
    for diagnostic in diagnostics:
        click.echo(diagnostic.format(), err=True)
    click.echo(f"Error: {message}", err=True)
    sys.exit(1)


@main.command("serve")
@config_option
@click.option("--dev-addr", "-a", metavar="IP:PORT", help="Address to serve on.")
def serve_command(config: str, dev_addr: str | None) -> None:
    """Live preview: edits in speeches/ and docs/ show up without a restart."""
    from mkdocs.commands.serve import serve

    project = _project(config, None)
    # The real path: the OS watches it (see watching.watch_with_events), and inotify
    # hears nothing below a symlink to a folder.
    speeches = speeches_dir(project, load_project_config(project)).resolve()
    options = {"dev_addr": dev_addr} if dev_addr else {}
    _show_mkdocs_progress()
    # Dirty rebuilds re-render only the pages an edit changed.
    serve(str(project.config_file), watch=[str(speeches)], build_type="dirty", **options)


def _show_mkdocs_progress() -> None:
    """Print what the engine's own command line prints ("Serving on …", "Building documentation");
    not the archive's per-document findings, which `check` reports."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    engine_log = ENGINE.logger()  # under ProperDocs, `mkdocs.*` loggers too (engine.activate)
    engine_log.addHandler(handler)
    engine_log.setLevel(logging.INFO)
    logging.getLogger("mkdocs.plugins.sco_archive").setLevel(logging.WARNING)


@main.command("check")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@config_option
@speeches_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="A review report for people, or JSON for programs.",
)
@click.option("--strict", is_flag=True, help="Exit non-zero on any warning too.")
def check_command(
    paths: tuple[Path, ...], config: str, speeches: str | None, output_format: str, strict: bool
) -> None:
    """Load documents without building, and show every field with where it came from.

    PATHS are documents or folders anywhere (default: the speeches folder). The exit status is
    non-zero when a document cannot be loaded, and with --strict when anything is warned about.
    """
    try:
        corpus = load_project(_project(config, speeches), paths=paths).corpus
    except ArchiveError as error:
        _fail(str(error), [])
    pages, clashes = plan_pages(corpus.documents)
    # Translations name other documents: known once every page is planned.
    clashes += find_translations(pages).diagnostics
    if output_format == "json":
        click.echo(json.dumps(json_records(corpus), ensure_ascii=False, indent=2))
    else:
        click.echo(text_report(corpus, clashes))
    everything = corpus.all_diagnostics() + clashes
    failed = any(d.severity is Severity.ERROR for d in everything) or (
        strict and any(d.severity is Severity.WARNING for d in everything)
    )
    sys.exit(1 if failed else 0)
