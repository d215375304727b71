"""Settings › Appearance: light, dark or the system's, applied at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from leaddesk.ui.common.appearance import Appearance, save_appearance, stored_appearance

Field = Callable[[QFormLayout, str, QWidget, str], None]


class AppearanceSetting:
    """The scheme choice; kept on this computer (QSettings), not in the store."""

    def __init__(self, form: QFormLayout, field: Field, message: Callable[[str], None]) -> None:
        self._message = message
        self.combo = QComboBox()  # Settings' wheel guard keeps the wheel off it until focused
        self.combo.setObjectName("appearance")
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
