"""A due date typed the quick way (today, tomorrow, +1w, fri, 2 Dec, 2026-12-02), with a preview."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.typed_dates import TYPED_DATE_FORMATS, parse_typed_date
from leaddesk.reports import wording
from leaddesk.ui import theme

DUE_HINT = "today, tomorrow, +1w, fri, 2 Dec or 2026-12-02"


def parse_due(text: str, today: date) -> date | None:
    """A typed due date: None when empty, else read as the terminal's --due reads it."""
    if not text.strip():
        return None
    return parse_typed_date(text, today, "Due date")


class DueDateField(QWidget):
    """A line edit for the date, what it reads as, and Today / Tomorrow / +1 week buttons."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setObjectName("dueDateEdit")
        self.edit.setAccessibleName("Due date")
        self.edit.setPlaceholderText(f"none, or {DUE_HINT}")
        self.edit.setToolTip(f"Leave empty for no due date, or write {TYPED_DATE_FORMATS}.")
        self.edit.textChanged.connect(self._preview)
        self.preview = QLabel()
        self.preview.setObjectName("dueDatePreview")
        self.preview.setMinimumWidth(
            self.preview.fontMetrics().horizontalAdvance("Wed 30 Sep 2099")
        )
        row.addWidget(self.edit, 1)
        row.addWidget(self.preview)
        for name, text, value in (
            ("Today", "Toda&y", "today"),
            ("Tomorrow", "T&omorrow", "tomorrow"),
            ("Week", "+1 wee&k", "+1w"),
        ):
            quick = QToolButton()
            quick.setText(text)
            quick.setObjectName(f"due{name}")
            plain = text.replace("&", "")
            quick.setToolTip(f"Due {plain.lower()} (Alt+{text[text.index('&') + 1].upper()})")
            quick.setAccessibleName(f"Due {plain.lower()}")
            quick.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+key or a click; not a Tab stop
            quick.clicked.connect(lambda _=False, v=value: self.edit.setText(v))
            row.addWidget(quick)
        self.setFocusProxy(self.edit)

    def value(self) -> date | None:
        """The due date typed (None when empty); a ValidationError when it is not a date."""
        return parse_due(self.edit.text(), self.today)

    def _preview(self, text: str) -> None:
        try:
            due = parse_due(text, self.today)
        except ValidationError:
            self.preview.setText("not a date yet")
            self.preview.setStyleSheet(f"color: {theme.warn().name()};")
            return
        self.preview.setText(wording.weekday(due, self.today) if due else "")
        self.preview.setStyleSheet(f"color: {theme.muted_color().name()};")
