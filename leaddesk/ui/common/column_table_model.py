"""A table model over read models where each column says how a record is shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon

R = TypeVar("R")
RecordRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
_FONT = int(Qt.ItemDataRole.FontRole.value)


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    """One column: its header and how a record becomes text, tooltip, colour and icon there."""

    header: str
    text: Callable[[R], str]
    tooltip: Callable[[R], str] | None = None
    color: Callable[[R], QColor | None] | None = None
    icon: Callable[[R], QIcon | None] | None = None


class ColumnTableModel(QAbstractTableModel, Generic[R]):
    """Rows of frozen read models with an `id`; the record itself comes back under RecordRole.

    Row-wide styling (colour, bold, tooltip) comes from optional callables; a column's own
    colour or tooltip wins over the row's.
    """

    def __init__(
        self,
        columns: Sequence[Column[R]],
        row_color: Callable[[R], QColor | None] | None = None,
        row_bold: Callable[[R], bool] | None = None,
        row_tooltip: Callable[[R], str] | None = None,
    ) -> None:
        super().__init__()
        self.columns: list[Column[R]] = list(columns)
        self.records: list[R] = []
        self.row_color = row_color
        self.row_bold = row_bold
        self.row_tooltip = row_tooltip
        self._bold = QFont()
        self._bold.setWeight(QFont.Weight.DemiBold)

    def set_records(self, records: Sequence[R], columns: Sequence[Column[R]] | None = None) -> None:
        """Replace the rows (and, if given, the columns)."""
        self.beginResetModel()
        self.records = list(records)
        if columns is not None:
            self.columns = list(columns)
        self.endResetModel()

    def record(self, row: int) -> R | None:
        """The record shown in `row`, if any."""
        return self.records[row] if 0 <= row < len(self.records) else None

    def row_of(self, ident: int) -> int:
        """The row showing the record with this id, or -1."""
        for row, record in enumerate(self.records):
            if getattr(record, "id", None) == ident:
                return row
        return -1

    # -- Qt API ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called thousands of times while painting: compare plain ints, most common roles first.
        if not index.isValid() or index.row() >= len(self.records):
            return None
        record = self.records[index.row()]
        column = self.columns[index.column()]
        if role in (_DISPLAY, _ACCESSIBLE):
            return column.text(record)
        if role == _FOREGROUND:
            color = column.color(record) if column.color else None
            if color is None and self.row_color is not None:
                color = self.row_color(record)
            return color
        if role == _FONT:
            return self._bold if self.row_bold is not None and self.row_bold(record) else None
        if role == _DECORATION:
            return column.icon(record) if column.icon is not None else None
        if role == _TOOLTIP:
            if column.tooltip is not None:
                return column.tooltip(record)
            return self.row_tooltip(record) if self.row_tooltip else None
        if role == RecordRole:
            return record
        return None
