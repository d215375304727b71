"""The Needs attention tree: groups (collapsed beyond a few), their items, and 'show all' rows.

A large team must not turn the box into a list nobody reads: only the first groups and the first
items of a group are rows until the user asks for all of them with the 'Show all' row.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from leaddesk.reports import wording
from leaddesk.reports.item_wording import item_text
from leaddesk.services.action_item import ActionItem
from leaddesk.ui import theme
from leaddesk.ui.week.action_items_model import ItemRole
from leaddesk.ui.week.attention_groups import (
    AttentionGroup,
    Fix,
    GroupBy,
    fix_for,
    group_items,
    group_summary,
    overdue_text,
    row_text,
    when_text,
)

GROUPS_SHOWN = 8  # groups listed before 'Show all N people'
ITEMS_SHOWN = 5  # rows of a group before 'Show all N'
TEXT, WHEN, ACTIONS = range(3)
NodeRole = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
FIX_HINTS = {
    Fix.KEEP: "K marks it kept (Ctrl+Z undoes)",
    Fix.COMPLETE: "C records the checkpoint's outcome",
    Fix.START: "S starts the 1:1",
}
_TOP = 0xFFFFFFFF  # internalId of top-level rows (a group's children carry the group's row)


class NodeKind(enum.Enum):
    """What a row is."""

    GROUP = "group"
    ITEM = "item"
    MORE = "more"  # 'Show all …': lists the rest of a group, or the rest of the groups


@dataclass(frozen=True, slots=True)
class Node:
    """One row: its kind, its group (None for the groups' 'Show all' row) and its item."""

    kind: NodeKind
    group: AttentionGroup | None = None
    item: ActionItem | None = None


class AttentionModel(QAbstractItemModel):
    """Groups as top-level rows, items under them; columns: what, when, and the row's fixes."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[ActionItem] = []
        self.groups: list[AttentionGroup] = []
        self.by = GroupBy.PERSON
        self.today = date.min
        self.all_groups = False
        self.full_groups: set[str] = set()  # keys of groups showing every item

    # -- content -----------------------------------------------------------------------------
    def set_items(self, items: list[ActionItem], today: date, by: GroupBy | None = None) -> None:
        """Replace the items (and, given, the grouping); 'show all' choices stay while they
        still apply, so a fix in a long group does not fold it away."""
        self.beginResetModel()
        if by is not None and by is not self.by:
            self.by = by
            self.full_groups.clear()
        self.items = list(items)
        self.today = today
        self.groups = group_items(self.items, self.by)
        self.endResetModel()

    def show_more(self, index: Index) -> None:
        """Act on a 'Show all' row: list every group, or every item of its group."""
        node = self.node(index)
        if node is None or node.kind is not NodeKind.MORE:
            return
        self.beginResetModel()
        if node.group is None:
            self.all_groups = True
        else:
            self.full_groups.add(node.group.key)
        self.endResetModel()

    def shown_groups(self) -> list[AttentionGroup]:
        """The groups that are rows now."""
        return self.groups if self.all_groups else self.groups[:GROUPS_SHOWN]

    def _shown_items(self, group: AttentionGroup) -> tuple[ActionItem, ...]:
        if group.key in self.full_groups or len(group.items) <= ITEMS_SHOWN + 1:
            return group.items
        return group.items[:ITEMS_SHOWN]

    def _hidden_groups(self) -> int:
        return len(self.groups) - len(self.shown_groups())

    def node(self, index: Index) -> Node | None:
        """The row at `index`."""
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            shown = self.shown_groups()
            if index.row() < len(shown):
                return Node(NodeKind.GROUP, shown[index.row()])
            return Node(NodeKind.MORE)
        group = self.shown_groups()[index.internalId()]
        items = self._shown_items(group)
        if index.row() < len(items):
            return Node(NodeKind.ITEM, group, items[index.row()])
        return Node(NodeKind.MORE, group)

    def group_index(self, key: str) -> QModelIndex:
        """The row of the group with `key` (invalid when it is not listed)."""
        for row, group in enumerate(self.shown_groups()):
            if group.key == key:
                return self.index(row, 0)
        return QModelIndex()

    def item_index(self, item: ActionItem) -> QModelIndex:
        """The row of `item` (matched by kind and id), invalid when it is not listed."""
        for row, group in enumerate(self.shown_groups()):
            for child, shown in enumerate(self._shown_items(group)):
                if (shown.kind, shown.ref_id, shown.person_id, shown.detail) == (
                    item.kind,
                    item.ref_id,
                    item.person_id,
                    item.detail,
                ):
                    return self.index(child, 0, self.index(row, 0))
        return QModelIndex()

    # -- Qt model ----------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt API
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, parent.row())

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008 - Qt API
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, _TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        if not parent.isValid():
            return len(self.shown_groups()) + (1 if self._hidden_groups() else 0)
        if parent.column() != 0 or parent.internalId() != _TOP:
            return 0
        node = self.node(parent)
        if node is None or node.group is None:
            return 0
        shown = len(self._shown_items(node.group))
        return shown + (1 if shown < len(node.group.items) else 0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        if role == NodeRole:
            return node
        if node.kind is NodeKind.GROUP:
            return self._group_data(node, index.column(), role)
        if node.kind is NodeKind.MORE:
            return self._more_data(node, index.column(), role)
        return self._item_data(node, index.column(), role)

    def _group_data(self, node: Node, column: int, role: int) -> Any:
        group = node.group
        assert group is not None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TEXT:
                return f"{group.title}  ·  {group_summary(group, self.by)}"
            return overdue_text(group) if column == WHEN else None
        if role == Qt.ItemDataRole.FontRole and column == TEXT:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == WHEN and group.overdue:
            return theme.bad()
        if role == Qt.ItemDataRole.AccessibleTextRole and column == TEXT:
            late = f", {overdue_text(group)}" if group.overdue else ""
            return f"{group.title}: {group_summary(group, self.by)}{late}"
        if role == Qt.ItemDataRole.ToolTipRole and column == TEXT:
            return "Enter or a click opens and closes the group; Left and Right too."
        return None

    def _more_data(self, node: Node, column: int, role: int) -> Any:
        if column != TEXT:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if node.group is None:
                noun = ("person", "people") if self.by is GroupBy.PERSON else ("kind", "kinds")
                return f"Show all {wording.count(len(self.groups), *noun)}…"
            return f"Show all {len(node.group.items):,}…"
        if role == Qt.ItemDataRole.ForegroundRole:
            return theme.muted_color()
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Enter or a double-click lists the rest."
        return None

    def _item_data(self, node: Node, column: int, role: int) -> Any:
        item = node.item
        assert item is not None
        if role == ItemRole:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TEXT:
                return row_text(item, self.by, self.today)
            return when_text(item, self.today) if column == WHEN else None
        if role == Qt.ItemDataRole.ForegroundRole and column == WHEN:
            # Colour for what is late only; today reads plain, what can wait reads muted.
            if item.overdue:
                return theme.bad()
            if item.on == self.today:
                return None
            return theme.muted_color()
        if role == Qt.ItemDataRole.AccessibleTextRole and column == TEXT:
            when = when_text(item, self.today)
            return f"{row_text(item, GroupBy.KIND, self.today)}{', ' + when if when else ''}"
        if role == Qt.ItemDataRole.ToolTipRole and column in (TEXT, WHEN):
            fix = fix_for(item)
            keys = "Enter opens it where it lives" + (f" · {FIX_HINTS[fix]}" if fix else "")
            # The whole sentence, absolute date included, under the glance's relative one.
            return f"{item.person_name} — {item_text(item, self.today)}\n{keys}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
