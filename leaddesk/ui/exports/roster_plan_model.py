"""The rows of a roster preview (who is added, updated, unchanged, and how) and its problems."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap

from leaddesk.reports import wording
from leaddesk.services.roster import (
    FieldValue,
    RosterAction,
    RosterEntry,
    RosterPlan,
    RosterProblem,
)
from leaddesk.ui import theme
from leaddesk.ui.common.column_table_model import Column, ColumnTableModel

ACTION_LABELS = {
    RosterAction.ADDED: "Add",
    RosterAction.UPDATED: "Update",
    RosterAction.UNCHANGED: "Unchanged",
}


def shown(value: FieldValue) -> str:
    """A field value as the preview shows it: '—' when empty, dates as 2024-03-01 (as the CSV
    file has them, so the user finds the cell)."""
    if value is None:
        return "—"
    return value.isoformat() if isinstance(value, date) else value


def change_parts(entry: RosterEntry) -> list[str]:
    """'role: Head of X → VP X' per changed field; a new person's fields without the arrow."""
    if entry.person_id is None:
        return [f"{c.field}: {shown(c.new)}" for c in entry.changes if c.field != "name"]
    return [f"{c.field}: {shown(c.old)} → {shown(c.new)}" for c in entry.changes]


def changes_text(entry: RosterEntry) -> str:
    """Every change of one row on one line."""
    return "; ".join(change_parts(entry))


def _tooltip(entry: RosterEntry) -> str:
    parts = change_parts(entry)
    if entry.action is RosterAction.UNCHANGED:
        return f"{entry.name} is already up to date."
    head = f"{entry.name} will be added" if entry.person_id is None else f"{entry.name} changes"
    return head + (":\n" + "\n".join(parts) if parts else ".")


def people_count(count: int) -> str:
    """'1 person', '12 people'."""
    return wording.count(count, "person", "people")


class RosterPlanModel(ColumnTableModel[RosterEntry]):
    """One roster row a line: line number, name, what happens, the changes; unchanged may hide."""

    def __init__(self) -> None:
        self._icons: dict[RosterAction, QIcon] = {}
        super().__init__(
            [
                Column("Line", lambda e: str(e.line)),
                Column("Name", lambda e: e.name),
                Column(
                    "What happens",
                    lambda e: ACTION_LABELS[e.action],
                    color=self._action_color,
                    icon=self._action_icon,
                ),
                Column("Changes", changes_text),
            ],
            row_color=lambda e: theme.muted_color() if e.action is RosterAction.UNCHANGED else None,
            row_tooltip=_tooltip,
        )

    def set_plan(self, plan: RosterPlan | None, show_unchanged: bool) -> None:
        """Show the plan's rows in file order, the unchanged ones only when asked."""
        entries: Iterable[RosterEntry] = plan.entries if plan is not None else ()
        if not show_unchanged:
            entries = [e for e in entries if e.action is not RosterAction.UNCHANGED]
        self.set_records(sorted(entries, key=lambda e: e.line))

    @staticmethod
    def _action_color(entry: RosterEntry) -> QColor | None:
        if entry.action is RosterAction.ADDED:
            return theme.good()
        return theme.accent() if entry.action is RosterAction.UPDATED else None

    def _action_icon(self, entry: RosterEntry) -> QIcon:
        if entry.action not in self._icons:  # drawing an SVG per paint would be slow
            if entry.action is RosterAction.UNCHANGED:  # blank, so the words line up
                blank = QPixmap(16, 16)
                blank.fill(Qt.GlobalColor.transparent)
                self._icons[entry.action] = QIcon(blank)
            else:
                name = "add" if entry.action is RosterAction.ADDED else "edit"
                self._icons[entry.action] = theme.icon(name, self._action_color(entry))
        return self._icons[entry.action]


def problem_model(problems: Iterable[RosterProblem] = ()) -> ColumnTableModel[RosterProblem]:
    """What stops a roster from being imported: line, column, and what to fix, in line order."""
    model: ColumnTableModel[RosterProblem] = ColumnTableModel(
        [
            Column("Line", lambda p: str(p.line) if p.line is not None else "—"),
            Column("Column", lambda p: p.field or "—"),
            Column("Problem", lambda p: p.message),
        ],
        row_tooltip=_problem_tooltip,
    )
    model.set_records(sorted(problems, key=lambda p: p.line or 0))
    return model


def _problem_tooltip(problem: RosterProblem) -> str:
    where = [f"line {problem.line}"] if problem.line is not None else ["the file"]
    if problem.field:
        where.append(f"column {problem.field}")
    return f"{', '.join(where).capitalize()}: {problem.message}"
