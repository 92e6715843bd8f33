"""Whether the red lines have seen everything the store holds, and what arrived since.

`runner.ingest` evaluates the rules when a run stores something new. A process killed after
storing its last document but before that evaluation would leave the alerts stale for good: the
next run finds every document already stored and has nothing new to report. So each evaluation
records how many document sightings the store held when it began, and a run evaluates again
whenever the store has moved past that mark.

The mark also keeps the highest sighting id the evaluation had seen (its watermark) and a digest
of the rules it evaluated (migration 0006). A refresh with the same rules then re-evaluates only
the actor pairs of the sightings above the watermark. Ids are handed out before the rows commit,
so a sighting may become visible below a watermark already recorded; the count tells: when the
sightings above the watermark do not account for every sighting added since, the refresh
evaluates the whole store instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, func, select, update

from redline.store.alerts_schema import evaluation_marks
from redline.store.schema import document_copies, events
from redline.store.upsert import insert_new

MARK = "redlines"


@dataclass(frozen=True, slots=True)
class Sightings:
    """How many sightings the store holds, the highest sighting id (0: none), the events."""

    count: int
    last: int
    events: int = 0


@dataclass(frozen=True, slots=True)
class Mark:
    """What the last evaluation had seen, and the digest of the rules it evaluated."""

    count: int = 0
    watermark: int | None = None
    events: int | None = None
    digest: str | None = None


def sightings(engine: Engine) -> int:
    """Every sighting of every document: first ones and copies (one row each)."""
    return sightings_now(engine).count


def sightings_now(engine: Engine) -> Sightings:
    """The sightings count and the highest sighting id, read together."""
    query = select(func.count(), func.max(document_copies.c.id)).select_from(document_copies)
    with engine.connect() as conn:
        count, last = conn.execute(query).one()
    return Sightings(int(count), int(last or 0))


def last_mark(engine: Engine) -> Mark:
    """The mark of the last evaluation (an empty one when the rules were never evaluated)."""
    marks = evaluation_marks.c
    query = select(marks.value, marks.watermark, marks.events, marks.digest).where(
        marks.name == MARK
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return Mark() if row is None else Mark(int(row.value), row.watermark, row.events, row.digest)


def evaluated_at(engine: Engine) -> int:
    """The sightings count of the last evaluation; 0 when the rules were never evaluated."""
    return last_mark(engine).count


def changed_pairs(engine: Engine, mark: Mark) -> tuple[Sightings, set[tuple[str, str]] | None]:
    """The sightings now, and the actor pairs (unordered `pair_key`s) of those since `mark`.

    The pairs are None when what changed since `mark` cannot be told: no watermark, fewer
    sightings above it than were added (one committed late, below it), or events that do not
    add up (rows deleted or written outside the store's save path). The counts come from one
    statement, so they describe one state of the store.
    """
    watermark = -1 if mark.watermark is None else mark.watermark
    copies = document_copies
    recent = copies.c.id > watermark
    earlier = copies.alias("earlier")
    first_seen = (
        select(copies.c.doc_id)
        .where(recent)
        .where(
            ~select(earlier.c.id)
            .where(earlier.c.doc_id == copies.c.doc_id, earlier.c.id <= watermark)
            .exists()
        )
    )
    query = select(
        select(func.count()).select_from(copies).scalar_subquery(),
        select(func.max(copies.c.id)).scalar_subquery(),
        select(func.count()).select_from(copies).where(recent).scalar_subquery(),
        select(func.count()).select_from(events).scalar_subquery(),
        select(func.count()).where(events.c.doc_id.in_(first_seen)).scalar_subquery(),
    )
    with engine.connect() as conn:
        count, last, added, stored, coded = conn.execute(query).one()
        now = Sightings(int(count), int(last or 0), int(stored))
        if (
            mark.watermark is None
            or mark.events is None
            or int(added) != now.count - mark.count
            or int(coded) != now.events - mark.events
        ):
            return now, None
        docs = select(copies.c.doc_id).where(recent, copies.c.id <= now.last)
        source = func.coalesce(events.c.source_country, events.c.source_code)
        target = func.coalesce(events.c.target_country, events.c.target_code)
        rows = conn.execute(
            select(source, target).where(events.c.doc_id.in_(docs), target.is_not(None)).distinct()
        )
        return now, {(min(a, b), max(a, b)) for a, b in rows}


def mark_evaluated(
    engine: Engine, count: int, seen: Sightings | None = None, digest: str | None = None
) -> None:
    """Record that the rules (`digest`) have seen `count` sightings (`seen`: up to which id,
    and how many events the store held)."""
    with engine.begin() as conn:
        write_mark(conn, count, seen, digest)


def write_mark(
    conn: Connection, count: int, seen: Sightings | None = None, digest: str | None = None
) -> None:
    """`mark_evaluated` inside the caller's transaction.

    The evaluation writes its alerts and its mark in one transaction: of two evaluations
    running at once, the one that commits last leaves both its alerts and its mark, so an
    older evaluation that saves last also leaves its older mark, and the next refresh
    evaluates again what it did not see.
    """
    values = {
        "value": count,
        "updated_at": datetime.now(UTC),
        "watermark": seen.last if seen else None,
        "events": seen.events if seen else None,
        "digest": digest,
    }
    updated = conn.execute(
        update(evaluation_marks)
        .where(evaluation_marks.c.name == MARK)
        .values(**values)
        .execution_options(preserve_rowcount=True)
    )
    if updated.rowcount == 0:
        if not insert_new(conn, evaluation_marks, ["name"], {"name": MARK, **values}):
            conn.execute(
                update(evaluation_marks).where(evaluation_marks.c.name == MARK).values(**values)
            )


def behind(engine: Engine) -> bool:
    """True when documents arrived after the last evaluation began."""
    return sightings(engine) != evaluated_at(engine)
