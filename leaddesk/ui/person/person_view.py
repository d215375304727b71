"""The person page: a header (role, time in role, reports to, last 1:1, trust) and six tabs."""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol, cast

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.errors import UserError
from leaddesk.services.changes import Change, ChangeArea
from leaddesk.services.people import PersonOverview
from leaddesk.ui import theme
from leaddesk.ui.common.action_slots import on_triggered
from leaddesk.ui.common.base_view import BaseView
from leaddesk.ui.common.navigation import TABS, PersonTarget
from leaddesk.ui.common.person_dialog import PersonDialog
from leaddesk.ui.context import AppContext
from leaddesk.ui.person.dialogs.assessment_dialog import AssessmentDialog
from leaddesk.ui.person.person_header import PersonHeader
from leaddesk.ui.person.tabs.delegations_tab import DelegationsTab
from leaddesk.ui.person.tabs.feedback_tab import FeedbackTab
from leaddesk.ui.person.tabs.overview_tab import OverviewTab
from leaddesk.ui.person.tabs.promises_tab import PromisesTab
from leaddesk.ui.person.tabs.relationship_tab import RelationshipTab
from leaddesk.ui.person.tabs.timeline_tab import TimelineTab

# "&&" shows a literal "&" (a single one would make a mnemonic).
TAB_LABELS = ("Overview", "Delegations", "Promises", "1:1s && relationship", "Feedback", "Timeline")
# Tabs that re-read themselves after each of their own writes (they also work on their own):
# the page leaves them alone for the changes they made.
SELF_REFRESHING = (DelegationsTab, PromisesTab, RelationshipTab, FeedbackTab)


class PersonTab(Protocol):
    """What the person page asks of each tab."""

    def show_person(self, person_id: int) -> None: ...

    def select(self, ref_id: int) -> None: ...


