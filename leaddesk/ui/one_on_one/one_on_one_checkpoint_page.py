"""Record a checkpoint during the 1:1: outcome, note, and the level THEY say they hold."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QFormLayout, QLineEdit, QRadioButton, QWidget

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.reports import wording
from leaddesk.services.delegations_models import DelegationView
from leaddesk.ui.context import AppContext
from leaddesk.ui.one_on_one.one_on_one_agenda_row import AgendaRow
from leaddesk.ui.one_on_one.one_on_one_item_page import OneOnOneItemPage

LABELS = {
    CheckpointOutcome.ON_TRACK: "&On track",
    CheckpointOutcome.CONCERNS: "&Concerns",
    CheckpointOutcome.OFF_TRACK: "Off &track",
    CheckpointOutcome.SKIPPED: "S&kipped",
}


def mine_text(delegation: DelegationView | None) -> str:
    """'You gave 5 · Advise (…)' and what they said last time, for the level question."""
    if delegation is None:
        return ""
    mine = delegation.my_level
    text = f"You gave {int(mine)} · {mine.label} ({mine.meaning})."
    if delegation.their_level == mine:
        text += " Last time they said the same."
    elif delegation.their_level is not None:
        theirs = delegation.their_level
        text += f" Last time they said {int(theirs)} · {theirs.label}."
    return text


class OneOnOneCheckpointPage(OneOnOneItemPage):
    """Outcome radios, a note, their level ('not discussed' by default) and Record."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 4, 0, 0)
        self.outcomes = QButtonGroup(self)
        radios = []
        for outcome, label in LABELS.items():
            radio = QRadioButton(label)
            radio.setObjectName(f"outcome-{outcome.value}")
            radio.setAccessibleName(f"Outcome: {outcome.label}")
            radio.setProperty("outcome", outcome.value)
            self.outcomes.addButton(radio)
            radios.append(radio)
        self.outcomes.buttonToggled.connect(lambda *_: self._update_enabled())
        form.addRow("Outcome", self.left(*radios))
        self.note = QLineEdit()
        self.note.setObjectName("checkpointNote")
        self.note.setAccessibleName("Checkpoint note")
        self.note.setPlaceholderText("What you looked at, what you saw")
        form.addRow("Note", self.note)
        self.level = self.level_combo("checkpointTheirLevel", "Their level of the delegation")
        self.mine = self.muted("")
        form.addRow("Their level", self.level)
        form.addRow("", self.mine)
        self.record = self.button(
            "Record outcome",
            "recordCheckpoint",
            "Record the outcome; the next checkpoint is planned at the suggested date",
            self._complete,
        )
        form.addRow("", self.left(self.record))

    def fill(self, row: AgendaRow) -> None:
        self.outcomes.setExclusive(False)
        for button in self.outcomes.buttons():
            button.setChecked(False)
        self.outcomes.setExclusive(True)
        self.note.clear()
        self.level.setCurrentIndex(0)
        delegation = None
        if self.person_id is not None:
            delegation = next(
                (
                    d
                    for d in self.ctx.desk.delegations(self.person_id, active_only=True)
                    if any(c.id == row.ref_id for c in d.checkpoints)
                ),
                None,
            )
        self.mine.setText(mine_text(delegation))
        self._update_enabled()

    def _update_enabled(self) -> None:
        self.record.setEnabled(self.outcomes.checkedButton() is not None)

    def _complete(self) -> None:
        checked = self.outcomes.checkedButton()
        if self.row is None or checked is None:
            return
        outcome = CheckpointOutcome(checked.property("outcome"))
        level: EmpowermentLevel | None = self.level.currentData()
        key, cp_id, note = self.row.key, self.row.ref_id, self.note.text()
        nxt = self.result(
            lambda: self.ctx.desk.complete_checkpoint(cp_id, outcome, note=note, their_level=level),
        )
        if nxt is not None:
            said = f" · they said {level.label}" if level else ""
            self.ctx.message.emit(f"Checkpoint recorded; next one planned for {wording.day(nxt)}.")
            when = wording.day(nxt, self.ctx.desk.today())
            self.resolved.emit(key, f"{outcome.label}{said} · next {when}")
