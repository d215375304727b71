"""Close a solicitation during the 1:1: their answer to the feedback I asked for."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from leaddesk.ui.context import AppContext
from leaddesk.ui.one_on_one.one_on_one_agenda_row import AgendaRow
from leaddesk.ui.one_on_one.one_on_one_item_page import OneOnOneItemPage


class OneOnOneAnswerPage(OneOnOneItemPage):
    """Their answer in their words; Enter records it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 0)
        self.answer = QLineEdit()
        self.answer.setObjectName("solicitationAnswer")
        self.answer.setAccessibleName("Their answer")
        self.answer.setPlaceholderText("Their answer, in their words — Enter to record")
        self.answer.returnPressed.connect(self._record)
        box.addWidget(self.answer)
        self.record = self.button(
            "Record answer",
            "recordAnswer",
            "Close the solicitation with their answer",
            self._record,
        )
        box.addLayout(self.left(self.record))
        box.addStretch(1)

    def fill(self, row: AgendaRow) -> None:
        self.answer.clear()

    def _record(self) -> None:
        if self.row is None:
            return
        key, fid, text = self.row.key, self.row.ref_id, self.answer.text()
        if self.attempt(
            lambda: self.ctx.desk.answer_solicitation(fid, text), done="Answer recorded."
        ):
            self.resolved.emit(key, "answered")
