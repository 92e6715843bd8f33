"""A store for the hygiene tests on SQLite and, when a server answers, on PostgreSQL.

The PostgreSQL server is the one the store tests use (`REDLINE_TEST_POSTGRES_URL`, default
postgres@127.0.0.1:5432); each test gets its own database, dropped afterwards, and the
PostgreSQL variant skips, saying why, when there is no server.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.exc import SQLAlchemyError

from redline.store import Store, open_store

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh, migrated store on each backend in turn."""
    if request.param == "sqlite":
        store = open_store(f"sqlite:///{tmp_path / 'hygiene.db'}")
        yield store
        store.engine.dispose()
        return
    admin_url = os.environ.get("REDLINE_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    admin = create_engine(
        admin_url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3}
    )
    name = f"redline_test_{uuid.uuid4().hex[:16]}"
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except SQLAlchemyError as exc:
        admin.dispose()
        pytest.skip(f"no PostgreSQL server at {admin.url}: {str(exc.orig).strip()[:80]}")
    store = open_store(admin.url.set(database=name).render_as_string(hide_password=False))
    yield store
    store.engine.dispose()
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()
