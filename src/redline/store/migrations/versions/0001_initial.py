"""Documents, their copies, and coded events.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the foundation tables."""
    op.create_table(
        "documents",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("source_country", sa.String(3)),
        sa.Column("url", sa.Text),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True)),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "document_copies",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "doc_id",
            sa.String(32),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.UniqueConstraint("doc_id", "source", "origin", name="uq_copy"),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(24), primary_key=True),
        sa.Column(
            "doc_id",
            sa.String(32),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(40)),
        sa.Column("contexts", sa.Text, nullable=False),
        sa.Column("source_code", sa.String(32), nullable=False),
        sa.Column("source_country", sa.String(3)),
        sa.Column("source_sector", sa.String(8)),
        sa.Column("source_person", sa.Text),
        sa.Column("source_text", sa.Text, nullable=False),
        sa.Column("target_code", sa.String(32)),
        sa.Column("target_country", sa.String(3)),
        sa.Column("target_sector", sa.String(8)),
        sa.Column("target_person", sa.Text),
        sa.Column("target_text", sa.Text),
        sa.Column("event_date", sa.Date),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("date_expression", sa.Text),
        sa.Column("modality", sa.String(12), nullable=False),
        sa.Column("attribution", sa.Text),
        sa.Column("intensity", sa.Float),
        sa.Column("cameo", sa.String(8)),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("trigger", sa.Text, nullable=False),
        sa.Column("ev_start", sa.Integer, nullable=False),
        sa.Column("ev_end", sa.Integer, nullable=False),
        sa.Column("ev_text", sa.Text, nullable=False),
        sa.Column("trigger_start", sa.Integer, nullable=False),
        sa.Column("trigger_end", sa.Integer, nullable=False),
    )
    op.create_index("ix_events_pair", "events", ["source_country", "target_country"])
    op.create_index("ix_events_type", "events", ["type"])
    op.create_index("ix_events_date", "events", ["event_date"])
    op.create_index("ix_events_doc", "events", ["doc_id"])


def downgrade() -> None:
    """Drop the foundation tables."""
    op.drop_table("events")
    op.drop_table("document_copies")
    op.drop_table("documents")
