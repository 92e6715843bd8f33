"""Shared by the web benchmarks: a synthetic large store and a `redline serve` subprocess."""

from __future__ import annotations

import os
import random
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx

from redline.cli.demo import demo_corpus
from redline.models import Actor, Document, EventDate, Evidence
from redline.store import open_store

COUNTRIES = (
    "USA CHN RUS PRK KOR JPN IND PAK IRN ISR SAU TUR UKR POL DEU FRA GBR ITA ESP BRA ARG MEX "
    "CAN AUS IDN VNM PHL THA MYS SGP EGY NGA ZAF ETH KEN SYR IRQ AFG BLR KAZ"
).split()


def build_demo(path: Path) -> None:
    """The demo corpus ingested into `path` through the real pipeline (as `redline demo`)."""
    from redline.pipeline import build_pipeline
    from redline.runner import ingest

    store = open_store(f"sqlite:///{path}")
    ingest([str(demo_corpus())], store, build_pipeline())
    store.engine.dispose()


def synthesize(path: Path, total: int, pair_share: float = 0.02, seed: int = 7) -> int:
    """Add `total` events to the store at `path`, made from the demo's events.

    Each synthetic event is a stored demo event moved to a random pair of 40 countries (a
    `pair_share` of them to RUS-PRK) and a random day of 2015-2025, in documents of ten
    events each, so the store looks like years of news about many pairs.
    """
    rng = random.Random(seed)
    store = open_store(f"sqlite:///{path}")
    templates = [e for e in store.events() if e.target is not None]
    start = date(2015, 1, 1)
    added = 0
    doc_number = 0
    while added < total:
        doc_number += 1
        chosen = [rng.choice(templates) for _ in range(min(10, total - added))]
        body = "\n\n".join(
            f"{e.evidence.text} (Synthetic {doc_number}.{i}.)" for i, e in enumerate(chosen)
        )
        doc_id = Document.content_id(body)
        published = start + timedelta(days=rng.randrange(11 * 365))
        doc = Document(
            id=doc_id,
            body=body,
            title=f"Synthetic report {doc_number}",
            source=f"Outlet {rng.randrange(30)}",
            published_at=datetime(published.year, published.month, published.day, tzinfo=UTC),
            origin=f"synthetic-{doc_number}",
        )
        events = []
        offset = 0
        for i, template in enumerate(chosen):
            text = f"{template.evidence.text} (Synthetic {doc_number}.{i}.)"
            if rng.random() < pair_share:
                a, b = rng.sample(["RUS", "PRK"], 2)
            else:
                a, b = rng.sample(COUNTRIES, 2)
            events.append(
                replace(
                    template,
                    id="",
                    source=Actor(code=a, country=a, text=a),
                    target=Actor(code=b, country=b, text=b),
                    date=EventDate(
                        published - timedelta(days=rng.randrange(3)),
                        template.date.precision,
                        template.date.expression,
                    ),
                    evidence=Evidence(
                        doc_id=doc_id,
                        sentence=i,
                        start=offset,
                        end=offset + len(text),
                        text=text,
                        trigger_start=offset,
                        trigger_end=offset + 1,
                    ),
                )
            )
            offset += len(text) + 2
        store.save(doc, [replace(e, id=e.make_id()) for e in events])
        added += len(events)
    counts = store.counts()
    store.engine.dispose()
    return counts["events"]


def cached_store(cache: Path, events: int, pair_share: float) -> Path:
    """A demo store with `events` synthetic events, built once and kept in `cache`."""
    target = cache / f"store-{events}-{pair_share}.db"
    if not target.exists():
        cache.mkdir(parents=True, exist_ok=True)
        work = cache / "building.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
        build_demo(work)
        synthesize(work, events, pair_share)
        import sqlite3

        with sqlite3.connect(work) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.move(work, target)
        for suffix in ("-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
    return target


def free_port() -> int:
    """A loopback port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    """`redline serve` in a subprocess on a free loopback port."""

    def __init__(self, db: Path, token: str, data_dir: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "REDLINE_API_TOKEN": token, "REDLINE_DATA_DIR": str(data_dir)}
        command = [
            str(Path(sys.executable).parent / "redline"),
            "serve",
            "--db",
            f"sqlite:///{db}",
            "--port",
            str(self.port),
        ]
        self.process = subprocess.Popen(command, env=env)

    def __enter__(self) -> Server:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/api/health", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.2)
        self.process.terminate()
        raise RuntimeError("redline serve did not start")

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
