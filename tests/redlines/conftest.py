"""A store for the refresh tests on SQLite and, when a server answers, on PostgreSQL.

The server is the one the store tests use (`REDLINE_TEST_POSTGRES_URL`, default
postgres@127.0.0.1:5432); each test gets a database of its own, dropped afterwards, and the
PostgreSQL variant skips, saying why, when there is no server.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.exc import SQLAlchemyError

from redline.store import Store, open_store

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    """The backend of the stores a test makes with `new_store`."""
    return str(request.param)


@pytest.fixture()
def new_store(backend: str, tmp_path: Path) -> Iterator[Callable[[], Store]]:
    """A maker of fresh, migrated stores on the test's backend (all closed and dropped after)."""
    made: list[tuple[Store, str | None]] = []
    admin = None
    if backend == "postgresql":
        try:
            import psycopg  # noqa: F401
        except ImportError as exc:
            pytest.skip(f"psycopg is not usable: {exc}")
        url = os.environ.get("REDLINE_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)
        admin = create_engine(
            url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3}
        )
        try:
            with admin.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except SQLAlchemyError as exc:
            admin.dispose()
            pytest.skip(f"no PostgreSQL server at {admin.url}: {str(exc.orig).strip()[:80]}")

    def make() -> Store:
        if admin is None:
            store = open_store(f"sqlite:///{tmp_path / f'store-{len(made)}.db'}")
            made.append((store, None))
            return store
        name = f"redline_test_{uuid.uuid4().hex[:16]}"
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        store = open_store(admin.url.set(database=name).render_as_string(hide_password=False))
        made.append((store, name))
        return store

    yield make
    for store, name in made:
        store.engine.dispose()
        if admin is not None and name is not None:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    if admin is not None:
        admin.dispose()
