"""The bottom of 1:1 mode: how they seemed, what will carry forward, and End 1:1."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from leaddesk.reports import wording
from leaddesk.ui import theme
from leaddesk.ui.one_on_one.one_on_one_energy_widget import OneOnOneEnergyWidget


class OneOnOneFooter(QWidget):
    """Energy 1–5 on the left; 'N topics will carry forward' and End 1:1 on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.energy = OneOnOneEnergyWidget()
        row.addWidget(self.energy)
        row.addStretch(1)
        self.carry = QLabel()
        self.carry.setObjectName("carrySummary")
        self.carry.setStyleSheet(f"color: {theme.muted_color().name()};")
        row.addWidget(self.carry)
        self.end_button = QPushButton(theme.icon("one-on-one"), "End 1:1")
        self.end_button.setObjectName("endOneOnOne")
        self.end_button.setAccessibleName("End the 1:1 and save it")
        self.end_button.setToolTip(
            "Save the 1:1 (notes, energy, what was discussed); topics not ticked carry "
            "forward to the next one (Ctrl+Enter)"
        )
        self.end_button.setDefault(True)
        row.addWidget(self.end_button)

    def show_carried(self, carried: int) -> None:
        """'2 topics will carry forward' (nothing when none would)."""
        will = f"{wording.count(carried, 'topic')} will carry forward"
        self.carry.setText(will if carried else "")
