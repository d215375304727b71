"""search index: FTS5 over every text the user wrote, kept in step by triggers

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-05 08:30:00.000000

The index lives inside the encrypted store (never beside it) and is written by SQLite triggers,
so every write path (the services, bulk edits, imports, undo, purge) keeps it in step without any
of them knowing it exists. A soft-deleted row leaves the index and comes back when undone; rows
under a deleted person, delegation or success factor stay indexed and are left out when searching.
The text presenter mode hides goes to the `secret` column, so a presenting search can leave it out.

Contentless (the notes are not copied a second time: snippets are cut from the rows themselves),
and secure-delete, so a deleted or purged text leaves no token behind. The rowid orders rows by
date (julian day * 2^28 + id * 16 + the kind's code; people after every date), so the newest
matches of a very common word are a rowid range to rank alone instead of ranking 100,000 rows, and
equal ranks come newest first. FTS5 writes a segment whenever a rowid goes back, so the backfill
adds each table's rows in rowid order. `who` holds "p<person id>": a search within one person is
a full-text condition, not a scan.

Self-contained on purpose: a migration must keep building the same index whatever the models
become later.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from alembic import context, op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TABLE = "search_index"
KINDS = 16
DAY_SPAN = 2**28  # rowid = julian day * DAY_SPAN + id * KINDS + the kind's code: one row per item
UNDATED = 2**23 - 1  # the "day" of people: after every julian day up to the year 9999
COLUMNS = (
    "rowid, title, body, secret, who, kind, item_id, person_id, delegation_id, factor_id, day, "
    "detail"
)


class Source(NamedTuple):
    """One table's rows as index rows; `{r}` stands for the row (NEW in triggers)."""

    table: str
    kind: str
    code: int
    watched: str  # the columns whose change re-indexes the row
    title: str = "''"
    body: str = "''"
    secret: str = "''"
    person: str = "{r}.person_id"
    delegation: str = "NULL"
    factor: str = "NULL"
    day: str = "NULL"
    detail: str = "NULL"
    keep: str = "{r}.deleted_at IS NULL"

    def rowid(self, r: str) -> str:
        day = self.day.format(r=r)
        days = f"coalesce(CAST(julianday({day}) AS INTEGER), 0)" if day != "NULL" else UNDATED
        return f"{days} * {DAY_SPAN} + {r}.id * {KINDS} + {self.code}"

    def select(self, r: str) -> str:
        values = ", ".join(
            part.format(r=r)
            for part in (
                self.rowid("{r}"),
                self.title,
                self.body,
                self.secret,
                f"coalesce('p' || {self.person}, '')",
                f"'{self.kind}'",
                "{r}.id",
                self.person,
                self.delegation,
                self.factor,
                self.day,
                self.detail,
            )
        )
        return f"SELECT {values}"


def _lines(*parts: str) -> str:
    return " || char(10) || ".join(parts)


_DELEGATION_PERSON = "(SELECT person_id FROM delegation WHERE id = {r}.delegation_id)"
_FACTOR_DELEGATION = "(SELECT delegation_id FROM success_factor WHERE id = {r}.factor_id)"

