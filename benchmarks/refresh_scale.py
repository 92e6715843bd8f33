"""Red-line refresh at scale: a full evaluation, then an incremental one after one more shard.

Coding is what makes a big store expensive to build, so a small synthetic archive
(`redline.batch.synthetic`) is coded once, as one batch shard, and kept in `--seed-dir`; the
store is then filled with replicas of that shard (each replica's documents and events get ids
of their own, and its dates move by a few days), loaded with the batch loader. On that store
the benchmark times:

- `full`: `refresh` over the whole store (the first evaluation, as after a batch load);
- `incremental_other_pairs`: `refresh` after loading a shard whose events are all of pairs
  the default rules do not look at (what most of a world-wide news feed is);
- `incremental_rule_pair`: `refresh` after one more replica shard, whose events touch the
  rules' pair (RUS-PRK): that pair is evaluated again as a whole;
- `noop`: nothing arrived; `noop_reading_all_alerts` is `refresh`, which returns every alert
  and so reads the stored ones back (the incremental and no-op runs call `update`, which does
  not: what `redline ingest` calls);
- `forced_full`: `refresh(full=True)`, a full re-evaluation of the same rules.

The machine is shared, so each run records wall-clock seconds and this process's CPU seconds.

    python benchmarks/refresh_scale.py --seed 500 --replicas 2,10
    python benchmarks/refresh_scale.py --seed 500 --replicas 1 --out /tmp/small.json
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import os
import platform
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from redline.batch.columns import (
    DOCUMENT_SCHEMA,
    DOCUMENTS_FILE,
    EVENT_SCHEMA,
    EVENTS_FILE,
    read_rows,
    write_table,
)
from redline.batch.load import load_shard
from redline.batch.shards import plan_shards
from redline.batch.synthetic import write_archive
from redline.batch.worker import WorkerOptions, code_shard, shard_dir
from redline.redlines.repository import AlertRepository
from redline.redlines.service import refresh
from redline.store import Store, open_store

RESULTS = Path(__file__).parent / "results"


def seed_shard(seed_dir: Path, n: int) -> Path:
    """The coded seed archive of `n` articles, as one batch shard (coded on first use only)."""
    archive = write_archive(seed_dir / f"archive-{n}", n, per_file=n)
    shards, problems = plan_shards([str(p) for p in archive], shard_size=n)
    assert not problems and len(shards) == 1, problems
    out = seed_dir / f"batch-{n}"
    started = time.perf_counter()
    summary = code_shard(shards[0], str(out), WorkerOptions())
    print(
        f"seed: {summary['documents']} articles, {summary['events']} events "
        f"({time.perf_counter() - started:.1f} s)"
    )
    return shard_dir(out, shards[0])


def _key(replica: int, value: str, length: int) -> str:
    return hashlib.sha256(f"replica{replica}|{value}".encode()).hexdigest()[:length]


RULE_PAIR = {"RUS", "PRK", "SUN"}  # the default rules' pair, with the state RUS continues


def off_rule_pair(row: dict[str, Any]) -> bool:
    """True for an event between two countries other than those of the default rules' pair."""
    ends = {row["source_country"], row["target_country"]}
    return row["target_country"] is not None and len(ends & RULE_PAIR) < 2


def replica(seed: Path, index: int, into: Path, other_pairs_only: bool = False) -> Path:
    """Replica `index` of the seed shard: new ids, dates moved by `index % 9` days; with
    `other_pairs_only`, only its events of pairs the default rules do not look at."""
    directory = into / f"replica-{index:04d}{'-other' if other_pairs_only else ''}"
    if (directory / EVENTS_FILE).exists():
        return directory
    directory.mkdir(parents=True, exist_ok=True)
    shift = timedelta(days=index % 9)
    docs = []
    for row in read_rows(seed / DOCUMENTS_FILE):
        docs.append(
            row
            | {
                "id": _key(index, row["id"], 32),
                "published_at": row["published_at"] + shift,
                "origin": f"replica-{index}/{row['origin']}",
            }
        )
    events = []
    for row in read_rows(seed / EVENTS_FILE):
        if other_pairs_only and not off_rule_pair(row):
            continue
        moved = row["event_date"] + shift if row["event_date"] else None
        events.append(
            row
            | {
                "id": _key(index, row["id"], 24),
                "doc_id": _key(index, row["doc_id"], 32),
                "event_date": moved,
            }
        )
    write_table(events, EVENT_SCHEMA, directory / EVENTS_FILE)
    write_table(docs, DOCUMENT_SCHEMA, directory / DOCUMENTS_FILE)
    return directory


