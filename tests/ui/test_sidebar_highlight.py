"""The sidebar always marks the screen on show, whichever way the user got there."""

from __future__ import annotations

import pytest
from helpers.qt import open_main_window, press
from PySide6.QtCore import Qt

from leaddesk.services.desk import Desk
from leaddesk.ui.main_window import SIDEBAR, MainWindow

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
ALT = Qt.KeyboardModifier.AltModifier


def marked(window: MainWindow) -> list[str]:
    """The sidebar entries drawn as selected."""
    return [item.text() for item in window.sidebar.selectedItems()]


def open_first_person_from_people(window: MainWindow, qtbot) -> None:
    press(qtbot, window, Qt.Key.Key_2, ALT)
    people = window.view("people")
    qtbot.waitUntil(lambda: people.tree.model().rowCount() > 0)
    people.tree.setFocus()
    qtbot.keyClick(people.tree, Qt.Key.Key_Down)
    qtbot.keyClick(people.tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.view("person"))


def test_alt_2_after_a_person_page_marks_people(desk: Desk, qtbot) -> None:
    desk.add_person("Ana Lima", role="Head of Data")
    window = open_main_window(desk, qtbot)
    open_first_person_from_people(window, qtbot)
    assert marked(window) == []  # a person page is no sidebar entry
    press(qtbot, window, Qt.Key.Key_2, ALT)
    assert window.stack.currentWidget() is window.view("people")
    assert marked(window) == ["People"]
    press(qtbot, window, Qt.Key.Key_1, ALT)
    assert marked(window) == ["This week"]


def test_a_click_on_people_from_a_person_page_goes_back_to_the_list(desk: Desk, qtbot) -> None:
    desk.add_person("Ana Lima", role="Head of Data")
    window = open_main_window(desk, qtbot)
    open_first_person_from_people(window, qtbot)
    bar = window.sidebar
    people = bar.item(SIDEBAR.index("people"))
    qtbot.mouseClick(
        bar.viewport(), Qt.MouseButton.LeftButton, pos=bar.visualItemRect(people).center()
    )
    assert window.stack.currentWidget() is window.view("people")
    assert marked(window) == ["People"]
