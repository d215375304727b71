"""Settings › Privacy and safety › Unlock: what unlocking asks for, and the unlock PIN."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from leaddesk.services.keys import KeyLocation
from leaddesk.ui import theme
from leaddesk.ui.common.action_slots import on_clicked
from leaddesk.ui.context import AppContext

DEMO_UNLOCK = (
    "Anyone at this computer can unlock this demo after it locks: its throwaway key is held in "
    "memory only, never in your keychain."
)


class UnlockSetting(QWidget):
    """Says who can unlock a locked LeadDesk; sets, changes or removes the PIN."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockSetting")
        self.ctx = ctx
        self.state = QLabel()
        self.state.setObjectName("unlockState")
        self.state.setWordWrap(True)
        self.set_button = QPushButton(theme.icon("lock"), "Set unlock &PIN…")
        self.set_button.setObjectName("setUnlockPin")
        self.remove_button = QPushButton("Remove PIN…")
        self.remove_button.setObjectName("removeUnlockPin")
        on_clicked(self.set_button, lambda: self._edit(remove=False))
        on_clicked(self.remove_button, lambda: self._edit(remove=True))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.set_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.state)
        layout.addLayout(buttons)

    def show_state(self) -> None:
        """Render what unlocking asks for now."""
        if self.ctx.desk.key_location() is KeyLocation.MEMORY:
            # The demo's key is in memory only: no keychain to speak of, and a PIN would leave
            # an entry in the real keychain for a store that is gone when the window closes.
            self.state.setText(DEMO_UNLOCK)
            self.state.setStyleSheet("")
            self.set_button.hide()
            self.remove_button.hide()
            return
        ask = self.ctx.desk.unlock_with()
        self.state.setText(
            {
                "passphrase": "Unlocking asks for your store's passphrase.",
                "pin": "Unlocking asks for your unlock PIN.",
                "nothing": "Anyone at this computer can unlock LeadDesk after it locks: the key "
                "is in your keychain. Set an unlock PIN so that unlocking asks for it.",
            }[ask]
        )
        self.state.setStyleSheet(f"color: {theme.bad().name()};" if ask == "nothing" else "")
        self.set_button.setVisible(ask != "passphrase")
        self.set_button.setText("Change unlock &PIN…" if ask == "pin" else "Set unlock &PIN…")
        self.remove_button.setVisible(ask == "pin")

    def _edit(self, remove: bool) -> None:
        from leaddesk.ui.settings.unlock_pin_dialog import UnlockPinDialog

        dialog = UnlockPinDialog(self.ctx.desk, remove, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.ctx.message.emit(
                "Unlock PIN removed." if remove else "Unlock PIN saved: unlocking asks for it."
            )
        dialog.deleteLater()
        self.show_state()
