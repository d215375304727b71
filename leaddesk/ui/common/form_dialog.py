"""A form dialog whose OK runs `save()`; a user error keeps it open with the message inline.

Subclasses fill `self.form`, override `save()` (its result is kept in `saved`), and may show an
intro line with `set_intro`. Fields come from `text_edit` and `date_edit`; `day` reads a date.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.errors import UserError
from leaddesk.ui import theme


class FormDialog(QDialog):
    """Intro, form, inline error, OK/Cancel. OK calls `save()`; errors keep what was typed."""

    def __init__(self, title: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.saved: Any = None
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setObjectName("formIntro")
        self.intro.setWordWrap(True)
        self.intro.hide()
        layout.addWidget(self.intro)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self.form)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setAccessibleName("Problem")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {theme.bad().name()}; font-weight: 600;")
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setObjectName("formOk")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("formCancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # Enter types a new line in the text fields; Ctrl+Enter saves from anywhere.
        self.ok_button.setToolTip("Save (Ctrl+Enter)")
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

    def set_intro(self, text: str) -> None:
        """A line of explanation above the form."""
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    @staticmethod
    def text_edit(name: str, accessible: str, placeholder: str = "") -> QPlainTextEdit:
        """A multi-line field where Tab moves on to the next field."""
        box = QPlainTextEdit()
        box.setObjectName(name)
        box.setAccessibleName(accessible)
        box.setPlaceholderText(placeholder)
        box.setTabChangesFocus(True)
        box.setMinimumHeight(box.fontMetrics().lineSpacing() * 4 + 12)
        return box

    @staticmethod
    def date_edit(name: str, accessible: str, value: date) -> QDateEdit:
        """A date field with a calendar popup."""
        edit = QDateEdit(QDate(value.year, value.month, value.day))
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    @staticmethod
    def day(edit: QDateEdit) -> date:
        """The date a field shows."""
        value = edit.date()
        return date(value.year(), value.month(), value.day())

    def save(self) -> Any:
        """Do the write (override); raise a UserError to keep the dialog open."""
        return None

    def show_error(self, message: str) -> None:
        """Say what is wrong, inline."""
        self.error.setText(message)
        self.error.show()

    def accept(self) -> None:
        try:
            self.saved = self.save()
        except UserError as error:
            self.show_error(str(error))
            return
        super().accept()
