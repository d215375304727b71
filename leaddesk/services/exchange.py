"""Every table of the store as plain rows, out (a consistent snapshot) and in (a new store).

The file format lives in `leaddesk.reports.exchange_json`; this module only knows the tables. Their
description (`exchange_schema`) is read from the ORM metadata, so a new column or table is
exported without code here (and the JSON format version must then be bumped).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, String, Table, delete, insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.errors import ValidationError
from leaddesk.domain.feedback import FeedbackDirection, FeedbackKind, Proposer
from leaddesk.domain.focus import Principle
from leaddesk.domain.levels import DelegationState, EmpowermentLevel, LevelKind
from leaddesk.domain.promises import PromiseDirection, PromiseState
from leaddesk.services.base import DeskBase
from leaddesk.services.changes import ChangeArea
from leaddesk.services.settings import check_stored_setting
from leaddesk.store import models as m
from leaddesk.store.search_bulk import refill_search_index, suspend_search_index

BATCH_ROWS = 5000
Value = int | str | bool | date | datetime | None
"""A stored value as Python sees it (datetimes are naive UTC, as stored)."""


class ColumnKind(enum.Enum):
    """The value types a column holds."""

    INTEGER = "integer"
    STRING = "string"
    BOOLEAN = "boolean"
    DATE = "date"
    DATETIME = "datetime"


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """One column: its type, whether it may be empty, its allowed values, what it refers to."""

    name: str
    kind: ColumnKind
    nullable: bool
    choices: tuple[int | str, ...] | None = None
    references: str | None = None  # the table whose primary key this column holds
    unique: bool = False


@dataclass(frozen=True, slots=True)
class TableSpec:
    """One table: its columns in stored order and its primary-key column."""

    name: str
    columns: tuple[ColumnSpec, ...]
    key: str


def _values(kind: type[enum.Enum]) -> tuple[int | str, ...]:
    return tuple(member.value for member in kind)


_LEVELS = _values(EmpowermentLevel)
_SCORE = (1, 2, 3, 4, 5)
# Closed sets the app reads back as enums: a value outside them would break every later read.
CHOICES: dict[tuple[str, str], tuple[int | str, ...]] = {
    ("delegation", "my_level"): _LEVELS,
    ("delegation", "their_level"): _LEVELS,
    ("delegation", "target_level"): _LEVELS,
    ("delegation", "state"): _values(DelegationState),
    ("level_change", "kind"): _values(LevelKind),
    ("delegation_state_change", "from_state"): _values(DelegationState),
    ("delegation_state_change", "to_state"): _values(DelegationState),
    ("level_change", "from_level"): _LEVELS,
    ("level_change", "to_level"): _LEVELS,
    ("checkpoint", "outcome"): _values(CheckpointOutcome),
    ("calibration", "proposed_by"): _values(Proposer),
    ("promise", "direction"): _values(PromiseDirection),
    ("promise", "state"): _values(PromiseState),
    ("promise_event", "from_state"): _values(PromiseState),
    ("promise_event", "to_state"): _values(PromiseState),
    ("one_on_one", "energy"): _SCORE,
    ("one_on_one_draft", "energy"): _SCORE,
    ("feedback", "direction"): _values(FeedbackDirection),
    ("feedback", "kind"): _values(FeedbackKind),
    ("trust_assessment", "integrity"): _SCORE,
    ("trust_assessment", "intent"): _SCORE,
    ("trust_assessment", "capabilities"): _SCORE,
    ("trust_assessment", "results"): _SCORE,
    ("reflection", "principle"): _values(Principle),
}


def _kind(table: Table, column: Any) -> ColumnKind:
    # DateTime before Date, Boolean before Integer: check the most specific type first.
    for sql_type, kind in (
        (DateTime, ColumnKind.DATETIME),
        (Date, ColumnKind.DATE),
        (Boolean, ColumnKind.BOOLEAN),
        (Integer, ColumnKind.INTEGER),
        (String, ColumnKind.STRING),  # Text is a String too
    ):
        if isinstance(column.type, sql_type):
            return kind
    raise TypeError(f"{table.name}.{column.name}: no exchange type for {column.type!r}")


@cache
def exchange_schema() -> tuple[TableSpec, ...]:
    """Every table of the store, parents before children (the order rows are loaded in)."""
    specs = []
    for table in m.Base.metadata.sorted_tables:
        [key] = [c.name for c in table.primary_key.columns]
        columns = []
        for column in table.columns:
            targets = [fk.column for fk in column.foreign_keys]
            for target in targets:  # exports check references against primary keys only
                assert target.primary_key, f"{table.name}.{column.name} refers to a non-key"
            columns.append(
                ColumnSpec(
                    name=column.name,
                    kind=_kind(table, column),
                    nullable=bool(column.nullable),
                    choices=CHOICES.get((table.name, column.name)),
                    references=targets[0].table.name if targets else None,
                    unique=bool(column.unique),
                )
            )
        specs.append(TableSpec(table.name, tuple(columns), key))
    return tuple(specs)


class ExchangeSnapshot:
    """One consistent read of every table (a single transaction), row by row as plain values."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def rows(self, spec: TableSpec) -> Iterator[tuple[Value, ...]]:
        """The table's rows ordered by primary key, values in `spec.columns` order."""
        table = m.Base.metadata.tables[spec.name]
        query = select(*(table.c[c.name] for c in spec.columns)).order_by(table.c[spec.key])
        for row in self._session.execute(query.execution_options(yield_per=BATCH_ROWS)):
            yield tuple(row)


