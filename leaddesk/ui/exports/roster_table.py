"""A read-only table for the roster preview and its problems: long text wraps, rows breathe."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

_PADDING = 6  # pixels added to every row: wrapped lines stay readable


class _WrappingDelegate(QStyledItemDelegate):
    """Row heights that fit text wrapped at the column's width, plus a little air."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        # QTreeView asks with an empty rect, so the style never wraps: give it the column width.
        wrapped = QStyleOptionViewItem(option)
        wrapped.rect = QRect(0, 0, self.view.header().sectionSize(index.column()), 1)
        size = super().sizeHint(wrapped, index)
        # Rows with and without an icon are as tall as each other.
        icon = self.view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 4
        return QSize(size.width(), max(size.height(), icon) + _PADDING)


class RosterTable(QTreeView):
    """Rows of a flat model, selected whole, never edited; one column takes the spare width."""

    def __init__(self, name: str, accessible: str, tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setToolTip(tip)
        self.setItemDelegate(_WrappingDelegate(self))
        self.setRootIsDecorated(False)
        self.setWordWrap(True)  # rows grow to show long changes and problems whole
        self.setAlternatingRowColors(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.header().setSectionsMovable(False)
        self.header().setStretchLastSection(False)
        self.header().sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())

    def fit(self, stretch: int, samples: dict[int, str]) -> None:
        """Columns as wide as a sample text (or their header), column `stretch` takes the rest."""
        header = self.header()
        metrics = self.fontMetrics()
        model = self.model()
        for column, sample in samples.items():
            title = str(model.headerData(column, header.orientation()) or "")
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width + 28)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
