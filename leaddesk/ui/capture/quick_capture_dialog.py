"""Quick capture (Ctrl+N): a promise, feedback, note or checkpoint result in a few keystrokes.

Type the person (completion), Tab, press P, F, N or C for the kind, type, Ctrl+Enter saves.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.errors import UserError, ValidationError
from leaddesk.domain.feedback import FeedbackDirection, FeedbackKind
from leaddesk.domain.promises import PromiseDirection
from leaddesk.reports import wording
from leaddesk.services.delegations_models import DelegationView
from leaddesk.services.people import PersonSummary
from leaddesk.ui import theme
from leaddesk.ui.capture.due_date_field import DueDateField
from leaddesk.ui.capture.person_field import PersonField
from leaddesk.ui.capture.quick_capture_form import KindForm, capture_button, line_edit
from leaddesk.ui.capture.quick_capture_writes import (
    write_checkpoint,
    write_feedback,
    write_note,
    write_promise,
)
from leaddesk.ui.common.note_dialog import TOPICS
from leaddesk.ui.common.promise_direction import (
    last_promise_direction,
    remember_promise_direction,
)
from leaddesk.ui.context import AppContext

KINDS = {"promise": "P", "feedback": "F", "note": "N", "checkpoint": "C"}
_PLACEHOLDERS = {
    "promise": "What was promised, e.g. Send the hiring plan with two options",
    "feedback": "What was said, e.g. The board summary was crisp; lead with the decision again",
    "note": "What you learned, e.g. Wants to lead a larger team within two years",
    "checkpoint": "What you saw at the checkpoint",
}


class QuickCaptureDialog(QDialog):
    """Who, what kind, the kind's options, the text. Errors are shown inline, nothing is lost."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, person_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = ctx.desk.today()
        self.people = ctx.desk.people()
        self.kind = ""
        self.delegations: list[DelegationView] = []
        self._culprit: QWidget | None = None
        self.setObjectName("quickCaptureDialog")
        self.setWindowTitle("Quick capture")
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        self.form = KindForm(list(KINDS))
        layout.addLayout(self.form)
        self._build_person()
        self._build_kinds()
        self._build_promise()
        self._build_feedback()
        self._build_note()
        self._build_checkpoint()
        self.text = QPlainTextEdit()
        self.text.setObjectName("captureText")
        self.text.setAccessibleName("Text")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(self.text.fontMetrics().lineSpacing() * 4 + 12)
        self.form.row("Te&xt", self.text)
        self.evidence = line_edit("captureEvidence", "Evidence looked at", "optional")
        self.form.row("E&vidence", self.evidence, "checkpoint")
        self.error = QLabel()
        self.error.setObjectName("captureError")
        self.error.setAccessibleName("Problem")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {theme.bad().name()}; font-weight: 600;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        hint = QLabel("Tab moves on · Ctrl+Enter saves · Esc closes")
        hint.setStyleSheet(f"color: {theme.muted_color().name()};")
        buttons.addWidget(hint, 1)
        self.save_button = capture_button("captureSave", "Save", "Save (Ctrl+Enter)")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = capture_button("captureCancel", "Cancel", "Close without saving (Esc)")
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        save = QAction("Save", self)
        save.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        save.triggered.connect(self.save)
        self.addAction(save)
        self._tab_order()
        self._load_delegations()
        self.set_kind("promise", focus=False)
        if person_id is not None:
            self.person.set_person(person_id)
        if self.person.person_id is not None:
            self.kind_buttons[self.kind].setFocus()  # P, F, N or C is all it takes now
        else:
            self.person.setFocus()

    # -- construction ------------------------------------------------------------------------
    def _build_person(self) -> None:
        self.person = PersonField(self.people)
        self.person.setObjectName("capturePerson")
        self.person.person_changed.connect(self._load_delegations)
        self.person.accepted.connect(lambda: self.kind_buttons[self.kind].setFocus())
        self.form.row("&Who", self.person)

    def _build_kinds(self) -> None:
        self.kind_buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        icons = {"promise": "add", "feedback": "edit", "note": "people", "checkpoint": "board"}
        for kind, key in KINDS.items():
            button = capture_button(
                f"captureKind{kind.title()}",
                f"&{kind.title()}",
                f"Capture a {kind}: press {key} here, or Alt+{key} from any field",
            )
            button.setAccessibleName(f"Capture a {kind}")
            button.setAccessibleDescription(f"Press {key} here, or Alt+{key} from any field")
            button.setIcon(theme.icon(icons[kind]))
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.installEventFilter(self)
            button.toggled.connect(lambda on, k=kind: self.set_kind(k) if on else None)
            self.kind_buttons[kind] = button
            row.addWidget(button)
        row.addStretch(1)
        self.form.row("Capture", row, buddy=next(iter(self.kind_buttons.values())))

    def _build_promise(self) -> None:
        mine, theirs = PromiseDirection
        self.direction = self.form.radios(
            self,
            "Direction",
            "promise",
            "promise",
            [
                ("&Mine (I promised)", "My promise to them", mine),
                ("&Theirs (they promised me)", "Their promise to me", theirs),
            ],
        )
        self.form.check(self.direction, last_promise_direction())  # as 1:1 mode opens
        self.due = DueDateField(self.today)
        self.due.setObjectName("captureDue")
        self.form.row("&Due", self.due, "promise")

    def _build_feedback(self) -> None:
        given, received, solicited = FeedbackDirection
        self.feedback_direction = self.form.radios(
            self,
            "Feedback",
            "feedback",
            "feedback",
            [
                ("&Given", "Feedback I gave them", given),
                ("&Received", "Feedback they gave me", received),
                ("&Solicited", "I asked them for feedback; open until answered", solicited),
            ],
        )
        self.feedback_direction.buttonToggled.connect(lambda *_: self._update_rows())
        appreciation, coaching, evaluation = FeedbackKind
        self.feedback_kind = self.form.radios(
            self,
            "Kind",
            "feedback",
            "kind",
            [
                ("&Appreciation", "Recognising effort and what went well", appreciation),
                ("Coac&hing", "Helping to grow: a better way next time", coaching),
                ("&Evaluation", "Where they stand against expectations", evaluation),
            ],
        )
        self._kind_row = self.form.rowCount() - 1

    def _build_note(self) -> None:
        self.topic = QComboBox()
        self.topic.setObjectName("captureTopic")
        self.topic.setAccessibleName("About")
        self.topic.setToolTip("Optional: pick a topic or type your own.")
        self.topic.setEditable(True)
        self.topic.addItems(["", *TOPICS])
        topic_edit = self.topic.lineEdit()
        if topic_edit is not None:
            topic_edit.setPlaceholderText("Topic (optional): pick one or type your own")
        self.form.row("&About", self.topic, "note")
        self.presenter_warning = QLabel(
            "Presenter mode is on: this private note shows on the shared screen as you type it."
        )
        self.presenter_warning.setObjectName("capturePresenterWarning")
        self.presenter_warning.setWordWrap(True)
        self.presenter_warning.setStyleSheet(f"color: {theme.warn().name()};")
        self.form.addRow("", self.presenter_warning)
        self._warning_row = self.form.rowCount() - 1

    def _build_checkpoint(self) -> None:
        self.delegation = QComboBox()
        self.delegation.setObjectName("captureDelegation")
        self.delegation.setAccessibleName("Delegation")
        self.delegation.setToolTip("The active delegation whose checkpoint you are recording.")
        self.delegation.currentIndexChanged.connect(self._on_delegation)
        self.form.row("De&legation", self.delegation, "checkpoint")
        self.checkpoint_hint = QLabel()
        self.checkpoint_hint.setObjectName("captureCheckpointHint")
        self.checkpoint_hint.setWordWrap(True)
        self.checkpoint_hint.setStyleSheet(f"color: {theme.muted_color().name()};")
        self.form.addRow("", self.checkpoint_hint)
        self.form.belongs_to("checkpoint")
        on_track, concerns, off_track, skipped = CheckpointOutcome
        self.outcome = self.form.radios(
            self,
            "Outcome",
            "checkpoint",
            "outcome",
            [
                ("On &track", "Going as agreed", on_track),
                ("Conc&erns", "Some doubts worth following up", concerns),
                ("&Off track", "Not going as agreed", off_track),
                ("S&kipped", "Not looked at this time", skipped),
            ],
        )

    def _tab_order(self) -> None:
        chain: list[QWidget] = [self.person.edit, *self.kind_buttons.values()]
        chain += [*self.direction.buttons(), self.due.edit, *self.feedback_direction.buttons()]
        chain += [*self.feedback_kind.buttons(), self.topic, self.delegation]
        chain += [*self.outcome.buttons(), self.text, self.evidence]
        chain += [self.save_button, self.cancel_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- behaviour ---------------------------------------------------------------------------
    def set_kind(self, kind: str, focus: bool = True) -> None:
        """Show the options of `kind` (promise, feedback, note, checkpoint); focus the text."""
        if kind != self.kind:
            self.kind = kind
            for name, button in self.kind_buttons.items():
                button.setChecked(name == kind)
                # Only the chosen kind is a Tab stop; P/F/N/C or arrows switch from there.
                chosen = Qt.FocusPolicy.StrongFocus if name == kind else Qt.FocusPolicy.NoFocus
                button.setFocusPolicy(chosen)
            self.text.setPlaceholderText(_PLACEHOLDERS[kind])
            self._update_rows()
        if focus:
            self.text.setFocus()

    def _update_rows(self) -> None:
        self.form.show_kind(self.kind)
        solicited = self.form.checked(self.feedback_direction) is FeedbackDirection.SOLICITED
        self.form.setRowVisible(self._kind_row, self.kind == "feedback" and not solicited)
        self.form.setRowVisible(self._warning_row, self.kind == "note" and self.ctx.presenter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        )
        if watched in self.kind_buttons.values() and plain:
            letters = {ord(letter): kind for kind, letter in KINDS.items()}
            if key in letters:
                self.set_kind(letters[key])
                return True
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                order = list(KINDS)
                step = 1 if key == Qt.Key.Key_Right else -1
                self.set_kind(order[(order.index(self.kind) + step) % len(order)], focus=False)
                self.kind_buttons[self.kind].setFocus()
                return True
        return super().eventFilter(watched, event)

    # -- the kinds' options ------------------------------------------------------------------
    def _load_delegations(self) -> None:
        self.delegations = []
        self.delegation.clear()
        pid = self.person.person_id
        self.delegations = self.ctx.desk.delegations(pid, active_only=True) if pid else []
        for d in self.delegations:
            self.delegation.addItem(f"{d.title}  ({d.my_level.label})", d.id)
        self.delegation.setEnabled(bool(self.delegations))
        self._on_delegation()

    def _on_delegation(self, *_args: object) -> None:
        index = self.delegation.currentIndex()
        person = self.person.match()
        if person is None:
            hint = "Choose the person first; their active delegations show here."
        elif not self.delegations or index < 0:
            hint = f"{person.name} has no active delegation: add one on their Delegations tab."
        else:
            nxt = self.delegations[index].next_checkpoint
            if nxt is None:
                hint = "No checkpoint planned: this records one for today."
            else:
                late = " (overdue)" if nxt.overdue else ""
                hint = f"Completes the checkpoint due {wording.day(nxt.due_on, self.today)}{late}."
            hint += " The next one is planned at the suggested date."
        self.checkpoint_hint.setText(hint)

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> None:
        """Write what was captured; an error shows inline and keeps everything typed."""
        self._culprit = self.person
        try:
            person = self.person.person()
            self._culprit = self.text
            with self.ctx.acting(self):  # one user action: each view re-reads once
                done = getattr(self, f"_save_{self.kind}")(person)
        except UserError as error:
            self.error.setText(str(error))
            self.error.show()
            if self._culprit is not None:
                self._culprit.setFocus()
            return
        self.ctx.message.emit(done)
        self.accept()

    def _save_promise(self, person: PersonSummary) -> str:
        self._culprit = self.due
        due = self.due.value()
        self._culprit = self.text
        direction = self.form.checked(self.direction)
        assert isinstance(direction, PromiseDirection)
        text = self.text.toPlainText()
        done = write_promise(self.ctx.desk, person, direction, text, due, self.today)
        remember_promise_direction(direction)
        return done

    def _save_feedback(self, person: PersonSummary) -> str:
        direction = self.form.checked(self.feedback_direction)
        assert isinstance(direction, FeedbackDirection)
        solicited = direction is FeedbackDirection.SOLICITED
        kind = None if solicited else self.form.checked(self.feedback_kind)
        assert kind is None or isinstance(kind, FeedbackKind)
        return write_feedback(self.ctx.desk, person, direction, kind, self.text.toPlainText())

    def _save_note(self, person: PersonSummary) -> str:
        topic = self.topic.currentText()
        return write_note(self.ctx.desk, person, self.text.toPlainText(), topic)

    def _save_checkpoint(self, person: PersonSummary) -> str:
        self._culprit = self.delegation
        if not self.delegations:
            raise ValidationError(f"{person.name} has no active delegation to check on.")
        chosen = self.delegations[self.delegation.currentIndex()]
        self._culprit = self.outcome.buttons()[0]
        outcome = self.form.checked(self.outcome)
        if not isinstance(outcome, CheckpointOutcome):
            raise ValidationError("Choose the outcome: on track, concerns, off track or skipped.")
        self._culprit = self.text
        text, evidence = self.text.toPlainText(), self.evidence.text()
        return write_checkpoint(self.ctx.desk, person, chosen, outcome, text, evidence, self.today)
