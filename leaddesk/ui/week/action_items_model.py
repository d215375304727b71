"""A list model of action items (needs attention, focus items, 1:1 agenda)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from leaddesk.reports.item_wording import item_text
from leaddesk.services.readmodels import ActionItem
from leaddesk.ui import theme

ItemRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class ActionItemsModel(QAbstractListModel):
    """One row per item: 'Person — text', overdue ones in the 'bad' colour with a marker."""

    def __init__(self, show_person: bool = True) -> None:
        super().__init__()
        self.items: list[ActionItem] = []
        self.show_person = show_person
        self.today: date | None = None  # dates of this year are worded without the year

    def set_items(
        self, items: list[ActionItem] | tuple[ActionItem, ...], today: date | None = None
    ) -> None:
        """Replace the rows; `today` decides which dates need their year."""
        self.beginResetModel()
        self.items = list(items)
        self.today = today
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            prefix = "Overdue · " if item.overdue else ""
            who = f"{item.person_name} — " if self.show_person else ""
            return f"{prefix}{who}{item_text(item, self.today)}"
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue:
            return theme.bad()
        if role == Qt.ItemDataRole.ToolTipRole:
            text = item_text(item, self.today)
            return f"{text}\nPress Enter or double-click to open where this is fixed."
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = item_text(item, self.today)
            return f"{'Overdue: ' if item.overdue else ''}{item.person_name}: {text}"
        if role == ItemRole:
            return item
        return None
