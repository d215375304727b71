"""Filling the search index once after a bulk load, instead of row by row through its triggers.

The triggers of migration 0007 index each inserted row at once. A bulk load (demo data, a JSON
import) inserts table by table, so the index's rowids (which follow dates) keep going back, and
FTS5 writes a new segment each time: the reference demo took 25.8 s instead of 7.2 s. So a bulk
load drops the triggers inside its own transaction, inserts, then fills the index with the
upgrade's own code (one way to fill it) and puts the very same triggers back. A load that fails
rolls back with its transaction, the dropped triggers included: the store is as it was.
"""

from __future__ import annotations

from functools import cache
from types import ModuleType
from typing import NewType

from sqlalchemy.orm import Session

from leaddesk.store.search_tables import SEARCH_INDEX

# The migration that last (re)built the search index: its `fill_index` is how the index is filled.
INDEX_REVISION = "0007"

SuspendedTriggers = NewType("SuspendedTriggers", list[str])
"""The CREATE statements of the triggers a bulk load dropped, to be run again after it."""

_TRIGGERS = (
    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB ? ORDER BY rowid"
)


@cache
def _index_migration() -> ModuleType:
    from alembic.script import ScriptDirectory

    from leaddesk.store.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config()).get_revision(INDEX_REVISION)
    if script is None:  # pragma: no cover - the revision ships with the package
        raise LookupError(f"migration {INDEX_REVISION} is missing")
    return script.module


def suspend_search_index(session: Session) -> SuspendedTriggers:
    """Drop the index's triggers within the session's transaction; the index must then be
    filled with `refill_search_index` before the transaction commits."""
    conn = session.connection()
    rows = conn.exec_driver_sql(_TRIGGERS, (f"{SEARCH_INDEX}_*",)).all()
    for name, _sql in rows:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    return SuspendedTriggers([str(sql) for _name, sql in rows])


def refill_search_index(session: Session, suspended: SuspendedTriggers) -> None:
    """Index every row of the store afresh, in rowid order, and put the triggers back."""
    conn = session.connection()
    conn.exec_driver_sql(f"INSERT INTO {SEARCH_INDEX}({SEARCH_INDEX}) VALUES ('delete-all')")
    _index_migration().fill_index(conn, lambda done, total: None)
    for sql in suspended:
        conn.exec_driver_sql(sql)
