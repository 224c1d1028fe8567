"""What the plan derived from each document, kept on disk from one `build` to the next."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sco_archive.cache import derived as derived_cache
from sco_archive.cache.derived import DerivedCache
from sco_archive.cache.documents import DocumentCache
from sco_archive.loader import Corpus, load_corpus
from sco_archive.write import related
from sco_archive.write.plan import generate

TEXTS = {
    "trade.md": "---\ntitle: Remarks on trade\ndate: 2020-05-04\n---\n\nWe discussed routes.\n",
    "energy.md": "---\ntitle: Remarks on energy\ndate: 2021-06-15\n---\n\nEnergy and trade.\n",
    "water.md": "---\ntitle: Statement on water\ndate: 2019-03-02\n---\n\nRivers cross borders.\n",
}


@pytest.fixture
def speeches(tmp_path: Path) -> Path:
    folder = tmp_path / "speeches"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def load(speeches: Path) -> Corpus:
    """A load as a new `build` process does it: documents unpickled from the loader's cache."""
    cache = DocumentCache(speeches.parent / "documents.sqlite")
    try:
        return load_corpus(speeches, cache=cache)
    finally:
        cache.close()


def build_plan(speeches: Path) -> tuple[Corpus, dict[str, str]]:
    """Load, restore, plan and keep, as `build` does; the corpus and the planned files."""
    corpus = load(speeches)
    kept = DerivedCache(speeches.parent / "derived.pickle")
    numbers = kept.restore(corpus)
    files = generate(corpus, "SCO Speech Archive", None, None, numbers).files
    kept.save(corpus, numbers)
    return corpus, files


def by_source(corpus: Corpus) -> dict:
    return {d.source: d for d in corpus.documents}


def test_the_next_build_finds_what_was_derived_from_each_unchanged_document(speeches: Path):
    build_plan(speeches)
    corpus = load(speeches)
    DerivedCache(speeches.parent / "derived.pickle").restore(corpus)
    for document in corpus.documents:
        assert document.derived, document.source  # citations, list entries, term counts, …
        assert "words" in vars(document)  # cached properties too


def test_an_edited_document_is_derived_afresh_and_the_others_are_not(speeches: Path, monkeypatch):
    build_plan(speeches)
    (speeches / "trade.md").write_text(TEXTS["trade.md"].replace("routes", "corridors"))
    counted: list[str] = []
    count_terms = related._counts
    monkeypatch.setattr(
        related, "_counts", lambda texts: counted.extend(texts) or count_terms(texts)
    )
    build_plan(speeches)
    assert len(counted) == 1 and "corridors" in counted[0]  # the others' terms were kept
    restored = load(speeches)
    DerivedCache(speeches.parent / "derived.pickle").restore(restored)
    assert all(d.derived for d in restored.documents)  # the edited one's values kept too


def test_kept_values_plan_the_same_pages_as_deriving_everything_again(speeches: Path):
    build_plan(speeches)
    (speeches / "trade.md").write_text(TEXTS["trade.md"].replace("routes", "energy corridors"))
    (speeches / "water.md").unlink()
    (speeches / "rail.md").write_text(
        "---\ntitle: Remarks on rail\ndate: 2022-01-10\n---\n\nRail, energy and trade.\n"
    )
    _, kept_files = build_plan(speeches)
    fresh = generate(load(speeches), "SCO Speech Archive", None, None, None).files
    assert kept_files == fresh


def test_values_of_other_code_are_not_used(speeches: Path, monkeypatch):
    build_plan(speeches)
    monkeypatch.setattr(derived_cache, "code_fingerprint", lambda: "a newer version")
    corpus = load(speeches)
    numbers = DerivedCache(speeches.parent / "derived.pickle").restore(corpus)
    assert all(d.derived == {} for d in corpus.documents)
    assert numbers.terms == []


def test_a_damaged_file_is_ignored_and_everything_derived_again(speeches: Path):
    build_plan(speeches)
    path = speeches.parent / "derived.pickle"
    path.write_bytes(path.read_bytes()[:200])  # as if the disk filled up mid-write
    _, files = build_plan(speeches)
    assert files == generate(load(speeches), "SCO Speech Archive").files
    restored = load(speeches)
    DerivedCache(path).restore(restored)  # the damaged file was replaced by a whole one
    assert all(d.derived for d in restored.documents)


def test_documents_no_longer_in_the_corpus_are_forgotten(speeches: Path):
    build_plan(speeches)
    (speeches / "water.md").unlink()
    build_plan(speeches)
    (speeches / "water.md").write_text(TEXTS["water.md"])
    corpus = load(speeches)
    DerivedCache(speeches.parent / "derived.pickle").restore(corpus)
    assert by_source(corpus)["water.md"].derived == {}


def test_the_file_is_not_written_again_when_nothing_new_was_derived(speeches: Path):
    build_plan(speeches)
    path = speeches.parent / "derived.pickle"
    os.utime(path, ns=(10**18, 10**18))
    build_plan(speeches)
    assert path.stat().st_mtime_ns == 10**18
    (speeches / "water.md").write_text(TEXTS["water.md"] + "\nA new paragraph.\n")
    build_plan(speeches)
    assert path.stat().st_mtime_ns != 10**18
