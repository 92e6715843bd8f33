"""Run a batch: plan shards, code the unfinished ones on Dask, load them in order, refresh.

The driver (this process) plans, submits and loads; workers only read inputs and write Parquet.
Shards are loaded in plan order as soon as every shard before them is done, so the store sees
documents in the order `redline ingest` would: the first sighting of a text is the one stored
with its events, whichever worker finished first.
"""

from __future__ import annotations

import fcntl
import importlib
import logging
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redline.batch.load import Ledger, LoadCounts, load_shard
from redline.batch.shards import Shard, plan_shards
from redline.batch.worker import WorkerOptions, code_shard, read_done, shard_dir
from redline.errors import ConfigError
from redline.ingest import IngestLimits, IngestProblem
from redline.pipeline import PipelineConfig
from redline.redlines.service import update
from redline.store import Store

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class BatchOptions:
    """How a batch runs."""

    out_dir: Path
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    scheduler: str | None = None
    shard_size: int = 200
    limits: IngestLimits = field(default_factory=IngestLimits)
    config: PipelineConfig = field(default_factory=PipelineConfig)
    refresh: bool = True  # evaluate red-line rules after loading


@dataclass
class BatchReport:
    """What a batch run did."""

    shards: int = 0
    reused: int = 0  # coded by an earlier run
    coded: int = 0
    loaded: int = 0
    documents: int = 0  # documents read, over every shard of the plan
    counts: LoadCounts = field(default_factory=LoadCounts)
    failures: list[tuple[str, str]] = field(default_factory=list)
    problems: list[IngestProblem] = field(default_factory=list)
    warnings: list[IngestProblem] = field(default_factory=list)
    refreshed: bool = False


class Progress:
    """Callbacks for a progress display; the default shows nothing."""

    def planned(self, shards: int, to_code: int, to_load: int) -> None:
        """The plan is made: how many shards in all, to code and to load."""

    def coded(self, shard: Shard, summary: dict[str, Any] | None) -> None:
        """A shard was coded (summary) or failed (None)."""

    def loaded(self, shard: Shard, counts: LoadCounts) -> None:
        """A shard was loaded into the store."""

    def refreshing(self) -> None:
        """Red-line rules are being evaluated."""


def run_batch(
    targets: Iterable[str], store: Store, options: BatchOptions, progress: Progress | None = None
) -> BatchReport:
    """Code `targets` on Dask into Parquet under `options.out_dir` and load them into `store`."""
    progress = progress or Progress()
    if options.shard_size < 1 or options.workers < 1:
        raise ConfigError("--shard-size and --workers must be at least 1")
    out = options.out_dir.absolute()
    (out / "shards").mkdir(parents=True, exist_ok=True)
    with _exclusive(out):
        return _run(targets, store, options, progress, out)


@contextmanager
def _exclusive(out: Path) -> Iterator[None]:
    """Hold a lock on `out` for the run: two batches writing one ledger would corrupt it."""
    with (out / "lock").open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise ConfigError(
                f"another `redline batch` is running with --out {out}; wait for it to finish "
                "or give another --out"
            ) from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _run(
    targets: Iterable[str], store: Store, options: BatchOptions, progress: Progress, out: Path
) -> BatchReport:
    """The batch itself, under the lock on `out`."""
    shards, planning = plan_shards(targets, options.shard_size)
    ledger = Ledger(out, store)
    report = BatchReport(shards=len(shards))
    summaries: dict[int, dict[str, Any]] = {}
    for shard in shards:
        if (done := read_done(shard_dir(out, shard))) is not None:
            summaries[shard.index] = done
    report.reused = len(summaries)
    to_code = [s for s in shards if s.index not in summaries]
    to_load = [s for s in shards if not ledger.is_loaded(s.id)]
    failed: set[int] = set()
    progress.planned(len(shards), len(to_code), len(to_load))

    def load_ready() -> None:
        """Load the shards at the head of the queue whose coding has finished."""
        while to_load and (to_load[0].index in summaries or to_load[0].index in failed):
            shard = to_load.pop(0)
            if shard.index in failed:
                continue
            counts = load_shard(store, shard_dir(out, shard))
            ledger.mark_loaded(shard.id, counts)
            report.counts.add(counts)
            report.loaded += 1
            progress.loaded(shard, counts)

    load_ready()
    if to_code:
        with _client(options) as client:
            dask: Any = importlib.import_module("distributed")
            worker_options = WorkerOptions(options.config, options.limits)
            futures = {
                client.submit(code_shard, s, str(out), worker_options, pure=False): s
                for s in to_code
            }
            for future in dask.as_completed(futures):
                shard = futures.pop(future)
                try:
                    summaries[shard.index] = future.result()
                    report.coded += 1
                    progress.coded(shard, summaries[shard.index])
                except Exception as exc:  # a worker's error or death: report, go on
                    failed.add(shard.index)
                    report.failures.append((shard.label, f"{type(exc).__name__}: {exc}"))
                    progress.coded(shard, None)
                future.release()
                load_ready()
    load_ready()
    _collect(report, planning, summaries)
    if options.refresh and ledger.refresh_needed():
        progress.refreshing()
        update(store)
        ledger.mark_refreshed()
        report.refreshed = True
    return report


def _collect(
    report: BatchReport, planning: list[IngestProblem], summaries: dict[int, dict[str, Any]]
) -> None:
    """Problems of the plan and of every shard, in plan order, split into errors and warnings."""
    found = list(planning)
    for index in sorted(summaries):
        summary = summaries[index]
        report.documents += int(summary["documents"])
        found.extend(IngestProblem(*problem) for problem in summary["problems"])
    report.problems = [p for p in found if p.severity != "warning"]
    report.warnings = [p for p in found if p.severity == "warning"]


@contextmanager
def _client(options: BatchOptions) -> Iterator[Any]:
    """A Dask client: on the cluster at `options.scheduler`, else on a new local cluster."""
    # distributed is only partly typed: reach it through Any.
    dask: Any = importlib.import_module("distributed")
    # Its loggers are set to INFO and propagate to the CLI's handler: keep them to errors
    # unless the user asked for more (-v).
    root = logging.getLogger().getEffectiveLevel()
    logging.getLogger("distributed").setLevel(logging.ERROR if root >= logging.WARNING else root)
    if options.scheduler:
        try:
            client = dask.Client(options.scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise ConfigError(
                f"cannot reach the Dask scheduler at {options.scheduler}: {exc}"
            ) from exc
        try:
            yield client
        finally:
            client.close()
        return
    cluster = dask.LocalCluster(
        n_workers=options.workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    try:
        with dask.Client(cluster) as client:
            yield client
    finally:
        cluster.close()
