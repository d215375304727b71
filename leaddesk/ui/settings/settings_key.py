"""Settings' "Encryption key" group: where the key is, change the passphrase, move the key.

Each change asks in a dialog (the current passphrase where there is one: someone at an unlocked
computer must not be able to change it), then re-encrypts the store off the GUI thread; the
open Desk carries on with the rekeyed store.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.errors import UserError
from leaddesk.security.keys import MIN_PASSPHRASE
from leaddesk.services.changes import Change, ChangeArea
from leaddesk.services.keys import KeyLocation
from leaddesk.ui import theme
from leaddesk.ui.common.form_dialog import FormDialog
from leaddesk.ui.context import AppContext
from leaddesk.ui.ops import BackgroundOp, Progress

KEPT = "Backups made before keep the old key: it stays in the keychain for them."


class KeyChangeDialog(FormDialog):
    """Asks what a key change needs: the current passphrase and/or a new one (twice)."""

    def __init__(
        self,
        title: str,
        intro: str,
        ok_text: str,
        ask_current: bool,
        ask_new: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, ok_text, parent)
        self.setObjectName("keyChangeDialog")
        self.set_intro(intro)
        self.current = self._secret("currentPassphrase", "Current passphrase")
        self.new = self._secret("newPassphrase", "New passphrase")
        self.repeat = self._secret("repeatPassphrase", "Repeat the new passphrase")
        if ask_current:
            self.add_row("&Current passphrase:", self.current)
        if ask_new:
            self.add_row("&New passphrase:", self.new)
            self.add_row("&Repeat it:", self.repeat)
        self.ask_current, self.ask_new = ask_current, ask_new
        (self.current if ask_current else self.new).setFocus()

    @staticmethod
    def _secret(name: str, accessible: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(accessible)
        return field

    def save(self) -> None:
        """Only checks what was typed: the change itself runs in the background afterwards."""
        new = self.new.text()
        if self.ask_current and not self.current.text():
            raise self.refuse(self.current, "Enter the current passphrase.")
        if self.ask_new and len(new) < MIN_PASSPHRASE:
            raise self.refuse(
                self.new, f"The new passphrase must be at least {MIN_PASSPHRASE} characters."
            )
        if self.ask_new and self.repeat.text() != new:
            raise self.refuse(self.repeat, "The two new passphrases differ.")


class KeySettings(QGroupBox):
    """The "Encryption key" group of Settings."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Encryption key", parent)
        self.ctx = ctx
        self.dialog: KeyChangeDialog | None = None
        self.setObjectName("settingsGroupEncryption")
        layout = QVBoxLayout(self)
        self.where = QLabel()
        self.where.setObjectName("keyLocation")
        self.where.setAccessibleName("Where the encryption key is kept")
        theme.emphasize(self.where, 1.0)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet(f"color: {theme.muted_color().name()};")
        layout.addWidget(self.where)
        layout.addWidget(self.explanation)
        row = QHBoxLayout()
        self.change_passphrase = self._button(
            "changePassphrase", "C&hange passphrase…", "Protect the store with a new passphrase."
        )
        self.to_keychain = self._button(
            "moveKeyToKeychain",
            "Move key into the ke&ychain",
            "Replace the passphrase by a random key kept in your OS keychain.",
        )
        self.to_passphrase = self._button(
            "usePassphrase",
            "&Use a passphrase instead…",
            "Take the key out of the keychain: a passphrase you choose protects the store.",
        )
        self.change_passphrase.clicked.connect(self._ask_change_passphrase)
        self.to_keychain.clicked.connect(self._ask_to_keychain)
        self.to_passphrase.clicked.connect(self._ask_to_passphrase)
        self.busy = QProgressBar()
        self.busy.setObjectName("keyChangeProgress")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        for widget in (self.change_passphrase, self.to_keychain, self.to_passphrase, self.busy):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        self.result = QLabel()
        self.result.setObjectName("keyChangeResult")
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        ctx.changed.connect(self._on_change)
        self.load()

    def _button(self, name: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setToolTip(tip)
        return button

    def _on_change(self, change: Change) -> None:
        if change.area is ChangeArea.SETTINGS and shiboken6.isValid(self):
            self.load()

    def load(self) -> None:
        """Show where the key is, and only the changes that apply."""
        desk = self.ctx.desk
        location = desk.key_location()
        keychain = desk.keychain_available()
        if location is KeyLocation.PASSPHRASE:
            self.where.setText("Protected by a passphrase")
            self.explanation.setText(
                "SQLCipher derives the key from your passphrase; it cannot be recovered if you "
                "forget it."
            )
        elif location is KeyLocation.KEYCHAIN:
            self.where.setText("Key kept in the OS keychain")
            self.explanation.setText(
                "A random key in your operating system's keychain opens the store while you are "
                "logged in, wherever the file (or a backup of it) lies."
            )
        else:
            self.where.setText("Key kept in memory only (demo)")
            self.explanation.setText("This throwaway demo store is gone when you close it.")
        self.change_passphrase.setVisible(location is KeyLocation.PASSPHRASE)
        self.to_keychain.setVisible(location is KeyLocation.PASSPHRASE)
        self.to_keychain.setEnabled(keychain)
        if not keychain:
            self.to_keychain.setToolTip("There is no usable OS keychain on this computer.")
        self.to_passphrase.setVisible(location is KeyLocation.KEYCHAIN)

    # -- asking ------------------------------------------------------------------------------
    def _open(self, dialog: KeyChangeDialog, work: str) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._start(dialog, work))
        dialog.open()

    def _ask_change_passphrase(self) -> None:
        self._open(
            KeyChangeDialog(
                "Change the passphrase",
                "The store is re-encrypted under the new passphrase; a copy is written first, "
                "so nothing is lost if this is interrupted.",
                "Change passphrase",
                ask_current=True,
                ask_new=True,
                parent=self,
            ),
            "passphrase",
        )

    def _ask_to_passphrase(self) -> None:
        self._open(
            KeyChangeDialog(
                "Use a passphrase instead",
                "The store is re-encrypted under a passphrase you choose; you type it each time "
                f"LeadDesk opens or unlocks. {KEPT}",
                "Use this passphrase",
                ask_current=False,
                ask_new=True,
                parent=self,
            ),
            "passphrase",
        )

    def _ask_to_keychain(self) -> None:
        self._open(
            KeyChangeDialog(
                "Move the key into the keychain",
                "The store is re-encrypted under a random key kept in your OS keychain: it "
                "then opens without a passphrase while you are logged in. Backups made before "
                "keep the current passphrase.",
                "Move key into the keychain",
                ask_current=True,
                ask_new=False,
                parent=self,
            ),
            "keychain",
        )

    # -- doing -------------------------------------------------------------------------------
    def _start(self, dialog: KeyChangeDialog, work: str) -> None:
        desk = self.ctx.desk
        current = dialog.current.text() if dialog.ask_current else None
        new = dialog.new.text()

        def change(_progress: Progress) -> str:
            if current is not None and not desk.check_passphrase(current):
                raise UserError("That is not the current passphrase; nothing was changed.")
            if work == "keychain":
                desk.move_key_to_keychain()
                return "The key is now in the OS keychain."
            before = desk.key_location()
            desk.change_passphrase(new)
            if before is KeyLocation.KEYCHAIN:
                return f"The store is now protected by your passphrase. {KEPT}"
            return "The passphrase was changed."

        for button in (self.change_passphrase, self.to_keychain, self.to_passphrase):
            button.setEnabled(False)
        self.busy.show()
        self.result.setStyleSheet("")
        self.result.setText("Re-encrypting the store…")
        BackgroundOp(self, change).success(self._done).failure(self._failed).run()

    def _done(self, message: str) -> None:
        self.busy.hide()
        self.change_passphrase.setEnabled(True)
        self.to_passphrase.setEnabled(True)
        self.load()
        self.result.setText(message)
        self.ctx.message.emit(message)

    def _failed(self, error: BaseException) -> None:
        self.busy.hide()
        self.change_passphrase.setEnabled(True)
        self.to_passphrase.setEnabled(True)
        self.load()
        self.result.setStyleSheet(f"color: {theme.bad().name()};")
        if isinstance(error, UserError):
            self.result.setText(str(error))
        else:
            self.result.setText("The key was not changed: an unexpected error.")
