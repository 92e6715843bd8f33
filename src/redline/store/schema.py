"""The store's tables (SQLAlchemy Core). Migrations in `migrations/` create exactly these.

Lengths are declared only where redline fixes a value's form (content-hash ids, enum values,
ISO codes checked at ingest). Names and codes that come from data files or the outside world
are `Text`: PostgreSQL enforces `VARCHAR(n)` where SQLite does not, so a limit there would let
the same document store on one backend and fail on the other.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware moment, stored and returned in UTC on every backend.

    SQLite keeps a datetime as text without its offset, so a time written in +09:00 would
    read back nine hours off; converting to UTC on the way in makes both backends agree.
    Naive values are taken to be UTC already.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """The value in UTC."""
        return None if value is None else _in_utc(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """The stored value as an aware UTC datetime."""
        return None if value is None else _in_utc(value)


def _in_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("source_country", String(3)),
    Column("url", Text),
    Column("published_at", UTCDateTime(), nullable=False),
    Column("language", String(8), nullable=False),
    Column("fetched_at", UTCDateTime()),
    Column("origin", Text, nullable=False),
    Column("ingested_at", UTCDateTime(), nullable=False),
)

# Every sighting of a document: the first one and each syndicated or repeated copy.
document_copies = Table(
    "document_copies",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("published_at", UTCDateTime(), nullable=False),
    Column("origin", Text, nullable=False),
    UniqueConstraint("doc_id", "source", "origin", name="uq_copy"),
)

events = Table(
    "events",
    metadata,
    Column("id", String(24), primary_key=True),
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("type", Text, nullable=False),
    Column("mode", Text),
    Column("contexts", Text, nullable=False, default=""),
    Column("source_code", Text, nullable=False),
    Column("source_country", Text),
    Column("source_sector", Text),
    Column("source_person", Text),
    Column("source_text", Text, nullable=False),
    Column("target_code", Text),
    Column("target_country", Text),
    Column("target_sector", Text),
    Column("target_person", Text),
    Column("target_text", Text),
    Column("event_date", Date),
    Column("date_precision", String(8)),
    Column("date_expression", Text),
    Column("modality", String(12), nullable=False),
    Column("attribution", Text),
    Column("intensity", Float),
    Column("cameo", Text),
    Column("confidence", Float, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("ev_start", Integer, nullable=False),
    Column("ev_end", Integer, nullable=False),
    Column("ev_text", Text, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Index("ix_events_pair", "source_country", "target_country"),
    Index("ix_events_type", "type"),
    Index("ix_events_date", "event_date"),
    Index("ix_events_doc", "doc_id"),
)
