"""A person's timeline as a tree: months, newest first, each holding that month's entries."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QIcon

from leaddesk.reports import wording
from leaddesk.services.action_item import ItemKind
from leaddesk.services.timeline import TimelineEntry
from leaddesk.ui import theme

EntryRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("When", "What", "Details")
_MONTH = 0  # internal id of month rows; entry rows carry their month's row + 1
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
_FONT = int(Qt.ItemDataRole.FontRole.value)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

KIND_LABELS: dict[ItemKind, tuple[str, str]] = {
    ItemKind.DELEGATION: ("Delegation", "board"),
    ItemKind.CHECKPOINT: ("Checkpoint", "week"),
    ItemKind.FACTOR: ("Success factor", "fit"),
    ItemKind.PROMISE: ("Promise", "edit"),
    ItemKind.ONE_ON_ONE: ("1:1", "one-on-one"),
    ItemKind.TOPIC: ("Topic", "one-on-one"),
    ItemKind.RELATIONSHIP: ("Relationship note", "people"),
    ItemKind.FEEDBACK: ("Feedback", "reflections"),
    ItemKind.ASSESSMENT: ("Trust assessment", "lock"),
}


class TimelineModel(QAbstractItemModel):
    """Month rows ("November 2026 · 12") with entry rows (date, kind, text) under them.

    Private entries are dropped entirely while presenting; a text or kind filter keeps only
    matching entries (and the months that still hold some).
    """

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[TimelineEntry] = []
        self.months: list[tuple[date, list[TimelineEntry]]] = []
        self.presenter = False
        self._icons: dict[ItemKind, QIcon] = {}
        self._cache: dict[int, tuple[str, str, str]] = {}
        self._bold = QFont()
        self._bold.setWeight(QFont.Weight.DemiBold)
        self._muted = theme.muted_color()
        self._private = theme.mine_color()

    def set_entries(
        self,
        entries: list[TimelineEntry],
        presenter: bool,
        text: str = "",
        kind: ItemKind | None = None,
    ) -> None:
        """Replace the entries (newest first), applying presenter mode and the filter."""
        self.beginResetModel()
        self.presenter = presenter
        self.entries = (
            [replace(e, text=e.shared) if e.shared else e for e in entries if not e.private]
            if presenter
            else entries
        )
        self._icons = {}  # colours follow the palette, which may have changed
        self._cache = {}
        self._muted = theme.muted_color()
        self._private = theme.mine_color()
        self._group(text, kind)
        self.endResetModel()

    def set_filter(self, text: str, kind: ItemKind | None) -> None:
        """Keep only entries whose text contains `text` and (if given) of that kind."""
        self.beginResetModel()
        self._group(text, kind)
        self.endResetModel()

    def _group(self, text: str, kind: ItemKind | None) -> None:
        needle = text.strip().casefold()
        self.months = []
        for entry in self.entries:
            if kind is not None and entry.kind is not kind:
                continue
            if needle and needle not in entry.text.casefold():
                continue
            month = entry.on.replace(day=1)
            if not self.months or self.months[-1][0] != month:
                self.months.append((month, []))
            self.months[-1][1].append(entry)

    def entry(self, index: Index) -> TimelineEntry | None:
        """The entry at `index` (None for month rows)."""
        if not index.isValid() or index.internalId() == _MONTH:
            return None
        return self.months[index.internalId() - 1][1][index.row()]

    def index_of(self, kind: ItemKind, ref_id: int) -> QModelIndex:
        """The first (newest) entry about this item, or an invalid index."""
        for month_row, (_month, entries) in enumerate(self.months):
            for row, entry in enumerate(entries):
                if entry.kind is kind and entry.ref_id == ref_id:
                    return self.createIndex(row, 0, month_row + 1)
        return QModelIndex()

    def visible_count(self) -> int:
        """How many entries pass the filter."""
        return sum(len(entries) for _month, entries in self.months)

    # -- Qt API ------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt API
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _MONTH)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008 - Qt API
        if not child.isValid() or child.internalId() == _MONTH:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _MONTH)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        if not parent.isValid():
            return len(self.months)
        if parent.internalId() == _MONTH and parent.column() == 0:
            return len(self.months[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Hot path (thousands of calls while painting): plain ints, cached row texts.
        if not index.isValid():
            return None
        group = index.internalId()
        if group == _MONTH:
            return self._month_data(index, role)
        entry = self.months[group - 1][1][index.row()]
        column = index.column()
        if role in (_DISPLAY, _ACCESSIBLE):
            return self._texts(entry)[column]
        if role == _FOREGROUND:
            if column == 0:
                return self._muted
            return self._private if entry.private else None
        if role == _DECORATION and column == 1:
            return self._icon(entry.kind)
        if role == _TOOLTIP:
            _when, label, text = self._texts(entry)
            private = "\nPrivate — only you see this." if entry.private else ""
            return (
                f"{wording.day(entry.on)} · {label}\n{text}{private}\n"
                "Double-click or press Enter to open where it lives."
            )
        if role == EntryRole:
            return entry
        return None

    def _texts(self, entry: TimelineEntry) -> tuple[str, str, str]:
        texts = self._cache.get(id(entry))
        if texts is None:
            label = KIND_LABELS.get(entry.kind, (entry.kind.value, ""))[0]
            if entry.private:
                label += " · private"
            texts = (wording.weekday(entry.on, entry.on), label, entry.text)  # month row: year
            self._cache[id(entry)] = texts
        return texts

    def _icon(self, kind: ItemKind) -> QIcon:
        if kind not in self._icons:
            self._icons[kind] = theme.icon(KIND_LABELS.get(kind, ("", "week"))[1])
        return self._icons[kind]

    def _month_data(self, index: Index, role: int) -> Any:
        month, entries = self.months[index.row()]
        if role in (_DISPLAY, _ACCESSIBLE):
            if index.column() != 0:
                return None
            count = len(entries)
            return f"{wording.month(month, full=True)} · {wording.count(count, 'entry', 'entries')}"
        if role == _FONT:
            return self._bold
        return None
