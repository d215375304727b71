"""The base of the 1:1 inline-capture pages: one page per kind of agenda row."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.ui import theme
from leaddesk.ui.common.action_slots import on_clicked
from leaddesk.ui.context import AppContext
from leaddesk.ui.one_on_one.one_on_one_agenda_row import AgendaRow

T = TypeVar("T")


class OneOnOneItemPage(QWidget):
    """Shows what can be recorded for one row; a successful write emits `resolved`."""

    resolved = Signal(object, str)  # row key, outcome in a few words ("kept on time")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row: AgendaRow | None = None
        self.person_id: int | None = None

    def show_row(self, row: AgendaRow, person_id: int) -> None:
        """Fill the page for this row (clears what was typed for another row)."""
        self.row, self.person_id = row, person_id
        self.fill(row)

    def fill(self, row: AgendaRow) -> None:
        """Read what the page needs about the row (override)."""

    def attempt(self, action: Callable[[], object], done: str = "") -> bool:
        """ctx.attempt as this page's own write (1:1 mode updates the row, no full re-read)."""
        return self.ctx.attempt(self, action, done)

    def result(self, action: Callable[[], T], done: str = "") -> T | None:
        """ctx.result as this page's own write (1:1 mode updates the row, no full re-read)."""
        return self.ctx.result(self, action, done)

    def first_input(self) -> QWidget | None:
        """Where Enter on the agenda puts the focus."""
        for widget in self.findChildren(QWidget):
            if (
                widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.isEnabled()
                and widget.window() is self.window()
            ):
                return widget
        return None

    # -- building blocks ---------------------------------------------------------------------
    @staticmethod
    def muted(text: str) -> QLabel:
        """A quiet, wrapped hint."""
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {theme.muted_color().name()};")
        return label

    @staticmethod
    def button(text: str, name: str, tip: str, slot: Callable[[], None]) -> QPushButton:
        """A push button with its name, tooltip and accessible name."""
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAccessibleName(text.replace("&", ""))
        on_clicked(button, slot)
        return button

    @staticmethod
    def left(*widgets: QWidget) -> QHBoxLayout:
        """Widgets in a row, packed to the left."""
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return row

    @staticmethod
    def level_combo(name: str, accessible: str) -> QComboBox:
        """'Not discussed' plus the seven levels with their meaning; index n is level n."""
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setToolTip("The level THEY believe they hold — ask them, don't tell them.")
        combo.addItem("Not discussed", None)
        for level in EmpowermentLevel:
            combo.addItem(f"{int(level)} · {level.label} — {level.meaning}", level)
        return combo
