"""The auto-lock screen: covers the window's content until the user unlocks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

from leaddesk.security.lock import IdleLock
from leaddesk.ui.theme import icon

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


class LockOverlay(QWidget):
    """A full-window cover with an Unlock button; `verify` decides whether unlocking may happen."""

    def __init__(self, parent: QWidget, verify: Callable[[], bool]) -> None:
        super().__init__(parent)
        self.setObjectName("lockOverlay")
        self.setAutoFillBackground(True)
        self.verify = verify
        box = QVBoxLayout(self)
        box.addStretch(1)
        title = QLabel("LeadDesk is locked")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 20pt; font-weight: 600;")
        note = QLabel(
            "Locked after a while without activity, so nobody passing by reads your "
            "notes. Nothing was lost."
        )
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setWordWrap(True)
        self.button = QPushButton(icon("lock"), "Unlock")
        self.button.setObjectName("unlockButton")
        self.button.setAccessibleName("Unlock LeadDesk")
        self.button.setDefault(True)
        self.button.clicked.connect(self._unlock)
        box.addWidget(title)
        box.addWidget(note)
        box.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        self.hide()

    def cover(self) -> None:
        """Show over the whole window."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        self.button.setFocus()

    def _unlock(self) -> None:
        if self.verify():
            self.hide()


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
            self.lock.lock()
            self.on_lock()