class PersonView(BaseView):
    """Everything about one person; tabs render lazily, only the one on screen."""

    title = "Person"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.person_id: int | None = None
        self.person_name = ""
        self._generation = 0
        self._shown: dict[int, tuple[int, int]] = {}
        self._pending: tuple[int, int, Any] | None = None  # tab index, ref id, item kind
        self._overview: PersonOverview | None = None  # while rendering: shared with Overview
        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._build_actions()
        self.pages.addWidget(self._build_empty())
        self.pages.addWidget(self._build_page())

    # -- construction ------------------------------------------------------------------------
    def _action(self, text: str, slot: Any, icon_name: str, tip: str, keys: str = "") -> QAction:
        action = QAction(theme.icon(icon_name), text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            tip = f"{tip} ({QKeySequence(keys).toString()})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        on_triggered(action, slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.edit_action = self._action(
            "Edit person…",
            self.edit_person,
            "edit",
            "Edit name, role, area, reports-to",
            "Ctrl+Shift+E",
        )
        self.archive_action = self._action(
            "Archive…", self.toggle_archive, "archive", "Hide from the team; nothing is deleted"
        )
        self.one_on_one_action = self._action(
            "Start 1:1", self.start_one_on_one, "one-on-one", "Open 1:1 mode with them (Ctrl+1)"
        )
        self.export_action = self._action(
            "Export one-pager…",
            self.export_one_pager,
            "export",
            "Their one page as PDF: private, or the agreement sheet to hand to them",
        )
        self.assess_action = self._action(
            "Record trust assessment…",
            self.record_assessment,
            "add",
            "Score integrity, intent, capabilities and results (private)",
            "Ctrl+Shift+T",
        )

    def _build_empty(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addStretch(1)
        self.empty_text = QLabel()
        self.empty_text.setObjectName("personEmpty")
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setWordWrap(True)
        box.addWidget(self.empty_text)
        people = QPushButton(theme.icon("people"), "Go to People")
        people.setObjectName("personGoPeople")
        people.clicked.connect(lambda: self.ctx.go("people"))
        box.addWidget(people, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        return page

    def _build_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        theme.page_margins(box)
        self.header = PersonHeader(
            [
                ("editPerson", self.edit_action),
                ("archivePerson", self.archive_action),
                ("startOneOnOne", self.one_on_one_action),
                ("exportOnePager", self.export_action),
                ("recordAssessment", self.assess_action),
            ]
        )
        self.header.open_person.connect(lambda pid: self.ctx.go("person", PersonTarget(pid)))
        box.addWidget(self.header)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("personTabs")
        self.tabs.setAccessibleName("Person tabs")
        self.tabs.setDocumentMode(True)
        self.tab_pages: list[PersonTab] = []
        for label, cls in zip(
            TAB_LABELS,
            (OverviewTab, DelegationsTab, PromisesTab, RelationshipTab, FeedbackTab, TimelineTab),
            strict=True,
        ):
            tab = cls(self.ctx)
            self.tabs.addTab(tab, label)
            self.tab_pages.append(cast(PersonTab, tab))
        self.tabs.currentChanged.connect(self._on_tab)
        box.addWidget(self.tabs, 1)
        return page

    # -- navigation --------------------------------------------------------------------------
    def set_argument(self, argument: Any) -> None:
        """Show a person (an id) or a PersonTarget: a person, a tab and an item to select."""
        target = argument if isinstance(argument, PersonTarget) else None
        person_id = target.person_id if target else argument
        if not isinstance(person_id, int):
            return
        same = person_id == self.person_id and not self._dirty and self.pages.currentIndex() == 1
        self.person_id = person_id
        self._pending = None
        if target is not None:
            index = TABS.index(target.tab) if target.tab in TABS else 0
            if target.ref_id is not None:
                self._pending = (index, target.ref_id, getattr(target, "kind", None))
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(index)
            self.tabs.blockSignals(False)
        if same and self.isVisible():
            self._on_tab(self.tabs.currentIndex())  # nothing changed since: no re-read
        else:
            self.refresh()

    def show_tab(self, name: str) -> None:
        """Switch to a tab by its navigation name ('delegations', 'promises'…)."""
        self.tabs.setCurrentIndex(TABS.index(name))

    # -- rendering ---------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        # Navigation shows the page and then sets the person: render once, for the new person,
        # rather than first for the old one (BaseView would render at once when stale).
        QWidget.showEvent(self, event)
        if self._dirty:
            QTimer.singleShot(0, self._render_if_stale)

    def on_changes(self, changes: tuple[Change, ...]) -> None:
        """Re-read once; a change the tab on screen made itself re-reads only the header and
        leaves the other tabs to re-read when shown (the tab has shown its own result)."""
        tab = self.tabs.currentWidget()
        if (
            self.person_id is not None
            and self.isVisible()
            and not self._dirty
            and isinstance(tab, SELF_REFRESHING)
            and all(c.area is not ChangeArea.RESTORE and made_by(c, tab) for c in changes)
        ):
            self._shown[self.tabs.currentIndex()] = (self.person_id, self._generation + 1)
        self.refresh()

    def _render_if_stale(self) -> None:
        if self._dirty and self.isVisible():
            self._dirty = False
            self.load()

    def load(self) -> None:
        self._generation += 1
        if self.person_id is None:
            self._show_empty("Nobody selected. Open a person from This week or People.")
            return
        try:
            overview = self.ctx.desk.person_overview(self.person_id)
        except UserError:
            self._show_empty("That person no longer exists (deleted). Ctrl+Z may bring them back.")
            return
        # One repaint at the end instead of one per changed widget (progress bars repaint at once).
        self.setUpdatesEnabled(False)
        try:
            self.pages.setCurrentIndex(1)
            self._render_header(overview, self.ctx.desk.today())
            self._overview = overview
            self._on_tab(self.tabs.currentIndex())
        finally:
            self._overview = None
            self.setUpdatesEnabled(True)

    def _show_empty(self, text: str) -> None:
        self.empty_text.setText(text)
        self.pages.setCurrentIndex(0)
        for action in (self.edit_action, self.archive_action, self.one_on_one_action):
            action.setEnabled(False)
        self.assess_action.setEnabled(False)
        self.export_action.setEnabled(False)

    def _render_header(self, o: PersonOverview, today: date) -> None:
        self.person_name = o.person.name
        presenter = self.ctx.presenter
        self.header.show_person(o, today, presenter)
        for action in (
            self.edit_action,
            self.archive_action,
            self.one_on_one_action,
            self.export_action,
        ):
            action.setEnabled(True)
        self.archive_action.setText("Unarchive…" if o.person.archived else "Archive…")
        self.assess_action.setEnabled(not presenter)
        self.header.buttons["recordAssessment"].setVisible(not presenter)

    def _on_tab(self, index: int) -> None:
        if self.person_id is None or index < 0 or self.pages.currentIndex() != 1:
            return
        stamp = (self.person_id, self._generation)
        if self._shown.get(index) != stamp:
            self._shown[index] = stamp
            page = self.tab_pages[index]
            if isinstance(page, OverviewTab) and self._overview is not None:
                page.show_person(self.person_id, self._overview)  # read once for both
            else:
                page.show_person(self.person_id)
        if self._pending is not None and self._pending[0] == index:
            _index, ref_id, kind = self._pending
            self._pending = None
            page = self.tab_pages[index]
            if kind is not None and isinstance(page, DelegationsTab | RelationshipTab):
                page.select(ref_id, kind)  # a checkpoint id and a delegation id may coincide
            else:
                page.select(ref_id)

    # -- actions -----------------------------------------------------------------------------
    def edit_person(self) -> None:
        """Edit this person's details."""
        if self.person_id is not None:
            PersonDialog.edit(self.ctx, self, self.person_id)

    def toggle_archive(self) -> None:
        """Archive (or bring back) this person, after asking."""
        if self.person_id is None:
            return
        person = self.ctx.result(self, lambda: self.ctx.desk.person(self.person_id or 0))
        if person is None:
            return
        archive = not person.archived
        text = (
            f"Archive {person.name}?\n\nThey leave the team grid, lists and the board. "
            "Nothing is deleted; you can unarchive them any time."
            if archive
            else f"Bring {person.name} back from the archive?"
        )
        box = QMessageBox(QMessageBox.Icon.Question, "LeadDesk", text, parent=self)
        box.setObjectName("archiveConfirm")
        yes = box.addButton(
            "Archive" if archive else "Unarchive", QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is yes:
            pid = person.id
            self.ctx.attempt(
                self,
                lambda: self.ctx.desk.archive_person(pid, archive),
                f"{'Archived' if archive else 'Unarchived'} {person.name}.",
            )

    def start_one_on_one(self) -> None:
        """Open 1:1 mode with this person."""
        if self.person_id is not None:
            self.ctx.go("one_on_one", self.person_id)

    def export_one_pager(self) -> None:
        """Their one-pager: choose the flavour, see the page, save the PDF."""
        from leaddesk.ui.exports.export_person_dialog import ExportPersonDialog

        if self.person_id is not None:
            dialog = ExportPersonDialog(self.ctx, self.window(), self.person_id)
            dialog.exec()
            dialog.deleteLater()

    def record_assessment(self) -> None:
        """Record a trust assessment (not while presenting)."""
        if self.person_id is not None and not self.ctx.presenter:
            new = AssessmentDialog.record(self.ctx, self, self.person_id)
            if new is not None:
                self.tabs.setCurrentIndex(0)
                self.tab_pages[0].select(new)


def made_by(change: Change, tab: QWidget) -> bool:
    """Whether `tab` itself, or a dialog it opened, made `change` (not a panel inside it, such
    as the terms panel, which leaves re-reading to the page)."""
    initiator = change.initiator
    if isinstance(initiator, QDialog):
        initiator = initiator.parent()
    return initiator is tab