class ExchangeMixin(DeskBase):
    """Dump every table of the store, and load a whole dump into a new store."""

    @contextmanager
    def exchange_snapshot(self) -> Iterator[ExchangeSnapshot]:
        """Read every table within one transaction, so the rows agree with each other."""
        with self._read() as session:
            yield ExchangeSnapshot(session)

    def load_exchange(
        self,
        tables: Mapping[str, Sequence[Mapping[str, Value]]],
        progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Insert every row of every table in one transaction, keeping their ids; all or nothing.

        For a store that holds no data yet (its settings are replaced by those loaded). Rows must
        have every column of `exchange_schema()` with values of the right type (the reader of the
        file checks that); a row that still breaks a rule of the store fails the whole load.
        Returns how many rows were inserted.
        """
        schema = exchange_schema()
        unknown = sorted(set(tables) - {spec.name for spec in schema})
        if unknown:
            raise ValueError(f"unknown tables {unknown}")
        from leaddesk.services.exchange_rules import apply_rules  # it reads CHOICES from here

        _check_rules(tables)
        tables = apply_rules(tables)
        total = sum(len(rows) for rows in tables.values())
        done = 0
        try:
            with self._write(ChangeArea.BULK) as session:
                # Rows keep their ids; a person may report to someone listed after them.
                session.execute(text("PRAGMA defer_foreign_keys = ON"))
                self._check_empty(session)
                session.execute(delete(m.Setting))  # the new store's defaults give way
                suspended = suspend_search_index(session)  # filled once at the end: far faster
                for spec in schema:
                    rows = tables.get(spec.name, ())
                    table = m.Base.metadata.tables[spec.name]
                    for start in range(0, len(rows), BATCH_ROWS):
                        batch = [dict(row) for row in rows[start : start + BATCH_ROWS]]
                        session.execute(insert(table), batch)
                        done += len(batch)
                        if progress is not None:
                            progress(done, total)
                refill_search_index(session, suspended)
        except IntegrityError as error:
            # Only SQLite's own words: the statement and its parameters may hold private text.
            raise ValidationError(
                f"The rows break a rule of the store ({error.orig}); nothing was loaded."
            ) from None
        return done

    @staticmethod
    def _check_empty(session: Session) -> None:
        for spec in exchange_schema():
            if spec.name == m.Setting.__tablename__:
                continue
            table = m.Base.metadata.tables[spec.name]
            if session.execute(select(table.c[spec.key]).limit(1)).first() is not None:
                raise ValidationError("This store already has data; a full import needs a new one.")


def _check_rules(tables: Mapping[str, Sequence[Mapping[str, Value]]]) -> None:
    """The rules the app enforces on every edit, which a file's types alone do not: settings in
    range, no reports-to loop (texts and dates: `exchange_rules`). A break names its table."""
    for index, row in enumerate(tables.get("setting", ()), start=1):
        try:
            check_stored_setting(str(row["key"]), str(row["value"]))
        except ValidationError as error:
            raise ValidationError(f"table setting, row {index} ({row['key']}): {error}") from None
    bosses: dict[int, int | None] = {}
    for row in tables.get("person", ()):
        boss = row["reports_to_id"]
        bosses[int(str(row["id"]))] = int(str(boss)) if boss is not None else None
    for start in bosses:
        seen = {start}
        current = bosses.get(start)
        while current is not None:
            if current in seen:
                raise ValidationError(
                    f"table person: reports-to makes a loop through person id {start}."
                )
            seen.add(current)
            current = bosses.get(current)
