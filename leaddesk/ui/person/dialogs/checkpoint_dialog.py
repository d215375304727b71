"""Verify a delegation: complete a checkpoint (outcome, note, evidence, next date) or plan one."""

from __future__ import annotations

import enum
from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.reports import wording
from leaddesk.services.delegations_models import CheckpointView, DelegationView
from leaddesk.ui.common.form_dialog import FormDialog, to_date, to_qdate
from leaddesk.ui.context import AppContext
from leaddesk.ui.person.dialogs.level_combo import LevelCombo

OUTCOME_TIPS = {
    CheckpointOutcome.ON_TRACK: "Going as agreed: counts fully for their track record.",
    CheckpointOutcome.CONCERNS: "Some worries: counts half positive, half negative.",
    CheckpointOutcome.OFF_TRACK: "Not going as agreed: the next checkpoint comes in 3 days.",
    CheckpointOutcome.SKIPPED: "Did not happen: no evidence either way.",
}


class CheckpointMode(enum.Enum):
    """What the dialog is for."""

    COMPLETE = "complete"
    PLAN = "plan"
    RESCHEDULE = "reschedule"


class CheckpointDialog(FormDialog):
    """Complete a checkpoint, plan a new one, or move an open one."""

    def __init__(
        self,
        ctx: AppContext,
        mode: CheckpointMode,
        delegation: DelegationView,
        checkpoint: CheckpointView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        titles = {
            CheckpointMode.COMPLETE: ("Complete checkpoint", "Record outcome"),
            CheckpointMode.PLAN: ("Plan a checkpoint", "Plan"),
            CheckpointMode.RESCHEDULE: ("Reschedule checkpoint", "Move"),
        }
        super().__init__(*titles[mode], parent, ctx=ctx)
        self.setObjectName("checkpointDialog")
        self.ctx = ctx
        self.mode = mode
        self.delegation = delegation
        self.checkpoint = checkpoint
        self.result_date: date | None = None
        self.new_id: int | None = None
        today = ctx.desk.today()
        heading = QLabel(f"<b>{delegation.title}</b> — {delegation.person_name}")
        heading.setWordWrap(True)
        self.form.addRow(heading)
        if mode is CheckpointMode.COMPLETE:
            self._build_complete(today)
        else:
            due = (
                checkpoint.due_on
                if checkpoint is not None and mode is CheckpointMode.RESCHEDULE
                else ctx.desk.suggest_checkpoint(delegation.id)
            )
            self.due = self.date_edit("checkpointDue", "Due on", due)
            self.due.setMinimumDate(to_qdate(today))
            tip = "Suggested from the level and their track record; change it as you see fit."
            self.add_row("&Due on:", self.due, tip if mode is CheckpointMode.PLAN else "")

    def _build_complete(self, today: date) -> None:
        assert self.checkpoint is not None
        due_on = self.checkpoint.due_on
        overdue = f" — {wording.due_in(due_on, today)}" if due_on < today else ""
        due = QLabel(f"Due {wording.day(due_on)}{overdue}")
        self.form.addRow("Checkpoint:", due)
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        self.outcomes = QButtonGroup(self)
        self.outcome_buttons: dict[CheckpointOutcome, QRadioButton] = {}
        for mnemonic, outcome in zip(
            ("&On track", "&Concerns", "O&ff track", "S&kipped"), CheckpointOutcome, strict=True
        ):
            button = QRadioButton(mnemonic)
            button.setObjectName(f"outcome_{outcome.name.lower()}")
            button.setToolTip(OUTCOME_TIPS[outcome])
            self.outcomes.addButton(button)
            self.outcome_buttons[outcome] = button
            box.addWidget(button)
        box.addStretch(1)
        self.outcome_buttons[CheckpointOutcome.ON_TRACK].setChecked(True)
        self.form.addRow("Outcome:", row)
        self.note = self.text_box("checkpointNote", "What you found, in a sentence or two.")
        self.evidence = self.text_box(
            "checkpointEvidence", "e.g. hiring pipeline dashboard, two offer letters", 2
        )
        self.add_row("&Note:", self.note)
        self.add_row("&Evidence looked at:", self.evidence, "What you verified, not just heard.")
        self.their_level = LevelCombo(none_text="not asked")
        self.their_level.setObjectName("checkpointTheirLevel")
        self.add_row(
            "T&heir level:",
            self.their_level,
            "Optional: the level they say they hold; a mismatch is a clarity gap.",
        )
        self.plan_next = QCheckBox("&Plan the next checkpoint on")
        self.plan_next.setObjectName("checkpointPlanNext")
        self.plan_next.setChecked(True)
        self.next_on = self.date_edit("checkpointNextOn", "Next checkpoint date", today)
        self.next_on.setMinimumDate(to_qdate(today))
        self.next_on.setAccessibleName("Next checkpoint date")
        self.next_on.setToolTip(
            "Suggested from the level, their track record and this outcome; change it freely."
        )
        self.plan_next.toggled.connect(self.next_on.setEnabled)
        self.form.addRow(self.plan_next, self.next_on)
        self._next_edited = False
        self._suggesting = False
        self.next_on.dateChanged.connect(self._on_next_edited)
        self.outcomes.buttonToggled.connect(lambda *_: self._suggest())
        self._suggest()

    def outcome(self) -> CheckpointOutcome:
        """The chosen outcome."""
        for outcome, button in self.outcome_buttons.items():
            if button.isChecked():
                return outcome
        return CheckpointOutcome.ON_TRACK

    def set_outcome(self, outcome: CheckpointOutcome) -> None:
        """Choose an outcome (the suggested next date follows unless edited)."""
        self.outcome_buttons[outcome].setChecked(True)

    def suggested_next(self) -> date:
        """The next date the service would suggest after this outcome."""
        return self.ctx.desk.suggest_after_outcome(self.delegation.id, self.outcome())

    def _suggest(self) -> None:
        if self._next_edited:
            return
        self._suggesting = True
        self.next_on.setDate(to_qdate(self.suggested_next()))
        self._suggesting = False

    def _on_next_edited(self) -> None:
        if not self._suggesting:
            self._next_edited = True

    def save(self) -> None:
        desk = self.ctx.desk
        if self.mode is CheckpointMode.COMPLETE:
            assert self.checkpoint is not None
            outcome = self.outcome()
            plan = self.plan_next.isChecked()
            self.result_date = desk.complete_checkpoint(
                self.checkpoint.id,
                outcome,
                note=self.note.toPlainText(),
                evidence=self.evidence.toPlainText(),
                plan_next=plan,
                next_on=to_date(self.next_on.date()) if plan else None,
                their_level=self.their_level.level(),
            )
            nxt = self.result_date
            after = f" Next checkpoint {wording.day(nxt)}." if plan else ""
            self.done_message = f"Checkpoint recorded: {outcome.label}.{after}"
        elif self.mode is CheckpointMode.PLAN:
            due = to_date(self.due.date())
            self.new_id = desk.plan_checkpoint(self.delegation.id, due)
            self.result_date = due
            self.done_message = f"Checkpoint planned for {wording.day(due)}."
        else:
            assert self.checkpoint is not None
            due = to_date(self.due.date())
            desk.reschedule_checkpoint(self.checkpoint.id, due)
            self.result_date = due
            self.done_message = f"Checkpoint moved to {wording.day(due)}."

    # -- entry points ------------------------------------------------------------------------
    @classmethod
    def complete(
        cls,
        ctx: AppContext,
        parent: QWidget | None,
        delegation: DelegationView,
        checkpoint: CheckpointView,
    ) -> date | None:
        """Record a checkpoint's outcome; the next checkpoint's date, or None when cancelled."""
        dialog = cls(ctx, CheckpointMode.COMPLETE, delegation, checkpoint, parent)
        return dialog.result_date if dialog.exec() == FormDialog.DialogCode.Accepted else None

    @classmethod
    def plan(
        cls, ctx: AppContext, parent: QWidget | None, delegation: DelegationView
    ) -> int | None:
        """Plan a checkpoint (date pre-filled with the suggestion); its id, or None."""
        dialog = cls(ctx, CheckpointMode.PLAN, delegation, None, parent)
        return dialog.new_id if dialog.exec() == FormDialog.DialogCode.Accepted else None

    @classmethod
    def reschedule(
        cls,
        ctx: AppContext,
        parent: QWidget | None,
        delegation: DelegationView,
        checkpoint: CheckpointView,
    ) -> bool:
        """Move an open checkpoint; True when moved."""
        dialog = cls(ctx, CheckpointMode.RESCHEDULE, delegation, checkpoint, parent)
        return dialog.exec() == FormDialog.DialogCode.Accepted
