"""A watch killed with SIGKILL in the middle of a poll loses and duplicates nothing.

The watch runs as its own process over a folder of eleven inputs (ten documents, one of them
in two syndicated copies). It is killed while it is storing them, started again with `--once`,
and the store is compared with that of a clean, uninterrupted run: the same documents, copies,
events and alerts, and every alert's latest version notified.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from feeds_for_watch import SIGNALS, rss
from sqlalchemy import create_engine, func, select

from redline.ingest import IngestLimits
from redline.notify.dispatch import Dispatcher
from redline.redlines.repository import AlertRepository, fingerprint
from redline.redlines.rules import load_rules
from redline.redlines.status import StatusRepository
from redline.store import Store, open_store
from redline.store.schema import document_copies, documents, events
from redline.watch import Watcher

pytestmark = pytest.mark.model  # two processes load the model: ~30 s, in every test run

CROSSING = Path(__file__).parent.parent / "fixtures" / "one_crossing"
REDLINE = str(Path(sys.executable).parent / "redline")
TOTAL_DOCUMENTS = 10


def counts(url: str) -> tuple[int, int, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return tuple(  # type: ignore[return-value]
                int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                for t in (documents, document_copies, events)
            )
    finally:
        engine.dispose()


def stored_documents(url: str) -> int:
    try:
        return counts(url)[0]
    except Exception:  # the watch has not created its tables yet
        return 0


def watch_command(folder: Path, url: str, out: Path, *extra: str) -> list[str]:
    return [REDLINE, "watch", str(folder), "--db", url, "--jsonl", str(out), "--quiet",
            "--throttle", "0", *extra]  # fmt: skip


def test_sigkill_mid_poll_then_restart_loses_and_duplicates_nothing(
    pipeline: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    shutil.copytree(CROSSING, folder)
    (folder / "eurasia-wire.rss").write_text(rss("Eurasia Wire", SIGNALS), "utf-8")
    url, out = f"sqlite:///{tmp_path / 'killed.db'}", tmp_path / "alerts.jsonl"
    env = {**os.environ, "REDLINE_CONFIG": str(tmp_path / "none.toml")}
    (tmp_path / "none.toml").write_text("", "utf-8")

    process = subprocess.Popen(
        watch_command(folder, url, out, "--interval", "0.2"),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 180
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        stored = stored_documents(url)
        if stored >= 3:
            break
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    _, err = process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL, err.decode()
    assert 3 <= stored < TOTAL_DOCUMENTS, f"killed after {stored} documents: not mid-poll"

    again = subprocess.run(
        watch_command(folder, url, out, "--once"), env=env, capture_output=True, timeout=300
    )
    assert again.returncode == 0, again.stderr.decode()

    clean = open_store(f"sqlite:///{tmp_path / 'clean.db'}")
    rules = load_rules()
    Watcher(
        [str(folder)], clean, pipeline, rules, Dispatcher(clean, [], rules), IngestLimits()
    ).poll()
    killed = open_store(url)
    assert counts(url) == counts(f"sqlite:///{tmp_path / 'clean.db'}")
    assert counts(url)[:2] == (TOTAL_DOCUMENTS, TOTAL_DOCUMENTS + 1)
    assert alerts(killed) == alerts(clean) != []
    # every alert's latest version was notified, once the watch came back
    marks = StatusRepository(killed.engine).statuses()
    for alert in AlertRepository(killed.engine).alerts():
        assert marks[alert.id].notified_fingerprint == fingerprint(alert)
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert {row["alert"]["id"] for row in lines} == set(marks)
    for store in (clean, killed):
        store.engine.dispose()


def alerts(store: Store) -> list[dict[str, Any]]:
    return [a.to_json() for a in AlertRepository(store.engine).alerts()]
