"""kill -9 during `redline batch` (command, scheduler and workers) at random points.

Each round runs the real command with a local Dask cluster of worker processes (one in the
short test, two in the long one) and kills its whole process group with SIGKILL after a
random number of shards coded or loaded, or at a random moment of start-up; a last round runs
to the end. The store must then hold exactly what one uninterrupted ingest stores, alerts
included, and no shard finished before a kill may have been coded again.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path
from typing import Any

import pytest
from kill_support import REDLINE, Round, check_sqlite, run_round, seed, store_state

from redline.batch.shards import plan_shards

pytestmark = pytest.mark.model
SHARD_SIZE = 2


def kill_batch_rounds(
    tmp_path: Path, corpus: str, reference: Any, rounds: int, workers: int
) -> list[Round]:
    """Kill batches of `corpus` `rounds` times; whenever all is loaded, finish and compare.

    Each cycle starts from an empty store and output directory and ends, once every shard
    has been coded and loaded by some killed run, with one run that goes to the end.
    """
    chosen = seed()
    rng = random.Random(chosen)
    log = tmp_path / "batch.log"
    shards, _ = plan_shards([corpus], SHARD_SIZE)
    steps = 2 * len(shards)  # each shard is coded, then loaded
    history: list[Round] = []
    cycle = 0
    while len(history) < rounds:
        db, out = tmp_path / f"store-{cycle}.db", tmp_path / f"out-{cycle}"
        args = ["batch", corpus, "--out", str(out), "--db", f"sqlite:///{db}"]
        args += ["--workers", str(workers)]
        args += ["--shard-size", str(SHARD_SIZE)]

        def finished_steps(out: Path = out) -> int:
            coded = len(list(out.glob("shards/*/done.json")))
            return coded + len(list(out.glob("loaded/*/*.loaded")))

        done_before: dict[Path, bytes] = {}
        while len(history) < rounds and finished_steps() < steps:
            history.append(run_round(args, finished_steps, rng, steps - finished_steps(), log))
            done_before.update({p: p.read_bytes() for p in out.glob("shards/*/done.json")})
        completed = subprocess.run([*REDLINE, *args], capture_output=True, text=True, timeout=900)
        context = f"seed {chosen} (REDLINE_KILL_SEED), cycle {cycle}, rounds {history}, log {log}"
        assert completed.returncode == 0, f"{completed.stderr}\n{context}"
        check_sqlite(db)
        assert store_state(db) == reference, context
        assert len(list(out.glob("shards/*/done.json"))) == len(shards)
        # A done-marker, once written, is never rewritten: finished shards are not redone.
        assert all(path.read_bytes() == data for path, data in done_before.items()), context
        cycle += 1
    kills = sum(r.killed for r in history)
    print(f"batch: seed {chosen}, {kills} kills survived in {len(history)} rounds, {cycle} cycles")
    print(history)
    return history


def test_batch_killed_at_random_points(tmp_path: Path, corpus: str, reference: Any) -> None:
    history = kill_batch_rounds(tmp_path, corpus, reference, rounds=1, workers=1)
    assert any(r.killed for r in history)


@pytest.mark.slow
def test_batch_killed_many_times(tmp_path: Path, full_corpus: str, full_reference: Any) -> None:
    history = kill_batch_rounds(tmp_path, full_corpus, full_reference, rounds=10, workers=2)
    assert sum(r.killed for r in history) >= 6
    assert any(r.killed and r.progress_at_kill > 0 for r in history)
