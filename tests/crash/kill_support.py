"""Killing a redline command with SIGKILL at random points, and checking the store after.

A round starts the command in a session of its own, waits until it has made a randomly
chosen amount of progress (documents stored, shards done) or a random time has passed, then
kills the whole process group (the command and any Dask scheduler and workers) with SIGKILL,
the way a power cut or the OOM killer would, and waits until every process of it is gone.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, inspect, text

REDLINE = [sys.executable, "-c", "from redline.cli.main import main; main()"]


@dataclass
class Round:
    """One run of the command: killed (and after how much progress) or finished."""

    killed: bool
    progress_at_kill: int
    seconds: float
    returncode: int | None


def sqlite_count(path: Path, query: str) -> int:
    """A count read from a SQLite file without writing to it; 0 while it cannot be read."""
    if not path.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.2)
    except sqlite3.Error:
        return 0
    try:
        return int(conn.execute(query).fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def run_round(
    args: list[str],
    progress: Callable[[], int],
    rng: random.Random,
    remaining: int,
    log: Path,
    limit: float = 300.0,
) -> Round:
    """Run `redline ARGS`; kill it after a random amount of the `remaining` progress."""
    start_progress = progress()
    # Mostly after 1..remaining steps of progress (the last: during the final red-line
    # evaluation and exit); else (0) on a timer, somewhere in start-up or model loading.
    # Targets lean early (up to half of what is left), so that a cycle takes several kills.
    target = rng.randint(1, max(1, remaining // 2)) if remaining and rng.random() < 0.75 else 0
    timer = rng.uniform(0.2, 6.0)
    started = time.monotonic()
    with open(log, "ab") as output:
        proc = subprocess.Popen(
            [*REDLINE, *args], stdout=output, stderr=output, start_new_session=True
        )
        try:
            while proc.poll() is None:
                elapsed = time.monotonic() - started
                done = progress() - start_progress
                if (target == 0 and elapsed >= timer) or (target and done >= target):
                    # A few ms more: land between progress points too. (`redline ingest` codes
                    # documents in batches and then stores them in a ~100 ms burst.)
                    time.sleep(rng.uniform(0.0, 0.01))
                    _kill_group(proc)
                    return Round(True, progress() - start_progress, elapsed, None)
                if elapsed > limit:
                    _kill_group(proc)
                    raise AssertionError(f"redline {' '.join(args)} hung for {limit} s")
                time.sleep(0.002)
        finally:
            if proc.poll() is None:
                _kill_group(proc)
    _wait_group_gone(proc.pid)
    return Round(False, progress() - start_progress, time.monotonic() - started, proc.returncode)


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()
    _wait_group_gone(proc.pid)


def _wait_group_gone(pgid: int, seconds: float = 10.0) -> None:
    """Wait until no process of the group is left (Dask workers die with their leader)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    raise AssertionError(f"processes of group {pgid} survived SIGKILL")


def store_state(path: Path) -> dict[str, Any]:
    """Documents, copies, events and alerts of a SQLite store, sorted, with multiplicity."""
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            state = {
                "documents": _rows(conn, "SELECT id, title, body, source, origin FROM documents"),
                "copies": _rows(conn, "SELECT doc_id, source, origin FROM document_copies"),
                "events": _rows(conn, "SELECT * FROM events"),
            }
            if "alerts" in inspect(conn).get_table_names():
                state["alerts"] = _rows(conn, "SELECT id, state, fingerprint FROM alerts")
    finally:
        engine.dispose()
    return state


def _rows(conn: Any, query: str) -> list[tuple[Any, ...]]:
    return sorted((tuple(row) for row in conn.execute(text(query))), key=repr)


def check_sqlite(path: Path) -> None:
    """The file passes SQLite's integrity and foreign-key checks and is in WAL mode."""
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def seed() -> int:
    """The random seed: $REDLINE_KILL_SEED to replay a run, else a new one (shown on failure)."""
    return int(os.environ.get("REDLINE_KILL_SEED") or random.randrange(1 << 30))
