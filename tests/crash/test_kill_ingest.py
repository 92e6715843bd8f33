"""kill -9 during `redline ingest`, many times at random points: nothing lost, nothing doubled.

Each round runs the real command in a subprocess on a real SQLite file (WAL mode) and kills
it with SIGKILL after a random number of stored documents, or at a random moment of start-up;
the last round runs to the end. The store must then pass SQLite's integrity check and hold
exactly what one uninterrupted ingest stores: the same documents, copies, events and
alerts, each once.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path
from typing import Any

import pytest
from kill_support import REDLINE, Round, check_sqlite, run_round, seed, sqlite_count, store_state

pytestmark = pytest.mark.model


def kill_ingest_rounds(tmp_path: Path, corpus: str, reference: Any, rounds: int) -> list[Round]:
    """Kill ingests of `corpus` `rounds` times; whenever all is stored, finish and compare.

    Each cycle starts from an empty store and ends, once every document has been stored by
    some killed run, with one run that goes to the end; the store is then checked.
    """
    chosen = seed()
    rng = random.Random(chosen)
    log = tmp_path / "ingest.log"
    total = len(reference["documents"])
    history: list[Round] = []
    cycle = 0
    while len(history) < rounds:
        db = tmp_path / f"store-{cycle}.db"
        args = ["ingest", corpus, "--db", f"sqlite:///{db}"]

        def stored(db: Path = db) -> int:
            return sqlite_count(db, "SELECT count(*) FROM documents")

        while len(history) < rounds and stored() < total:
            history.append(run_round(args, stored, rng, total - stored(), log))
        finished = subprocess.run([*REDLINE, *args], capture_output=True, text=True, timeout=600)
        context = f"seed {chosen} (REDLINE_KILL_SEED), cycle {cycle}, rounds {history}, log {log}"
        assert finished.returncode == 0, f"{finished.stderr}\n{context}"
        check_sqlite(db)
        state = store_state(db)
        # Alerts too: a kill after the last document and before the evaluation leaves the
        # evaluation mark behind the store, and the finishing run evaluates the rules.
        for table in ("documents", "copies", "events", "alerts"):
            assert state[table] == reference[table], f"{table} differ; {context}"
        cycle += 1
    kills = sum(r.killed for r in history)
    print(f"ingest: seed {chosen}, {kills} kills survived in {len(history)} rounds, {cycle} cycles")
    print(history)
    return history


def test_ingest_killed_at_random_points(tmp_path: Path, corpus: str, reference: Any) -> None:
    history = kill_ingest_rounds(tmp_path, corpus, reference, rounds=2)
    assert any(r.killed for r in history)


@pytest.mark.slow
def test_ingest_killed_many_times(tmp_path: Path, full_corpus: str, full_reference: Any) -> None:
    history = kill_ingest_rounds(tmp_path, full_corpus, full_reference, rounds=25)
    killed = [r for r in history if r.killed]
    assert len(killed) >= 15
    # Kills landed both before anything was stored and between stored documents.
    assert any(r.progress_at_kill == 0 for r in killed)
    assert any(r.progress_at_kill > 0 for r in killed)
