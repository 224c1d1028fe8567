"""Make Pagefind's index byte-identical from build to build (it writes filters in hash order).

Pagefind writes each filter's values in the order of a Rust hash map, which changes from run
to run (upstream issue Pagefind/pagefind#638: fragments are stable since 1.3, filter and meta
files are not). The browser reads a filter into a map, so the order carries no meaning: we
sort it, and rename each file after its new content, updating the two references to it —
the language's `pf_meta` file and `pagefind-entry.json`. The files are gzip-compressed
`pagefind_dcd` + CBOR; gzip is written with mtime 0, so the bytes depend on content alone.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"
FILTER_HASH_LENGTH = 7  # as Pagefind names them: `en_28a5545.pf_filter`
META_HASH_LENGTH = 10  # `pagefind.en_8942f87efd.pf_meta`


def canonicalize_index(bundle: Path) -> None:
    """Rewrite the Pagefind bundle in `bundle` (e.g. `site/pagefind`) in a canonical order."""
    entry_file = bundle / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        old_meta = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(old_meta)
        # meta[3] lists the filters as [name, file id]; see Pagefind's `MetaIndex`.
        meta[3] = sorted([name, _canonical_filter(bundle / "filter", id_)] for name, id_ in meta[3])
        old_meta.unlink()
        language["hash"] = _write(
            meta, _language(language["hash"]), META_HASH_LENGTH, bundle, "pagefind.", ".pf_meta"
        )
    entry_file.write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )


def _canonical_filter(folder: Path, file_id: str) -> str:
    """Sort one filter file's values by name; return the id of the rewritten file."""
    old = folder / f"{file_id}.pf_filter"
    name, values = _read(old)
    old.unlink()
    return _write(
        [name, sorted(values)], _language(file_id), FILTER_HASH_LENGTH, folder, "", ".pf_filter"
    )


def _language(file_id: str) -> str:
    return file_id.rsplit("_", 1)[0]  # `en_28a5545` -> `en`; `zh-cn_…` -> `zh-cn`


def _read(path: Path) -> list:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise ValueError(f"{path} is not a Pagefind index file (no {SIGNATURE!r} signature)")
    return cbor2.loads(raw[len(SIGNATURE) :])


def _write(data: list, language: str, length: int, folder: Path, head: str, tail: str) -> str:
    """Write `data` as `{folder}/{head}{id}{tail}`, the id naming its content; return the id."""
    payload = SIGNATURE + cbor2.dumps(data)
    file_id = f"{language}_{hashlib.sha256(payload).hexdigest()[:length]}"
    (folder / f"{head}{file_id}{tail}").write_bytes(gzip.compress(payload, mtime=0))
    return file_id
