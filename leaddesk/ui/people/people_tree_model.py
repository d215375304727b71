"""The People page's item model: one row per person, nested under whom they report to."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from leaddesk.reports import wording
from leaddesk.services.people import PersonSummary
from leaddesk.ui import theme

IdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
SearchRole = Qt.ItemDataRole.UserRole + 3
COLUMNS = ("Name", "Role", "Area", "In role since")


def role_since(since: date, today: date) -> str:
    """'Mar 2023 · 3 years 8 months': the start month and how long ago; 'new' from today on."""
    return f"{wording.month(since)} · {wording.span(since, today) if since < today else 'new'}"


class PeopleTreeModel(QStandardItemModel):
    """The reports-to tree: name, role, area and time in role; sorts by value, searches by text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels(list(COLUMNS))
        self.items: dict[int, QStandardItem] = {}

    def fill(self, shown: list[PersonSummary], today: date) -> None:
        """Show `shown`, each under their manager when the manager is shown too."""
        ids = {p.id for p in shown}
        children: dict[int | None, list[PersonSummary]] = defaultdict(list)
        for person in shown:
            boss = person.reports_to_id if person.reports_to_id in ids else None
            children[boss].append(person)
        self.removeRows(0, self.rowCount())
        self.items = {}

        def add(parent: QStandardItem, person: PersonSummary, depth: int) -> None:
            row = self._row(person, today, ids)
            parent.appendRow(row)
            self.items[person.id] = row[0]
            if depth < 50:  # reports-to never loops (the desk refuses), but stay safe
                for report in children[person.id]:
                    add(row[0], report, depth + 1)

        root = self.invisibleRootItem()
        for person in children[None]:
            add(root, person, 0)

    @staticmethod
    def _row(person: PersonSummary, today: date, shown: set[int]) -> list[QStandardItem]:
        name = person.name + (" (archived)" if person.archived else "")
        since = role_since(person.in_role_since, today) if person.in_role_since else ""
        cells = [name, person.role or "", person.area or "", since]
        keys: list[Any] = [person.name.casefold(), (person.role or "").casefold()]
        keys += [(person.area or "").casefold(), person.in_role_since or date.max]
        row = []
        for text, key in zip(cells, keys, strict=True):
            item = QStandardItem(text)
            item.setEditable(False)
            item.setData(person.id, IdRole)
            item.setData(key.toordinal() if isinstance(key, date) else key, SortRole)
            if person.archived:
                item.setForeground(theme.muted_color())
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
            row.append(item)
        row[0].setData(" ".join(filter(None, [person.name, person.role, person.area])), SearchRole)
        if person.reports_to_id is None:  # direct reports stand out from skip-levels
            font = row[0].font()
            font.setWeight(QFont.Weight.DemiBold)
            row[0].setFont(font)
        tip = person.name
        if person.reports_to_id is not None and person.reports_to_id not in shown:
            tip += f" — reports to {person.reports_to_name or 'someone not shown'}"
        if person.archived:
            tip += " — archived: kept, but out of the team grid and the board"
        row[0].setToolTip(tip)
        return row
