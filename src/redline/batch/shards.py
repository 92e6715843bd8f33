"""Cutting an archive into shards: stable, content-keyed units of work for the workers.

A shard is a list of pieces (a whole file, a byte range of lines in a JSON Lines file, or a row
group of a Parquet file) holding about `shard_size` documents. Its id hashes what it reads
(paths, ranges, sizes and modification times), so the same archive is cut into the same shards
on every run: that is what lets a rerun recognise the shards it finished before a crash.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from redline.ingest.files import iter_files, os_reason
from redline.ingest.problems import IngestProblem

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")
_SCAN_CHUNK = 1 << 20


@dataclass(frozen=True)
class Piece:
    """Part of one input file.

    `kind` is "file" (read whole, by the ingest readers), "jsonl" (lines from byte `start` to
    byte `stop`, the first being line `first`) or "parquet" (row group `start`, whose first row
    is row `first`). `origin` is the path as the user named it: documents carry it, so batch
    and `redline ingest` record the same origins.
    """

    path: str
    origin: str
    kind: str
    start: int = 0
    stop: int = 0
    first: int = 1
    size: int = 0
    mtime_ns: int = 0
    weight: int = 1


@dataclass(frozen=True)
class Shard:
    """Pieces coded together by one task; `index` is its place in the plan (load order)."""

    id: str
    index: int
    pieces: tuple[Piece, ...]

    @property
    def weight(self) -> int:
        """About how many documents the shard holds."""
        return sum(p.weight for p in self.pieces)

    @property
    def label(self) -> str:
        """A short name for messages: the first input it reads."""
        first = self.pieces[0]
        more = f" (+{len(self.pieces) - 1} more)" if len(self.pieces) > 1 else ""
        where = f":{first.first}" if first.kind != "file" else ""
        return f"shard {self.index + 1} ({first.origin}{where}{more})"


def expand_targets(targets: Iterable[str]) -> Iterator[tuple[Path, str] | IngestProblem]:
    """Each input file as (absolute path, path as named); directories are walked like ingest's."""
    for target in targets:
        if not target.strip():
            yield IngestProblem.error(repr(target), "empty path")
            continue
        path = Path(target)
        if "://" in target:
            yield IngestProblem.error(
                target, "batch reads files only; use `redline ingest` for URLs"
            )
        elif path.is_dir():
            for item in iter_files(path):
                if isinstance(item, IngestProblem):
                    yield item
                else:
                    yield item.absolute(), str(item)
        else:  # a missing file is reported with the OS's reason when it is measured
            yield path.absolute(), target


def pieces_of(path: Path, origin: str, shard_size: int) -> list[Piece] | IngestProblem:
    """The pieces of one file; a file that cannot be measured is a problem naming it."""
    try:
        info = path.stat()
        suffix = path.suffix.lower()
        base = Piece(str(path), origin, "file", size=info.st_size, mtime_ns=info.st_mtime_ns)
        if suffix in JSONL_SUFFIXES:
            return _jsonl_pieces(base, shard_size)
        if suffix in PARQUET_SUFFIXES:
            return _parquet_pieces(base)
        return [base]
    except OSError as exc:
        return IngestProblem.error(origin, os_reason(exc))
    except Exception as exc:  # pyarrow raises its own types for a file that is not Parquet
        return IngestProblem.error(origin, f"not a readable Parquet file: {exc}")


def _jsonl_pieces(base: Piece, shard_size: int) -> list[Piece]:
    """Byte ranges of at most `shard_size` non-blank lines, cut at line ends."""
    pieces: list[Piece] = []
    start = offset = 0
    first = line = 1
    count = 0
    with open(base.path, "rb") as handle:
        pending = b""
        while chunk := handle.read(_SCAN_CHUNK):
            lines = (pending + chunk).split(b"\n")
            pending = lines.pop()
            for text in lines:
                offset += len(text) + 1
                line += 1
                count += bool(text.strip())
                if count >= shard_size:
                    pieces.append(_range(base, start, offset, first, count))
                    start, first, count = offset, line, 0
        offset += len(pending)
        count += bool(pending.strip())
    if count or not pieces:
        pieces.append(_range(base, start, offset, first, max(count, 1)))
    return pieces


def _range(base: Piece, start: int, stop: int, first: int, weight: int) -> Piece:
    return Piece(
        base.path,
        base.origin,
        "jsonl",
        start,
        stop,
        first,
        base.size,
        base.mtime_ns,
        weight,
    )


def _parquet_pieces(base: Piece) -> list[Piece]:
    import pyarrow.parquet as pq

    metadata = pq.ParquetFile(base.path).metadata
    pieces = []
    row = 1
    for group in range(metadata.num_row_groups):
        rows = metadata.row_group(group).num_rows
        pieces.append(
            Piece(
                base.path,
                base.origin,
                "parquet",
                group,
                group + 1,
                row,
                base.size,
                base.mtime_ns,
                max(rows, 1),
            )
        )
        row += rows
    return pieces


def plan_shards(targets: Iterable[str], shard_size: int) -> tuple[list[Shard], list[IngestProblem]]:
    """Cut the inputs into shards of about `shard_size` documents, in the order ingest reads."""
    shards: list[Shard] = []
    problems: list[IngestProblem] = []
    current: list[Piece] = []

    def close() -> None:
        if current:
            shards.append(_shard(len(shards), current))
            current.clear()

    for item in expand_targets(targets):
        if isinstance(item, IngestProblem):
            problems.append(item)
            continue
        found = pieces_of(*item, shard_size)
        if isinstance(found, IngestProblem):
            problems.append(found)
            continue
        for piece in found:
            if current and sum(p.weight for p in current) + piece.weight > shard_size:
                close()
            current.append(piece)
    close()
    return shards, problems


def _shard(index: int, pieces: list[Piece]) -> Shard:
    key = json.dumps([asdict(p) for p in pieces], sort_keys=True).encode("utf-8")
    return Shard(hashlib.sha256(key).hexdigest()[:20], index, tuple(pieces))


def read_list_file(path: str) -> list[str]:
    """Paths listed one per line in `path` ("-": standard input), skipping blanks and #-lines."""
    if path == "-":
        import sys

        lines = sys.stdin.read().splitlines()
    else:
        with open(os.fspath(path), encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
