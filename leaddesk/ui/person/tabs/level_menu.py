"""A menu of the seven levels of empowerment (the current one checked), optionally with 'clear'."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from leaddesk.domain.levels import EmpowermentLevel


class LevelMenu(QMenu):
    """Pick a level; `chosen` carries the EmpowermentLevel, or None for the clear entry."""

    chosen = Signal(object)

    def __init__(self, name: str, clear_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.clear_text = clear_text
        self._group: QActionGroup | None = None

    def set_current(self, current: EmpowermentLevel | None) -> None:
        """Rebuild the entries around the level the delegation has now."""
        self.clear()
        if self._group is not None:
            self._group.deleteLater()
        group = self._group = QActionGroup(self)  # exclusive: radio marks, the current one set
        for level in EmpowermentLevel:
            action = self.addAction(f"&{int(level)} {level.label} — {level.meaning}")
            action.setObjectName(f"level_{int(level)}")
            action.setCheckable(True)
            group.addAction(action)
            action.setChecked(level == current)
            action.setEnabled(level != current)
            action.triggered.connect(lambda _=False, lv=level: self.chosen.emit(lv))
        if self.clear_text:
            self.addSeparator()
            clear = self.addAction(self.clear_text)
            clear.setObjectName("level_clear")
            clear.setEnabled(current is not None)
            clear.triggered.connect(lambda _=False: self.chosen.emit(None))
