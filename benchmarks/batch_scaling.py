"""`redline batch` on 1 and on 2 Dask workers: the speed-up and each worker's peak memory.

The same synthetic archive (~400-word articles) is coded and loaded into a fresh SQLite store
by a local cluster of 1, then 2, worker processes (one thread each), alternating, `--repeats`
times. Two times are taken per run: warm (workers started and the model loaded before the
clock starts: the steady-state rate that decides an archive's time) and cold (cluster start and
model loading included). Peak memory is each worker process's maximum resident set size.

    python benchmarks/batch_scaling.py --n 800 --repeats 3
Bars (issue 7): warm speed-up of 2 workers over 1 >= 1.7; peak memory per worker < 1 GB.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import resource
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import distributed

from redline.batch import BatchOptions, run_batch
from redline.batch.synthetic import write_archive
from redline.batch.worker import cached_pipeline
from redline.pipeline import PipelineConfig
from redline.store import open_store

RESULTS = Path(__file__).parent / "results"


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def warm_up() -> int:
    """Load the pipeline in a worker before timing."""
    cached_pipeline(PipelineConfig())
    return os.getpid()


def one_run(archive: Path, workers: int, shard_size: int, tmp: Path) -> dict[str, Any]:
    """Code the archive on `workers` workers; times, counts and per-worker peak memory."""
    started = time.perf_counter()
    dask: Any = distributed  # only partly typed
    with (
        dask.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        dask.Client(cluster) as client,
    ):
        client.run(warm_up)
        warm_start = time.perf_counter()
        out = tmp / f"out-{workers}-{time.monotonic_ns()}"
        store = open_store(f"sqlite:///{out}.db")
        options = BatchOptions(
            out_dir=out, scheduler=cluster.scheduler_address, shard_size=shard_size
        )
        report = run_batch([str(archive)], store, options)
        finished = time.perf_counter()
        peaks = client.run(peak_rss_mb)
        store.engine.dispose()
    assert report.failures == [] and report.problems == [], (report.failures, report.problems)
    return {
        "workers": workers,
        "warm_seconds": finished - warm_start,
        "cold_seconds": finished - started,
        "documents": report.counts.new,
        "events": report.counts.events,
        "worker_peak_rss_mb": sorted(round(v, 1) for v in peaks.values()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=800, help="articles (default 800)")
    parser.add_argument("--shard-size", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", type=Path, default=RESULTS / "batch_scaling.json")
    args = parser.parse_args()

    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        archive = tmp / "archive"
        write_archive(archive, args.n, per_file=max(args.n // 4, 1))
        for _ in range(args.repeats):
            for workers in (1, 2):
                runs.append(one_run(archive, workers, args.shard_size, tmp))
                print({k: v for k, v in runs[-1].items()})
    medians = {
        w: {
            key: statistics.median(r[key] for r in runs if r["workers"] == w)
            for key in ("warm_seconds", "cold_seconds")
        }
        for w in (1, 2)
    }
    peak = max(v for r in runs for v in r["worker_peak_rss_mb"])
    result = {
        "benchmark": "batch_scaling",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "articles": args.n,
        "shard_size": args.shard_size,
        "repeats": args.repeats,
        "runs": runs,
        "median_seconds": medians,
        "articles_per_second_warm": {
            w: round(args.n / m["warm_seconds"], 2) for w, m in medians.items()
        },
        "speedup_2_over_1_warm": round(medians[1]["warm_seconds"] / medians[2]["warm_seconds"], 3),
        "speedup_2_over_1_cold": round(medians[1]["cold_seconds"] / medians[2]["cold_seconds"], 3),
        "worker_peak_rss_mb_max": round(peak, 1),
        "bars": {"speedup": 1.7, "worker_peak_rss_mb": 1000},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(
        f"speed-up {result['speedup_2_over_1_warm']} warm, {result['speedup_2_over_1_cold']} cold; "
        f"peak worker memory {result['worker_peak_rss_mb_max']} MB -> {args.out}"
    )


if __name__ == "__main__":
    main()
