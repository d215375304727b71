"""A roster (a list of people, e.g. from HR) merged into the store: plan first, then apply.

A roster row is matched to a person of the store by name, exactly but in any case (archived people
included). A field the row leaves empty keeps what the store has: a roster never erases anything.
Reports-to names someone in the same roster or already in the store, in any case.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.validation import check_date, clean_email, clean_name, clean_optional_name
from leaddesk.services.base import DeskBase, utcnow
from leaddesk.services.changes import ChangeArea
from leaddesk.store import models as m

FieldValue = str | date | None


@dataclass(frozen=True, slots=True)
class RosterRow:
    """One person of a roster; None means the roster does not say (the store's value stays)."""

    line: int
    name: str
    role: str | None = None
    area: str | None = None
    email: str | None = None
    reports_to: str | None = None  # a name, in the roster or the store
    in_role_since: date | None = None


@dataclass(frozen=True, slots=True)
class RosterProblem:
    """Something that stops the roster from being imported: where (line, field) and what."""

    line: int | None
    field: str | None
    message: str


class RosterAction(enum.Enum):
    """What applying the roster does to one person."""

    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field a row changes: reports-to as names, in-role-since as a date."""

    field: str  # name, role, area, email, reports-to, in-role-since
    old: FieldValue
    new: FieldValue


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """The plan for one roster row."""

    line: int
    name: str
    action: RosterAction
    person_id: int | None  # None for people still to add
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True, slots=True)
class RosterPlan:
    """What applying a roster would do, or the problems that stop it (then entries is empty)."""

    rows: tuple[RosterRow, ...]
    entries: tuple[RosterEntry, ...]
    problems: tuple[RosterProblem, ...]

    def count(self, action: RosterAction) -> int:
        """How many people the plan adds, updates or leaves unchanged."""
        return sum(entry.action is action for entry in self.entries)


@dataclass(frozen=True, slots=True)
class _Known:
    id: int
    name: str
    role: str | None
    area: str | None
    email: str | None
    in_role_since: date | None
    reports_to_id: int | None


Node = tuple[str, int]
"""A person in the merged world: ("store", person id) or ("line", roster line)."""


class RosterMixin(DeskBase):
    """Preview and apply a roster in one transaction."""

    def plan_roster(self, rows: Sequence[RosterRow]) -> RosterPlan:
        """What importing `rows` would do (added / updated with the changes / unchanged).

        Every problem is listed (duplicate names, unknown or ambiguous reports-to, loops, bad
        values), each with its line and field; nothing is written.
        """
        with self._read() as session:
            plan, _ = _plan(tuple(rows), _known(session))
        return plan

    def apply_roster(self, plan: RosterPlan) -> RosterPlan:
        """Apply a plan from `plan_roster` in one transaction; returns what was done.

        Refused when the plan has problems, or when the store changed since it was made (the
        caller should preview again).
        """
        if plan.problems:
            raise ValidationError(
                f"The roster has {len(plan.problems)} problem(s); nothing was imported."
            )
        with self._write(ChangeArea.PEOPLE) as session:
            fresh, bosses = _plan(plan.rows, _known(session))
            if fresh.problems or fresh.entries != plan.entries:
                raise ValidationError(
                    "The people in the store changed since this roster was checked; "
                    "check it again. Nothing was imported."
                )
            people: dict[int, m.Person] = {}
            for entry in fresh.entries:
                if entry.action is RosterAction.UNCHANGED:
                    continue
                if entry.person_id is None:
                    person = m.Person(name=entry.name, archived=False, created_at=utcnow())
                    session.add(person)
                else:
                    person = self._person_row(session, entry.person_id)
                _set_fields(person, entry.changes)
                people[entry.line] = person
            session.flush()  # the new people get their ids
            for line, (kind, ident) in bosses.items():
                people[line].reports_to_id = people[ident].id if kind == "line" else ident
        return fresh


def _set_fields(person: m.Person, changes: Sequence[FieldChange]) -> None:
    for change in changes:
        if change.field == "in-role-since":
            assert change.new is None or isinstance(change.new, date)
            person.in_role_since = change.new
        elif change.field != "reports-to":  # set once everyone has an id
            assert change.new is None or isinstance(change.new, str)
            setattr(person, change.field, change.new)


def _known(session: Session) -> list[_Known]:
    return [
        _Known(*row)
        for row in session.execute(
            select(
                m.Person.id,
                m.Person.name,
                m.Person.role,
                m.Person.area,
                m.Person.email,
                m.Person.in_role_since,
                m.Person.reports_to_id,
            ).where(m.Person.deleted_at.is_(None))
        )
    ]


def _clean(row: RosterRow, problems: list[RosterProblem]) -> RosterRow | None:
    """The row with its values checked by the same rules as the app's forms."""
    checked: dict[str, FieldValue] = {}
    for field, label, rule in (
        ("name", "name", lambda v: clean_name(v)),
        ("role", "role", lambda v: clean_optional_name(v, "Role")),
        ("area", "area", lambda v: clean_optional_name(v, "Area")),
        ("email", "email", lambda v: clean_email(v)),
        ("reports_to", "reports-to", lambda v: clean_optional_name(v, "Reports-to")),
        ("in_role_since", "in-role-since", lambda v: check_date(v, "In role since")),
    ):
        value = getattr(row, field)
        if value is None:
            checked[field] = None
            continue
        try:
            checked[field] = rule(value)
        except ValidationError as error:
            problems.append(RosterProblem(row.line, label, str(error)))
            if field == "name":
                return None
            checked[field] = None
    return RosterRow(row.line, **checked)  # type: ignore[arg-type]


def _plan(raw: tuple[RosterRow, ...], known: list[_Known]) -> tuple[RosterPlan, dict[int, Node]]:
    problems: list[RosterProblem] = []
    if not raw:
        problems.append(RosterProblem(None, None, "The roster lists nobody."))
    rows: list[RosterRow] = []
    first_line: dict[str, int] = {}
    for original in raw:
        row = _clean(original, problems)
        if row is None:
            continue
        key = row.name.casefold()
        if key in first_line:
            problems.append(
                RosterProblem(
                    row.line,
                    "name",
                    f"{row.name} is listed twice (also on line {first_line[key]}).",
                )
            )
            continue
        first_line[key] = row.line
        rows.append(row)

    by_name: dict[str, list[_Known]] = {}
    for person in known:
        by_name.setdefault(person.name.casefold(), []).append(person)
    by_id = {person.id: person for person in known}
    matched: dict[int, _Known | None] = {}
    for row in rows:
        found = by_name.get(row.name.casefold(), [])
        if len(found) > 1:
            problems.append(
                RosterProblem(
                    row.line,
                    "name",
                    f"{len(found)} people in the store are called {row.name}; rename one in "
                    "the app first.",
                )
            )
        matched[row.line] = found[0] if len(found) == 1 else None

    def node(row: RosterRow) -> Node:
        person = matched[row.line]
        return ("store", person.id) if person is not None else ("line", row.line)

    in_file = {row.name.casefold(): row for row in rows}
    bosses: dict[int, Node] = {}
    for row in rows:
        if row.reports_to is None:
            continue
        wanted = row.reports_to.casefold()
        if wanted in in_file:
            bosses[row.line] = node(in_file[wanted])
        elif len(by_name.get(wanted, [])) == 1:
            bosses[row.line] = ("store", by_name[wanted][0].id)
        elif wanted in by_name:
            problems.append(
                RosterProblem(
                    row.line,
                    "reports-to",
                    f"Several people in the store are called {row.reports_to}.",
                )
            )
        else:
            problems.append(
                RosterProblem(
                    row.line,
                    "reports-to",
                    f"Nobody called {row.reports_to} is in this roster or in the store.",
                )
            )
    problems.extend(_loops(rows, node, bosses, by_id))

    if problems:
        return RosterPlan(tuple(raw), (), tuple(problems)), {}
    entries = []
    names_by_line = {row.line: row.name for row in rows}
    for row in rows:
        match = matched[row.line]
        changes = _changes(row, match, bosses.get(row.line), by_id, names_by_line)
        if match is None:
            action = RosterAction.ADDED
        else:
            action = RosterAction.UPDATED if changes else RosterAction.UNCHANGED
        entries.append(
            RosterEntry(row.line, row.name, action, match.id if match else None, changes)
        )
    # Only reports-to values that change are written.
    changed_bosses = {
        entry.line: bosses[entry.line]
        for entry in entries
        if any(c.field == "reports-to" for c in entry.changes)
    }
    return RosterPlan(tuple(raw), tuple(entries), ()), changed_bosses


def _loops(
    rows: list[RosterRow],
    node: Callable[[RosterRow], Node],
    bosses: dict[int, Node],
    by_id: dict[int, _Known],
) -> list[RosterProblem]:
    """A reporting loop the roster would make, once per loop, at its first line in the file."""
    line_of: dict[Node, RosterRow] = {node(row): row for row in rows}
    boss_of: dict[Node, Node | None] = {
        ("store", p.id): (("store", p.reports_to_id) if p.reports_to_id else None)
        for p in by_id.values()
    }
    for row in rows:
        if row.line in bosses:
            boss_of[node(row)] = bosses[row.line]
    problems: list[RosterProblem] = []
    reported: set[frozenset[Node]] = set()
    for row in rows:
        start: Node = node(row)
        path: list[Node] = [start]
        current = boss_of.get(start)
        while current is not None and current not in path:
            path.append(current)
            current = boss_of.get(current)
        if current != start:
            continue
        members = frozenset(path)
        if members in reported:
            continue
        reported.add(members)
        names = [line_of[n].name if n in line_of else by_id[n[1]].name for n in path]
        first = min((line_of[n] for n in path if n in line_of), key=lambda r: r.line)
        if len(path) == 1:
            message = f"{row.name} cannot report to themselves."
        else:
            message = "Reporting loop: " + " → ".join([*names, names[0]]) + "."
        problems.append(RosterProblem(first.line, "reports-to", message))
    return problems


def _changes(
    row: RosterRow,
    person: _Known | None,
    boss: Node | None,
    by_id: dict[int, _Known],
    names_by_line: dict[int, str],
) -> tuple[FieldChange, ...]:
    def name_of(target: Node | None) -> str | None:
        if target is None:
            return None
        return names_by_line[target[1]] if target[0] == "line" else by_id[target[1]].name

    current_boss: Node | None = None
    if person is not None and person.reports_to_id is not None:
        current_boss = ("store", person.reports_to_id)
    pairs: list[tuple[str, FieldValue, FieldValue]] = [
        ("name", person.name if person else None, row.name),
        ("role", person.role if person else None, row.role),
        ("area", person.area if person else None, row.area),
        ("email", person.email if person else None, row.email),
        ("in-role-since", person.in_role_since if person else None, row.in_role_since),
    ]
    changes = [
        FieldChange(field, old, new) for field, old, new in pairs if new is not None and new != old
    ]
    if boss is not None and boss != current_boss:
        changes.append(FieldChange("reports-to", name_of(current_boss), name_of(boss)))
    return tuple(changes)
