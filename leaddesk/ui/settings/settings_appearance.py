"""Settings › Appearance: light, dark or the system's, applied at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from leaddesk.ui.common.appearance import Appearance, save_appearance, stored_appearance

Field = Callable[[QFormLayout, str, QWidget, str], None]


class _AppearanceCombo(QComboBox):
    """A combo box the wheel only turns once it has the focus: scrolling the Settings page
    past it must not repaint the whole app."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class AppearanceSetting:
    """The scheme choice; kept on this computer (QSettings), not in the store."""

    def __init__(self, form: QFormLayout, field: Field, message: Callable[[str], None]) -> None:
        self._message = message
        self.combo = _AppearanceCombo()
        self.combo.setObjectName("appearance")
        self.combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.combo.setMinimumWidth(200)
        for choice in Appearance:
            self.combo.addItem(choice.label, choice.value)
        self.combo.activated.connect(self._choose)
        field(
            form,
            "&Look",
            self.combo,
            "Light or dark, or the same as your desktop. Kept on this computer and applied at "
            "once.",
        )

    def show(self) -> None:
        """Show the choice in force."""
        self.combo.setCurrentIndex(self.combo.findData(stored_appearance().value))

    def _choose(self) -> None:
        choice = Appearance(self.combo.currentData())
        save_appearance(choice)
        self._message(f"Appearance: {choice.label.lower()}. Saved.")
