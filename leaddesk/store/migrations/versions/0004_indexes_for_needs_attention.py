"""indexes for Needs attention and the team grid

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 12:00:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("promise", schema=None) as batch_op:
        batch_op.create_index(
            "ix_promise_open_due", ["state", "deleted_at", "due_on", "person_id"], unique=False
        )
    with op.batch_alter_table("one_on_one", schema=None) as batch_op:
        batch_op.create_index(
            "ix_one_on_one_last", ["person_id", "deleted_at", "held_on"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("one_on_one", schema=None) as batch_op:
        batch_op.drop_index("ix_one_on_one_last")
    with op.batch_alter_table("promise", schema=None) as batch_op:
        batch_op.drop_index("ix_promise_open_due")
