"""each person's own 1:1 rhythm

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 08:20:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable: everyone in an older store keeps the default rhythm of their place.
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("one_on_one_every_days", sa.Integer(), nullable=True))


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35+): a batch copy of `person` would recreate the table that
    # every other table points at, which the foreign keys (on in a LeadDesk store) refuse.
    op.execute("ALTER TABLE person DROP COLUMN one_on_one_every_days")
