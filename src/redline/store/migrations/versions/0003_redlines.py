"""Red-line alerts and their evidence.

The tables are those of `redline.store.alerts_schema`, created as they are defined there. When
those definitions change, add a new migration that alters the tables (and freeze this one by
writing its columns out), as 0002 does for the foundation tables.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

from redline.store.alerts_schema import ALERT_TABLES

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the alert tables."""
    bind = op.get_bind()
    for table in ALERT_TABLES:
        table.create(bind)


def downgrade() -> None:
    """Drop the alert tables."""
    bind = op.get_bind()
    for table in reversed(ALERT_TABLES):
        table.drop(bind)
