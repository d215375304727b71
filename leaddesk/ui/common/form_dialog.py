"""The one base of LeadDesk's form dialogs: intro, form, inline error line, OK and Cancel.

OK (Enter in a one-line field, Ctrl+Enter anywhere) runs `save()`; a UserError (a service's
validation or the dialog's own check) keeps the dialog open with the message shown in it, the
cursor put back in the field it is about when known, and everything typed kept. Esc cancels.
"""

from __future__ import annotations

from contextlib import nullcontext
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.errors import UserError, ValidationError
from leaddesk.ui import theme
from leaddesk.ui.common.optional_date_edit import to_date, to_qdate

if TYPE_CHECKING:
    from leaddesk.ui.context import AppContext

__all__ = ["FormDialog", "to_date", "to_qdate"]


TITLE_BAR_CHROME = 150  # a window manager's icon and buttons beside the title


def title_bar_width(title: str) -> int:
    """How wide a window must be for its title bar to show `title` whole (with the app's name
    Qt adds): 'Change the level of empowerment' read 'Change the l…' in a narrow dialog."""
    bold = QFont(QApplication.font())
    bold.setWeight(QFont.Weight.Bold)
    shown = f"{title} — {QApplication.applicationDisplayName()}"
    return QFontMetrics(bold).horizontalAdvance(shown) + TITLE_BAR_CHROME


class FormDialog(QDialog):
    """A modal form whose OK runs `save()`: its result lands in `saved`, errors show inline.

    Subclasses fill `self.form` (with `add_row`, or `form.addRow`), may explain with `set_intro`,
    and override `save()`. Given `ctx`, a `done_message` set by `save()` goes to the status bar.
    """

    def __init__(
        self,
        title: str,
        ok_text: str,
        parent: QWidget | None = None,
        *,
        ctx: AppContext | None = None,
    ) -> None:
        super().__init__(parent)
        self._status = ctx
        self.saved: Any = None
        self.done_message = ""
        self._culprit: QWidget | None = None
        self.setWindowTitle(title)
        self.setMinimumWidth(max(460, title_bar_width(title)))
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
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setObjectName("formOk")
        self.cancel_button: QPushButton = self.buttons.button(
            QDialogButtonBox.StandardButton.Cancel
        )
        self.cancel_button.setObjectName("formCancel")
        self.cancel_button.setToolTip("Close without saving (Esc)")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # Enter types a new line in the text boxes; Ctrl+Enter saves from anywhere.
        self.ok_button.setToolTip("Save (Ctrl+Enter)")
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

    # -- building the form -------------------------------------------------------------------
    def set_intro(self, text: str) -> None:
        """A line of explanation above the form."""
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def add_row(self, label: str, field: QWidget, tip: str = "") -> QWidget:
        """A labelled form row whose label is the field's buddy (Alt+letter focuses it)."""
        caption = QLabel(label)
        caption.setBuddy(field)
        if tip:
            field.setToolTip(tip)
        if not field.accessibleName():
            field.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.form.addRow(caption, field)
        return field

    @staticmethod
    def text_box(name: str, placeholder: str = "", lines: int = 3) -> QPlainTextEdit:
        """A compact multi-line field of fixed height, for forms with several of them.

        Tab moves on (so the form stays keyboard-driven)."""
        box = QPlainTextEdit()
        box.setObjectName(name)
        box.setTabChangesFocus(True)
        box.setPlaceholderText(placeholder)
        line = box.fontMetrics().lineSpacing()
        box.setFixedHeight(line * lines + 14)
        return box

    @staticmethod
    def text_edit(name: str, accessible: str, placeholder: str = "") -> QPlainTextEdit:
        """The dialog's main text: at least four lines, growing with the dialog; Tab moves on."""
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
        edit.setDisplayFormat("d MMM yyyy")  # as every date a person reads here
        return edit

    @staticmethod
    def day(edit: QDateEdit) -> date:
        """The date a field shows."""
        return to_date(edit.date())

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> Any:
        """Do the write (override); raise a UserError to keep the dialog open."""
        return None

    def refuse(self, field: QWidget, message: str) -> ValidationError:
        """An error about `field` for `save()` to raise: the cursor goes back into that field."""
        self._culprit = field
        return ValidationError(message)

    def show_error(self, message: str) -> None:
        """Say what is wrong, inline, and keep the dialog open."""
        self.error.setText(message)
        self.error.show()

    def accept(self) -> None:
        self._culprit = None
        # Given ctx, the changes the save makes name this dialog (and so its parent) as initiator.
        acting = self._status.acting(self) if self._status is not None else nullcontext()
        try:
            with acting:
                self.saved = self.save()
        except UserError as error:
            self.show_error(str(error))
            if self._culprit is not None:
                self._culprit.setFocus()
                if isinstance(self._culprit, QLineEdit):
                    self._culprit.selectAll()  # typing replaces what was refused
            return
        if self.done_message and self._status is not None:
            self._status.message.emit(self.done_message)
        super().accept()
