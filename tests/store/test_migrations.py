"""Migrations build the same schema on SQLite and PostgreSQL, once, however often they run."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import String, inspect

from redline.store import open_store
from redline.store.database import current_revision, head_revision, migrate
from redline.store.schema import metadata


def test_upgrading_twice_is_idempotent_and_at_head(store_url: str) -> None:
    first = open_store(store_url)
    second = open_store(store_url)
    migrate(second.engine)
    assert current_revision(second.engine) == head_revision() is not None
    assert set(inspect(second.engine).get_table_names()) >= {
        "alembic_version",
        "documents",
        "document_copies",
        "events",
    }
    first.engine.dispose()
    second.engine.dispose()


def _declared_length_only(diff: Any) -> bool:
    """A column whose declared string length differs: meaningless on SQLite, which has none."""
    if not (isinstance(diff, list) and diff and diff[0][0] == "modify_type"):
        return False
    *_, existing, wanted = diff[0]
    return isinstance(existing, String) and isinstance(wanted, String)


def test_migrated_schema_matches_the_tables_in_code(store: Any) -> None:
    with store.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    if store.engine.dialect.name == "sqlite":
        diffs = [d for d in diffs if not _declared_length_only(d)]
    assert diffs == []
