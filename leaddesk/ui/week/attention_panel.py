"""Needs attention on This week: grouped, worded relative to today, with fixes in place.

A leader scanning on Monday wants who needs them (or what kind of thing is due), the worst first,
and to settle the easy ones without leaving the page. Groups beyond the first few start folded,
long groups and long teams end in a 'Show all' row, and the grouping is remembered.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPoint, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk.reports import wording
from leaddesk.services.action_item import ActionItem
from leaddesk.ui import theme
from leaddesk.ui.context import AppContext
from leaddesk.ui.week.attention_fixes import UNDO_KEYS, AttentionFixes
from leaddesk.ui.week.attention_groups import GroupBy, fix_for
from leaddesk.ui.week.attention_model import AttentionModel, NodeKind
from leaddesk.ui.week.attention_tree import AttentionTree

GROUPS_OPEN = 3  # groups open at first; the rest show their counts until opened
GROUP_SETTING = "week/attentionGroupBy"


class AttentionPanel(QWidget):
    """The Needs attention box of This week."""

    resized = Signal()  # its content height changed (the week view shares the height)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attentionPanel")
        self.ctx = ctx
        self.today = date.min
        self._open: set[str] | None = None  # the groups the user left open (None: the default)
        self._restoring = False
        self.model = AttentionModel()
        saved = QSettings().value(GROUP_SETTING, GroupBy.PERSON.value)
        self.model.by = GroupBy.KIND if saved == GroupBy.KIND.value else GroupBy.PERSON
        self.tree = AttentionTree(self.model)
        self.tree.setObjectName("needsAttention")
        self.tree.setAccessibleName("Needs attention")
        self.fixes = AttentionFixes(ctx, self.tree, self.tree.current_item)
        self.tree.row_actions = self._row_actions
        # Through the actions, so the lock (which disables every action) makes the keys inert.
        self.tree.opened.connect(lambda _item: self.fixes.open_action.trigger())
        self.tree.undo_requested.connect(self.fixes.undo_action.trigger)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self.fixes.update())
        self.tree.customContextMenuRequested.connect(self._menu)
        self.tree.expanded.connect(lambda index: self._remember(index, True))
        self.tree.collapsed.connect(lambda index: self._remember(index, False))
        self.fixes.undo_changed.connect(self._show_undo)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_header())
        layout.addWidget(self.tree, 1)
        layout.addWidget(self._build_undo_strip())
        self.empty = QLabel("Nothing overdue or due. Well done.")
        self.empty.setObjectName("attentionEmpty")
        self.empty.hide()
        layout.addWidget(self.empty)

    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        self.title = QLabel("<b>Needs attention</b>")
        self.title.setObjectName("attentionTitle")
        header.addWidget(self.title, 1)
        header.addWidget(QLabel("Group by"))
        self.group_buttons = QButtonGroup(self)
        for by, text in ((GroupBy.PERSON, "Person"), (GroupBy.KIND, "Kind")):
            button = QToolButton()
            button.setObjectName(f"attentionBy{text}")
            button.setText(text)
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setChecked(by is self.model.by)
            button.setToolTip(
                "Who needs you: one group per person"
                if by is GroupBy.PERSON
                else "What is due: my promises, checkpoints, 1:1s, their promises, clarity gaps"
            )
            button.setAccessibleName(f"Group Needs attention by {text.lower()}")
            button.toggled.connect(lambda on, b=by: self.group_by(b) if on else None)
            self.group_buttons.addButton(button)
            header.addWidget(button)
        return header

    def _build_undo_strip(self) -> QFrame:
        self.undo_strip = QFrame()
        self.undo_strip.setObjectName("attentionUndoStrip")
        self.undo_strip.setFrameShape(QFrame.Shape.StyledPanel)
        box = QHBoxLayout(self.undo_strip)
        box.setContentsMargins(8, 2, 2, 2)
        self.undo_label = QLabel()
        self.undo_label.setObjectName("attentionUndoText")
        self.undo_button = QPushButton(theme.icon("undo"), "Undo")
        self.undo_button.setObjectName("attentionUndo")
        self.undo_button.setToolTip(f"Reopen the promise ({UNDO_KEYS} in the list)")
        self.undo_button.setAccessibleName("Undo: reopen the promise just kept")
        self.undo_button.clicked.connect(self.fixes.undo_action.trigger)
        box.addWidget(self.undo_label, 1)
        box.addWidget(self.undo_button)
        self.undo_strip.hide()
        return self.undo_strip

    # -- content -----------------------------------------------------------------------------
    def set_items(self, items: list[ActionItem], today: date) -> None:
        """Show `items`; the current row stays where it was (the next one after a fix)."""
        current = self.tree.currentIndex()
        in_group = current.parent().isValid()
        key = self._group_key(current)
        top_row = current.parent().row() if in_group else current.row()
        self.today = today
        self.model.set_items(items, today)
        self._apply_open()
        if key is not None:
            parent = self.model.group_index(key)
            if not parent.isValid():  # its last item was fixed: the group that took its place
                self.tree.restore_current(QModelIndex(), top_row)
            elif in_group:
                self.tree.restore_current(parent, current.row())
            else:
                self.tree.setCurrentIndex(parent)
        self.tree.place_actions()
        overdue = sum(1 for item in items if item.overdue)
        self.title.setText(
            f"<b>Needs attention</b> · {wording.count(len(items), 'item')}"
            + (f", {overdue} overdue" if overdue else "")
        )
        self.tree.setVisible(bool(items))
        self.empty.setVisible(not items)
        self.fixes.update()
        self.resized.emit()

    def group_by(self, by: GroupBy) -> None:
        """Group by person or by kind (remembered for the next start)."""
        if by is self.model.by:
            return
        QSettings().setValue(GROUP_SETTING, by.value)
        self._open = None
        self.model.set_items(self.model.items, self.today, by)
        self._apply_open()
        if self.model.rowCount():
            self.tree.setCurrentIndex(self.model.index(0, 0))
        self.resized.emit()

    def _apply_open(self) -> None:
        self._restoring = True
        for row, group in enumerate(self.model.shown_groups()):
            wanted = row < GROUPS_OPEN if self._open is None else group.key in self._open
            self.tree.setExpanded(self.model.index(row, 0), wanted)
        self._restoring = False

    def _remember(self, index: QModelIndex, opened: bool) -> None:
        if self._restoring:
            return
        key = self._group_key(index)
        if key is None:
            return
        if self._open is None:
            self._open = {
                g.key for row, g in enumerate(self.model.shown_groups()) if row < GROUPS_OPEN
            }
        (self._open.add if opened else self._open.discard)(key)
        self.resized.emit()

    def _group_key(self, index: QModelIndex) -> str | None:
        node = self.model.node(index)
        return node.group.key if node is not None and node.group is not None else None

    def content_height(self) -> int:
        """The height that shows every listed row without scrolling (the header included)."""
        rows = 0
        for row in range(self.model.rowCount()):
            rows += 1
            index = self.model.index(row, 0)
            if self.tree.isExpanded(index):
                rows += self.model.rowCount(index)
        row_height = max(self.tree.sizeHintForRow(0), self.fontMetrics().height() + 6)
        chrome = self.title.sizeHint().height() + 2 * self.tree.frameWidth() + 12
        if self.undo_strip.isVisible():
            chrome += self.undo_strip.sizeHint().height()
        return chrome + max(rows, 1) * row_height

    # -- fixes -------------------------------------------------------------------------------
    def _row_actions(self, item: ActionItem) -> list[QAction]:
        fix = fix_for(item)
        fixes = [self.fixes.fix_actions[fix]] if fix is not None else []
        return [*fixes, self.fixes.open_action]

    def _show_undo(self, said: str) -> None:
        self.undo_label.setText(said)
        self.undo_strip.setVisible(bool(said))
        self.tree.can_undo = bool(said)
        self.resized.emit()

    def _menu(self, at: QPoint) -> None:
        index = self.tree.indexAt(at)
        if index.isValid():
            self.tree.setCurrentIndex(index.siblingAtColumn(0))
        menu = QMenu(self.tree)
        menu.setObjectName("attentionMenu")
        node = self.model.node(self.tree.currentIndex())
        if node is not None and node.kind is NodeKind.ITEM:
            menu.addAction(self.fixes.open_action)
            for action in self.fixes.fix_actions.values():
                if action.isEnabled():
                    menu.addAction(action)
            menu.addSeparator()
        if self.fixes.undo_action.isEnabled():
            menu.addAction(self.fixes.undo_action)
            menu.addSeparator()
        for button in self.group_buttons.buttons():
            action = menu.addAction(f"Group by {button.text().lower()}")
            action.setCheckable(True)
            action.setChecked(button.isChecked())
            action.triggered.connect(lambda _checked=False, b=button: b.setChecked(True))
        menu.popup(self.tree.viewport().mapToGlobal(at))
