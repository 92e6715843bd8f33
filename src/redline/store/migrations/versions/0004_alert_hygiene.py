"""Alert hygiene: the analyst's status of each alert, its history, and muted rules.

The columns are written out here rather than taken from `alerts_schema`, so later changes to
those tables need a migration of their own. No foreign key to `alerts`: an evaluation replaces
alert rows, and acknowledgements, notes and notification marks must survive it.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the hygiene tables."""
    op.create_table(
        "alert_status",
        sa.Column("alert_id", sa.String(24), primary_key=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("notified_state", sa.String(12)),
        sa.Column("notified_fingerprint", sa.String(64)),
        sa.Column("notified_at", sa.DateTime(timezone=True)),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "alert_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("alert_id", sa.String(24), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("state", sa.String(12)),
        sa.Column("note", sa.Text),
    )
    op.create_index("ix_alert_history_alert", "alert_history", ["alert_id"])
    op.create_table(
        "rule_mutes",
        sa.Column("rule", sa.Text, primary_key=True),
        sa.Column("until", sa.Date, nullable=False),
        sa.Column("state_changes", sa.Boolean, nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    """Drop the hygiene tables."""
    op.drop_table("rule_mutes")
    op.drop_index("ix_alert_history_alert", table_name="alert_history")
    op.drop_table("alert_history")
    op.drop_table("alert_status")
