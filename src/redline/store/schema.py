"""The store's tables (SQLAlchemy Core). Migrations in `migrations/` create exactly these."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("source", String(200), nullable=False),
    Column("source_country", String(3)),
    Column("url", Text),
    Column("published_at", DateTime(timezone=True), nullable=False),
    Column("language", String(8), nullable=False),
    Column("fetched_at", DateTime(timezone=True)),
    Column("origin", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

# Every sighting of a document: the first one and each syndicated or repeated copy.
document_copies = Table(
    "document_copies",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("source", String(200), nullable=False),
    Column("url", Text),
    Column("published_at", DateTime(timezone=True), nullable=False),
    Column("origin", Text, nullable=False),
    UniqueConstraint("doc_id", "source", "origin", name="uq_copy"),
)

events = Table(
    "events",
    metadata,
    Column("id", String(24), primary_key=True),
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("type", String(16), nullable=False),
    Column("mode", String(40)),
    Column("contexts", Text, nullable=False, default=""),
    Column("source_code", String(32), nullable=False),
    Column("source_country", String(3)),
    Column("source_sector", String(8)),
    Column("source_person", Text),
    Column("source_text", Text, nullable=False),
    Column("target_code", String(32)),
    Column("target_country", String(3)),
    Column("target_sector", String(8)),
    Column("target_person", Text),
    Column("target_text", Text),
    Column("event_date", Date),
    Column("date_precision", String(8)),
    Column("date_expression", Text),
    Column("modality", String(12), nullable=False),
    Column("attribution", Text),
    Column("intensity", Float),
    Column("cameo", String(8)),
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
