"""What every request needs: the store, the ladder, the playbook, the token and the pipeline.

Built once per app by `create_app` and reached through `app.state.ctx`. The pipeline (spaCy and
the actor tables) is loaded on the first ingest, not at start-up, so a read-only dashboard starts
in a second; one lock serialises ingests, because a SQLite store has one writer at a time anyway.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from redline.analysis.ladder_rules import Ladder, packaged_ladder
from redline.redlines.playbook import Playbook, configured_playbook
from redline.store import Store, open_store
from redline.store.schema import documents, events

if TYPE_CHECKING:
    from redline.pipeline import Pipeline

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
CACHE_SIZE = 256  # results kept (pair views, clusters); a pair view is a few hundred kB


@dataclass(frozen=True)
class WebConfig:
    """How the app was started (the `redline serve` options and the settings in force)."""

    db_url: str | None = None
    api_token: str | None = None
    treaty_texts: Path | None = None
    playbook: Path | None = None
    max_bytes: int = 20_000_000
    #: Reads need the token too: set when the server listens beyond loopback.
    reads_need_token: bool = False
    #: Host headers accepted (DNS rebinding guard); the test clients' names are always allowed.
    hosts: tuple[str, ...] = LOOPBACK_HOSTS
    #: Seconds between the dashboard's polls for new alerts.
    poll_seconds: int = 5
    #: Where articles POSTed as text are kept (their origin); None: `submitted/` in the
    #: data directory.
    submissions: Path | None = None

    def submissions_dir(self) -> Path:
        """The folder of submitted articles, created on first use."""
        folder = self.submissions
        if folder is None:
            from redline.settings import load_settings

            folder = load_settings().resolved_data_dir() / "submitted"
        folder.mkdir(parents=True, exist_ok=True)
        return folder


@dataclass
class AppContext:
    """The shared, long-lived objects of one app."""

    config: WebConfig
    store: Store
    ladder: Ladder
    playbook: Playbook
    csrf_key: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    pipeline_factory: Callable[[], Pipeline] | None = None
    ingest_lock: threading.Lock = field(default_factory=threading.Lock)
    #: One thread runs the API's ingests in turn: a queued ingest waits here, not in the
    #: request thread pool, so it cannot starve the reads.
    ingest_executor: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="redline-ingest")
    )
    cache: dict[tuple[object, ...], object] = field(default_factory=dict)
    cache_lock: threading.Lock = field(default_factory=threading.Lock)
    _pipeline: Pipeline | None = None

    @classmethod
    def build(
        cls, config: WebConfig, pipeline_factory: Callable[[], Pipeline] | None = None
    ) -> AppContext:
        """Open (and migrate) the store and load the ladder and playbook once."""
        return cls(
            config=config,
            store=open_store(config.db_url),
            ladder=packaged_ladder(),
            playbook=configured_playbook(config.playbook),
            pipeline_factory=pipeline_factory,
        )

    def pipeline(self) -> Pipeline:
        """The ingest pipeline, built on first use (call with `ingest_lock` held)."""
        if self._pipeline is None:
            if self.pipeline_factory is not None:
                self._pipeline = self.pipeline_factory()
            else:
                from redline.pipeline import build_pipeline

                self._pipeline = build_pipeline()
        return self._pipeline

    def version(self) -> tuple[int, int, object]:
        """A cheap fingerprint of the store's content: results cached under it stay valid
        until a document or event is added."""
        with self.store.engine.connect() as conn:
            docs, latest = conn.execute(
                select(func.count(), func.max(documents.c.ingested_at))
            ).one()
            count = conn.execute(select(func.count()).select_from(events)).scalar_one()
        return int(docs), int(count), latest

    def cached(self, key: tuple[object, ...], compute: Callable[[], object]) -> object:
        """`compute()` once per store version and key (whole-store analyses are slow)."""
        full = (*key, self.version())
        with self.cache_lock:
            if full in self.cache:
                return self.cache[full]
        value = compute()
        with self.cache_lock:
            stale = [k for k in self.cache if k[:-1] == key]
            for old in stale:
                del self.cache[old]
            while len(self.cache) >= CACHE_SIZE:  # the oldest entry goes first
                del self.cache[next(iter(self.cache))]
            self.cache[full] = value
        return value
