"""Settle a promise during the 1:1: kept, broken, released, or renegotiated to a new date."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit, QVBoxLayout, QWidget

from leaddesk.reports import wording
from leaddesk.ui.common.optional_date_edit import to_qdate
from leaddesk.ui.context import AppContext
from leaddesk.ui.one_on_one.one_on_one_agenda_row import AgendaRow
from leaddesk.ui.one_on_one.one_on_one_item_page import OneOnOneItemPage


class OneOnOnePromisePage(OneOnOneItemPage):
    """Four transitions and an optional note kept in the promise's history."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 0)
        self.keep_button = self.button(
            "&Kept", "promiseKeep", "Kept (on time or late, from the due date)", self._keep
        )
        self.break_button = self.button(
            "&Broken", "promiseBreak", "Not kept, and not renegotiated in time", self._break
        )
        self.release_button = self.button(
            "Re&leased",
            "promiseRelease",
            "Released by agreement: neither kept nor broken",
            self._release,
        )
        box.addLayout(self.left(self.keep_button, self.break_button, self.release_button))
        self.new_due = QDateEdit()
        self.new_due.setObjectName("promiseNewDue")
        self.new_due.setAccessibleName("New due date")
        self.new_due.setCalendarPopup(True)
        self.new_due.setDisplayFormat("d MMM yyyy")
        self.renegotiate_button = self.button(
            "&Renegotiate",
            "promiseRenegotiate",
            "Agree a new due date — honest, not a broken promise; the old date stays in history",
            self._renegotiate,
        )
        box.addLayout(
            self.left(QLabel("or agree a new date:"), self.new_due, self.renegotiate_button)
        )
        self.note = QLineEdit()
        self.note.setObjectName("promiseNote")
        self.note.setAccessibleName("Note on the promise")
        self.note.setPlaceholderText("Optional note, kept in the promise's history")
        box.addWidget(self.note)
        box.addStretch(1)

    def fill(self, row: AgendaRow) -> None:
        today = self.ctx.desk.today()
        promise = self.ctx.desk.promise(row.ref_id)
        base = max(promise.due_on or today, today)
        self.new_due.setMinimumDate(to_qdate(today))
        self.new_due.setDate(to_qdate(base + timedelta(days=7)))
        self.note.clear()

    def _keep(self) -> None:
        assert self.row is not None
        key, pid, note = self.row.key, self.row.ref_id, self.note.text()
        on_time = self.result(
            lambda: self.ctx.desk.keep_promise(pid, note=note), done="Promise kept."
        )
        if on_time is not None:
            self.resolved.emit(key, "kept on time" if on_time else "kept late")

    def _break(self) -> None:
        assert self.row is not None
        key, pid, note = self.row.key, self.row.ref_id, self.note.text()
        if self.attempt(
            lambda: self.ctx.desk.break_promise(pid, note=note), done="Promise broken."
        ):
            self.resolved.emit(key, "broken")

    def _release(self) -> None:
        assert self.row is not None
        key, pid, note = self.row.key, self.row.ref_id, self.note.text()
        if self.attempt(
            lambda: self.ctx.desk.release_promise(pid, note=note), done="Promise released."
        ):
            self.resolved.emit(key, "released")

    def _renegotiate(self) -> None:
        assert self.row is not None
        key, pid, note = self.row.key, self.row.ref_id, self.note.text()
        due: date = self.new_due.date().toPython()  # type: ignore[assignment]  # QDate -> date
        if self.attempt(
            lambda: self.ctx.desk.renegotiate_promise(pid, due, note=note),
            done=f"Promise renegotiated to {wording.day(due)}.",
        ):
            self.resolved.emit(key, f"renegotiated to {wording.day(due, self.ctx.desk.today())}")
