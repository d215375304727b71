"""Capture during a 1:1: a new promise (mine or theirs, due) or feedback, in a few keystrokes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.feedback import FeedbackDirection, FeedbackKind
from leaddesk.domain.promises import PromiseDirection
from leaddesk.reports import wording
from leaddesk.services.action_item import ItemKind
from leaddesk.ui import theme
from leaddesk.ui.common.optional_date_edit import to_qdate
from leaddesk.ui.common.promise_direction import (
    last_promise_direction,
    remember_promise_direction,
)
from leaddesk.ui.context import AppContext
from leaddesk.ui.one_on_one.one_on_one_agenda_row import AgendaRow

HINT = "Ctrl+P a promise made just now · Ctrl+Shift+F feedback given, received or asked for"


class OneOnOneCaptureStrip(QFrame):
    """Two small forms behind two toggles; Enter adds, Esc closes the form."""

    captured = Signal(object, object)  # row key, e.g. ("promise", 12); its AgendaRow or None
    finished = Signal()  # Esc: give focus back to the agenda

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id: int | None = None
        self.setObjectName("captureStrip")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        title = QLabel("<b>Capture</b>")
        top.addWidget(title)
        self.promise_toggle = self._toggle("Promise", "Capture a promise, mine or theirs", "Ctrl+P")
        self.feedback_toggle = self._toggle(
            "Feedback", "Capture feedback given, received or asked for", "Ctrl+Shift+F"
        )
        self.toggles = QButtonGroup(self)
        self.toggles.setExclusive(False)
        self.toggles.addButton(self.promise_toggle, 1)
        self.toggles.addButton(self.feedback_toggle, 2)
        self.toggles.idClicked.connect(self._toggled)
        top.addWidget(self.promise_toggle)
        top.addWidget(self.feedback_toggle)
        top.addStretch(1)
        layout.addLayout(top)
        self.stack = QStackedWidget()
        self.hint = QLabel(HINT)
        self.hint.setObjectName("captureHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {theme.muted_color().name()};")
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self._promise_form())
        self.stack.addWidget(self._feedback_form())
        layout.addWidget(self.stack)
        self._show(0)

    def _toggle(self, text: str, tip: str, shortcut: str) -> QPushButton:
        button = QPushButton(theme.icon("add"), text)
        button.setObjectName(f"capture{text}")
        button.setCheckable(True)
        button.setFlat(True)
        button.setAccessibleName(tip)
        button.setToolTip(f"{tip} ({shortcut})")
        return button

    def _promise_form(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        self.promise_direction = QComboBox()
        self.promise_direction.setObjectName("promiseDirection")
        self.promise_direction.setAccessibleName("Who promised")
        self.promise_direction.addItem("I promise them", PromiseDirection.MINE)
        self.promise_direction.addItem("They promise me", PromiseDirection.THEIRS)
        self.promise_has_due = QCheckBox("&Due")
        self.promise_has_due.setObjectName("promiseHasDue")
        self.promise_has_due.setToolTip("Untick for a promise without a due date")
        self.promise_has_due.setChecked(True)
        self.promise_due = QDateEdit()
        self.promise_due.setObjectName("promiseDue")
        self.promise_due.setAccessibleName("Promise due date")
        self.promise_due.setCalendarPopup(True)
        self.promise_due.setDisplayFormat("d MMM yyyy")
        self.promise_has_due.toggled.connect(self.promise_due.setEnabled)
        self.promise_text = QLineEdit()
        self.promise_text.setObjectName("promiseText")
        self.promise_text.setAccessibleName("What was promised")
        self.promise_text.setPlaceholderText("What was promised — Enter to add")
        self.promise_text.returnPressed.connect(self.add_promise)
        add = QPushButton("Add promise")
        add.setObjectName("addPromise")
        add.setToolTip("Add the promise (Enter in the text)")
        add.clicked.connect(self.add_promise)
        grid.addWidget(self.promise_direction, 0, 0)
        grid.addWidget(self.promise_has_due, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.promise_due, 0, 2)
        grid.addWidget(self.promise_text, 1, 0, 1, 2)
        grid.addWidget(add, 1, 2)
        grid.setColumnStretch(0, 1)
        return page

    def _feedback_form(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        self.feedback_direction = QComboBox()
        self.feedback_direction.setObjectName("feedbackDirection")
        self.feedback_direction.setAccessibleName("Feedback direction")
        self.feedback_direction.addItem("I gave feedback", FeedbackDirection.GIVEN)
        self.feedback_direction.addItem("They gave me feedback", FeedbackDirection.RECEIVED)
        self.feedback_direction.addItem("I asked them for feedback", FeedbackDirection.SOLICITED)
        self.feedback_kind = QComboBox()
        self.feedback_kind.setObjectName("feedbackKind")
        self.feedback_kind.setAccessibleName("Kind of feedback")
        self.feedback_kind.addItem("Any kind", None)
        for kind in FeedbackKind:
            self.feedback_kind.addItem(kind.value.capitalize(), kind)
        self.feedback_text = QLineEdit()
        self.feedback_text.setObjectName("feedbackText")
        self.feedback_text.setAccessibleName("The feedback")
        self.feedback_text.setPlaceholderText(
            "The feedback, or what you asked about — Enter to add"
        )
        self.feedback_text.returnPressed.connect(self.add_feedback)
        add = QPushButton("Add feedback")
        add.setObjectName("addFeedback")
        add.setToolTip("Add the feedback (Enter in the text)")
        add.clicked.connect(self.add_feedback)
        grid.addWidget(self.feedback_direction, 0, 0)
        grid.addWidget(self.feedback_kind, 0, 1, 1, 2)
        grid.addWidget(self.feedback_text, 1, 0, 1, 2)
        grid.addWidget(add, 1, 2)
        grid.setColumnStretch(0, 1)
        return page

    # -- opening the forms -------------------------------------------------------------------
    def set_person(self, person_id: int | None) -> None:
        """Capture for this person from now on."""
        self.person_id = person_id

    def start_promise(self) -> None:
        """Ctrl+P: open the promise form with the text focused."""
        today = self.ctx.desk.today()
        due = to_qdate(today + timedelta(days=7))
        self.promise_due.setMinimumDate(to_qdate(today))
        if self.promise_due.date() < to_qdate(today):
            self.promise_due.setDate(due)
        if not self.promise_text.text():
            self.promise_due.setDate(due)
            # A fresh promise points as quick capture's would: the way the last one recorded.
            self.promise_direction.setCurrentIndex(
                self.promise_direction.findData(last_promise_direction())
            )
        self._show(1)
        self.promise_text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def start_feedback(self) -> None:
        """Ctrl+Shift+F: open the feedback form with the text focused."""
        self._show(2)
        self.feedback_text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _toggled(self, which: int) -> None:
        if self.stack.currentIndex() == which:
            self._show(0)
        elif which == 1:
            self.start_promise()
        else:
            self.start_feedback()

    def _show(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
        self.promise_toggle.setChecked(page == 1)
        self.feedback_toggle.setChecked(page == 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.stack.currentIndex() != 0:
            self._show(0)
            self.finished.emit()
            return
        super().keyPressEvent(event)

    # -- writes ------------------------------------------------------------------------------
    def add_promise(self) -> None:
        """Record the promise typed in the form."""
        person_id, text = self.person_id, self.promise_text.text()
        if person_id is None:
            return
        direction: PromiseDirection = self.promise_direction.currentData()
        due: date | None = None
        if self.promise_has_due.isChecked():
            due = self.promise_due.date().toPython()  # type: ignore[assignment]  # QDate -> date
        made = self._write(
            lambda: self.ctx.desk.add_promise(person_id, direction, text, due_on=due),
            "Promise added.",
        )
        if made is not None:
            remember_promise_direction(direction)
            self.promise_text.clear()
            mine = direction is PromiseDirection.MINE
            when = f" (due {wording.day(due, self.ctx.desk.today())})" if due else ""
            row = AgendaRow(
                ItemKind.PROMISE,
                made,
                text.strip() + when,
                "My promise" if mine else "Their promise",
            )
            self.captured.emit(row.key, row)

    def add_feedback(self) -> None:
        """Record the feedback typed in the form."""
        person_id, text = self.person_id, self.feedback_text.text()
        if person_id is None:
            return
        direction = self.feedback_direction.currentData()
        kind = self.feedback_kind.currentData()
        made = self._write(
            lambda: self.ctx.desk.add_feedback(person_id, direction, text, kind=kind),
            "Feedback added.",
        )
        if made is not None:
            self.feedback_text.clear()
            asked = direction is FeedbackDirection.SOLICITED
            row = AgendaRow(ItemKind.FEEDBACK, made, text.strip(), "Feedback I asked for")
            self.captured.emit(row.key, row if asked else None)

    def _write(self, action: Callable[[], int], done: str) -> int | None:
        # Made by this strip, inside 1:1 mode: the view adds the row itself, no full re-read.
        return self.ctx.result(self, action, done)
