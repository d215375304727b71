"""The wheel over Settings scrolls the page; a field changes by wheel only once it has focus."""

from __future__ import annotations

import pytest
from helpers.qt import open_main_window, press
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QWidget

from leaddesk.services.desk import Desk
from leaddesk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
UP = 120  # one notch away from the user


def wheel(widget: QWidget, notches: int = 1) -> None:
    """Turn the wheel with the pointer over the middle of `widget`, through the window system
    as the mouse does: Qt delivers it to the widget under the pointer, and passes it on to the
    parents when that one ignores it."""
    window = widget.window()
    at = widget.mapTo(window, widget.rect().center())
    QTest.wheelEvent(window.windowHandle(), QPointF(at), QPoint(0, notches * UP))
    QApplication.processEvents()


@pytest.fixture
def window(desk: Desk, qtbot) -> MainWindow:
    main = open_main_window(desk, qtbot)
    main.resize(1440, 900)
    press(qtbot, main, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: main.view("settings").isVisible())
    return main


def scrolled_to(window: MainWindow, field: QWidget, qtbot) -> QScrollArea:
    """The settings page scrolled so that `field` is in view, away from the top."""
    scroll = window.view("settings").findChild(QScrollArea, "settingsScroll")
    bar = scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())  # as a user who scrolled down, then back up to the field
    scroll.ensureWidgetVisible(field)
    return scroll


def test_wheel_over_an_unfocused_spin_box_scrolls_and_saves_nothing(window, desk, qtbot) -> None:
    settings = window.view("settings")
    spin = settings.spins["auto_lock_minutes"]
    scroll = scrolled_to(window, spin, qtbot)
    before = scroll.verticalScrollBar().value()
    assert before > 0
    window.sidebar.setFocus()
    wheel(spin)
    assert spin.value() == 10
    assert desk.settings().auto_lock_minutes == 10
    assert scroll.verticalScrollBar().value() < before  # the page scrolled instead


def test_wheel_over_any_unfocused_field_changes_nothing(window, desk, qtbot) -> None:
    settings = window.view("settings")
    before = desk.settings()
    window.sidebar.setFocus()
    for spin in settings.spins.values():
        scrolled_to(window, spin, qtbot)
        wheel(spin)
    focus_from = settings.focus_start
    scrolled_to(window, focus_from, qtbot)
    wheel(focus_from)
    paper = settings.findChild(QComboBox, "page_size")
    scrolled_to(window, paper, qtbot)
    wheel(paper, -1)
    assert desk.settings() == before  # the half-life box no longer rescores everyone
    assert settings.spins["half_life_days"].value() == 180
    assert paper.currentData() == "A4"


def test_a_focused_spin_box_still_takes_the_wheel(window, desk, qtbot) -> None:
    spin = window.view("settings").spins["auto_lock_minutes"]
    scrolled_to(window, spin, qtbot)
    qtbot.mouseClick(spin.lineEdit(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(spin.hasFocus)
    wheel(spin)
    qtbot.waitUntil(lambda: desk.settings().auto_lock_minutes == 11)
