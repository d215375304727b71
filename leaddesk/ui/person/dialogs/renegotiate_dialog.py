"""Agree a new due date for a promise; the old date stays in its history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import QWidget

from leaddesk.reports import wording
from leaddesk.services.promises import PromiseView
from leaddesk.ui.common.form_dialog import FormDialog

DEFAULT_EXTENSION_DAYS = 7


class RenegotiateDialog(FormDialog):
    """New due date (required) and a note on what was agreed; calls `on_save(new_due, note)`."""

    def __init__(
        self,
        promise: PromiseView,
        today: date,
        on_save: Callable[[date, str], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Renegotiate promise", "Renegotiate", parent)
        self.setObjectName("renegotiateDialog")
        self.on_save = on_save
        was = wording.day(promise.due_on) if promise.due_on else "no date"
        why = (
            "It is overdue: agreeing a new date now is still better than letting it slip."
            if promise.overdue
            else "Agreeing a new date before it is due is talking straight, not breaking it."
        )
        self.set_intro(
            f"“{promise.text.splitlines()[0]}” — due {was}.\n{why} "
            "The old date stays in the history."
        )
        start = max(promise.due_on or today, today)
        self.new_due = self.date_edit(
            "renegotiateDue", "New due date", start + timedelta(days=DEFAULT_EXTENSION_DAYS)
        )
        self.form.addRow("&New due date", self.new_due)
        self.note = self.text_edit(
            "renegotiateNote",
            "What was agreed",
            "e.g. Waiting for the budget decision; agreed Friday.",
        )
        self.form.addRow("N&ote", self.note)
        self.new_due.setFocus()

    def save(self) -> Any:
        return self.on_save(self.day(self.new_due), self.note.toPlainText())
