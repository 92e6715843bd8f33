"""Incremental red-line evaluation: where the last evaluation stopped, and with which rules.

Revision ID: 0006
Revises: 0005

`watermark` is the highest `document_copies.id` the last evaluation had seen, so the next one
can find the sightings that arrived since (and the actor pairs they touch); `events` is how
many events the store then held (so events deleted or written outside the save path show);
`digest` names the rules and ladder it evaluated, so changed rules are evaluated afresh over the
whole store. All three are empty after the upgrade: the first evaluation after it is full.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the three columns (batch mode: SQLite rebuilds the table, PostgreSQL alters it)."""
    with op.batch_alter_table("evaluation_marks") as batch:
        batch.add_column(sa.Column("watermark", sa.Integer, nullable=True))
        batch.add_column(sa.Column("events", sa.Integer, nullable=True))
        batch.add_column(sa.Column("digest", sa.String(64), nullable=True))


def downgrade() -> None:
    """Drop the three columns."""
    with op.batch_alter_table("evaluation_marks") as batch:
        batch.drop_column("digest")
        batch.drop_column("events")
        batch.drop_column("watermark")
