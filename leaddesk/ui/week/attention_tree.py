"""The Needs attention tree view: Enter opens (or folds a group), the current or hovered row
carries its fix as buttons, Ctrl+Z undoes the last keep made here."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QToolButton,
    QTreeView,
    QWidget,
)

from leaddesk.services.action_item import ActionItem
from leaddesk.ui.week.attention_model import ACTIONS, TEXT, WHEN, AttentionModel, NodeKind

ACTIONS_WIDTH = 150


class AttentionTree(QTreeView):
    """Groups and their items; `opened` asks for the item's place, `undo_requested` for Ctrl+Z."""

    opened = Signal(object)  # an ActionItem
    undo_requested = Signal()

    def __init__(self, model: AttentionModel) -> None:
        super().__init__()
        self.attention = model
        self.can_undo = False
        self.row_actions: Callable[[ActionItem], list[QAction]] = lambda _item: []
        self._placed = QPersistentModelIndex()
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)  # a large team's rows are not measured one by one
        self.setAllColumnsShowFocus(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setExpandsOnDoubleClick(False)  # a double-click on a group is handled like Enter
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WHEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ACTIONS, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(ACTIONS, ACTIONS_WIDTH)
        self.doubleClicked.connect(self.activate)
        self.entered.connect(self._place_actions)
        model.modelReset.connect(self._forget_actions)

    # -- keys --------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # Ctrl+Z is the window's Undo delete; while a keep made here can be undone, the list
        # takes the key first (the latest change is what Undo undoes).
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and self.can_undo
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Undo) and self.can_undo:
            self.undo_requested.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activate(self.currentIndex())
            return
        super().keyPressEvent(event)

    def activate(self, index: QModelIndex) -> None:
        """Enter or double-click: fold a group, list the rest, or open the item."""
        node = self.attention.node(index)
        if node is None:
            return
        first = index.siblingAtColumn(TEXT)
        if node.kind is NodeKind.GROUP:
            self.setExpanded(first, not self.isExpanded(first))
        elif node.kind is NodeKind.MORE:
            row, parent = first.row(), first.parent()
            self.attention.show_more(first)
            self.restore_current(parent, row)
        elif node.item is not None:
            self.opened.emit(node.item)

    # -- current row -------------------------------------------------------------------------
    def current_item(self) -> ActionItem | None:
        """The item of the current row (None on a group or 'Show all' row)."""
        node = self.attention.node(self.currentIndex())
        return node.item if node is not None else None

    def restore_current(self, parent: QModelIndex, row: int) -> None:
        """Make the row at (`parent`, `row`), or the nearest one left, current."""
        count = self.attention.rowCount(parent)
        if count == 0 and parent.isValid():
            row, parent = parent.row(), QModelIndex()
            count = self.attention.rowCount(parent)
        if count:
            self.setCurrentIndex(self.attention.index(min(row, count - 1), 0, parent))

    def currentChanged(
        self,
        current: QModelIndex | QPersistentModelIndex,
        previous: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().currentChanged(current, previous)
        if not self.underMouse():
            self._place_actions(self.currentIndex())

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self._place_actions(self.currentIndex())

    # -- row buttons -------------------------------------------------------------------------
    def _forget_actions(self) -> None:
        self._placed = QPersistentModelIndex()  # a reset dropped the index widgets

    def place_actions(self) -> None:
        """Put the fix buttons on the current row (after a re-read)."""
        self._forget_actions()
        self._place_actions(self.currentIndex())

    def _place_actions(self, index: QModelIndex) -> None:
        target = index.siblingAtColumn(ACTIONS) if index.isValid() else QModelIndex()
        placed = _plain(self._placed)
        if placed.isValid() and placed == target:
            return
        if placed.isValid():
            self.setIndexWidget(placed, None)  # type: ignore[arg-type]  # None removes (and deletes) it
        self._placed = QPersistentModelIndex()
        node = self.attention.node(index)
        if node is None or node.item is None:
            return
        buttons = QWidget()
        buttons.setObjectName("attentionRowActions")
        box = QHBoxLayout(buttons)
        box.setContentsMargins(0, 0, 4, 0)
        box.setSpacing(2)
        box.addStretch(1)
        for action in self.row_actions(node.item):
            button = QToolButton()
            button.setObjectName(f"{action.objectName()}Button")
            button.setText(action.iconText())
            button.setToolTip(action.toolTip() or action.text())
            button.setAccessibleName(action.text().rstrip("…"))
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys work on the list itself
            first = QPersistentModelIndex(index.siblingAtColumn(TEXT))
            button.clicked.connect(lambda _checked=False, a=action, at=first: self._run(a, at))
            box.addWidget(button)
        self.setIndexWidget(target, buttons)
        self._placed = QPersistentModelIndex(target)

    def _run(self, action: QAction, at: QPersistentModelIndex) -> None:
        """A row's button acts on that row: it becomes current first."""
        if at.isValid():
            self.setCurrentIndex(_plain(at))
        self.setFocus()
        action.trigger()


def _plain(index: QPersistentModelIndex) -> QModelIndex:
    """The model index a persistent index points at now (invalid when its row went)."""
    if not index.isValid():
        return QModelIndex()
    return index.model().index(index.row(), index.column(), index.parent())
