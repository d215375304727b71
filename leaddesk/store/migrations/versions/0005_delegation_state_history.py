"""delegation state changes kept as rows

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 12:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "delegation_state_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("delegation_id", sa.Integer(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("from_state", sa.String(length=20), nullable=False),
        sa.Column("to_state", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["delegation_id"],
            ["delegation.id"],
            name=op.f("fk_delegation_state_change_delegation_id_delegation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delegation_state_change")),
    )
    with op.batch_alter_table("delegation_state_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_delegation_state_change_delegation_id"), ["delegation_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("delegation_state_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delegation_state_change_delegation_id"))
    op.drop_table("delegation_state_change")
