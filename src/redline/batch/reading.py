"""Reading one piece of an archive into documents, through the ingest readers.

Whole files go through `iter_sources`, exactly as `redline ingest` reads them. Ranges of JSON
Lines and Parquet row groups go through `read_jsonl`, so a record is checked the same way
whichever container it came in; line and row numbers in origins count from the start of the
file, as ingest's do.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from redline.batch.shards import Piece
from redline.errors import IngestError
from redline.ingest import IngestLimits, IngestProblem, iter_sources
from redline.ingest.content import decode_text
from redline.ingest.document import Provenance
from redline.ingest.files import fallback_title, os_reason
from redline.ingest.jsonl import read_jsonl
from redline.ingest.limits import too_large_reason
from redline.models import Document

Item = Document | IngestProblem
# Parquet columns read as document fields; any others are ignored.
PARQUET_FIELDS = (
    "text",
    "body",
    "title",
    "source",
    "source_country",
    "url",
    "published_at",
    "date",
)


def read_piece(piece: Piece, limits: IngestLimits) -> Iterator[Item]:
    """The documents (and problems) in one piece; never raises for bad input."""
    if piece.kind == "file":
        for item in iter_sources([piece.path], limits):
            yield _renamed(item, piece.path, piece.origin)
        return
    try:
        if piece.kind == "jsonl":
            text = _jsonl_text(piece, limits)
        else:
            text = _parquet_text(piece)
    except IngestError as exc:
        yield IngestProblem.error(f"{piece.origin}:{piece.first}", exc.message)
        return
    provenance = Provenance(
        origin=piece.origin,
        fetched_at=datetime.now(UTC),
        fallback_date=datetime.fromtimestamp(piece.mtime_ns / 1e9, tz=UTC),
        fallback_title=fallback_title(Path(piece.origin).name),
    )
    for item in read_jsonl(text, provenance):
        yield _renumbered(item, piece.origin, piece.first - 1)


def _jsonl_text(piece: Piece, limits: IngestLimits) -> str:
    """The piece's lines; a line over `max_bytes` is blanked (and refused by the caller)."""
    try:
        with open(piece.path, "rb") as handle:
            handle.seek(piece.start)
            data = handle.read(piece.stop - piece.start)
    except OSError as exc:
        raise IngestError(os_reason(exc)) from exc
    if len(data) > limits.max_bytes and any(
        len(line) > limits.max_bytes for line in data.split(b"\n")
    ):
        raise IngestError(too_large_reason("line", None, limits.max_bytes))
    return decode_text(data, "file")


def _parquet_text(piece: Piece) -> str:
    """The row group as JSON lines of the document fields, for `read_jsonl` to check."""
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(piece.path)
        names = [n for n in parquet.schema_arrow.names if n in PARQUET_FIELDS]
        rows = parquet.read_row_group(piece.start, columns=names).to_pylist()
    except OSError as exc:
        raise IngestError(os_reason(exc)) from exc
    except Exception as exc:  # pyarrow's own error types
        raise IngestError(f"cannot read Parquet row group {piece.start}: {exc}") from exc
    return "\n".join(json.dumps(row, default=_json_value) for row in rows) or "\n"


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _renamed(item: Item, path: str, origin: str) -> Item:
    """The item with the absolute path it was read from replaced by the path as named."""
    if item.origin.startswith(path):
        return dataclasses.replace(item, origin=origin + item.origin[len(path) :])
    return item


def _renumbered(item: Item, origin: str, offset: int) -> Item:
    """`origin:N` counted from the piece's first line made `origin:N+offset`."""
    head, _, number = item.origin.rpartition(":")
    if head == origin and number.isdigit():
        return dataclasses.replace(item, origin=f"{origin}:{int(number) + offset}")
    return item
