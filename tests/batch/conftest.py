"""A scratch PostgreSQL database for the batch tests (skipped when no server answers)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine
from sqlalchemy.exc import SQLAlchemyError

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


@pytest.fixture()
def postgres_url() -> Iterator[str]:
    """The URL of a new, empty database on $REDLINE_TEST_POSTGRES_URL's server, dropped after."""
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"psycopg is not usable: {exc}")
    url = os.environ.get("REDLINE_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    admin = create_engine(url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    name = f"redline_test_{uuid.uuid4().hex[:16]}"
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except SQLAlchemyError as exc:
        admin.dispose()
        pytest.skip(f"no PostgreSQL server at {admin.url}: {str(exc).splitlines()[0]}")
    yield admin.url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()