def timed_refresh(store: Store, how: str = "refresh", **options: Any) -> dict[str, Any]:
    """Seconds for one `refresh` (or `update`: no alerts read back), and the alerts it left."""
    started, cpu = time.perf_counter(), time.process_time()
    if how == "update":
        from redline.redlines.service import update

        found = update(store, **options).computed
    else:
        found = refresh(store, **options)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    stored = AlertRepository(store.engine).alerts()
    states = sorted((a.rule, a.state.value) for a in stored)
    print(f"  {how} {options or ''}: {seconds:.2f} s ({cpu:.2f} s CPU), {states}")
    return {
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "alerts": len(found),
        "states": states,
    }


def measure(seed: Path, replicas: int, into: Path) -> dict[str, Any]:
    """Fill a store with `replicas` replicas and time the refreshes on it."""
    shards = [replica(seed, i, into) for i in range(replicas + 1)]
    other = replica(seed, replicas + 1, into, other_pairs_only=True)
    incremental_ok = "full" in inspect.signature(refresh).parameters
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'refresh.db'}")
        started = time.perf_counter()
        for directory in shards[:-1]:
            load_shard(store, directory)
        load_seconds = time.perf_counter() - started
        counts = {"store": store.counts()}
        print(f"store: {counts['store']} (loaded in {load_seconds:.1f} s)")
        runs: dict[str, Any] = {"full": timed_refresh(store)}
        how = "update" if incremental_ok else "refresh"
        load_shard(store, other)
        counts["after_other_pairs_shard"] = store.counts()
        runs["incremental_other_pairs"] = timed_refresh(store, how)
        load_shard(store, shards[-1])
        counts["after_rule_pair_shard"] = store.counts()
        runs["incremental_rule_pair"] = timed_refresh(store, how)
        runs["noop"] = timed_refresh(store, how)
        runs["noop_reading_all_alerts"] = timed_refresh(store)
        if incremental_ok:
            runs["forced_full"] = timed_refresh(store, full=True)
            assert runs["forced_full"]["states"] == runs["incremental_rule_pair"]["states"]
        store.engine.dispose()
    return {"replicas": replicas, "counts": counts, "load_seconds": round(load_seconds, 1)} | {
        "runs": runs
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=500, help="articles coded once (500)")
    parser.add_argument(
        "--replicas", default="2,10", help="seed copies in the store, one store per value"
    )
    parser.add_argument("--seed-dir", type=Path, default=Path("/var/tmp/redline-refresh-seed"))
    parser.add_argument("--out", type=Path, default=RESULTS / "refresh_scale.json")
    parser.add_argument("--label", default="", help="a note kept in the result")
    args = parser.parse_args()

    seed = seed_shard(args.seed_dir, args.seed)
    into = args.seed_dir / f"replicas-{args.seed}"
    sizes = [measure(seed, int(n), into) for n in args.replicas.split(",")]
    result = {
        "benchmark": "refresh_scale",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs (shared)",
        "label": args.label,
        "backend": "sqlite",
        "seed_articles": args.seed,
        "sizes": sizes,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    for size in sizes:
        events = size["counts"]["store"]["events"]
        print(events, json.dumps({k: v["cpu_seconds"] for k, v in size["runs"].items()}))


if __name__ == "__main__":
    main()