SOURCES = (
    Source(
        "person",
        "person",
        1,
        "name, role, area, deleted_at",
        title="{r}.name",
        body="coalesce({r}.role, '') || ' ' || coalesce({r}.area, '')",
        person="{r}.id",
    ),
    Source(
        "delegation",
        "delegation",
        2,
        "title, done_means, involve_me_when, created_on, person_id, deleted_at",
        title="{r}.title",
        body=_lines("{r}.done_means", "{r}.involve_me_when"),
        delegation="{r}.id",
        day="{r}.created_on",
    ),
    Source(
        "checkpoint",
        "checkpoint",
        3,
        "note, evidence, due_on, completed_on, deleted_at",
        secret=_lines("{r}.note", "{r}.evidence"),
        person=_DELEGATION_PERSON,
        delegation="{r}.delegation_id",
        day="coalesce({r}.completed_on, {r}.due_on)",
        keep="{r}.deleted_at IS NULL AND trim({r}.note || {r}.evidence) != ''",
    ),
    Source(
        "success_factor",
        "success_factor",
        4,
        "name, definition, target, unit, agreed_on, deleted_at",
        title="{r}.name",
        body="{r}.definition || ' ' || coalesce({r}.target, '') || ' ' || coalesce({r}.unit, '')",
        person=_DELEGATION_PERSON,
        delegation="{r}.delegation_id",
        factor="{r}.id",
        day="{r}.agreed_on",
    ),
    Source(
        "calibration",
        "calibration",
        5,
        'reason, old_definition, new_definition, old_target, new_target, "on"',
        body=_lines(
            "{r}.new_definition",
            "{r}.old_definition",
            "coalesce({r}.new_target, '') || ' ' || coalesce({r}.old_target, '')",
        ),
        secret="{r}.reason",
        person="(SELECT d.person_id FROM success_factor f JOIN delegation d "
        "ON d.id = f.delegation_id WHERE f.id = {r}.factor_id)",
        delegation=_FACTOR_DELEGATION,
        factor="{r}.factor_id",
        day='{r}."on"',
        keep="1",
    ),
    Source(
        "term",
        "term",
        6,
        "term, meaning, agreed_on, person_id, deleted_at",
        title="{r}.term",
        body="{r}.meaning",
        day="{r}.agreed_on",
    ),
    Source(
        "promise",
        "promise",
        7,
        "text, direction, made_on, due_on, person_id, deleted_at",
        body="{r}.text",
        day="coalesce({r}.due_on, {r}.made_on)",
        detail="{r}.direction",
    ),
    Source(
        "one_on_one",
        "one_on_one",
        8,
        "shared_notes, private_notes, held_on, person_id, deleted_at",
        body="{r}.shared_notes",
        secret="{r}.private_notes",
        day="{r}.held_on",
        keep="{r}.deleted_at IS NULL AND trim({r}.shared_notes || {r}.private_notes) != ''",
    ),
    Source(
        "agenda_topic",
        "topic",
        9,
        "text, created_on, person_id, deleted_at",
        body="{r}.text",
        day="{r}.created_on",
    ),
    Source(
        "relationship_note",
        "relationship_note",
        10,
        'text, topic, "on", person_id, deleted_at',
        secret="{r}.topic || char(10) || {r}.text",
        day='{r}."on"',
        detail="{r}.topic",
    ),
    Source(
        "feedback",
        "feedback",
        11,
        'text, answer, follow_up, direction, kind, "on", person_id, deleted_at',
        secret=_lines("{r}.text", "coalesce({r}.answer, '')", "{r}.follow_up"),
        day='{r}."on"',
        detail="{r}.direction",
    ),
    Source(
        "trust_assessment",
        "assessment",
        12,
        'note, "on", person_id, deleted_at',
        secret="{r}.note",
        day='{r}."on"',
        keep="{r}.deleted_at IS NULL AND trim({r}.note) != ''",
    ),
    Source(
        "reflection",
        "reflection",
        13,
        "text, week_start",
        secret="{r}.text",
        person="NULL",
        day="{r}.week_start",
        keep="trim({r}.text) != ''",
    ),
)


def _index_row(source: Source) -> str:
    keep = source.keep.format(r="NEW")
    return f"INSERT INTO {TABLE}({COLUMNS}) {source.select('NEW')} WHERE {keep};"


def _unindex_row(source: Source) -> str:
    return f"DELETE FROM {TABLE} WHERE rowid = {source.rowid('OLD')};"


def _triggers(source: Source) -> list[str]:
    name = f"{TABLE}_{source.table}"
    return [
        f"CREATE TRIGGER {name}_insert AFTER INSERT ON {source.table} BEGIN "
        f"{_index_row(source)} END",
        f"CREATE TRIGGER {name}_update AFTER UPDATE OF {source.watched} ON {source.table} BEGIN "
        f"{_unindex_row(source)} {_index_row(source)} END",
        f"CREATE TRIGGER {name}_delete AFTER DELETE ON {source.table} BEGIN "
        f"{_unindex_row(source)} END",
    ]


def _progress() -> Callable[[int, int], None]:
    """The caller's progress hook (done, total), when the upgrade was given one."""
    hook = context.config.attributes.get("progress")
    return hook if callable(hook) else lambda done, total: None


def upgrade() -> None:
    op.execute(
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
        "title, body, secret, who, kind UNINDEXED, item_id UNINDEXED, person_id UNINDEXED, "
        "delegation_id UNINDEXED, factor_id UNINDEXED, day UNINDEXED, detail UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 2', content = '', contentless_delete = 1, "
        "contentless_unindexed = 1)"
    )
    # A deleted (or purged) text leaves no token behind.
    op.execute(f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('secure-delete', 1)")
    progress = _progress()
    total = len(SOURCES) + 1
    for done, source in enumerate(SOURCES):
        progress(done, total)
        # In rowid order (only ids and dates are sorted: no note text reaches a sorter).
        ordered = (
            f"SELECT r.id AS id FROM {source.table} AS r WHERE {source.keep.format(r='r')} "
            f"ORDER BY {source.rowid('r')}"
        )
        op.execute(
            f"INSERT INTO {TABLE}({COLUMNS}) {source.select('r')} "
            f"FROM ({ordered}) AS o JOIN {source.table} AS r ON r.id = o.id"
        )
    progress(len(SOURCES), total)
    op.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")
    for source in SOURCES:
        for statement in _triggers(source):
            op.execute(statement)
    progress(total, total)


def downgrade() -> None:
    for source in SOURCES:
        for action in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_{source.table}_{action}")
    op.execute(f"DROP TABLE IF EXISTS {TABLE}")
    # SQLite 3.51 leaves the shadow table of a contentless_unindexed table behind.
    op.execute(f"DROP TABLE IF EXISTS {TABLE}_content")
