"""Connecting actions and buttons to slots without Qt's `checked` argument sneaking in.

`QAction.triggered` and `QAbstractButton.clicked` pass `checked` (False for a plain action). A slot
with an optional argument then receives False — and `isinstance(False, int)` is true, so Ctrl+1
once opened 1:1 mode on person "False". Every plain action and button goes through here: the slot
is called with no argument, and only a checkable one gets its state.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton


def on_triggered(action: QAction, slot: Callable[..., object]) -> None:
    """Call `slot()` when `action` fires, or `slot(checked)` when the action is checkable."""

    def fire(checked: bool = False) -> None:
        if action.isCheckable():
            slot(checked)
        else:
            slot()

    action.triggered.connect(fire)


def on_clicked(button: QAbstractButton, slot: Callable[[], object]) -> None:
    """Call `slot()` when `button` is clicked, never with the `checked` flag."""
    button.clicked.connect(lambda _checked=False: slot())
