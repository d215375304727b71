"""Note what I did with a piece of feedback (its follow-up)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from leaddesk.reports import wording
from leaddesk.services.feedback import FeedbackView
from leaddesk.ui.common.form_dialog import FormDialog


class FollowUpDialog(FormDialog):
    """Edits the follow-up text; `on_save(text)` stores it (empty clears it)."""

    def __init__(
        self,
        feedback: FeedbackView,
        on_save: Callable[[str], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Follow-up", "Save follow-up", parent)
        self.setObjectName("followUpDialog")
        self.on_save = on_save
        first = feedback.text.splitlines()[0] if feedback.text else ""
        self.set_intro(f"{wording.day(feedback.on)} · {feedback.direction.value}: “{first}”")
        self.follow_up = self.text_edit(
            "followUpText",
            "Follow-up",
            "What I did with it, e.g. Shared the post-mortem format with the team.",
        )
        self.follow_up.setPlainText(feedback.follow_up)
        self.form.addRow("&What I did with it", self.follow_up)
        self.follow_up.setFocus()

    def save(self) -> Any:
        return self.on_save(self.follow_up.toPlainText())
