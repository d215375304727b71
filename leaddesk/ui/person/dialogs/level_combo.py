"""A combo box of the seven levels of empowerment, each with its meaning."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from leaddesk.domain.levels import EmpowermentLevel


def level_text(level: EmpowermentLevel | None, none_text: str = "not set") -> str:
    """'5 Advise — you decide after hearing me', or `none_text`."""
    return f"{int(level)} {level.label} — {level.meaning}" if level else none_text


class LevelCombo(QComboBox):
    """Pick a level 1-7; with `none_text`, a first entry stands for "no level"."""

    def __init__(self, parent: QWidget | None = None, none_text: str | None = None) -> None:
        super().__init__(parent)
        if none_text is not None:
            self.addItem(none_text, None)
        for level in EmpowermentLevel:
            self.addItem(level_text(level), int(level))
            self.setItemData(self.count() - 1, level.meaning, Qt.ItemDataRole.ToolTipRole)

    def level(self) -> EmpowermentLevel | None:
        """The chosen level (None for the "no level" entry)."""
        value = self.currentData()
        return EmpowermentLevel(value) if value is not None else None

    def set_level(self, level: EmpowermentLevel | None) -> None:
        """Select `level` (None selects the "no level" entry when there is one)."""
        index = self.findData(int(level) if level is not None else None)
        if index >= 0:
            self.setCurrentIndex(index)
