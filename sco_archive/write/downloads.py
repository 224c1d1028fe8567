"""Downloads written into the site: speeches.json, speeches.csv, corpus.jsonl and feed.xml."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sco_archive.fs import write_atomically
from sco_archive.model import RECORD_KEYS, document_record
from sco_archive.write.feed import Feed, absolute, atom_feed, feed_xml
from sco_archive.write.originals import write_originals
from sco_archive.write.speech_pages import SpeechPage

SCHEMA_VERSION = 1
EXPORT_FILES = ("speeches.json", "speeches.csv", "corpus.jsonl", "feed.xml")  # in the site root
# The columns of every export, in this order (README: "Data downloads").
EXPORT_KEYS = ("id", "url", *RECORD_KEYS)


def record(page: SpeechPage, site_url: str) -> dict[str, Any]:
    """One document's metadata under EXPORT_KEYS; unknown values are None, topics a list."""
    return {
        "id": page.src_uri.removeprefix("speeches/").removesuffix(".md"),
        "url": absolute(site_url, page.url),
        **document_record(page.document),
    }


def speeches_json(records: list[dict[str, Any]]) -> str:
    data = {"schema_version": SCHEMA_VERSION, "count": len(records), "documents": records}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def speeches_csv(records: list[dict[str, Any]]) -> str:
    """One row per document; topics joined with `;`, unknown values empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_KEYS)
    for r in records:
        writer.writerow(
            ";".join(r[k]) if k == "topics" else ("" if r[k] is None else r[k]) for k in EXPORT_KEYS
        )
    return out.getvalue()


def corpus_jsonl(pages: list[SpeechPage], records: list[dict[str, Any]]) -> str:
    """Metadata plus `text`: the paragraphs as written, separated by a blank line."""
    lines = []
    for page, r in zip(pages, records, strict=True):
        text = "\n\n".join(p.text for p in page.document.paragraphs)
        lines.append(json.dumps({**r, "text": text}, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)


def exports(
    pages: list[SpeechPage], site_url: str, site_name: str, feeds: Sequence[Feed] = ()
) -> dict[str, str]:
    """Every download: its path in the site → its text. The downloads stand in the site root;
    the feeds of speakers, kinds and topics beside their pages."""
    records = [record(p, site_url) for p in pages]
    return {
        "speeches.json": speeches_json(records),
        "speeches.csv": speeches_csv(records),
        "corpus.jsonl": corpus_jsonl(pages, records),
        "feed.xml": atom_feed(pages, site_url, site_name),
        **{feed.path: feed_xml(feed, site_url, site_name) for feed in feeds},
    }


def write_exports(
    site_dir: Path,
    pages: list[SpeechPage],
    site_url: str,
    site_name: str = "SCO Speech Archive",
    feeds: Sequence[Feed] = (),
    speeches: Path | None = None,
) -> None:
    """Every download, and (given the `speeches` folder) every document's original file."""
    for name, content in exports(pages, site_url, site_name, feeds).items():
        # Replaced, not written over: the old file may be a hard link into the live site (an
        # incremental build), or being downloaded from the preview of `serve`.
        write_atomically(Path(site_dir) / name, content)
    if speeches is not None:
        write_originals(Path(site_dir), pages, speeches)
