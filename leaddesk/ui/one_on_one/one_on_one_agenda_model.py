"""The 1:1 agenda as a checkable list model: open items, then topics; 'discussed' is the check."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from leaddesk.ui import theme
from leaddesk.ui.one_on_one.one_on_one_agenda_row import AgendaRow, RowKey
from leaddesk.ui.one_on_one.one_on_one_session import OneOnOneSession

Index = QModelIndex | QPersistentModelIndex
RowRole = Qt.ItemDataRole.UserRole + 1
TagRole = Qt.ItemDataRole.UserRole + 2
SectionRole = Qt.ItemDataRole.UserRole + 3
StateRole = Qt.ItemDataRole.UserRole + 4  # "overdue", "done", "gap" or ""

OPEN_SECTION = "Open between you"
TOPIC_SECTION = "Topics"


class OneOnOneAgendaModel(QAbstractListModel):
    """Rows of a session's agenda; ticking a row marks it discussed in the session."""

    discussed_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.session: OneOnOneSession | None = None
        self.rows: list[AgendaRow] = []  # a snapshot: the session may change under us

    def set_session(self, session: OneOnOneSession | None) -> None:
        """Show this meeting's agenda (call again whenever its rows change)."""
        self.beginResetModel()
        self.session = session
        self.rows = list(session.rows) if session else []
        self.endResetModel()

    def row_of(self, key: RowKey) -> int:
        """The row number of a key, or -1."""
        return next((i for i, row in enumerate(self.rows) if row.key == key), -1)

    def touch(self, key: RowKey) -> None:
        """Repaint one row after its marks changed."""
        number = self.row_of(key)
        if number >= 0:
            index = self.index(number)
            self.dataChanged.emit(index, index)
            self.discussed_changed.emit()

    # -- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.session is None:
            return None
        row = self.rows[index.row()]
        done = row.key in self.session.discussed
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if done else Qt.CheckState.Unchecked
        if role == TagRole:
            return self._tag(row)
        if role == StateRole:
            if row.key in self.session.outcomes:
                return "done"
            if row.overdue and row.key not in self.session.closed:
                return "overdue"
            return "gap" if row.tag == "Clarity gap" else ""
        if role == SectionRole:
            return self._section(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            hint = "Space ticks it as discussed."
            if row.is_topic:
                hint += " Topics not discussed carry forward to the next 1:1."
            return f"{self._tag(row)}\n{row.text}\n{hint}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._tag(row)}: {row.text}{', discussed' if done else ''}"
        if role == Qt.ItemDataRole.ForegroundRole and done:
            return theme.muted_color()
        if role == RowRole:
            return row
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.session is None:
            return False
        if role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, True)
        self.session.set_discussed(self.rows[index.row()].key, checked)
        self.dataChanged.emit(index, index)
        self.discussed_changed.emit()
        return True

    # -- texts -------------------------------------------------------------------------------
    def _tag(self, row: AgendaRow) -> str:
        assert self.session is not None
        parts = [row.tag]
        if row.is_topic:  # the section caption already says these are topics
            if row.carried_text:
                parts = [row.carried_text.capitalize()]
            elif row.key in self.session.added:
                parts = ["Added today"]
        if row.key in self.session.outcomes:
            parts.append(self.session.outcomes[row.key])
        elif row.key in self.session.closed:
            parts.append("closed")
        elif row.overdue:
            parts.append("overdue")
        if row.key in self.session.added and not row.is_topic:
            parts.append("captured now")
        return " · ".join(parts)

    def _section(self, number: int) -> str:
        rows = self.rows
        row = rows[number]
        if number == 0:
            return TOPIC_SECTION if row.is_topic else OPEN_SECTION
        if row.is_topic and not rows[number - 1].is_topic:
            return TOPIC_SECTION
        return ""
