"""The Timeline tab: everything that happened with a person, newest first, by month."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.errors import UserError
from leaddesk.reports import wording
from leaddesk.services.action_item import ItemKind
from leaddesk.services.timeline import TimelineEntry
from leaddesk.ui import theme
from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.context import AppContext
from leaddesk.ui.person.tabs.tab_parts import empty_label
from leaddesk.ui.person.tabs.timeline_model import KIND_LABELS, TimelineModel

#: Where each kind of entry lives on the person page (1:1s and topics: the relationship tab).
TAB_FOR_KIND: dict[ItemKind, str] = {
    ItemKind.CHECKPOINT: "delegations",
    ItemKind.DELEGATION: "delegations",
    ItemKind.FACTOR: "delegations",
    ItemKind.PROMISE: "promises",
    ItemKind.ONE_ON_ONE: "relationship",
    ItemKind.TOPIC: "relationship",
    ItemKind.RELATIONSHIP: "relationship",
    ItemKind.FEEDBACK: "feedback",
    ItemKind.ASSESSMENT: "overview",
}


class TimelineTab(QWidget):
    """A month-grouped tree over desk.timeline(); Enter or double-click opens an entry's tab."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineTab")
        self.ctx = ctx
        self.person_id: int | None = None
        self.person_name = ""
        self.model = TimelineModel()
        outer = QVBoxLayout(self)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("timelineSearch")
        self.search.setAccessibleName("Filter the timeline")
        self.search.setPlaceholderText("Filter: type a word (e.g. budget)")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(theme.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self._apply_filter)
        self.kind = QComboBox()
        self.kind.setObjectName("timelineKind")
        self.kind.setAccessibleName("Show kind")
        self.kind.setToolTip("Show one kind of entry only")
        self.kind.addItem("All kinds", None)
        for kind, (label, icon_name) in KIND_LABELS.items():
            if kind not in (ItemKind.TOPIC, ItemKind.FACTOR):  # the timeline has none of these
                self.kind.addItem(theme.icon(icon_name), label, kind)
        self.kind.currentIndexChanged.connect(self._apply_filter)
        self.count = QLabel()
        self.count.setObjectName("timelineCount")
        bar.addWidget(self.search, 2)
        bar.addWidget(self.kind)
        bar.addWidget(self.count, 1)
        outer.addLayout(bar)

        self.view = QTreeView()
        self.view.setObjectName("timeline")
        self.view.setAccessibleName("Timeline, newest first")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setExpandsOnDoubleClick(False)
        # Fixed widths from the font: measuring thousands of rows would cost seconds.
        metrics = self.view.fontMetrics()
        header = self.view.header()
        header.setStretchLastSection(True)
        self.view.setColumnWidth(0, metrics.horizontalAdvance("Wed 30 Sep") + 48)
        widest = max(
            metrics.horizontalAdvance(f"{label} · private") for label, _ in KIND_LABELS.values()
        )
        self.view.setColumnWidth(1, widest + 40)
        self.view.doubleClicked.connect(self.open_entry)
        self.open_action = QAction("Open", self.view)
        self.open_action.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_action.triggered.connect(lambda: self.open_entry(self.view.currentIndex()))
        self.view.addAction(self.open_action)
        self.search.returnPressed.connect(self.view.setFocus)
        clear = QAction("Clear filter", self.search)
        clear.setShortcut(QKeySequence("Escape"))
        clear.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        clear.triggered.connect(self.search.clear)
        self.search.addAction(clear)
        self.empty = empty_label("", "timelineEmpty")
        outer.addWidget(self.view, 1)
        outer.addWidget(self.empty, 1)

    # -- rendering ---------------------------------------------------------------------------
    def show_person(self, person_id: int) -> None:
        """Show this person's timeline (private entries left out while presenting)."""
        same = person_id == self.person_id
        current = self.model.entry(self.view.currentIndex()) if same else None
        if not same:
            self.search.clear()
            self.kind.setCurrentIndex(0)
        self.person_id = person_id
        try:
            self.person_name = self.ctx.desk.person(person_id).name
            entries = self.ctx.desk.timeline(person_id)
        except UserError:
            self.person_name, entries = "", []
        self.model.set_entries(entries, self.ctx.presenter, *self._filter())
        self._after_reset(current)

    def select(self, ref_id: int) -> None:
        """Select and scroll to the newest entry about the item with this id."""
        for month_row, (_month, entries) in enumerate(self.model.months):
            for row, entry in enumerate(entries):
                if entry.ref_id == ref_id:
                    self._select(self.model.index(row, 0, self.model.index(month_row, 0)))
                    return

    def _filter(self) -> tuple[str, ItemKind | None]:
        kind = self.kind.currentData()
        return self.search.text(), kind if isinstance(kind, ItemKind) else None

    def _apply_filter(self, *_: object) -> None:
        current = self.model.entry(self.view.currentIndex())
        self.model.set_filter(*self._filter())
        self._after_reset(current)

    def _after_reset(self, current: TimelineEntry | None) -> None:
        self.view.expandAll()
        for row in range(self.model.rowCount()):
            self.view.setFirstColumnSpanned(row, QModelIndex(), True)
        shown, total = self.model.visible_count(), len(self.model.entries)
        filtered = shown != total
        entries = wording.count(total, "entry", "entries")
        self.count.setText(f"{shown} of {entries}" if filtered else entries)
        name = self.person_name or "this person"
        if total == 0:
            self.empty.setText(
                f"Nothing has happened with {name} yet. Delegations, checkpoints, promises, 1:1s, "
                "notes and feedback appear here as you record them."
            )
        else:
            self.empty.setText("Nothing matches the filter. Clear it (Esc) to see everything.")
        self.view.setVisible(shown > 0)
        self.empty.setVisible(shown == 0)
        if current is not None:
            index = self.model.index_of(current.kind, current.ref_id)
            if index.isValid():
                self._select(index)

    def _select(self, index: QModelIndex) -> None:
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    # -- actions -----------------------------------------------------------------------------
    def open_entry(self, index: QModelIndex) -> None:
        """Go to the tab where the entry lives, with the entry's item selected."""
        entry = self.model.entry(index)
        if entry is None or self.person_id is None:
            if index.isValid() and not index.parent().isValid():
                self.view.setExpanded(index, not self.view.isExpanded(index))
            return
        tab = TAB_FOR_KIND.get(entry.kind, "overview")
        self.ctx.go("person", PersonTarget(self.person_id, tab, entry.ref_id))
