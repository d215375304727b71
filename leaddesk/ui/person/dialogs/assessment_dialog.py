"""Record a trust assessment: the four cores of credibility (1-5 each) and a private note."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSpinBox, QWidget

from leaddesk.domain.trust import Core, assessment_score
from leaddesk.ui.common.form_dialog import FormDialog, to_date
from leaddesk.ui.common.presenter import mask_while_presenting
from leaddesk.ui.context import AppContext

CORE_MEANINGS = {
    Core.INTEGRITY: "Integrity: honest, keeps their word, walks the talk, talks straight.",
    Core.INTENT: "Intent: their motives and agenda — do they seek mutual benefit and care?",
    Core.CAPABILITIES: "Capabilities: skills, knowledge and style fit for what they lead.",
    Core.RESULTS: "Results: their track record — do they get the right things done?",
}


class AssessmentDialog(FormDialog):
    """Four 1-5 scores with the core's meaning as tooltip, a note and the date."""

    def __init__(self, ctx: AppContext, person_id: int, parent: QWidget | None = None) -> None:
        person = ctx.desk.person(person_id)
        super().__init__(f"Trust assessment — {person.name}", "Record assessment", parent, ctx=ctx)
        self.setObjectName("assessmentDialog")
        self.ctx = ctx
        self.person_id = person_id
        self.assessment_id: int | None = None
        mask_while_presenting(self, ctx)  # scores and note: never on a shared screen
        intro = QLabel(
            "Your own judgement, private: never shown in presenter mode. 1 = not at all, 5 = fully."
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.cores: dict[Core, QSpinBox] = {}
        for core in Core:
            spin = QSpinBox()
            spin.setObjectName(f"core_{core.value}")
            spin.setRange(1, 5)
            spin.setValue(3)
            spin.setSuffix(" / 5")
            spin.valueChanged.connect(self._update_score)
            self.cores[core] = spin
            self.add_row(f"&{core.value.capitalize()}:", spin, CORE_MEANINGS[core])
        self.score = QLabel()
        self.score.setObjectName("assessmentScore")
        self.form.addRow("Score:", self.score)
        self.note = self.text_box("assessmentNote", "What you base it on (private).")
        self.add_row("&Note:", self.note)
        self.on = self.date_edit("assessmentOn", "Date", ctx.desk.today())
        self.add_row("&Date:", self.on)
        self._update_score()
        self.cores[Core.INTEGRITY].setFocus()

    def _values(self) -> tuple[int, int, int, int]:
        return (
            self.cores[Core.INTEGRITY].value(),
            self.cores[Core.INTENT].value(),
            self.cores[Core.CAPABILITIES].value(),
            self.cores[Core.RESULTS].value(),
        )

    def _update_score(self) -> None:
        self.score.setText(
            f"{assessment_score(*self._values()):.2f} (mean of the four cores, on a 0-1 scale)"
        )

    def save(self) -> None:
        integrity, intent, capabilities, results = self._values()
        self.assessment_id = self.ctx.desk.add_assessment(
            self.person_id,
            integrity,
            intent,
            capabilities,
            results,
            note=self.note.toPlainText(),
            on=to_date(self.on.date()),
        )
        self.done_message = "Trust assessment recorded."

    @classmethod
    def record(cls, ctx: AppContext, parent: QWidget | None, person_id: int) -> int | None:
        """Record an assessment; its id, or None when cancelled."""
        dialog = cls(ctx, person_id, parent)
        return dialog.assessment_id if dialog.exec() == FormDialog.DialogCode.Accepted else None
