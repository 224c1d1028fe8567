"""The document cache `serve` keeps in memory: what one rebuild loaded, the next reuses."""

from __future__ import annotations

from pathlib import Path

from sco_archive.loader import DocumentCache, load_corpus

DOCUMENT = "---\ntitle: Remarks on trade\ndate: 2020-05-04\n---\n\nWe discussed trade.\n"


def load(folder: Path, cache: DocumentCache):
    try:
        return load_corpus(folder, cache=cache)
    finally:
        cache.close()


def test_a_rebuild_takes_documents_from_the_last_ones_memory_not_from_disk(tmp_path: Path):
    speeches = tmp_path / "speeches"
    speeches.mkdir()
    (speeches / "a.md").write_text(DOCUMENT, encoding="utf-8")
    first = DocumentCache(tmp_path / "one.sqlite")
    load(speeches, first)
    # An empty database: whatever the second load finds, it found in the first one's memory.
    second = DocumentCache(tmp_path / "two.sqlite", first.seen)
    corpus = load(speeches, second)
    assert corpus.reloaded == []
    assert [d.title for d in corpus.documents] == ["Remarks on trade"]


def test_memory_holds_this_loads_documents_only(tmp_path: Path):
    speeches = tmp_path / "speeches"
    speeches.mkdir()
    (speeches / "a.md").write_text(DOCUMENT, encoding="utf-8")
    first = DocumentCache(tmp_path / "cache.sqlite")
    load(speeches, first)
    (speeches / "a.md").write_text(DOCUMENT.replace("trade", "transport"), encoding="utf-8")
    second = DocumentCache(tmp_path / "cache.sqlite", first.seen)
    corpus = load(speeches, second)
    assert corpus.reloaded == ["a.md"]  # the edit is a new key: loaded again
    assert [d.title for d in second.seen.values()] == ["Remarks on transport"]
