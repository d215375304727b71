"""Add a success factor: an agreed measure, in the words both of you use."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from leaddesk.services.delegations_models import DelegationView
from leaddesk.ui.common.form_dialog import FormDialog, to_date
from leaddesk.ui.context import AppContext


class SuccessFactorDialog(FormDialog):
    """Name, agreed definition, optional target and unit, agreed-on date."""

    def __init__(
        self, ctx: AppContext, delegation: DelegationView, parent: QWidget | None = None
    ) -> None:
        super().__init__("Add a success factor", "Add factor", parent, ctx=ctx)
        self.setObjectName("successFactorDialog")
        self.ctx = ctx
        self.delegation = delegation
        self.factor_id: int | None = None
        heading = QLabel(f"<b>{delegation.title}</b> — {delegation.person_name}")
        heading.setWordWrap(True)
        self.form.addRow(heading)
        self.name = QLineEdit()
        self.name.setObjectName("factorName")
        self.name.setPlaceholderText("e.g. Time to hire")
        self.definition = self.text_box(
            "factorDefinition",
            "In the words you both use, e.g. 'days from opening a role to a signed offer'.",
        )
        self.target = QLineEdit()
        self.target.setObjectName("factorTarget")
        self.target.setPlaceholderText("optional, e.g. 45")
        self.unit = QLineEdit()
        self.unit.setObjectName("factorUnit")
        self.unit.setPlaceholderText("optional, e.g. days")
        self.agreed_on = self.date_edit("factorAgreedOn", "Agreed on", ctx.desk.today())
        self.add_row("&Name:", self.name)
        self.add_row(
            "Agreed &definition:",
            self.definition,
            "What success means, agreed with them; changes later are calibrations.",
        )
        self.add_row("&Target:", self.target)
        self.add_row("&Unit:", self.unit)
        self.add_row("A&greed on:", self.agreed_on)
        self.name.setFocus()

    def save(self) -> None:
        self.factor_id = self.ctx.desk.add_success_factor(
            self.delegation.id,
            self.name.text(),
            self.definition.toPlainText(),
            target=self.target.text(),
            unit=self.unit.text(),
            agreed_on=to_date(self.agreed_on.date()),
        )
        self.done_message = f"Added success factor “{self.name.text().strip()}”."

    @classmethod
    def add(cls, ctx: AppContext, parent: QWidget | None, delegation: DelegationView) -> int | None:
        """Add a factor to a delegation; its id, or None when cancelled."""
        dialog = cls(ctx, delegation, parent)
        return dialog.factor_id if dialog.exec() == FormDialog.DialogCode.Accepted else None
