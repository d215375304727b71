"""covering indexes for team-wide reads

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 09:56:54.565423
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("checkpoint", schema=None) as batch_op:
        batch_op.create_index(
            "ix_checkpoint_by_outcome",
            ["outcome", "deleted_at", "delegation_id", "completed_on", "due_on"],
            unique=False,
        )

    with op.batch_alter_table("delegation", schema=None) as batch_op:
        batch_op.create_index(
            "ix_delegation_by_state", ["state", "deleted_at", "person_id"], unique=False
        )

    with op.batch_alter_table("promise", schema=None) as batch_op:
        batch_op.create_index(
            "ix_promise_by_state",
            ["direction", "state", "deleted_at", "person_id", "resolved_on", "on_time", "due_on"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("promise", schema=None) as batch_op:
        batch_op.drop_index("ix_promise_by_state")

    with op.batch_alter_table("delegation", schema=None) as batch_op:
        batch_op.drop_index("ix_delegation_by_state")

    with op.batch_alter_table("checkpoint", schema=None) as batch_op:
        batch_op.drop_index("ix_checkpoint_by_outcome")
