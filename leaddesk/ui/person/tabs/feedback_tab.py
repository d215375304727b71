"""The Feedback tab: given, received and solicited feedback, open solicitations first."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.errors import UserError
from leaddesk.domain.feedback import FeedbackDirection
from leaddesk.services.readmodels import FeedbackView
from leaddesk.services.undo import Deletable
from leaddesk.ui.common.column_table_model import ColumnTableModel
from leaddesk.ui.common.presenter import HIDDEN
from leaddesk.ui.context import AppContext
from leaddesk.ui.person.dialogs.answer_dialog import AnswerDialog
from leaddesk.ui.person.dialogs.feedback_dialog import FeedbackDialog, FeedbackInput
from leaddesk.ui.person.dialogs.follow_up_dialog import FollowUpDialog
from leaddesk.ui.person.tabs import feedback_format as fmt
from leaddesk.ui.person.tabs.tab_parts import (
    DATE_SAMPLE,
    detail_label,
    empty_label,
    framed,
    make_action,
    record_view,
    select_row,
    selected_row,
    size_columns,
    tool_button,
)

_SHOW = (
    ("All feedback", None),
    ("Given", FeedbackDirection.GIVEN),
    ("Received", FeedbackDirection.RECEIVED),
    ("Solicited", FeedbackDirection.SOLICITED),
)
_DONE = {
    FeedbackDirection.GIVEN: "Feedback given recorded.",
    FeedbackDirection.RECEIVED: "Feedback received recorded.",
    FeedbackDirection.SOLICITED: "Question recorded; it stays open until they answer.",
}


class FeedbackTab(QWidget):
    """A culture of feedback with one person: what I gave, what I received, what I asked."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedbackTab")
        self.ctx = ctx
        self.person_id: int | None = None
        self.person_name = ""
        self.all: list[FeedbackView] = []
        self.model: ColumnTableModel[FeedbackView] = ColumnTableModel(
            fmt.columns(),
            row_color=fmt.color,
            row_bold=lambda f: f.is_open,
            row_tooltip=fmt.tooltip,
        )
        self._build_actions()
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        for action, name in (
            (self.give_action, "giveFeedback"),
            (self.received_action, "recordReceived"),
            (self.ask_action, "askFeedback"),
            (self.answer_action, "answerSolicitation"),
            (self.follow_up_action, "setFollowUp"),
            (self.delete_action, "deleteFeedback"),
        ):
            bar.addWidget(tool_button(action, name))
        bar.addStretch(1)
        outer.addLayout(bar)

        line = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("feedbackSummary")
        self.summary.setAccessibleName("Feedback in the last 30 days")
        self.show_combo = QComboBox()
        self.show_combo.setObjectName("feedbackShow")
        self.show_combo.setAccessibleName("Show")
        self.show_combo.setToolTip("Show all feedback or one direction")
        for label, direction in _SHOW:
            self.show_combo.addItem(label, direction)
        self.show_combo.currentIndexChanged.connect(lambda *_: self._fill())
        line.addWidget(self.summary, 1)
        show_label = QLabel("&Show:")
        show_label.setObjectName("feedbackShowLabel")
        show_label.setBuddy(self.show_combo)
        line.addWidget(show_label)
        line.addWidget(self.show_combo)
        outer.addLayout(line)

        self.view = record_view("feedbackList", "Feedback, open solicitations first", self.model)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.view.doubleClicked.connect(lambda *_: self.default_action())
        enter = QAction("Open", self.view)
        enter.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        enter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        enter.triggered.connect(self.default_action)
        self.view.addAction(enter)
        self.empty = empty_label("", "feedbackEmpty")
        outer.addWidget(self.view, 3)
        outer.addWidget(self.empty, 3)
        self.detail = detail_label("feedbackDetail", "Selected feedback")
        outer.addWidget(framed(self.detail))

    def _build_actions(self) -> None:
        self.give_action = make_action(
            self,
            "Give feedback…",
            lambda: self.add(FeedbackDirection.GIVEN),
            ("G",),
            "add",
            "Record feedback I gave them",
        )
        self.received_action = make_action(
            self,
            "Record received…",
            lambda: self.add(FeedbackDirection.RECEIVED),
            ("R",),
            tip="Record feedback they gave me",
        )
        self.ask_action = make_action(
            self,
            "Ask for feedback…",
            lambda: self.add(FeedbackDirection.SOLICITED),
            ("A",),
            tip="Record that I asked them for feedback (open until they answer)",
        )
        self.answer_action = make_action(
            self,
            "Answer…",
            self.answer,
            ("W",),
            tip="Record their answer to the selected open solicitation (or press Enter on it)",
        )
        self.follow_up_action = make_action(
            self,
            "Follow-up…",
            self.set_follow_up,
            ("F",),
            "edit",
            "Note what I did with the selected feedback",
        )
        self.delete_action = make_action(
            self, "Delete", self.delete, ("Del",), "delete", "Delete (Ctrl+Z undoes)"
        )

    # -- rendering ---------------------------------------------------------------------------
    def show_person(self, person_id: int) -> None:
        """Show this person's feedback (keeps the selection when it is the same person)."""
        keep = self.current() if person_id == self.person_id else None
        self.person_id = person_id
        presenting = self.ctx.presenter  # feedback is not on the shareable agreement sheet
        try:
            self.person_name = self.ctx.desk.person(person_id).name
            feedback = [] if presenting else self.ctx.desk.feedback(person_id)
        except UserError:
            self.person_name, feedback = "", []
        # Open solicitations first (they wait for something), then newest first as given.
        self.all = [f for f in feedback if f.is_open] + [f for f in feedback if not f.is_open]
        self.summary.setText(
            f"Feedback — {HIDDEN}." if presenting else fmt.summary(self.all, self.ctx.desk.today())
        )
        self._fill(keep)

    def _fill(self, keep: FeedbackView | None = None) -> None:
        keep = keep or self.current()
        direction = self.show_combo.currentData()
        rows = [f for f in self.all if direction is None or f.direction is direction]
        self.model.set_records(rows)
        size_columns(self.view, {3, 4, 5}, {0: DATE_SAMPLE, 1: "I received", 2: "Appreciation"})
        name = self.person_name or "them"
        if self.ctx.presenter:
            self.empty.setText(
                f"Feedback is {HIDDEN}.\nLeave presenter mode (Ctrl+Shift+P) to see it."
            )
        elif not self.all:
            self.empty.setText(
                f"No feedback with {name} yet. G gives feedback, R records feedback they gave "
                "you, A asks them for feedback — asking is how a feedback culture starts."
            )
        else:
            self.empty.setText("Nothing in this direction. Choose “All feedback” to see the rest.")
        self.view.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        if keep is not None:
            self.select(keep.id, focus=False)
        self._on_selection()

    def select(self, ref_id: int, focus: bool = True) -> None:
        """Select and scroll to the feedback with this id (showing all directions if needed)."""
        if self.model.row_of(ref_id) < 0 and any(f.id == ref_id for f in self.all):
            self.show_combo.setCurrentIndex(0)
        row = self.model.row_of(ref_id)
        if row >= 0:
            select_row(self.view, row, focus)

    def current(self) -> FeedbackView | None:
        """The selected feedback."""
        return self.model.record(selected_row(self.view))

    def _on_selection(self, *_: object) -> None:
        feedback = self.current()
        has_person = bool(self.person_name)
        for action in (self.give_action, self.received_action, self.ask_action):
            action.setEnabled(has_person)
        self.answer_action.setEnabled(feedback is not None and feedback.is_open)
        self.follow_up_action.setEnabled(feedback is not None)
        self.delete_action.setEnabled(feedback is not None)
        if feedback is None:
            self.detail.setText(
                "Select feedback to read it in full. Keys: G give · R received · A ask · "
                "Enter answer an open question · F follow-up · Del delete."
            )
        else:
            self.detail.setText(fmt.detail_html(feedback, self.person_name))

    # -- actions -----------------------------------------------------------------------------
    def add(self, direction: FeedbackDirection) -> None:
        """Give, record received, or ask for feedback."""
        pid = self.person_id
        if pid is None or not self.person_name:
            return

        def save(value: FeedbackInput) -> int:
            return self.ctx.desk.add_feedback(
                pid, value.direction, value.text, value.kind, value.on
            )

        dialog = FeedbackDialog(direction, self.person_name, self.ctx.desk.today(), save, self)
        if dialog.exec() == FeedbackDialog.DialogCode.Accepted:
            self.ctx.message.emit(_DONE[direction])
            self.show_person(pid)
            self.select(int(dialog.saved))

    def default_action(self) -> None:
        """Enter / double-click: answer an open solicitation, else edit the follow-up."""
        feedback = self.current()
        if feedback is not None and feedback.is_open:
            self.answer()
        elif feedback is not None:
            self.set_follow_up()

    def answer(self) -> None:
        """Record their answer to the selected open solicitation."""
        feedback = self.current()
        if feedback is None or not feedback.is_open:
            return

        def save(text: str, on: date) -> None:
            self.ctx.desk.answer_solicitation(feedback.id, text, on)

        dialog = AnswerDialog(feedback, self.ctx.desk.today(), save, self)
        if dialog.exec() == AnswerDialog.DialogCode.Accepted:
            self.ctx.message.emit("Answer recorded; the solicitation is closed.")
            self._refresh(feedback.id)

    def set_follow_up(self) -> None:
        """Note what I did with the selected feedback."""
        feedback = self.current()
        if feedback is None:
            return

        def save(text: str) -> None:
            self.ctx.desk.set_follow_up(feedback.id, text)

        dialog = FollowUpDialog(feedback, save, self)
        if dialog.exec() == FollowUpDialog.DialogCode.Accepted:
            self.ctx.message.emit("Follow-up saved.")
            self._refresh(feedback.id)

    def delete(self) -> None:
        """Delete the selected feedback; the status bar offers Undo."""
        feedback = self.current()
        if feedback is not None and self.ctx.delete(self, Deletable.FEEDBACK, feedback.id):
            self._refresh(None)

    def _refresh(self, select_id: int | None) -> None:
        if self.person_id is not None:
            self.show_person(self.person_id)
            if select_id is not None:
                self.select(select_id)
