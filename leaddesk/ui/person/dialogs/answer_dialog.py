"""Record their answer to feedback I asked for; the solicitation then closes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from leaddesk.reports import wording
from leaddesk.services.feedback import FeedbackView
from leaddesk.ui.common.form_dialog import FormDialog


class AnswerDialog(FormDialog):
    """Shows the question; `on_save(answer, on)` records the answer."""

    def __init__(
        self,
        solicitation: FeedbackView,
        today: date,
        on_save: Callable[[str, date], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Record their answer", "Record answer", parent)
        self.setObjectName("answerDialog")
        self.on_save = on_save
        self.set_intro(
            f"On {wording.day(solicitation.on)} I asked {solicitation.person_name}: "
            f"“{solicitation.text}”"
        )
        self.answer = self.text_edit(
            "answerText", "Their answer", "What they told me, in their words where possible."
        )
        self.form.addRow("&Their answer", self.answer)
        self.on = self.date_edit("answerDate", "Answered on", max(today, solicitation.on))
        self.form.addRow("&Answered on", self.on)
        self.answer.setFocus()

    def save(self) -> Any:
        return self.on_save(self.answer.toPlainText(), self.day(self.on))
