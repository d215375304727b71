"""Delegate something new, or edit a delegation's words (levels change with a reason elsewhere)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QWidget

from leaddesk.services.readmodels import DelegationView
from leaddesk.ui.common.form_dialog import FormDialog
from leaddesk.ui.common.optional_date_edit import OptionalDateEdit
from leaddesk.ui.context import AppContext
from leaddesk.ui.person.dialogs.level_combo import LevelCombo, level_text


class DelegationDialog(FormDialog):
    """Title, what done means, levels (when new), involve-me-when and review date."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        person_id: int | None = None,
        delegation: DelegationView | None = None,
    ) -> None:
        super().__init__(
            "Edit delegation" if delegation else "Delegate something",
            "Save" if delegation else "Delegate",
            parent,
            ctx=ctx,
        )
        self.setObjectName("delegationDialog")
        self.ctx = ctx
        self.person_id = delegation.person_id if delegation else person_id
        self.delegation = delegation
        self.delegation_id: int | None = delegation.id if delegation else None
        self.title = QLineEdit()
        self.title.setObjectName("delegationTitle")
        self.title.setPlaceholderText("e.g. Hiring for the data platform team")
        self.done_means = self.text_box(
            "delegationDoneMeans", "e.g. Two senior engineers signed by March, within budget."
        )
        self.add_row("&Title:", self.title, "The decision area, responsibility or task.")
        self.add_row("What &done means:", self.done_means)
        self.my_level = LevelCombo()
        self.my_level.setObjectName("delegationMyLevel")
        self.their_level = LevelCombo(none_text="not discussed yet")
        self.their_level.setObjectName("delegationTheirLevel")
        self.target_level = LevelCombo(none_text="no target")
        self.target_level.setObjectName("delegationTargetLevel")
        self.plan_checkpoint = QCheckBox("Plan the first checkpoint at the suggested date")
        self.plan_checkpoint.setObjectName("delegationPlanCheckpoint")
        self.plan_checkpoint.setChecked(True)
        self.plan_checkpoint.setToolTip(
            "Trust and verify: the date follows the level and their track record."
        )
        if delegation is None:
            self.my_level.setCurrentIndex(2)  # Consult: a cautious, common start
            self.add_row("&My level:", self.my_level, "The level of empowerment you give.")
            self.add_row(
                "T&heir level:",
                self.their_level,
                "The level they believe they hold, once you have discussed it.",
            )
            self.add_row(
                "Tar&get level:",
                self.target_level,
                "The level you both aim to reach: the growth path on the board.",
            )
        else:
            levels = QLabel(
                f"Mine: {level_text(delegation.my_level)}<br>"
                f"Theirs: {level_text(delegation.their_level, 'not discussed yet')}<br>"
                "<i>Change levels from the Delegations tab: each change keeps a reason.</i>"
            )
            levels.setObjectName("delegationLevels")
            levels.setWordWrap(True)
            self.form.addRow("Levels:", levels)
        self.involve_me_when = self.text_box(
            "delegationInvolveMeWhen", "e.g. spend over 50k; anything customer-facing", 2
        )
        self.add_row(
            "&Involve me when:",
            self.involve_me_when,
            "The conditions under which you want to be involved.",
        )
        self.review_on = OptionalDateEdit("delegationReview", today=ctx.desk.today())
        self.add_row("&Review date:", self.review_on, "When to look at the delegation as a whole.")
        if delegation is None:
            self.form.addRow("", self.plan_checkpoint)
        else:
            self.title.setText(delegation.title)
            self.done_means.setPlainText(delegation.done_means)
            self.involve_me_when.setPlainText(delegation.involve_me_when)
            self.review_on.set_value(delegation.review_on)
        self.title.setFocus()

    def save(self) -> None:
        desk = self.ctx.desk
        title = self.title.text()
        review = self.review_on.value()
        if self.delegation_id is None:
            mine = self.my_level.level()
            assert self.person_id is not None and mine is not None
            self.delegation_id = desk.add_delegation(
                self.person_id,
                title,
                mine,
                done_means=self.done_means.toPlainText(),
                involve_me_when=self.involve_me_when.toPlainText(),
                their_level=self.their_level.level(),
                target_level=self.target_level.level(),
                review_on=review,
                plan_checkpoint=self.plan_checkpoint.isChecked(),
            )
            self.done_message = f"Delegated “{title.strip()}” at {mine.label}."
        else:
            desk.update_delegation(
                self.delegation_id,
                title=title,
                done_means=self.done_means.toPlainText(),
                involve_me_when=self.involve_me_when.toPlainText(),
                review_on=review,
                clear_review=review is None,
            )
            self.done_message = f"Saved “{title.strip()}”."

    @classmethod
    def create(  # type: ignore[override]  # the dialog's entry point, not QWidget.create
        cls, ctx: AppContext, parent: QWidget | None, person_id: int
    ) -> int | None:
        """Delegate something to a person; the new delegation's id, or None when cancelled."""
        dialog = cls(ctx, parent, person_id=person_id)
        return dialog.delegation_id if dialog.exec() == FormDialog.DialogCode.Accepted else None

    @classmethod
    def edit(cls, ctx: AppContext, parent: QWidget | None, delegation_id: int) -> bool:
        """Edit a delegation's words; True when saved."""
        view = ctx.result(parent, lambda: ctx.desk.delegation(delegation_id))
        if view is None:
            return False
        return cls(ctx, parent, delegation=view).exec() == FormDialog.DialogCode.Accepted
