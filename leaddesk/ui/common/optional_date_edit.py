"""A date field that may be left empty ("not set"), with a Clear button beside it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QToolButton, QWidget

from leaddesk.domain import clock

NOT_SET = QDate(1900, 1, 1)  # the minimum date stands for "not set" (QDateEdit special value)
LAST = QDate(2200, 12, 31)


def to_qdate(value: date) -> QDate:
    """A Python date as a QDate."""
    return QDate(value.year, value.month, value.day)


def to_date(value: QDate) -> date:
    """A QDate as a Python date."""
    return date(value.year(), value.month(), value.day())


class OptionalDateEdit(QWidget):
    """A QDateEdit whose lowest value reads "not set"; `value()` is a date or None."""

    def __init__(
        self,
        name: str,
        parent: QWidget | None = None,
        not_set_text: str = "not set",
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = to_qdate(today or clock.today())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QDateEdit()
        self.edit.setObjectName(f"{name}Date")
        self.edit.setCalendarPopup(True)
        self.edit.setDateRange(NOT_SET, LAST)
        self.edit.setSpecialValueText(not_set_text)
        self.edit.setDisplayFormat("d MMM yyyy")
        self.edit.setDate(NOT_SET)
        self.edit.calendarWidget().installEventFilter(self)
        self.clear_button = QToolButton()
        self.clear_button.setObjectName(f"{name}Clear")
        self.clear_button.setText("Clear")
        self.clear_button.setToolTip(f"Set to “{not_set_text}”")
        self.clear_button.setAccessibleName(f"Clear the date ({not_set_text})")
        self.clear_button.clicked.connect(lambda: self.set_value(None))
        self.edit.dateChanged.connect(self._update_clear)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.edit)
        self._update_clear()

    def value(self) -> date | None:
        """The chosen date, or None when not set."""
        chosen = self.edit.date()
        return None if chosen == NOT_SET else to_date(chosen)

    def set_value(self, value: date | None) -> None:
        """Show `value` (None: not set)."""
        self.edit.setDate(to_qdate(value) if value else NOT_SET)

    def setAccessibleName(self, name: str) -> None:
        """Name the date field itself, which is what assistive tools reach."""
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def setToolTip(self, tip: str) -> None:
        """The tooltip belongs on the date field."""
        self.edit.setToolTip(tip)

    def _update_clear(self) -> None:
        self.clear_button.setEnabled(self.value() is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # An unset date would open the calendar in January 1900: show this month instead.
        if event.type() == QEvent.Type.Show and self.value() is None:
            calendar = self.edit.calendarWidget()
            calendar.setCurrentPage(self._today.year(), self._today.month())
        return super().eventFilter(watched, event)
