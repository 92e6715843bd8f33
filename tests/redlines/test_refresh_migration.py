"""Migration 0006 adds the incremental columns to a 0005 store that has a mark already."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from alembic import command
from refresh_scenario import load_step
from sqlalchemy import insert, inspect

from redline.redlines.marks import last_mark, sightings_now
from redline.redlines.service import refresh
from redline.store import Store
from redline.store.alerts_schema import evaluation_marks
from redline.store.database import _alembic_config, current_revision, head_revision

NEW = {"watermark", "events", "digest"}


def _run(store: Store, action: str, target: str) -> None:
    config = _alembic_config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, action)(config, target)


def _columns(store: Store) -> set[str]:
    return {c["name"] for c in inspect(store.engine).get_columns("evaluation_marks")}


def test_upgrading_a_0005_store_keeps_its_mark_and_the_next_refresh_is_full(
    new_store: Callable[[], Store],
) -> None:
    store = new_store()
    load_step(store, 0)
    _run(store, "downgrade", "0005")
    assert current_revision(store.engine) == "0005" and not NEW & _columns(store)
    with store.engine.begin() as conn:  # the mark a 0005 version of redline wrote
        row = {"name": "redlines", "value": 1, "updated_at": datetime.now(UTC)}
        conn.execute(insert(evaluation_marks), row)
    _run(store, "upgrade", "head")
    assert current_revision(store.engine) == head_revision() and NEW <= _columns(store)
    mark = last_mark(store.engine)
    assert (mark.count, mark.watermark, mark.events, mark.digest) == (1, None, None, None)
    found = refresh(store)  # no watermark: evaluated over the whole store
    assert {a.rule for a in found} == {"mutual-defence"}
    mark = last_mark(store.engine)
    now = sightings_now(store.engine)
    assert (mark.count, mark.watermark, mark.events) == (now.count, now.last, 3) and mark.digest
