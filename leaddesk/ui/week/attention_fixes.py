"""The fixes Needs attention offers in place: keep a promise, complete a checkpoint, start a 1:1.

One QAction each, shared by the row buttons, the context menu and the keys (K, C, S), acting on
the list's current item through the Desk. Keeping a promise is undone from the list (Ctrl+Z or
the Undo button of the strip that says what was kept); completing a checkpoint asks its outcome
in the checkpoint dialog first, so nothing changes without that confirmation.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from leaddesk.reports.item_wording import short
from leaddesk.services.action_item import ActionItem
from leaddesk.ui.common.navigation import target_for
from leaddesk.ui.context import AppContext
from leaddesk.ui.week.attention_groups import Fix, fix_for

UNDO_KEYS = QKeySequence(QKeySequence.StandardKey.Undo).toString(
    QKeySequence.SequenceFormat.NativeText
)


class AttentionFixes(QObject):
    """The actions of the Needs attention list, and the one promise a Ctrl+Z there reopens."""

    undo_changed = Signal(str)  # what Undo would reopen, in words ('' when nothing)

    def __init__(
        self, ctx: AppContext, owner: QWidget, current: Callable[[], ActionItem | None]
    ) -> None:
        super().__init__(owner)
        self.ctx = ctx
        self.owner = owner
        self.current = current
        self.kept: ActionItem | None = None  # the promise the list's undo reopens
        self.open_action = self._action("Open where it lives", "Return", self.open, "attentionOpen")
        self.keep_action = self._action("Mark kept", "K", self.keep, "attentionKeep")
        self.complete_action = self._action(
            "Complete checkpoint…", "C", self.complete, "attentionComplete"
        )
        self.start_action = self._action("Start 1:1", "S", self.start, "attentionStart")
        self.undo_action = self._action(
            f"Undo keep ({UNDO_KEYS})", "", self.undo, "attentionUndoKeep", shortcut=False
        )
        for action, short_text in (
            (self.open_action, "Open"),
            (self.keep_action, "Keep"),
            (self.complete_action, "Complete…"),
            (self.start_action, "Start 1:1"),
        ):
            action.setIconText(short_text)  # the row buttons' words; menus say it in full
        self.fix_actions = {
            Fix.KEEP: self.keep_action,
            Fix.COMPLETE: self.complete_action,
            Fix.START: self.start_action,
        }
        self.update()

    def _action(
        self,
        text: str,
        keys: str,
        slot: Callable[[], None],
        name: str,
        *,
        shortcut: bool = True,
    ) -> QAction:
        action = QAction(text, self.owner)
        action.setObjectName(name)
        if keys:
            action.setShortcut(QKeySequence(keys))
            shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.rstrip('…')} ({shown})")
        # Only while the list has focus: K or S typed anywhere else is someone's text.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut and keys != "Return":  # Enter is the list's own key (it also folds groups)
            self.owner.addAction(action)
        return action

    def update(self) -> None:
        """Enable what applies to the current row."""
        item = self.current()
        fix = fix_for(item) if item is not None else None
        self.open_action.setEnabled(item is not None)
        for kind, action in self.fix_actions.items():
            action.setEnabled(fix is kind)
        self.undo_action.setEnabled(self.kept is not None)

    # -- the fixes ---------------------------------------------------------------------------
    def open(self) -> None:
        """Go where the current item is fixed (a person's tab, or 1:1 mode)."""
        item = self.current()
        if item is not None:
            self.ctx.go(*target_for(item))

    def keep(self) -> None:
        """Mark the current promise kept today; the list offers to undo it."""
        item = self.current()
        if item is None or fix_for(item) is not Fix.KEEP or item.ref_id is None:
            return
        ref = item.ref_id
        on_time = self.ctx.result(self.owner, lambda: self.ctx.desk.keep_promise(ref))
        if on_time is None:
            return
        self.kept = item
        said = f"Kept “{short(item.subject, 40)}” ({item.person_name}){'' if on_time else ', late'}"
        self.ctx.message.emit(f"{said}. {UNDO_KEYS} in Needs attention reopens it.")
        self.undo_changed.emit(said)
        self.update()

    def undo(self) -> None:
        """Reopen the promise just kept from this list."""
        item = self.kept
        if item is None or item.ref_id is None:
            return
        ref = item.ref_id
        if self.ctx.attempt(self.owner, lambda: self.ctx.desk.reopen_promise(ref)):
            self.ctx.message.emit(f"Reopened “{short(item.subject, 40)}”.")
        self.forget_undo()

    def forget_undo(self) -> None:
        """Nothing to undo any more (undone, or another fix came after it)."""
        self.kept = None
        self.undo_changed.emit("")
        self.update()

    def complete(self) -> None:
        """Record the current checkpoint's outcome in the checkpoint dialog."""
        from leaddesk.ui.person.dialogs.checkpoint_dialog import CheckpointDialog

        item = self.current()
        if item is None or fix_for(item) is not Fix.COMPLETE:
            return
        for delegation in self.ctx.desk.delegations(item.person_id, active_only=True):
            for checkpoint in delegation.checkpoints:
                if checkpoint.id == item.ref_id and checkpoint.outcome is None:
                    if CheckpointDialog.complete(self.ctx, self.owner, delegation, checkpoint):
                        self.forget_undo()
                    return
        self.ctx.message.emit("That checkpoint is no longer open.")

    def start(self) -> None:
        """Start a 1:1 with the current row's person (1:1 mode; it is saved there)."""
        item = self.current()
        if item is not None and fix_for(item) is Fix.START:
            self.ctx.go("one_on_one", item.person_id)
