"""Store fixtures: each store test runs on SQLite and, when a server answers, on PostgreSQL.

The PostgreSQL server is the one at `REDLINE_TEST_POSTGRES_URL` (an administrative URL allowed
to create databases; default below). Every test gets a database of its own, dropped afterwards.
Without psycopg or a reachable server the PostgreSQL variants skip, saying why.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import SQLAlchemyError

from redline.store import Store, open_store

POSTGRES_ENV = "REDLINE_TEST_POSTGRES_URL"
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
BACKENDS = [pytest.param("sqlite"), pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[Engine]:
    """An autocommit engine on the test server, for creating and dropping databases."""
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:  # absent, or installed without a libpq to use
        pytest.skip(f"psycopg is not usable (install the `postgres` extra): {exc}")
    url = os.environ.get(POSTGRES_ENV, DEFAULT_POSTGRES_URL)
    engine = create_engine(url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except SQLAlchemyError as exc:
        engine.dispose()
        reason = (str(getattr(exc, "orig", exc)).strip().splitlines() or ["?"])[0]
        pytest.skip(f"no PostgreSQL server at {engine.url} (set {POSTGRES_ENV}): {reason}")
    yield engine
    engine.dispose()


@pytest.fixture()
def postgres_url(postgres_admin: Engine) -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped after the test."""
    name = f"redline_test_{uuid.uuid4().hex[:16]}"
    with postgres_admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield postgres_admin.url.set(database=name).render_as_string(hide_password=False)
    with postgres_admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database on each backend in turn."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture()
def store(store_url: str) -> Iterator[Any]:
    """A fresh, migrated store on each backend in turn (overrides the SQLite-only fixture)."""
    db: Store = open_store(store_url)
    yield db
    db.engine.dispose()
