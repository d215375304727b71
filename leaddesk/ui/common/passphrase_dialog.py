"""Ask for the store's passphrase (twice for a new store); shows why the last try failed."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from leaddesk.security.keys import MIN_PASSPHRASE
from leaddesk.ui.common.form_dialog import FormDialog


class PassphraseDialog(FormDialog):
    """Passphrase entry; `error` is shown from the start (e.g. a wrong passphrase)."""

    def __init__(self, new: bool, store: str, error: str = "", parent: QWidget | None = None):
        super().__init__(
            "Create your LeadDesk passphrase" if new else "Unlock LeadDesk",
            "Create store" if new else "Unlock",
            parent,
        )
        self.setObjectName("passphraseDialog")
        self.new = new
        self.set_intro(
            "No OS keychain is available on this computer, so your notes are protected by a "
            f"passphrase. Choose one of at least {MIN_PASSPHRASE} characters; it cannot be "
            "recovered if you forget it."
            if new
            else f"Enter the passphrase of {store}."
        )
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase")
        self.form.addRow("&Passphrase:", self.passphrase)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("passphraseRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName("Repeat passphrase")
        if new:
            self.form.addRow("&Repeat:", self.repeat)
        if error:
            self.show_error(error)
        self.passphrase.setFocus()

    def save(self) -> str:
        text = self.passphrase.text()
        if self.new and len(text) < MIN_PASSPHRASE:
            raise self.refuse(
                self.passphrase,
                f"The passphrase must be at least {MIN_PASSPHRASE} characters long.",
            )
        if self.new and self.repeat.text() != text:
            raise self.refuse(self.passphrase, "The two passphrases differ.")
        if not text:
            raise self.refuse(self.passphrase, "Enter the passphrase.")
        return text

    def value(self) -> str:
        """The passphrase typed."""
        return self.passphrase.text()
