"""Property tests: arbitrary text and front matter never crash the loader or the page writer."""

from __future__ import annotations

import html
import tempfile
from pathlib import Path

import frontmatter
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sco_archive.knowledge import load_knowledge
from sco_archive.loader import load_document
from sco_archive.model import METADATA_KEYS, Document
from sco_archive.read.files import UnreadableDocument
from sco_archive.write.speech_pages import front_matter, plan_pages, render_body, render_page
from tests.fidelity import missing_lines

KNOWLEDGE = load_knowledge()
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**12), max_value=10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
    | st.dates().map(str)
)
yaml_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
# Text as people paste it: any characters, biased towards line breaks and markup.
documents = st.lists(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30)
    | st.sampled_from(["\n", "\r\n", "\r", "\n\n", " ", "# ", "* ", "<b>", "{{", "**"]),
    max_size=30,
).map("".join)


def _load(name: str, data: bytes) -> Document | None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            return load_document(path, Path(folder), KNOWLEDGE)
        except UnreadableDocument as failure:
            assert failure.diagnostic.file == name and failure.diagnostic.message
            return None


def _check_page(document: Document, source_body: str) -> None:
    (page,), _ = plan_pages([document])
    text = render_page(page)
    text.encode("utf-8")  # valid UTF-8: no lone surrogates reached the page
    loaded = frontmatter.loads(text)
    assert loaded.metadata == front_matter(page)
    title = html.escape(document.title)
    shown = f'<div class="speech"><h1>{title}</h1>{render_body(document)}</article>'
    assert missing_lines(source_body, shown) == []


@FUZZ
@given(documents)
def test_any_text_loads_or_is_refused_and_keeps_every_word(text: str) -> None:
    document = _load("fuzz.txt", text.encode("utf-8", errors="surrogatepass"))
    if document is not None:
        _check_page(document, text.replace("\r\n", "\n").replace("\r", "\n"))


@FUZZ
@given(st.dictionaries(st.sampled_from(METADATA_KEYS), yaml_values, max_size=6), documents)
def test_any_front_matter_loads_with_problems_reported(meta: dict, body: str) -> None:
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) if meta else ""
    body = body.replace("\r", "")
    if body.lstrip().startswith("---"):
        body = "text\n" + body
    document = _load("fuzz.md", f"---\n{head}---\n{body}".encode("utf-8", errors="surrogatepass"))
    if document is not None:
        _check_page(document, body)


def test_empty_title_is_reported_not_a_crash() -> None:
    document = _load("t.md", b"---\ntitle:\n---\nFirst line\n\nSecond line\n")
    assert document is not None and document.title == "First line"
    assert any(d.code == "bad-value" for d in document.diagnostics)


def test_empty_speaker_over_an_inferred_one_is_not_a_crash() -> None:
    text = b"---\nspeaker:\n---\nRemarks by SCO Secretary-General Vladimir Norov\n\nThank you.\n"
    document = _load("s.md", text)
    assert document is not None and document.value("speaker") is None


def test_a_number_as_title_keeps_the_first_line_as_text() -> None:
    document = _load("n.md", b"---\ntitle: 0\n---\n1\n")
    assert document is not None and document.title == "0"
    assert [p.text for p in document.paragraphs] == ["1"]
