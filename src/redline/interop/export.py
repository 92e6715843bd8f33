"""Write stored events as Parquet, CSV (+ column dictionary), JSONL or PLOVER JSONL.

Each format is readable without redline: Parquet carries its Arrow schema (dates as date32,
publication as a UTC timestamp, contexts and outlets as lists of strings); CSV has a header
and a dictionary file beside it (`NAME.columns.csv`: column, type, description) and joins
lists with `|`; JSONL is the stable event JSON of `redline events --format jsonl` with a
`document` object; PLOVER uses the manual's field names (see `interop.plover`).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from redline.interop.plover import write_plover
from redline.interop.records import ARROW_SCHEMA, COLUMNS, ExportRecord, flat_row
from redline.serialize import event_json

FORMATS = ("parquet", "csv", "jsonl", "plover")
BATCH = 10_000


def dictionary_path(path: Path) -> Path:
    """Where the CSV column dictionary goes: `events.csv` -> `events.columns.csv`."""
    return path.with_name(f"{path.stem}.columns.csv")


def type_name(kind: pa.DataType) -> str:
    """A column type as a reader of the CSV sees it."""
    if pa.types.is_list(kind):
        return "list of strings, joined with |"
    if pa.types.is_date(kind):
        return "date (YYYY-MM-DD)"
    if pa.types.is_timestamp(kind):
        return "timestamp (ISO 8601, UTC)"
    if pa.types.is_integer(kind):
        return "integer"
    if pa.types.is_floating(kind):
        return "number"
    return "string"


def write_parquet(records: Iterable[ExportRecord], path: Path) -> int:
    """Typed Parquet, written in row groups of `BATCH` events."""
    count = 0
    with pq.ParquetWriter(path, ARROW_SCHEMA) as writer:
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.append(flat_row(record))
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=ARROW_SCHEMA))
                count += len(batch)
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=ARROW_SCHEMA))
            count += len(batch)
    return count


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "|".join(str(v) for v in value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def write_csv(records: Iterable[ExportRecord], path: Path) -> int:
    """CSV with a header row, and its column dictionary beside it."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([c.name for c in COLUMNS])
        for record in records:
            row = flat_row(record)
            writer.writerow([_cell(row[c.name]) for c in COLUMNS])
            count += 1
    with dictionary_path(path).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["column", "type", "description"])
        for column in COLUMNS:
            writer.writerow([column.name, type_name(column.type), column.description])
    return count


def jsonl_object(record: ExportRecord) -> dict[str, Any]:
    """The stable event JSON with the document's provenance under `document`."""
    doc = record.document
    out = event_json(record.event)
    out["document"] = {
        "id": doc.id,
        "title": doc.title,
        "source": doc.source,
        "url": doc.url,
        "language": doc.language,
        "origin": doc.origin,
        "published": doc.published.isoformat() if doc.published else None,
        "outlets": list(doc.outlets),
    }
    return out


def write_jsonl(records: Iterable[ExportRecord], path: Path) -> int:
    """One JSON object per line."""
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(jsonl_object(record), ensure_ascii=False) + "\n")
            count += 1
    return count


def _plover(records: Iterable[ExportRecord], path: Path) -> int:
    with path.open("w", encoding="utf-8") as handle:
        return write_plover(iter(records), handle)


WRITERS: dict[str, Callable[[Iterable[ExportRecord], Path], int]] = {
    "parquet": write_parquet,
    "csv": write_csv,
    "jsonl": write_jsonl,
    "plover": _plover,
}


def write_export(records: Iterable[ExportRecord], fmt: str, path: Path) -> int:
    """Write `records` to `path` in `fmt` (one of `FORMATS`); the number written."""
    return WRITERS[fmt](records, path)
