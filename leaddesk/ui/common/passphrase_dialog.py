"""Ask for the store's passphrase (twice for a new store); shows why the last try failed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from leaddesk.security.keys import MIN_PASSPHRASE


class PassphraseDialog(QDialog):
    """Passphrase entry; `error` is shown in red above the field (e.g. a wrong passphrase)."""

    def __init__(self, new: bool, store: str, error: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setMinimumWidth(460)
        self.setWindowTitle("Create your LeadDesk passphrase" if new else "Unlock LeadDesk")
        self.new = new
        layout = QVBoxLayout(self)
        intro = QLabel(
            "No OS keychain is available on this computer, so your notes are protected by a "
            f"passphrase. Choose one of at least {MIN_PASSPHRASE} characters; it cannot be "
            "recovered if you forget it."
            if new
            else f"Enter the passphrase of {store}."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.error = QLabel(error)
        self.error.setObjectName("passphraseError")
        self.error.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.error.setWordWrap(True)
        self.error.setVisible(bool(error))
        layout.addWidget(self.error)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase")
        form.addRow("&Passphrase:", self.passphrase)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("passphraseRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName("Repeat passphrase")
        if new:
            form.addRow("&Repeat:", self.repeat)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Create store" if new else "Unlock")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.passphrase.setFocus()

    def _accept(self) -> None:
        text = self.passphrase.text()
        if self.new and len(text) < MIN_PASSPHRASE:
            self._show_error(f"The passphrase must be at least {MIN_PASSPHRASE} characters long.")
        elif self.new and self.repeat.text() != text:
            self._show_error("The two passphrases differ.")
        elif not text:
            self._show_error("Enter the passphrase.")
        else:
            self.accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def value(self) -> str:
        """The passphrase typed."""
        return self.passphrase.text()
