"""Set, change or remove the unlock PIN of a keychain store (the current PIN is asked first)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from leaddesk.security.unlock_pin import MIN_PIN
from leaddesk.services.desk import Desk
from leaddesk.ui.common.form_dialog import FormDialog


def _secret_field(name: str, accessible: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class UnlockPinDialog(FormDialog):
    """`remove=False`: a new PIN typed twice; `remove=True`: only the current PIN."""

    def __init__(self, desk: Desk, remove: bool = False, parent: QWidget | None = None) -> None:
        has_pin = desk.has_unlock_pin()
        title = (
            "Remove the unlock PIN"
            if remove
            else "Change the unlock PIN"
            if has_pin
            else ("Set an unlock PIN")
        )
        super().__init__(title, "Remove PIN" if remove else "Save PIN", parent)
        self.setObjectName("unlockPinDialog")
        self.desk = desk
        self.remove = remove
        self.set_intro(
            "After this, anyone at this computer can unlock LeadDesk when it locks."
            if remove
            else f"When LeadDesk locks, unlocking will ask for this PIN (at least {MIN_PIN} "
            "characters: digits, letters, anything). Only a slow hash of it is kept, in your "
            "keychain beside the store's key."
        )
        self.current = _secret_field("currentPin", "Current PIN")
        self.new = _secret_field("newPin", "New PIN")
        self.repeat = _secret_field("repeatPin", "Repeat the new PIN")
        if has_pin:
            self.form.addRow("&Current PIN:", self.current)
        if not remove:
            self.form.addRow("&New PIN:", self.new)
            self.form.addRow("&Repeat:", self.repeat)
        (self.current if has_pin else self.new).setFocus()

    def save(self) -> None:
        if self.remove:
            self.desk.clear_unlock_pin(self.current.text())
            return
        if self.desk.has_unlock_pin() and not self.desk.check_unlock_pin(self.current.text()):
            raise self.refuse(self.current, "That is not your current unlock PIN; nothing changed.")
        if self.new.text() != self.repeat.text():
            raise self.refuse(self.repeat, "The two new PINs differ; type the same PIN twice.")
        self.desk.set_unlock_pin(self.new.text())
