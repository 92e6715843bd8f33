"""Evaluation marks: how far the store had grown when the red lines were last evaluated.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the marks table (empty: the first run after the upgrade evaluates once)."""
    op.create_table(
        "evaluation_marks",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("value", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    """Drop the marks table."""
    op.drop_table("evaluation_marks")
