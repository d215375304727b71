"""People: search, the reports-to tree, add / edit / archive / delete (with undo)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, QSize, QSortFilterProxyModel, Qt
from PySide6.QtGui import (
    QAction,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from leaddesk.reports import wording
from leaddesk.services.changes import ChangeArea
from leaddesk.services.people import PersonSummary
from leaddesk.services.undo import Deletable
from leaddesk.ui import theme
from leaddesk.ui.common.base_view import BaseView
from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.context import AppContext
from leaddesk.ui.people.archive_prompt import confirm_archive
from leaddesk.ui.people.people_tree_model import IdRole, PeopleTreeModel, SearchRole, SortRole


class PeopleView(BaseView):
    """The people the leader leads, as a searchable reports-to tree."""

    title = "People"
    areas = frozenset({ChangeArea.PEOPLE, ChangeArea.DELETE, ChangeArea.PURGE, ChangeArea.BULK})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._people: dict[int, PersonSummary] = {}
        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._build_actions()
        self.pages.addWidget(self._build_empty())
        self.pages.addWidget(self._build_list())
        self._update_actions()

    # -- construction ------------------------------------------------------------------------
    def _action(
        self, name: str, text: str, icon_name: str, slot: Any, keys: tuple[str, ...], tip: str = ""
    ) -> QAction:
        action = QAction(theme.icon(icon_name), text, self)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut = f" ({' or '.join(keys)})" if keys else ""
        action.setToolTip(f"{tip or text.rstrip('…')}{shortcut}")
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        act = self._action
        keys = ("Ins", "Ctrl+Shift+N")
        self.add_action = act("addPerson", "Add person…", "add", self.add_person, keys)
        under = "Add someone who reports to the selected person"
        skip = self.add_skip_level
        self.add_skip_action = act("addSkip", "Add skip-level…", "add", skip, ("Shift+Ins",), under)
        self.edit_action = act("editPerson", "Edit…", "edit", self.edit_person, ("F2",))
        self.archive_action = act("archivePerson", "Archive", "archive", self.toggle_archived, ())
        self.delete_action = act("deletePerson", "Delete", "delete", self.delete_person, ("Del",))
        self.open_action = act(
            "openPerson", "Open", "people", self.open_person, ("Return", "Enter")
        )

    def _build_empty(self) -> QWidget:
        page = QWidget()
        page.setObjectName("peopleEmpty")
        box = QVBoxLayout(page)
        box.addStretch(1)
        heading = QLabel("No one here yet")
        theme.emphasize(heading, 1.6)
        text = QLabel(
            "Add the leaders who report to you. You can add their own direct reports "
            "(your skip-levels) under them afterwards."
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_first = QPushButton(theme.icon("add"), "Add your first direct report")
        self.add_first.setObjectName("peopleAddFirst")
        self.add_first.setAccessibleName("Add your first direct report")
        self.add_first.setDefault(True)
        self.add_first.clicked.connect(lambda _checked=False: self.add_person())
        box.addWidget(heading, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(text)  # full width: a wrapped label needs it to get its height right
        box.addSpacing(12)
        box.addWidget(self.add_first, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        return page

    def _build_list(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        theme.page_margins(box)
        top = QHBoxLayout()
        title = theme.title_label("People")
        self.search = QLineEdit()
        self.search.setObjectName("peopleSearch")
        self.search.setAccessibleName("Search people")
        self.search.setPlaceholderText("Search name, role or area (Ctrl+F)")
        self.search.setToolTip(
            "Filters as you type. Enter opens the person, Down goes to the list."
        )
        self.search.setClearButtonEnabled(True)
        self.search.addAction(theme.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self._on_search)
        self.search.returnPressed.connect(self.open_person)
        self.show_archived = QCheckBox("Show &archived")
        self.show_archived.setObjectName("peopleShowArchived")
        self.show_archived.setAccessibleName("Show archived people")
        self.show_archived.setToolTip("Archived people are kept, muted and labelled, never lost.")
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.search, 1)
        top.addWidget(self.show_archived)
        box.addLayout(top)
        bar = QToolBar("People actions")
        bar.setObjectName("peopleToolbar")
        bar.setIconSize(QSize(18, 18))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.add_action, self.add_skip_action, self.edit_action):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.archive_action)
        bar.addAction(self.delete_action)
        box.addWidget(bar)
        self.model = PeopleTreeModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)  # a match keeps its manager visible
        self.proxy.setFilterRole(SearchRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(SortRole)
        self.tree = QTreeView()
        self.tree.setObjectName("peopleTree")
        self.tree.setAccessibleName("People by who they report to")
        self.tree.setModel(self.proxy)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.doubleClicked.connect(lambda _index: self.open_person())
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        for action in (self.open_action, self.delete_action):  # not while typing a search
            self.removeAction(action)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.tree.addAction(action)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        box.addWidget(self.tree, 1)
        self.status = QLabel()
        self.status.setObjectName("peopleStatus")
        self.status.setAccessibleName("People count")
        box.addWidget(self.status)
        self.setTabOrder(self.search, self.show_archived)
        self.setTabOrder(self.show_archived, self.tree)
        return page

    # -- rendering ---------------------------------------------------------------------------
    def set_argument(self, argument: Any) -> None:
        """'find' focuses the search box; a person id selects that person."""
        self.refresh()
        if argument == "find" and self.pages.currentIndex() == 1:
            self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search.selectAll()
        elif isinstance(argument, int):
            self._select(argument)

    def load(self) -> None:
        keep = self.current_id()
        everyone = self.ctx.desk.people(include_archived=True)
        if not everyone:
            self.pages.setCurrentIndex(0)
            self.add_first.setFocus()
            self._people = {}
            self._update_actions()
            return
        self.pages.setCurrentIndex(1)
        shown = [p for p in everyone if self.show_archived.isChecked() or not p.archived]
        self._people = {p.id: p for p in shown}
        self._fill(shown)
        self._apply_filter()
        if keep is not None and keep in self.model.items:
            self._select(keep)
        elif not self.tree.currentIndex().isValid() and self.proxy.rowCount():
            self.tree.setCurrentIndex(self.proxy.index(0, 0))
        self._update_status(everyone)
        self._update_actions()

    def _fill(self, shown: list[PersonSummary]) -> None:
        self.model.fill(shown, self.ctx.desk.today())
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, max(self.tree.columnWidth(0) + 24, 220))

    def _on_search(self, _text: str) -> None:
        self._apply_filter()
        self._update_status(None)

    def _apply_filter(self) -> None:
        self.proxy.setFilterFixedString(self.search.text().strip())
        self.tree.expandAll()
        if self.search.text().strip():  # the current row follows the search to a real match
            matches = self._matches()
            ids = [m.data(IdRole) for m in matches]
            if matches and self.current_id() not in ids:
                self.tree.setCurrentIndex(matches[0])
        self._update_actions()

    def _matches(self, parent: QModelIndex = QModelIndex()) -> list[QModelIndex]:  # noqa: B008
        """Visible rows that match the search themselves (not only a manager kept for context)."""
        needle = self.search.text().strip().casefold()
        found = []
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            if needle in str(index.data(SearchRole)).casefold():
                found.append(index)
            found += self._matches(index)
        return found

    def _update_status(self, everyone: list[PersonSummary] | None) -> None:
        query = self.search.text().strip()
        if query:
            matches = len(self._matches())
            self.status.setText(
                f"{wording.count(matches, 'person matches', 'people match')} “{query}”."
                if matches
                else f"Nobody matches “{query}”. Press Esc to clear the search."
            )
            return
        people = list(self._people.values()) if everyone is None else everyone
        active = [p for p in people if not p.archived]
        direct = sum(1 for p in active if p.is_direct_report)
        skip = wording.count(len(active) - direct, "skip-level")
        text = f"{wording.count(direct, 'direct report')} · {skip}"
        archived = sum(1 for p in people if p.archived)
        if archived:
            shown = self.show_archived.isChecked()
            text += f" · {archived} archived" + ("" if shown else " (hidden)")
        if not active and not self.show_archived.isChecked():
            text = "Everyone is archived. Tick “Show archived” to see them, or add someone."
        self.status.setText(text)

    # -- selection ---------------------------------------------------------------------------
    def current_id(self) -> int | None:
        """The selected person's id, if any."""
        index = self.tree.currentIndex()
        value = index.data(IdRole) if index.isValid() else None
        return value if isinstance(value, int) else None

    def current_person(self) -> PersonSummary | None:
        """The selected person, if any."""
        ident = self.current_id()
        return self._people.get(ident) if ident is not None else None

    def _select(self, person_id: int) -> None:
        item = self.model.items.get(person_id)
        if item is not None:
            index = self.proxy.mapFromSource(item.index())
            if index.isValid():
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)

    def _update_actions(self) -> None:
        person = self.current_person() if self.pages.currentIndex() == 1 else None
        for action in self._selection_actions():
            action.setEnabled(person is not None)
        self.archive_action.setText("Unarchive" if person and person.archived else "Archive")

    def _selection_actions(self) -> tuple[QAction, ...]:
        return (
            self.open_action,
            self.add_skip_action,
            self.edit_action,
            self.archive_action,
            self.delete_action,
        )

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.add_action)
        for action in self._selection_actions():
            menu.addAction(action)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Down from the search goes to the list; Esc clears the search."""
        if self.search.hasFocus() and event.key() == Qt.Key.Key_Down:
            self.tree.setFocus()
            if not self.tree.currentIndex().isValid() and self.proxy.rowCount():
                self.tree.setCurrentIndex(self.proxy.index(0, 0))
        elif event.key() == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            self.search.setFocus()
        else:
            super().keyPressEvent(event)

    # -- actions -----------------------------------------------------------------------------
    def add_person(self, reports_to_id: int | None = None) -> None:
        """Add a direct report (or, with `reports_to_id`, a skip-level) and select them."""
        from leaddesk.ui.common.person_dialog import PersonDialog

        new_id = PersonDialog.create(self.ctx, self, reports_to_id=reports_to_id)
        if new_id is not None:
            self._select(new_id)  # the change notice has re-read the tree already

    def add_skip_level(self) -> None:
        """Add someone who reports to the selected person."""
        if (ident := self.current_id()) is not None:
            self.add_person(ident)

    def edit_person(self) -> None:
        """Edit the selected person."""
        from leaddesk.ui.common.person_dialog import PersonDialog

        if (ident := self.current_id()) is not None and PersonDialog.edit(self.ctx, self, ident):
            self._select(ident)

    def toggle_archived(self) -> None:
        """Archive the selected person (after asking) or bring them back."""
        person = self.current_person()
        if person is None:
            return
        if person.archived:
            self.ctx.attempt(
                self,
                lambda: self.ctx.desk.archive_person(person.id, False),
                f"{person.name} is back on the team.",
            )
            return
        reports = sum(1 for p in self._people.values() if p.reports_to_id == person.id)
        if confirm_archive(self, person.name, reports):
            self.ctx.attempt(
                self,
                lambda: self.ctx.desk.archive_person(person.id, True),
                f"Archived {person.name}.",
            )

    def delete_person(self) -> None:
        """Delete the selected person with everything about them; Ctrl+Z brings it all back."""
        person = self.current_person()
        if person is None:
            return
        # Someone with reports is refused by the desk, which says what to do instead.
        neighbour = self.tree.indexBelow(self.tree.currentIndex())
        if not neighbour.isValid():
            neighbour = self.tree.indexAbove(self.tree.currentIndex())
        next_id = neighbour.data(IdRole) if neighbour.isValid() else None
        if self.ctx.delete(self, Deletable.PERSON, person.id) is not None and next_id:
            self._select(next_id)

    def open_person(self) -> None:
        """Open the selected person's page."""
        if (ident := self.current_id()) is not None:
            self.ctx.go("person", PersonTarget(ident))
