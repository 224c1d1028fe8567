"""A speech page's body reaches MkDocs as HTML (plugin.on_page_markdown skips Python-Markdown):
it is the HTML Python-Markdown would have made of the Markdown in docs/, on the shipped
speeches and on a generated corpus."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from sco_archive.build.run import _load_and_plan
from sco_archive.project import Project
from sco_archive.write.speech_pages import render_body

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

from generate_corpus import generate  # noqa: E402


def _seeds(folder: Path) -> None:
    shutil.copytree(REPO / "speeches", folder)


def _generated(folder: Path) -> None:
    generate(folder, 150, 7)


@pytest.mark.parametrize("corpus", [_seeds, _generated])
def test_a_speech_body_is_the_html_python_markdown_makes_of_it(tmp_path: Path, corpus) -> None:
    corpus(tmp_path / "speeches")
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "docs").mkdir()
    project = Project(tmp_path / "mkdocs.yml", use_cache=False, incremental=False)
    config, _, generated = _load_and_plan(project)
    assert generated.pages
    for page in generated.pages:
        body = render_body(page.document)
        # What docs/ holds below the front matter, rendered as MkDocs renders a page it reads:
        # its own extensions (links, anchors) and mkdocs.yml's (toc with permalinks, attr_list).
        assert generated.files[page.src_uri].endswith(f"\n---\n\n{body}\n")
        source = tmp_path / "docs" / page.src_uri
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(body, encoding="utf-8")
        file = File(page.src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
        rendered = Page(None, file, config)
        rendered.markdown = body
        rendered.render(config, Files([file]))
        assert rendered.content == body, page.src_uri
