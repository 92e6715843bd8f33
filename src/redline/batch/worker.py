"""What a Dask worker runs: code one shard and write its Parquet files and done-marker.

This module is imported by the worker processes (on a remote cluster they need redline
installed). The pipeline is built on a worker's first task and kept for its lifetime
(`cached_pipeline`), so the model is loaded once per worker, not once per shard. A shard's
files are written under temporary names and renamed; `done.json` is written last, so a shard
with a done-marker is complete and a crash at any point leaves either that or nothing usable.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from redline.batch.columns import (
    DOCUMENT_SCHEMA,
    DOCUMENTS_FILE,
    EVENT_SCHEMA,
    EVENTS_FILE,
    document_record,
    event_records,
    write_atomic,
    write_table,
)
from redline.batch.reading import read_piece
from redline.batch.shards import Shard
from redline.ingest import IngestLimits, IngestProblem
from redline.models import Document, Event
from redline.pipeline import Pipeline, PipelineConfig, build_pipeline

DONE_FILE = "done.json"
_loads = {"count": 0}


@dataclass(frozen=True)
class WorkerOptions:
    """How workers read and code: sent with every task (small and picklable)."""

    config: PipelineConfig = field(default_factory=PipelineConfig)
    limits: IngestLimits = field(default_factory=IngestLimits)


@lru_cache(maxsize=2)
def cached_pipeline(config: PipelineConfig) -> Pipeline:
    """The pipeline for `config`, built on first use in this process and kept."""
    _loads["count"] += 1
    return build_pipeline(config)


def worker_state() -> dict[str, int]:
    """This process's id and how many times it built a pipeline (1 after any number of shards)."""
    return {"pid": os.getpid(), "pipeline_loads": _loads["count"]}


def shard_dir(out_dir: Path, shard: Shard) -> Path:
    """Where a shard's files go: `shards/<id>/` under the output directory."""
    return out_dir / "shards" / shard.id


def read_done(directory: Path) -> dict[str, Any] | None:
    """A finished shard's summary, or None when the shard is not (completely) done."""
    try:
        summary: dict[str, Any] = json.loads((directory / DONE_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return summary


def code_shard(shard: Shard, out_dir: str, options: WorkerOptions) -> dict[str, Any]:
    """Read, code and write one shard; a shard already done is not redone.

    Returns the shard's summary (also its `done.json`): counts, the problems met (each naming
    its input) and the seconds spent.
    """
    directory = shard_dir(Path(out_dir), shard)
    done = read_done(directory)
    if done is not None:
        return done
    started = time.perf_counter()
    sightings: list[Document] = []
    problems: list[IngestProblem] = []
    for piece in shard.pieces:
        for item in read_piece(piece, options.limits):
            if isinstance(item, IngestProblem):
                problems.append(item)
            else:
                sightings.append(item)
    # Each distinct text is coded once; its other sightings become copies when loaded.
    distinct: dict[str, Document] = {}
    for doc in sightings:
        distinct.setdefault(doc.id, doc)
    coded: list[Event] = []
    if distinct:
        pipeline = cached_pipeline(options.config)
        for work in pipeline.process(distinct.values()):
            coded.extend(work.events)
    directory.mkdir(parents=True, exist_ok=True)
    write_table(
        [document_record(d) for d in sightings], DOCUMENT_SCHEMA, directory / DOCUMENTS_FILE
    )
    write_table(event_records(coded), EVENT_SCHEMA, directory / EVENTS_FILE)
    summary = {
        "shard": shard.id,
        "index": shard.index,
        "label": shard.label,
        "documents": len(sightings),
        "distinct": len(distinct),
        "events": len(coded),
        "problems": [[p.origin, p.reason, p.severity] for p in problems],
        "seconds": round(time.perf_counter() - started, 3),
        "worker": worker_state(),
    }
    write_atomic(directory / DONE_FILE, json.dumps(summary, indent=1))
    return summary
