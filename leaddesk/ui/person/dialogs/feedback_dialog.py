"""Record feedback given, feedback received, or ask for feedback (a solicitation)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from leaddesk.domain.feedback import FeedbackDirection, FeedbackKind
from leaddesk.ui.common.form_dialog import FormDialog

_TITLES = {
    FeedbackDirection.GIVEN: ("Give feedback", "Record feedback"),
    FeedbackDirection.RECEIVED: ("Record feedback received", "Record feedback"),
    FeedbackDirection.SOLICITED: ("Ask for feedback", "Record the question"),
}
_LABELS = {
    FeedbackDirection.GIVEN: "What I told {name}",
    FeedbackDirection.RECEIVED: "What {name} told me",
    FeedbackDirection.SOLICITED: "What I asked {name}",
}
_PLACEHOLDERS = {
    FeedbackDirection.GIVEN: "e.g. The board summary was crisp; lead with the decision again.",
    FeedbackDirection.RECEIVED: "e.g. I interrupt in staff meetings before people finish.",
    FeedbackDirection.SOLICITED: "e.g. How could I make our 1:1s more useful to you?",
}
_KIND_TIPS = {
    FeedbackKind.APPRECIATION: "Appreciation: recognising effort and what went well",
    FeedbackKind.COACHING: "Coaching: helping to grow, a better way next time",
    FeedbackKind.EVALUATION: "Evaluation: where they stand against expectations",
}


@dataclass(frozen=True, slots=True)
class FeedbackInput:
    """What the feedback dialog holds when OK is pressed."""

    direction: FeedbackDirection
    kind: FeedbackKind | None
    text: str
    on: date


class FeedbackDialog(FormDialog):
    """One dialog for the three directions; the caller fixes the direction."""

    def __init__(
        self,
        direction: FeedbackDirection,
        person_name: str,
        today: date,
        on_save: Callable[[FeedbackInput], Any],
        parent: QWidget | None = None,
    ) -> None:
        title, ok = _TITLES[direction]
        super().__init__(title, ok, parent)
        self.setObjectName("feedbackDialog")
        self.direction = direction
        self.on_save = on_save
        if direction is FeedbackDirection.SOLICITED:
            self.set_intro(
                f"Asking is how a culture of feedback starts. The question stays open until you "
                f"record {person_name}'s answer."
            )
        self.kind = QComboBox()
        self.kind.setObjectName("feedbackKind")
        self.kind.setAccessibleName("Kind of feedback")
        self.kind.setToolTip("\n".join(_KIND_TIPS.values()))
        self.kind.addItem("(not specified)", None)
        for kind in FeedbackKind:
            self.kind.addItem(kind.value.capitalize(), kind)
            self.kind.setItemData(
                self.kind.count() - 1, _KIND_TIPS[kind], Qt.ItemDataRole.ToolTipRole
            )
        if direction is not FeedbackDirection.SOLICITED:
            self.kind.setCurrentIndex(1)
        self.form.addRow("&Kind", self.kind)
        self.text = self.text_edit(
            "feedbackText", _LABELS[direction].format(name=person_name), _PLACEHOLDERS[direction]
        )
        self.form.addRow("&" + _LABELS[direction].format(name=person_name), self.text)
        self.on = self.date_edit("feedbackDate", "Date", today)
        self.form.addRow("&Date", self.on)
        self.text.setFocus()

    def value(self) -> FeedbackInput:
        """The feedback as typed."""
        kind = self.kind.currentData()
        return FeedbackInput(
            self.direction,
            kind if isinstance(kind, FeedbackKind) else None,
            self.text.toPlainText(),
            self.day(self.on),
        )

    def save(self) -> Any:
        return self.on_save(self.value())
