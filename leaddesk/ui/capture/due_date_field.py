"""A due date typed the quick way (today, tomorrow, +1w, fri, 2 Dec, 2026-12-02), with a preview."""

from __future__ import annotations

import re
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.validation import parse_date
from leaddesk.reports import wording
from leaddesk.ui import theme

DUE_HINT = "today, tomorrow, +1w, fri, 2 Dec or 2026-12-02"
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAY_MONTH = re.compile(r"^(\d{1,2}) ?([a-z]{3,})$|^([a-z]{3,}) ?(\d{1,2})$")


def parse_due(text: str, today: date) -> date | None:
    """A typed due date: empty (none), today, tom(orrow), +3d, 1w, fri, 2 Dec or ISO."""
    word = " ".join(text.split()).lower()
    if not word:
        return None
    if len(word) >= 3 and "today".startswith(word):
        return today
    if len(word) >= 3 and "tomorrow".startswith(word):
        return today + timedelta(days=1)
    if re.fullmatch(r"\d{1,4}[dw]", word):
        word = "+" + word
    if word.isalpha() and len(word) >= 3 and word[:3] in _WEEKDAYS:
        ahead = (_WEEKDAYS.index(word[:3]) - today.weekday()) % 7
        return today + timedelta(days=ahead or 7)  # "fri" on a Friday means next week's
    found = _DAY_MONTH.match(word)
    month_name = found and (found.group(2) or found.group(3))[:3]
    if found and month_name in _MONTHS:
        day = int(found.group(1) or found.group(4))
        try:
            chosen = date(today.year, _MONTHS.index(month_name) + 1, day)
        except ValueError:
            raise ValidationError(f"Due date '{text.strip()}' does not exist.") from None
        return chosen if chosen >= today else chosen.replace(year=today.year + 1)
    try:
        return parse_date(word, "Due date", today)
    except ValidationError:
        raise ValidationError(
            f"Due date '{text.strip()}' is not a date; write e.g. {DUE_HINT}."
        ) from None


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
        self.edit.setToolTip(f"Leave empty for no due date. Accepts {DUE_HINT}.")
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
