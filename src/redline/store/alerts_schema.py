"""The tables of red-line alerts (created by migration 0003_redlines).

They are defined on the store's one `metadata`, so the schema check of the store tests and
Alembic see them as soon as this module is imported (the migration imports it). An alert is
keyed by (rule, pair): re-evaluating the rules replaces its row and its evidence, it never adds
a second alert for the same crossing. Evidence rows copy the sentence and its dates, so an alert
keeps its proof even if the events it came from are re-coded.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from redline.store.schema import UTCDateTime, metadata

alerts = Table(
    "alerts",
    metadata,
    Column("id", String(24), primary_key=True),
    Column("rule", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("pair_a", Text, nullable=False),
    Column("pair_b", Text, nullable=False),
    Column("ordered", Boolean, nullable=False),
    Column("state", String(12), nullable=False),
    Column("severity", Text, nullable=False),
    Column("tier", Integer, nullable=False),
    Column("signalled_on", Date),
    Column("crossed_on", Date),
    Column("confirmed_on", Date),
    Column("sources", Integer, nullable=False),
    Column("mentions", Integer, nullable=False),
    Column("events", Integer, nullable=False),
    Column("outlets", Text, nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    Index("ix_alerts_rule", "rule"),
)

alert_evidence = Table(
    "alert_evidence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("alert_id", String(24), ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("role", String(12), nullable=False),
    Column("event_id", Text),
    Column("doc_id", Text, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("modality", String(12), nullable=False),
    Column("event_date", Date),
    Column("published_on", Date),
    Column("outlets", Text, nullable=False),
    Column("attribution", Text),
    Index("ix_alert_evidence_alert", "alert_id"),
)

ALERT_TABLES = (alerts, alert_evidence)
"""The tables migration 0003 creates."""

# Hygiene (migration 0004). These rows are keyed by the alert id but carry no foreign key: an
# evaluation replaces the `alerts` rows, and what the analyst did with an alert (acknowledged,
# closed, the notes, what was last notified) must outlive that.
alert_status = Table(
    "alert_status",
    metadata,
    Column("alert_id", String(24), primary_key=True),
    Column("status", String(12), nullable=False),  # open | acknowledged | closed
    Column("notified_state", String(12)),
    Column("notified_fingerprint", String(64)),
    Column("notified_at", UTCDateTime()),
    Column("updated_at", UTCDateTime(), nullable=False),
)

alert_history = Table(
    "alert_history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("alert_id", String(24), nullable=False),
    Column("at", UTCDateTime(), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("state", String(12)),
    Column("note", Text),
    Index("ix_alert_history_alert", "alert_id"),
)

rule_mutes = Table(
    "rule_mutes",
    metadata,
    Column("rule", Text, primary_key=True),
    Column("until", Date, nullable=False),
    Column("state_changes", Boolean, nullable=False),  # still send changes of state
    Column("note", Text),
    Column("created_at", UTCDateTime(), nullable=False),
)

HYGIENE_TABLES = (alert_status, alert_history, rule_mutes)

# When the red lines were last evaluated, as the number of document sightings the store held
# then (created by migration 0005). A run killed between storing documents and evaluating the
# rules leaves the mark behind the store, and the next run evaluates them although it finds
# nothing new to store.
evaluation_marks = Table(
    "evaluation_marks",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Integer, nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    # Migration 0006: the highest document_copies.id the evaluation had seen, the events the
    # store then held, and the digest of the rules and ladder it evaluated (an incremental
    # refresh needs all three).
    Column("watermark", Integer),
    Column("events", Integer),
    Column("digest", String(64)),
)
