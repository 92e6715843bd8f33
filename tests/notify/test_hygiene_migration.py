"""Migration 0004 adds the hygiene tables and removes them again, on both backends."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from redline.store import Store
from redline.store.database import _alembic_config, current_revision, head_revision

HYGIENE = {"alert_status", "alert_history", "rule_mutes"}


def _run(store: Store, action: str, target: str) -> None:
    config = _alembic_config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, action)(config, target)


def test_0004_downgrades_to_0003_and_upgrades_again(any_store: Store) -> None:
    assert HYGIENE <= set(inspect(any_store.engine).get_table_names())
    _run(any_store, "downgrade", "0003")
    tables = set(inspect(any_store.engine).get_table_names())
    assert not HYGIENE & tables and {"alerts", "alert_evidence"} <= tables
    _run(any_store, "upgrade", "head")
    assert HYGIENE <= set(inspect(any_store.engine).get_table_names())
    assert current_revision(any_store.engine) == head_revision()
