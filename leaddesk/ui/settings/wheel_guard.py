"""The mouse wheel scrolls a page of fields instead of changing the field under the pointer.

On a page where every change is saved at once (Settings), a wheel turned to scroll changed
whatever spin box or combo passed under the pointer: auto-lock went from 10 to 12 minutes, and
the half-life box rescored everyone. A guarded field takes the wheel only once it has the focus
(a click or Tab puts it there); until then the wheel goes on to the page, which scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget


class WheelGuard(QObject):
    """An event filter passing the wheel on from guarded fields that do not have the focus."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QWidget)
            and not watched.hasFocus()
        ):
            # Ignored and filtered: QApplication offers the wheel to the parents, and the
            # scroll area around the field scrolls.
            event.ignore()
            return True
        return False


def guard_wheel(root: QWidget) -> WheelGuard:
    """Guard every spin box, date field and combo under `root` (kept alive by `root`)."""
    guard = WheelGuard(root)
    for field in root.findChildren(QAbstractSpinBox) + root.findChildren(QComboBox):
        field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not WheelFocus: no focus by wheel
        field.installEventFilter(guard)
    return guard
