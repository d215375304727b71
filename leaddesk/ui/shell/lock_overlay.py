"""The lock screen: covers a window until the user gives what unlock asks for.

It says why it locked, asks for the passphrase or the unlock PIN (or says plainly that anyone at
this computer can unlock, and how to change that), and shows a wrong answer without unlocking.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk.security.lock import IdleLock
from leaddesk.ui.common.action_slots import on_clicked
from leaddesk.ui.theme import bad, icon

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}

Ask = Literal["passphrase", "pin", "nothing"]
#: Tries to unlock with what was typed: None when unlocked, else what to tell the user.
Verify = Callable[[str], "str | None"]

ANYONE_CAN_UNLOCK = (
    "Anyone at this computer can unlock LeadDesk: the key is in your keychain and no unlock PIN "
    "is set. To require one, set an unlock PIN in Settings › Privacy and safety."
)
DEMO_CAN_UNLOCK = "Anyone at this computer can unlock this demo: its key is held in memory only."


class LockOverlay(QWidget):
    """A full cover over `parent` with the reason, a secret field where one is needed, Unlock."""

    def __init__(self, parent: QWidget, verify: Verify) -> None:
        super().__init__(parent)
        self.setObjectName("lockOverlay")
        self.setAutoFillBackground(True)
        self.verify = verify
        box = QVBoxLayout(self)
        box.addStretch(1)
        title = QLabel("LeadDesk is locked")
        title.setObjectName("lockTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 20pt; font-weight: 600;")
        self.reason = self._label("lockReason")
        self.hint = self._label("unlockHint")
        self.secret = QLineEdit()
        self.secret.setObjectName("unlockSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setMinimumWidth(300)
        self.secret.returnPressed.connect(self._unlock)
        self.error = self._label("unlockError")
        self.error.setStyleSheet(f"color: {bad().name()};")
        self.button = QPushButton(icon("lock"), "Unlock")
        self.button.setObjectName("unlockButton")
        self.button.setAccessibleName("Unlock LeadDesk")
        self.button.setDefault(True)
        on_clicked(self.button, self._unlock)
        for widget in (title, self.reason, self.hint):
            box.addWidget(widget)
        box.addWidget(self.secret, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(self.error)
        box.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        self.hide()

    @staticmethod
    def _label(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        return label

    def cover(self, reason: str, ask: Ask, demo: bool = False) -> None:
        """Show over the whole parent, saying why, and asking for what unlocks."""
        self.reason.setText(reason)
        self.secret.clear()
        self.error.clear()
        self.error.hide()
        self.secret.setVisible(ask != "nothing")
        what = {"passphrase": "your store's passphrase", "pin": "your unlock PIN"}.get(ask, "")
        self.secret.setPlaceholderText(what[:1].upper() + what[1:])
        self.secret.setAccessibleName(f"Type {what} to unlock" if what else "")
        anyone = DEMO_CAN_UNLOCK if demo else ANYONE_CAN_UNLOCK
        self.hint.setText(f"Type {what} to unlock." if what else anyone)
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        (self.secret if ask != "nothing" else self.button).setFocus()

    def _unlock(self) -> None:
        problem = self.verify(self.secret.text())
        self.secret.clear()
        if problem:
            self.error.setText(problem)
            self.error.show()
            self.secret.setFocus()


class IdleWatcher(QObject):
    """Feeds user input into an IdleLock and calls `on_lock` when it is due."""

    def __init__(self, lock: IdleLock, on_lock: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.lock = lock
        self.on_lock = on_lock
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(15_000)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and not self.lock.locked:
            self.lock.touch()
        return False

    def check(self) -> None:
        """Lock when the idle time is over."""
        if self.lock.due():
            self.on_lock()
