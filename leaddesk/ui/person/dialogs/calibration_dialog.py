"""Calibrate a success factor: a new definition and/or target, with a reason and a proposer."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from leaddesk.domain.feedback import Proposer
from leaddesk.services.delegations_models import SuccessFactorView
from leaddesk.ui.common.form_dialog import FormDialog, to_date
from leaddesk.ui.context import AppContext

PROPOSERS = ((Proposer.ME, "&Me"), (Proposer.THEM, "&Them"), (Proposer.BOTH, "&Both of us"))


class CalibrationDialog(FormDialog):
    """The factor as agreed now, the new wording or target, why, and who proposed it."""

    def __init__(
        self, ctx: AppContext, factor: SuccessFactorView, parent: QWidget | None = None
    ) -> None:
        super().__init__("Calibrate a success factor", "Calibrate", parent, ctx=ctx)
        self.setObjectName("calibrationDialog")
        self.ctx = ctx
        self.factor = factor
        target = f"{factor.target} {factor.unit or ''}".strip() if factor.target else "none"
        current = QLabel(f"<b>{factor.name}</b><br>Agreed: {factor.definition}<br>Target: {target}")
        current.setObjectName("calibrationCurrent")
        current.setWordWrap(True)
        self.form.addRow(current)
        self.definition = self.text_box("calibrationDefinition")
        self.definition.setPlainText(factor.definition)
        self.target = QLineEdit(factor.target or "")
        self.target.setObjectName("calibrationTarget")
        self.target.setPlaceholderText("empty: no target")
        self.reason = self.text_box(
            "calibrationReason", "e.g. The market moved; 45 days is no longer realistic.", 2
        )
        self.add_row("New &definition:", self.definition, "Leave as is to change only the target.")
        self.add_row("New t&arget:", self.target, "Leave as is to change only the definition.")
        self.add_row("&Reason:", self.reason, "Required: kept in the factor's history.")
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        self.proposers = QButtonGroup(self)
        self.proposer_buttons: dict[Proposer, QRadioButton] = {}
        for proposer, text in PROPOSERS:
            button = QRadioButton(text)
            button.setObjectName(f"proposer_{proposer.value}")
            self.proposers.addButton(button)
            self.proposer_buttons[proposer] = button
            box.addWidget(button)
        box.addStretch(1)
        self.proposer_buttons[Proposer.BOTH].setChecked(True)
        self.form.addRow("Proposed by:", row)
        self.on = self.date_edit("calibrationOn", "On", ctx.desk.today())
        self.add_row("&On:", self.on)
        self.definition.setFocus()

    def proposer(self) -> Proposer:
        """Who proposed the calibration."""
        for proposer, button in self.proposer_buttons.items():
            if button.isChecked():
                return proposer
        return Proposer.BOTH

    def save(self) -> None:
        definition = self.definition.toPlainText()
        target = self.target.text()
        self.ctx.desk.calibrate_success_factor(
            self.factor.id,
            self.reason.toPlainText(),
            self.proposer(),
            definition=definition if definition.strip() != self.factor.definition else None,
            target=target if target.strip() != (self.factor.target or "") else None,
            on=to_date(self.on.date()),
        )
        self.done_message = f"Calibrated “{self.factor.name}”."

    @classmethod
    def calibrate(cls, ctx: AppContext, parent: QWidget | None, factor: SuccessFactorView) -> bool:
        """Calibrate a factor; True when recorded."""
        return cls(ctx, factor, parent).exec() == FormDialog.DialogCode.Accepted
