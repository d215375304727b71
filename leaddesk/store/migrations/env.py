"""Alembic environment: runs on the connection handed in by leaddesk.store.migrate."""

from __future__ import annotations

from alembic import context

from leaddesk.store.models import Base
from leaddesk.store.search_tables import in_models

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_name=in_models,
)
with context.begin_transaction():
    context.run_migrations()
