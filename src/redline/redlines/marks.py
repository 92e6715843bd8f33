"""Whether the red lines have seen everything the store holds.

`runner.ingest` evaluates the rules when a run stores something new. A process killed after
storing its last document but before that evaluation would leave the alerts stale for good: the
next run finds every document already stored and has nothing new to report. So each evaluation
records how many document sightings the store held when it began, and a run evaluates again
whenever the store has moved past that mark.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, func, select, update

from redline.store.alerts_schema import evaluation_marks
from redline.store.schema import document_copies
from redline.store.upsert import insert_new

MARK = "redlines"


def sightings(engine: Engine) -> int:
    """Every sighting of every document: first ones and copies (one row each)."""
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(document_copies)).scalar_one())


def evaluated_at(engine: Engine) -> int:
    """The sightings count of the last evaluation; 0 when the rules were never evaluated."""
    with engine.connect() as conn:
        value = conn.execute(
            select(evaluation_marks.c.value).where(evaluation_marks.c.name == MARK)
        ).scalar_one_or_none()
    return 0 if value is None else int(value)


def mark_evaluated(engine: Engine, count: int) -> None:
    """Record that the rules have seen `count` sightings (counted before they were read)."""
    now = datetime.now(UTC)
    with engine.begin() as conn:
        updated = conn.execute(
            update(evaluation_marks)
            .where(evaluation_marks.c.name == MARK)
            .values(value=count, updated_at=now)
            .execution_options(preserve_rowcount=True)
        )
        if updated.rowcount == 0:
            row = {"name": MARK, "value": count, "updated_at": now}
            if not insert_new(conn, evaluation_marks, ["name"], row):
                conn.execute(
                    update(evaluation_marks)
                    .where(evaluation_marks.c.name == MARK)
                    .values(value=count, updated_at=now)
                )


def behind(engine: Engine) -> bool:
    """True when documents arrived after the last evaluation began."""
    return sightings(engine) != evaluated_at(engine)
