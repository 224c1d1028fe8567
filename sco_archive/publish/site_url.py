"""Where the site will be published: `site_url` as configured, the GitHub Pages address of a
GitHub clone when mkdocs.yml holds only a placeholder, or not known at all.

A citation or a canonical link must never name a made-up domain. MkDocs itself still needs a
`site_url` (the sub-path `serve` mounts the site on, the 404 page's links), so a placeholder
that cannot be replaced stays in the configuration, and what the site tells its readers
(citations, canonical links, the downloads' and the feed's links) is the path alone.
"""

from __future__ import annotations

import functools
import logging
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

# Not the plugin's logger, which the command line keeps to warnings: this is said at INFO.
log = logging.getLogger("mkdocs.sco_archive.site_url")

# Hosts that name no site: the shipped example's, and the top-level domains RFC 2606 keeps from
# ever existing. (example.org and the like are left alone: tests and docs choose them on purpose.)
_PLACEHOLDER_HOST = re.compile(r"^example\.github\.io$|\.(?:example|invalid)$")
# git@github.com:OWNER/REPO.git, https://github.com/OWNER/REPO, ssh://git@github.com/OWNER/REPO
_GITHUB_REMOTE = re.compile(
    r"^(?:https?://(?:[^@/]+@)?|ssh://git@|git@)github\.com[:/]"
    r"(?P<owner>[\w.-]+)/(?P<repo>[\w.-]+?)(?:\.git)?/?$"
)


def is_placeholder(site_url: str | None) -> bool:
    """A `site_url` of no real host: `https://example.github.io/sco-archive/`."""
    host = (urlsplit(site_url or "").hostname or "").lower()
    return bool(_PLACEHOLDER_HOST.search(host))


def github_pages_url(remote: str) -> str | None:
    """`https://OWNER.github.io/REPO/` for a GitHub remote (`OWNER.github.io` is served at
    the root); None for any other remote."""
    found = _GITHUB_REMOTE.match(remote.strip())
    if found is None:
        return None
    owner, repo = found["owner"].lower(), found["repo"]
    if repo.lower() == f"{owner}.github.io":
        return f"https://{owner}.github.io/"
    return f"https://{owner}.github.io/{repo}/"


@functools.lru_cache(maxsize=16)  # asked by every load of the configuration; one git run each
def origin_remote(root: Path) -> str:
    """The URL of the git remote `origin` of the checkout at `root`, or "" without one."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "config", "--get", "remote.origin.url"],
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def resolve_site_url(config: MkDocsConfig, root: Path) -> None:
    """Replace a placeholder `site_url` by the clone's GitHub Pages address, and say once what
    the site's readers will be given."""
    site_url = config.site_url
    if not is_placeholder(site_url):
        return
    derived = github_pages_url(origin_remote(root))
    _say_once(str(root), site_url or "", derived)
    if derived is not None:
        config.site_url = derived


@functools.lru_cache(maxsize=16)  # once per project and setting, however many builds `serve` runs
def _say_once(_root: str, placeholder: str, derived: str | None) -> None:
    if derived is not None:
        log.info(f"site_url {placeholder} is a placeholder: using {derived}, from git's origin")
    else:
        log.info(unknown_site_note(placeholder))


def unknown_site_note(site_url: str | None) -> str | None:
    """What a build tells its maintainer when the site's address is not known."""
    if not is_placeholder(site_url):
        return None
    return (
        f"site_url {site_url} is a placeholder and no GitHub remote 'origin' says where the "
        "site will be published: citations, canonical links and the downloads carry paths "
        "without a domain. Set site_url in mkdocs.yml, or pass --site-url."
    )


def public_url(site_url: str | None) -> str:
    """What readers are given as the site's address: `site_url`, or only its path when it is
    a placeholder (`/sco-archive/`)."""
    if site_url and not is_placeholder(site_url):
        return site_url
    path = urlsplit(site_url or "").path or "/"
    return path if path.endswith("/") else path + "/"
