"""The empty board says what it is for, every line of it readable."""

from __future__ import annotations

import pytest
from helpers.qt import open_main_window, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from leaddesk.services.desk import Desk
from leaddesk.ui.board.board_view import PAGE_EMPTY

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


@pytest.mark.parametrize("width", [1280, 1440])
def test_empty_board_description_is_not_clipped(desk: Desk, qtbot, width: int) -> None:
    window = open_main_window(desk, qtbot)
    window.resize(width, 860)
    press(qtbot, window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    board = window.view("board")
    qtbot.waitUntil(lambda: board.pages.currentIndex() == PAGE_EMPTY)
    text = board.findChild(QLabel, "boardEmptyText")
    qtbot.waitUntil(text.isVisible)
    assert "one row per person" in text.text()
    # The wrapped text needs three lines at its width: the label is as high as they are.
    assert text.height() >= text.heightForWidth(text.width())
    assert text.height() >= 3 * text.fontMetrics().lineSpacing()
