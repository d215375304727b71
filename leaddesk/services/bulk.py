"""Loading a whole generated world (the demo data) into a new store in one fast transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, exists, insert, select
from sqlalchemy.orm import Session

from leaddesk.domain.errors import ValidationError
from leaddesk.services.base import DeskBase
from leaddesk.services.changes import ChangeArea
from leaddesk.store import models as m
from leaddesk.store.search_bulk import refill_search_index, suspend_search_index

Row = dict[str, Any]
"""One row: column name -> value, every column present (ids included), the same keys per table."""

BATCH_ROWS = 5000
NOT_EMPTY = "This store already has data; demo data goes into a new store."


@dataclass
class World:
    """Every row of a generated world, per table, with explicit ids.

    Within a table a row only refers to rows listed before it (a skip-level after their boss).
    """

    people: list[Row] = field(default_factory=list)
    delegations: list[Row] = field(default_factory=list)
    level_changes: list[Row] = field(default_factory=list)
    state_changes: list[Row] = field(default_factory=list)
    checkpoints: list[Row] = field(default_factory=list)
    success_factors: list[Row] = field(default_factory=list)
    calibrations: list[Row] = field(default_factory=list)
    terms: list[Row] = field(default_factory=list)
    one_on_ones: list[Row] = field(default_factory=list)
    promises: list[Row] = field(default_factory=list)
    promise_events: list[Row] = field(default_factory=list)
    agenda_topics: list[Row] = field(default_factory=list)
    relationship_notes: list[Row] = field(default_factory=list)
    feedback: list[Row] = field(default_factory=list)
    trust_assessments: list[Row] = field(default_factory=list)
    reflections: list[Row] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)

    def tables(self) -> list[tuple[type[m.Base], list[Row]]]:
        """(model, rows) in foreign-key order: every parent table before its children."""
        return [(model, getattr(self, name)) for name, model in _LOAD_ORDER]

    def row_count(self) -> int:
        """How many rows loading this world inserts (settings included)."""
        return sum(len(rows) for _, rows in self.tables()) + len(self.settings)


_LOAD_ORDER: tuple[tuple[str, type[m.Base]], ...] = (
    ("people", m.Person),
    ("delegations", m.Delegation),
    ("level_changes", m.LevelChange),
    ("state_changes", m.DelegationStateChange),
    ("checkpoints", m.Checkpoint),
    ("success_factors", m.SuccessFactor),
    ("calibrations", m.Calibration),
    ("terms", m.Term),
    ("one_on_ones", m.OneOnOne),
    ("promises", m.Promise),
    ("promise_events", m.PromiseEvent),
    ("agenda_topics", m.AgendaTopic),
    ("relationship_notes", m.RelationshipNote),
    ("feedback", m.Feedback),
    ("trust_assessments", m.TrustAssessment),
    ("reflections", m.Reflection),
)


class BulkMixin(DeskBase):
    """Load a generated world at once, for demo data and benchmarks."""

    def load_world(self, world: World, progress: Callable[[int, int], None] | None = None) -> None:
        """Insert every row of `world` in one transaction; all or nothing.

        Rows are trusted (the generator makes valid data); only an empty store is accepted, since
        the rows carry their own ids. `progress(done, total)` is called after every batch.
        """
        total = world.row_count()
        done = 0
        with self._write(ChangeArea.BULK) as session:
            if _has_data(session):
                raise ValidationError(NOT_EMPTY)
            suspended = suspend_search_index(session)  # filled once at the end: far faster
            for model, rows in world.tables():
                if not rows:
                    continue
                table = m.Base.metadata.tables[model.__tablename__]
                _check_columns(table, rows[0])
                for start in range(0, len(rows), BATCH_ROWS):
                    batch = rows[start : start + BATCH_ROWS]
                    # Core executemany: no ORM bookkeeping per row.
                    session.execute(insert(table), batch)
                    done += len(batch)
                    if progress is not None:
                        progress(done, total)
            for key, value in world.settings.items():
                session.merge(m.Setting(key=key, value=value))
            done += len(world.settings)
            refill_search_index(session, suspended)
        if progress is not None:
            progress(done, total)


def _has_data(session: Session) -> bool:
    """Any row at all (deleted ones too: their ids are taken) in a table a world fills."""
    return any(session.scalar(select(exists().select_from(model))) for _, model in _LOAD_ORDER)


def _check_columns(table: Table, row: Row) -> None:
    """A generator bug (a missing or misspelt column) fails loudly, and the load rolls back."""
    expected = {c.name for c in table.columns}
    if set(row) != expected:
        missing = sorted(expected - set(row))
        extra = sorted(set(row) - expected)
        raise ValueError(f"{table.name} rows: missing {missing}, unknown {extra}")
