"""The Parquet event files of a batch: their schemas and atomic writing.

Columns are the store's own (`documents` and `events` tables, see docs/scale.md for the
dictionary), so loading a shard is a plain insert of its rows, and DuckDB or pandas read the
files without redline.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from redline.models import Document, Event
from redline.store.records import event_row

_UTC = pa.timestamp("us", tz="UTC")

DOCUMENT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("title", pa.string()),
        ("body", pa.string()),
        ("source", pa.string()),
        ("source_country", pa.string()),
        ("url", pa.string()),
        ("published_at", _UTC),
        ("language", pa.string()),
        ("fetched_at", _UTC),
        ("origin", pa.string()),
    ]
)

EVENT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("doc_id", pa.string()),
        ("sentence", pa.int32()),
        ("type", pa.string()),
        ("mode", pa.string()),
        ("contexts", pa.string()),
        *[
            (f"{side}_{name}", pa.string())
            for side in ("source", "target")
            for name in ("code", "country", "sector", "person", "text")
        ],
        ("event_date", pa.date32()),
        ("date_precision", pa.string()),
        ("date_expression", pa.string()),
        ("modality", pa.string()),
        ("attribution", pa.string()),
        ("intensity", pa.float64()),
        ("cameo", pa.string()),
        ("confidence", pa.float64()),
        ("trigger", pa.string()),
        ("ev_start", pa.int32()),
        ("ev_end", pa.int32()),
        ("ev_text", pa.string()),
        ("trigger_start", pa.int32()),
        ("trigger_end", pa.int32()),
    ]
)

DOCUMENTS_FILE = "documents.parquet"
EVENTS_FILE = "events.parquet"


def document_record(doc: Document) -> dict[str, Any]:
    """A document as a row of `DOCUMENT_SCHEMA`."""
    return {name: getattr(doc, name) for name in DOCUMENT_SCHEMA.names}


def event_records(events: Sequence[Event]) -> list[dict[str, Any]]:
    """Events as rows of `EVENT_SCHEMA` (the store's `events` rows)."""
    return [event_row(e) for e in events]


def write_table(
    rows: Sequence[dict[str, Any]], schema: pa.Schema, path: Path, compression: str = "zstd"
) -> None:
    """Write `rows` to `path` all at once: readers see the old file or the whole new one."""
    table = pa.Table.from_pylist(list(rows), schema=schema)
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, partial, compression=compression)
    _sync_and_replace(partial, path)


def read_rows(path: Path) -> list[dict[str, Any]]:
    """The rows of a Parquet file as dicts (timestamps aware, in UTC)."""
    rows: list[dict[str, Any]] = pq.read_table(path).to_pylist()
    return rows


def write_atomic(path: Path, text: str) -> None:
    """Write a small text file so that a crash leaves the old content or the new, never half."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.write_text(text, encoding="utf-8")
    _sync_and_replace(partial, path)


def _sync_and_replace(partial: Path, path: Path) -> None:
    """fsync the new file, rename it over the old one, and fsync the directory entry."""
    with open(partial, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, path)
    try:
        directory = os.open(path.parent, os.O_RDONLY)
    except OSError:  # some platforms cannot open a directory; the rename is still atomic
        return
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
