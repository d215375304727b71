"""The 'verify' actions of the Delegations tab: checkpoints and success factors."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from leaddesk.services.readmodels import CheckpointView, DelegationView
from leaddesk.services.undo import Deletable
from leaddesk.ui.context import AppContext
from leaddesk.ui.person.dialogs.calibration_dialog import CalibrationDialog
from leaddesk.ui.person.dialogs.checkpoint_dialog import CheckpointDialog
from leaddesk.ui.person.dialogs.success_factor_dialog import SuccessFactorDialog
from leaddesk.ui.person.tabs.delegation_detail import DelegationDetail
from leaddesk.ui.person.tabs.tab_parts import make_action


class VerifyActions(QObject):
    """Complete, plan, reschedule and delete checkpoints; add, calibrate and delete factors.

    The buttons sit on the detail pane's section titles; the shortcuts work anywhere in the tab.
    """

    def __init__(
        self,
        ctx: AppContext,
        owner: QWidget,
        detail: DelegationDetail,
        current: Callable[[], DelegationView | None],
        refresh: Callable[[int | None], None],
    ) -> None:
        super().__init__(owner)
        self.ctx = ctx
        self.owner = owner
        self.detail = detail
        self.current = current
        self.refresh = refresh
        act = make_action
        self.complete = act(
            owner, "Complete…", self.complete_checkpoint, ("C",), tip="Record a checkpoint outcome"
        )
        self.plan = act(owner, "Plan…", self.plan_checkpoint, ("P",), "add", "Plan a checkpoint")
        self.reschedule = act(
            owner, "Reschedule…", self.reschedule_checkpoint, ("R",), tip="Move an open checkpoint"
        )
        self.delete_checkpoint_action = act(
            detail.checkpoints_view,
            "Delete",
            self.delete_checkpoint,
            ("Del",),
            "delete",
            "Delete the selected checkpoint (Ctrl+Z undoes)",
        )
        self.add_factor_action = act(
            owner, "Add…", self.add_factor, ("F",), "add", "Add a success factor"
        )
        self.calibrate_action = act(
            owner,
            "Calibrate…",
            self.calibrate,
            ("A",),
            tip="Change a factor's definition or target, with a reason",
        )
        self.delete_factor_action = act(
            detail.factors_view,
            "Delete",
            self.delete_factor,
            ("Del",),
            "delete",
            "Delete the selected success factor (Ctrl+Z undoes)",
        )
        add = detail.add_button
        cps, factors = detail.checkpoint_bar, detail.factor_bar
        add(cps, self.complete, "completeCheckpoint", "Complete checkpoint")
        add(cps, self.plan, "planCheckpoint", "Plan checkpoint")
        add(cps, self.reschedule, "rescheduleCheckpoint", "Reschedule checkpoint")
        add(cps, self.delete_checkpoint_action, "deleteCheckpoint", "Delete checkpoint")
        add(factors, self.add_factor_action, "addFactor", "Add success factor")
        add(factors, self.calibrate_action, "calibrateFactor", "Calibrate success factor")
        add(factors, self.delete_factor_action, "deleteFactor", "Delete success factor")

    def update(self) -> None:
        """Enable what applies to the current selection."""
        d = self.current()
        open_cp = self.open_checkpoint()
        self.plan.setEnabled(d is not None)
        self.add_factor_action.setEnabled(d is not None)
        self.complete.setEnabled(open_cp is not None)
        self.reschedule.setEnabled(open_cp is not None)
        self.delete_checkpoint_action.setEnabled(self.detail.current_checkpoint() is not None)
        factor = self.detail.current_factor()
        self.calibrate_action.setEnabled(factor is not None or bool(d and len(d.factors) == 1))
        self.delete_factor_action.setEnabled(factor is not None)

    def open_checkpoint(self) -> CheckpointView | None:
        """The selected checkpoint when it is open, else the delegation's next one."""
        chosen = self.detail.current_checkpoint()
        if chosen is not None and chosen.outcome is None:
            return chosen
        d = self.current()
        return d.next_checkpoint if d is not None else None

    def _with_checkpoint(self, run: Callable[[DelegationView, CheckpointView], object]) -> None:
        d, cp = self.current(), self.open_checkpoint()
        if d is None or cp is None:
            self.ctx.message.emit("No open checkpoint: plan one first (P).")
            return
        if run(d, cp):
            self.refresh(d.id)

    def complete_checkpoint(self) -> None:
        """Record the outcome of the selected (or next) open checkpoint."""
        self._with_checkpoint(lambda d, cp: CheckpointDialog.complete(self.ctx, self.owner, d, cp))

    def reschedule_checkpoint(self) -> None:
        """Move the selected (or next) open checkpoint."""
        self._with_checkpoint(
            lambda d, cp: CheckpointDialog.reschedule(self.ctx, self.owner, d, cp)
        )

    def plan_checkpoint(self) -> None:
        """Plan a checkpoint, at the suggested date unless changed."""
        d = self.current()
        if d is not None:
            new = CheckpointDialog.plan(self.ctx, self.owner, d)
            if new is not None:
                self.refresh(d.id)
                self.detail.select_checkpoint(new)

    def delete_checkpoint(self) -> None:
        """Delete the selected checkpoint (undo brings it back)."""
        d, cp = self.current(), self.detail.current_checkpoint()
        if d and cp and self.ctx.delete(self.owner, Deletable.CHECKPOINT, cp.id):
            self.refresh(d.id)

    def add_factor(self) -> None:
        """Add a success factor to the selected delegation."""
        d = self.current()
        if d is not None:
            new = SuccessFactorDialog.add(self.ctx, self.owner, d)
            if new is not None:
                self.refresh(d.id)
                self.detail.select_factor(new)

    def calibrate(self) -> None:
        """Calibrate the selected success factor (or the only one)."""
        d = self.current()
        factor = self.detail.current_factor()
        if factor is None and d is not None and len(d.factors) == 1:
            factor = d.factors[0]
        if d is None or factor is None:
            self.ctx.message.emit("Select a success factor to calibrate.")
            return
        if CalibrationDialog.calibrate(self.ctx, self.owner, factor):
            self.refresh(d.id)
            self.detail.select_factor(factor.id)

    def delete_factor(self) -> None:
        """Delete the selected success factor (undo brings it back)."""
        d, factor = self.current(), self.detail.current_factor()
        if d and factor and self.ctx.delete(self.owner, Deletable.FACTOR, factor.id):
            self.refresh(d.id)
