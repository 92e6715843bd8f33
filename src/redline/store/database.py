"""Open a store by URL (SQLite or PostgreSQL), migrate it to the current schema, tune SQLite."""

from __future__ import annotations

import os
import sqlite3
import time
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_dir
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError

from redline.errors import StoreError

DB_ENV = "REDLINE_DB"
# Key of the PostgreSQL advisory lock that queues processes migrating one database ("redline").
MIGRATION_LOCK = 0x7265646C696E65
WAL_SWITCH_WAIT = 30.0  # seconds, as PRAGMA busy_timeout


def default_url() -> str:
    """`REDLINE_DB` if set, else a SQLite file in the user's data directory."""
    if url := os.environ.get(DB_ENV):
        return url
    path = Path(user_data_dir("redline", appauthor=False)) / "redline.db"
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    _use_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _use_wal(cursor: Any) -> None:
    """Put the file in WAL mode (a lasting setting), unless it is already.

    Switching needs the file to itself and SQLite does not wait for that under busy_timeout:
    when several processes open a new database at once, all but one get "database is
    locked" here. They retry until the winner has switched it.
    """
    deadline = time.monotonic() + WAL_SWITCH_WAIT
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite files get their directory created and WAL mode."""
    if url.startswith("sqlite"):
        database = url.split("///", 1)[1] if "///" in url else ""
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _alembic_config() -> Config:
    config = Config()
    location = resources.files("redline").joinpath("store/migrations")
    config.set_main_option("script_location", str(location))
    return config


def head_revision() -> str | None:
    """The newest migration shipped with this version of redline."""
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The migration the database is at, or None for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _take_migration_lock(connection: Connection) -> None:
    """Make other processes opening the same database wait until this one has migrated.

    Both backends run the whole upgrade in this one transaction, so a waiting process finds
    the schema complete and at head.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
    elif connection.dialect.name == "sqlite":
        # pysqlite has not begun a transaction yet (it only does so before DML): take the
        # write lock now, so that the version check and the DDL happen under it.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema (idempotent, safe for concurrent openers)."""
    config = _alembic_config()
    try:
        with engine.begin() as connection:
            _take_migration_lock(connection)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except SQLAlchemyError as exc:
        raise StoreError(f"could not migrate the database: {exc}") from exc


def open_engine(url: str | None = None) -> Engine:
    """Connect to `url` (or the default), migrating it first."""
    url = url or default_url()
    try:
        engine = make_engine(url)
        migrate(engine)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open database {url}: {exc}") from exc
    return engine
