"""The document cache `serve` keeps in memory: what one rebuild loaded, the next reuses."""

from __future__ import annotations

import os
import time
from pathlib import Path

from sco_archive.cache import documents
from sco_archive.cache.documents import DocumentCache
from sco_archive.loader import load_corpus
from sco_archive.model import Document, remembered

DOCUMENT = "---\ntitle: Remarks on trade\ndate: 2020-05-04\n---\n\nWe discussed trade.\n"


def _speeches(tmp_path: Path, *names: str) -> Path:
    """A speeches/ folder with the same short document under each name."""
    speeches = tmp_path / "speeches"
    speeches.mkdir()
    for name in names:
        (speeches / name).write_text(DOCUMENT, encoding="utf-8")
    return speeches


def load(folder: Path, cache: DocumentCache):
    try:
        return load_corpus(folder, cache=cache)
    finally:
        cache.close()


def test_a_rebuild_takes_documents_from_the_last_ones_memory_not_from_disk(tmp_path: Path):
    speeches = _speeches(tmp_path, "a.md")
    first = DocumentCache(tmp_path / "one.sqlite")
    load(speeches, first)
    # An empty database: whatever the second load finds, it found in the first one's memory.
    second = DocumentCache(tmp_path / "two.sqlite", first.seen)
    corpus = load(speeches, second)
    assert corpus.reloaded == []
    assert [d.title for d in corpus.documents] == ["Remarks on trade"]


def test_memory_holds_this_loads_documents_only(tmp_path: Path):
    speeches = _speeches(tmp_path, "a.md")
    first = DocumentCache(tmp_path / "cache.sqlite")
    load(speeches, first)
    (speeches / "a.md").write_text(DOCUMENT.replace("trade", "transport"), encoding="utf-8")
    second = DocumentCache(tmp_path / "cache.sqlite", first.seen)
    corpus = load(speeches, second)
    assert corpus.reloaded == ["a.md"]  # the edit is a new key: loaded again
    assert [d.title for d in second.seen.values()] == ["Remarks on transport"]


def _settled(path: Path) -> None:
    """Date the file back a minute, as if written long before the load that reads it."""
    os.utime(path, ns=(time.time_ns() - 60 * 10**9,) * 2)


def _load_counting_reads(speeches: Path, cache: DocumentCache, monkeypatch) -> list[str]:
    """The files whose bytes the load read to compute cache keys."""
    read: list[str] = []
    real = documents.cache_key

    def counting(path, *rest):
        read.append(path.name)
        return real(path, *rest)

    monkeypatch.setattr(documents, "cache_key", counting)
    load(speeches, cache)
    return read


def test_a_rebuild_reads_only_the_files_changed_since_the_last(tmp_path: Path, monkeypatch):
    speeches = _speeches(tmp_path, "a.md", "b.md", "c.md")
    for name in ("a.md", "b.md", "c.md"):
        _settled(speeches / name)
    first = DocumentCache(tmp_path / "cache.sqlite")
    assert _load_counting_reads(speeches, first, monkeypatch) == ["a.md", "b.md", "c.md"]
    # Same size, new time: an edit the stamp must not miss. A new sidecar changes b.md's.
    (speeches / "a.md").write_text(DOCUMENT.replace("trade", "roads"), encoding="utf-8")
    _settled(speeches / "a.md")
    (speeches / "b.yml").write_text("city: Vienna\n", encoding="utf-8")
    _settled(speeches / "b.yml")
    second = DocumentCache(tmp_path / "cache.sqlite", first.seen, first.stamps)
    assert _load_counting_reads(speeches, second, monkeypatch) == ["a.md", "b.md"]
    titles = sorted(d.title for d in second.seen.values())
    assert titles == ["Remarks on roads", "Remarks on trade", "Remarks on trade"]


def test_a_file_written_just_now_is_read_again_next_time(tmp_path: Path, monkeypatch):
    # Its next write may fall in the same tick of the file system's clock, with the same size.
    speeches = _speeches(tmp_path, "a.md")
    first = DocumentCache(tmp_path / "cache.sqlite")
    load(speeches, first)
    second = DocumentCache(tmp_path / "cache.sqlite", first.seen, first.stamps)
    assert _load_counting_reads(speeches, second, monkeypatch) == ["a.md"]


def test_what_a_build_derived_from_a_document_stays_with_it_but_not_in_the_cache(tmp_path):
    calls = []

    @remembered
    def shout(document: Document, suffix: str) -> str:
        calls.append(suffix)
        return document.title.upper() + suffix

    speeches = _speeches(tmp_path, "a.md")
    first = DocumentCache(tmp_path / "cache.sqlite")
    document = load(speeches, first).documents[0]
    assert [shout(document, "!"), shout(document, "!"), shout(document, "?")] == [
        "REMARKS ON TRADE!",
        "REMARKS ON TRADE!",
        "REMARKS ON TRADE?",
    ]
    assert calls == ["!", "?"]  # once per document and arguments
    # A later process gets the document from the database as it was loaded, not as derived.
    from_disk = load(speeches, DocumentCache(tmp_path / "cache.sqlite")).documents[0]
    assert from_disk is not document and from_disk.derived == {} and from_disk == document
    assert shout(from_disk, "!") == "REMARKS ON TRADE!" and calls == ["!", "?", "!"]
