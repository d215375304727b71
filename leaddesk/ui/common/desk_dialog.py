"""The base of the dialogs that write through the desk: a form, an inline error line, OK, Cancel.

`save()` does the service write; a ValidationError keeps the dialog open with the message shown
inline and everything typed kept, so the user fixes it where they are.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.errors import UserError
from leaddesk.ui import theme
from leaddesk.ui.common.optional_date_edit import to_date, to_qdate
from leaddesk.ui.context import AppContext

__all__ = ["DeskDialog", "to_date", "to_qdate"]


class DeskDialog(QDialog):
    """A modal form whose OK runs `save()`; errors show inline, success in the status bar."""

    def __init__(
        self, ctx: AppContext, title: str, ok_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.done_message = ""
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.outer.addLayout(self.form)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setAccessibleName("Problem")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {theme.bad().name()}; font-weight: 600;")
        self.error.hide()
        self.outer.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setObjectName("formOk")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("formCancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # Enter types a new line in the text boxes; Ctrl+Enter saves from anywhere.
        self.ok_button.setToolTip("Save (Ctrl+Enter)")
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

    def finish_layout(self) -> None:
        """Add the buttons below whatever the subclass put in the form."""
        self.outer.addWidget(self.buttons)

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
        """A multi-line field where Tab moves on (so the form stays keyboard-driven)."""
        box = QPlainTextEdit()
        box.setObjectName(name)
        box.setTabChangesFocus(True)
        box.setPlaceholderText(placeholder)
        line = box.fontMetrics().lineSpacing()
        box.setFixedHeight(line * lines + 14)
        return box

    def save(self) -> None:
        """Do the write (override); raise a UserError to keep the dialog open."""

    def show_error(self, message: str) -> None:
        """Say what is wrong, inline, and keep the dialog open."""
        self.error.setText(message)
        self.error.show()

    def accept(self) -> None:
        try:
            self.save()
        except UserError as error:
            self.show_error(str(error))
            return
        if self.done_message:
            self.ctx.message.emit(self.done_message)
        super().accept()
