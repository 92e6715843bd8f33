"""Names and codes from data files and outside sources become unbounded text.

PostgreSQL enforces `VARCHAR(n)`: an outlet name over 200 characters, or an organisation
code such as AFDB standing as a person's country, was refused there while SQLite stored it.
SQLite ignores declared lengths (both types have TEXT affinity), so there is nothing to change
on it; rebuilding its tables in batch mode would also fire the ON DELETE CASCADE of `documents`.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# (table, column, length it had in 0001)
WIDENED = (
    ("documents", "source", 200),
    ("document_copies", "source", 200),
    ("events", "type", 16),
    ("events", "mode", 40),
    ("events", "source_code", 32),
    ("events", "source_country", 3),
    ("events", "source_sector", 8),
    ("events", "target_code", 32),
    ("events", "target_country", 3),
    ("events", "target_sector", 8),
    ("events", "cameo", 8),
)


def _enforces_lengths() -> bool:
    return op.get_bind().dialect.name != "sqlite"


def upgrade() -> None:
    """Widen the columns to `TEXT` where the backend enforces lengths."""
    if not _enforces_lengths():
        return
    for table, column, length in WIDENED:
        op.alter_column(table, column, type_=sa.Text, existing_type=sa.String(length))


def downgrade() -> None:
    """Restore the 0001 lengths (fails if a longer value has been stored since)."""
    if not _enforces_lengths():
        return
    for table, column, length in WIDENED:
        op.alter_column(table, column, type_=sa.String(length), existing_type=sa.Text)
