"""Web fixtures: the demo store built once per session, in-process clients, a live server.

The demo store is built through the real ingest path (spaCy model included) and copied for
each test that writes, so tests never see each other's documents.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from web_helpers import LiveServer, config_for, make_client


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Path:
    """The demo corpus ingested once into a SQLite file (read-only for the tests)."""
    from redline.cli.demo import demo_corpus
    from redline.runner import ingest
    from redline.store import open_store

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    store = open_store(f"sqlite:///{path}")
    ingest([str(demo_corpus())], store, pipeline)
    store.engine.dispose()
    with sqlite3.connect(path) as conn:  # fold the WAL into the file so that it can be copied
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture()
def demo_copy(demo_db: Path, tmp_path: Path) -> Path:
    """A private copy of the demo store, for tests that write."""
    target = tmp_path / "demo.db"
    shutil.copyfile(demo_db, target)
    return target


@pytest.fixture(scope="module")
def read_client(demo_db: Path, pipeline: Any) -> Iterator[Any]:
    """An in-process client over the shared demo store (tests must not write with it)."""
    from redline.web.app import create_app

    with make_client(create_app(config_for(demo_db), lambda: pipeline)) as client:
        yield client


@pytest.fixture()
def write_client(demo_copy: Path, pipeline: Any) -> Iterator[Any]:
    """An in-process client over a private copy of the demo store."""
    from redline.web.app import create_app

    with make_client(create_app(config_for(demo_copy), lambda: pipeline)) as client:
        yield client


@pytest.fixture()
def live_server(pipeline: Any) -> Callable[..., LiveServer]:
    """Start a live server over a store path (use as a context manager)."""
    from redline.web.app import create_app

    def start(path: Path, **changes: Any) -> LiveServer:
        return LiveServer(create_app(config_for(path, **changes), lambda: pipeline))

    return start
