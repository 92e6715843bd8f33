"""Reading and writing documents and events; each document is saved in one transaction."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import Engine, and_, func, or_, select
from sqlalchemy.exc import IntegrityError

from redline.models import Document, Event
from redline.store.records import copy_row, document_row, event_row, row_document, row_event
from redline.store.schema import document_copies, documents, events
from redline.store.upsert import insert_all_new, insert_new

# A copy is one outlet's sighting of a document at one origin (the `uq_copy` constraint).
COPY_KEY = ("doc_id", "source", "origin")


class SaveOutcome(StrEnum):
    """What saving a document did."""

    NEW = "new"
    COPY = "copy"  # same body already stored under another outlet or path: linked
    SEEN = "seen"  # the very same document and origin again: nothing to do


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters for `Store.events`; every field is optional."""

    actor: str | None = None
    pair: tuple[str, str] | None = None
    types: Sequence[str] = ()
    modalities: Sequence[str] = ()
    since: date | None = None
    until: date | None = None
    doc_id: str | None = None
    limit: int | None = None
    offset: int = 0


class Store:
    """Documents and events in a SQLAlchemy database (SQLite or PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def has_document(self, doc_id: str) -> bool:
        """True when a document with this content hash is stored."""
        with self.engine.connect() as conn:
            found = conn.execute(select(documents.c.id).where(documents.c.id == doc_id)).first()
        return found is not None

    def save(self, doc: Document, coded: Sequence[Event]) -> SaveOutcome:
        """Store a document with its events atomically, or link it as a copy if known.

        Safe when several processes save the same document at once: the content-hash key
        lets exactly one of them insert it (NEW); the others record their sighting (COPY) or
        find it recorded already (SEEN). Each insert comes first in its transaction, so SQLite
        takes the write lock before reading anything and PostgreSQL waits on the other
        writer's key until that writer commits or rolls back.
        """
        with self.engine.begin() as conn:
            if insert_new(conn, documents, ["id"], document_row(doc)):
                insert_new(conn, document_copies, COPY_KEY, copy_row(doc))
                rows = [event_row(e) for e in _unique(coded)]
                insert_all_new(conn, events, ["id"], rows)
                return SaveOutcome.NEW
            if insert_new(conn, document_copies, COPY_KEY, copy_row(doc)):
                return SaveOutcome.COPY
        return SaveOutcome.SEEN

    def save_or_skip(self, doc: Document, coded: Sequence[Event]) -> SaveOutcome:
        """`save`, reporting a document that breaks a table constraint as SEEN.

        `save` itself no longer fails on a concurrent writer's copy of the document; what
        remains to catch is a constraint error in the document's own rows.
        """
        try:
            return self.save(doc, coded)
        except IntegrityError:
            return SaveOutcome.SEEN

    def document(self, doc_id: str) -> Document | None:
        """One document by id."""
        with self.engine.connect() as conn:
            row = conn.execute(select(documents).where(documents.c.id == doc_id)).first()
        return row_document(row) if row else None

    def documents(self) -> Iterator[Document]:
        """All documents in publication order."""
        with self.engine.connect() as conn:
            for row in conn.execute(
                select(documents).order_by(documents.c.published_at, documents.c.id)
            ):
                yield row_document(row)

    def copies(self, doc_id: str) -> list[str]:
        """The outlets that carried a document."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(document_copies.c.source).where(document_copies.c.doc_id == doc_id)
            )
            return sorted({r.source for r in rows})

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        with self.engine.connect() as conn:
            return {
                table.name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
                for table in (documents, document_copies, events)
            }

    def events(self, where: EventFilter = EventFilter()) -> list[Event]:
        """Events matching the filter, undated first, then by date and document position."""
        query = select(events)
        conditions = []
        if where.actor:
            code = where.actor.upper()
            conditions.append(
                or_(
                    events.c.source_country == code,
                    events.c.target_country == code,
                    events.c.source_code == code,
                    events.c.target_code == code,
                )
            )
        if where.pair:
            a, b = (c.upper() for c in where.pair)
            conditions.append(
                or_(
                    and_(events.c.source_country == a, events.c.target_country == b),
                    and_(events.c.source_country == b, events.c.target_country == a),
                )
            )
        if where.types:
            conditions.append(events.c.type.in_([t.upper() for t in where.types]))
        if where.modalities:
            conditions.append(events.c.modality.in_([m.lower() for m in where.modalities]))
        if where.since:
            conditions.append(events.c.event_date >= where.since)
        if where.until:
            conditions.append(events.c.event_date <= where.until)
        if where.doc_id:
            conditions.append(events.c.doc_id == where.doc_id)
        if conditions:
            query = query.where(and_(*conditions))
        # Spelled out because the backends differ: SQLite sorts NULL first, PostgreSQL last.
        query = query.order_by(
            events.c.event_date.asc().nulls_first(),
            events.c.doc_id,
            events.c.sentence,
            events.c.trigger_start,
            events.c.id,
        )
        if where.limit is not None:
            query = query.limit(where.limit)
        if where.offset:
            query = query.offset(where.offset)
        with self.engine.connect() as conn:
            return [row_event(r) for r in conn.execute(query)]


def _unique(coded: Sequence[Event]) -> list[Event]:
    """Events with duplicate ids dropped (a sentence read twice must not fail the insert)."""
    seen: dict[str, Event] = {}
    for item in coded:
        seen.setdefault(item.id, item)
    return list(seen.values())
