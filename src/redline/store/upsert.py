"""`INSERT ... ON CONFLICT DO NOTHING` on the backends the store supports.

A unique key decides which of two concurrent writers stores a row; the other's insert becomes
a no-op instead of an error, and its row count tells it that it lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.expression import Insert

from redline.errors import StoreError


def _insert_or_nothing(dialect: str, table: Table, key: Sequence[str]) -> Insert:
    if dialect == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing(index_elements=list(key))
    if dialect == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing(index_elements=list(key))
    raise StoreError(
        f"cannot write to a {dialect} database: redline supports SQLite and PostgreSQL"
    )


def insert_new(conn: Connection, table: Table, key: Sequence[str], row: dict[str, Any]) -> bool:
    """Insert `row` unless a row with the same `key` exists; True when this call inserted it."""
    # SQLAlchemy keeps an INSERT's row count only when asked to (since 2.0.28); RETURNING would
    # do as well but needs SQLite 3.35, which some supported systems do not have.
    statement = _insert_or_nothing(conn.dialect.name, table, key)
    result = conn.execute(statement.execution_options(preserve_rowcount=True), row)
    return result.rowcount == 1


def insert_all_new(
    conn: Connection, table: Table, key: Sequence[str], rows: Sequence[dict[str, Any]]
) -> None:
    """Insert each of `rows` whose `key` is not stored yet."""
    if rows:
        conn.execute(_insert_or_nothing(conn.dialect.name, table, key), list(rows))
