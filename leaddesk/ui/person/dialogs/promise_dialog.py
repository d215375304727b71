"""Record a promise — mine to them or theirs to me — or reword an open one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import QButtonGroup, QCheckBox, QHBoxLayout, QRadioButton, QWidget

from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.readmodels import PromiseView
from leaddesk.ui.common.form_dialog import FormDialog

DEFAULT_DUE_DAYS = 7


@dataclass(frozen=True, slots=True)
class PromiseInput:
    """What the promise dialog holds when OK is pressed."""

    direction: PromiseDirection
    text: str
    due_on: date | None
    made_on: date


class PromiseDialog(FormDialog):
    """New promise (direction, text, optional due date, made on) or, given one, its new wording.

    When rewording, direction and dates are shown but fixed: dates change only by renegotiation.
    """

    def __init__(
        self,
        person_name: str,
        today: date,
        on_save: Callable[[PromiseInput], Any],
        direction: PromiseDirection = PromiseDirection.MINE,
        promise: PromiseView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        editing = promise is not None
        super().__init__(
            "Edit promise" if editing else "New promise",
            "Save" if editing else "Add promise",
            parent,
        )
        self.setObjectName("promiseDialog")
        self.on_save = on_save
        if promise is not None:
            direction = promise.direction
        self.mine = QRadioButton(f"I promise {person_name}")
        self.mine.setObjectName("promiseMine")
        self.mine.setAccessibleName("Direction: I promised")
        self.mine.setToolTip("My promise to them: it counts in my own record with them.")
        self.theirs = QRadioButton(f"{person_name} promises me")
        self.theirs.setObjectName("promiseTheirs")
        self.theirs.setAccessibleName("Direction: they promised")
        self.theirs.setToolTip("Their promise to me: it counts in their track record.")
        group = QButtonGroup(self)
        group.addButton(self.mine)
        group.addButton(self.theirs)
        (self.mine if direction is PromiseDirection.MINE else self.theirs).setChecked(True)
        directions = QHBoxLayout()
        directions.addWidget(self.mine)
        directions.addWidget(self.theirs)
        directions.addStretch(1)
        self.form.addRow("Who promises", directions)

        self.text = self.text_edit(
            "promiseText", "Promise text", "e.g. Send the hiring plan with two options"
        )
        if promise is not None:
            self.text.setPlainText(promise.text)
        self.form.addRow("&Promise", self.text)

        due = promise.due_on if promise is not None else None
        self.has_due = QCheckBox("&Due by")
        self.has_due.setObjectName("promiseHasDue")
        self.has_due.setAccessibleName("Has a due date")
        self.has_due.setToolTip("Untick for a promise without a date.")
        self.has_due.setChecked(promise is None or due is not None)
        self.due = self.date_edit(
            "promiseDue", "Due date", due or today + timedelta(days=DEFAULT_DUE_DAYS)
        )
        self.has_due.toggled.connect(self.due.setEnabled)
        self.due.setEnabled(self.has_due.isChecked())
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        self.form.addRow("Due", due_row)

        self.made = self.date_edit(
            "promiseMade", "Made on", promise.made_on if promise is not None else today
        )
        self.made.setToolTip("The day the promise was made (today, or earlier when catching up).")
        self.form.addRow("&Made on", self.made)

        if editing:
            for widget in (self.mine, self.theirs, self.has_due, self.due, self.made):
                widget.setEnabled(False)
            self.set_intro("Only the wording changes here; use Renegotiate to agree a new date.")
        self.text.setFocus()

    def value(self) -> PromiseInput:
        """The promise as typed."""
        return PromiseInput(
            PromiseDirection.MINE if self.mine.isChecked() else PromiseDirection.THEIRS,
            self.text.toPlainText(),
            self.day(self.due) if self.has_due.isChecked() else None,
            self.day(self.made),
        )

    def save(self) -> Any:
        return self.on_save(self.value())
