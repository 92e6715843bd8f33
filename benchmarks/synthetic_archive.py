"""A synthetic archive of `--n` ~400-word articles coded end to end by `redline batch`.

Writes the archive (JSON Lines files of 5,000 articles, `redline.batch.synthetic`), then runs
the batch (local Dask cluster, `--workers` processes) into a SQLite or PostgreSQL store, and
records the time it took: writing, coding and loading the archive (`coding_seconds`, the
sessions added up), then evaluating the red-line rules over the whole store
(`refresh_seconds`, timed in the run that finishes). Resumable: interrupt it (Ctrl-C, kill,
reboot) and run the same command again; finished archive files and shards are kept, and the
seconds of every session are recorded in `<dir>/sessions.json`. The result goes to
benchmarks/results/ when the archive is completely coded, loaded and evaluated.

    python benchmarks/synthetic_archive.py --n 100000 --workers 2 --dir /var/tmp/redline-100k
    python benchmarks/synthetic_archive.py --n 2000 --dir /tmp/synthetic-small   # a quick check
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as Bars

from redline.batch import BatchOptions, run_batch
from redline.batch.synthetic import write_archive
from redline.cli.batch import BarProgress
from redline.ingest import IngestLimits
from redline.redlines.service import update
from redline.store import open_store

RESULTS = Path(__file__).parent / "results"


def load_sessions(path: Path) -> list[dict[str, Any]]:
    try:
        sessions: list[dict[str, Any]] = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return []
    return sessions


def save_sessions(path: Path, sessions: list[dict[str, Any]]) -> None:
    partial = path.with_name(f".{path.name}.tmp")
    partial.write_text(json.dumps(sessions, indent=1) + "\n", encoding="utf-8")
    partial.replace(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles (default 100,000)")
    parser.add_argument("--dir", type=Path, default=Path("synthetic-archive"))
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--shard-size", type=int, default=500)
    parser.add_argument("--db", help="store URL (default: SQLite file in --dir)")
    parser.add_argument("--out", type=Path, default=RESULTS / "synthetic_archive.json")
    args = parser.parse_args()

    console = Console(stderr=True)
    work = args.dir / f"n{args.n}"
    sessions_file = work / "sessions.json"
    sessions = load_sessions(sessions_file)
    session: dict[str, Any] = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "workers": args.workers,
    }
    sessions.append(session)
    start = time.perf_counter()

    with console.status(f"Writing the archive ({args.n:,} articles)..."):
        archive = write_archive(work / "archive", args.n)
    session["archive_seconds"] = round(time.perf_counter() - start, 1)
    save_sessions(sessions_file, sessions)

    store = open_store(args.db or f"sqlite:///{work / 'store.db'}")
    options = BatchOptions(
        out_dir=work / "batch",
        workers=args.workers,
        shard_size=args.shard_size,
        limits=IngestLimits(max_bytes=50_000_000),
        refresh=False,  # timed on its own below
    )
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    batch_start = time.perf_counter()
    try:
        with Bars(*columns, TimeElapsedColumn(), console=console) as bars:
            report = run_batch([str(p) for p in archive], store, options, BarProgress(bars))
    finally:
        session["batch_seconds"] = round(time.perf_counter() - batch_start, 1)
        session["seconds"] = round(time.perf_counter() - start, 1)
        save_sessions(sessions_file, sessions)
    session.update(shards=report.shards, coded=report.coded, loaded=report.loaded)
    save_sessions(sessions_file, sessions)
    if report.failures or report.problems:
        console.print(f"not complete: {report.failures[:3]} {report.problems[:3]}; run again")
        raise SystemExit(1)
    # Red-line evaluation over everything loaded, timed apart from coding and loading. A run
    # killed here does it again from its marks next time; only the finishing run's time counts.
    refresh_start = time.perf_counter()
    with console.status("Evaluating the red-line rules..."):
        update(store)
    session["refresh_seconds"] = round(time.perf_counter() - refresh_start, 1)
    session["seconds"] = round(time.perf_counter() - start, 1)
    save_sessions(sessions_file, sessions)
    counts = store.counts()
    store.engine.dispose()
    coding = sum(s.get("batch_seconds", 0.0) + s.get("archive_seconds", 0.0) for s in sessions)
    refresh_seconds = session["refresh_seconds"]
    total = coding + refresh_seconds
    result = {
        "benchmark": "synthetic_archive",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "articles": args.n,
        "words_per_article": 400,
        "workers": args.workers,
        "shard_size": args.shard_size,
        "store": counts,
        "sessions": sessions,
        "coding_seconds": round(coding, 1),
        "refresh_seconds": refresh_seconds,
        "total_seconds": round(total, 1),
        "hours": round(total / 3600, 2),
        "articles_per_second": round(args.n / total, 2) if total else None,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    console.print(
        f"{args.n:,} articles coded end to end in {total / 3600:.2f} h over {len(sessions)} "
        f"session(s): {counts['documents']:,} documents, {counts['events']:,} events -> {args.out}"
    )


if __name__ == "__main__":
    main()
