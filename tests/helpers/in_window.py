"""A person's tab or 1:1 mode inside the real main window, and Ctrl+Z pressed as the user does.

Undo lives on the window (Edit → Undo delete, Ctrl+Z): a tab alone has no way to undo, so a test
of undo opens the tab where the user has it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from helpers.qt import open_main_window, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from leaddesk.services.desk import Desk
    from leaddesk.ui.main_window import MainWindow


def person_tab_in_window(qtbot: object, desk: Desk, person: int, tab: str) -> MainWindow:
    """The main window showing this person's page on `tab` (its widget: `current_tab(window)`)."""
    from leaddesk.ui.common.navigation import PersonTarget

    window = open_main_window(desk, qtbot)
    window.resize(1300, 850)
    window.activateWindow()
    qtbot.waitActive(window)  # type: ignore[attr-defined]
    window.show_view("person", PersonTarget(person, tab))
    return window


def current_tab(window: MainWindow) -> QWidget:
    """The person page's tab on screen."""
    page = window.view("person").tabs.currentWidget()  # type: ignore[attr-defined]
    assert isinstance(page, QWidget)
    return page


def undo_by_keys(qtbot: object, window: MainWindow) -> None:
    """Ctrl+Z where the focus is (the list the user deleted from): the window's Undo delete."""
    assert window.undo_action.isEnabled()
    focus = QApplication.focusWidget()
    target = focus if focus is not None and window.isAncestorOf(focus) else window
    press(qtbot, target, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not window.undo_action.isEnabled() or "Restored" in window.statusBar().currentMessage()
