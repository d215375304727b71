"""Quick capture and 1:1 mode open a new promise pointing the same way: mine at first, then
the way the last promise recorded (in either place) pointed."""

from __future__ import annotations

import pytest
from helpers.qt import on_modal, open_main_window, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk
from leaddesk.ui.capture.quick_capture_dialog import QuickCaptureDialog
from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
MINE, THEIRS = PromiseDirection.MINE, PromiseDirection.THEIRS


@pytest.fixture
def ana(desk: Desk) -> int:
    return desk.add_person("Ana Lima", role="Head of Data")


@pytest.fixture
def window(desk: Desk, ana: int, qtbot) -> MainWindow:
    main = open_main_window(desk, qtbot)
    main.show_view("person", PersonTarget(ana))
    return main


def quick_capture(window: MainWindow, qtbot, act) -> None:
    """Ctrl+N on the window; `act(dialog)` runs in the open dialog, which it must close."""
    done: list[bool] = []

    def run(dialog: QWidget) -> None:
        assert isinstance(dialog, QuickCaptureDialog)
        qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
        act(dialog)
        done.append(True)

    on_modal(run)
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: bool(done))


def quick_capture_direction(window: MainWindow, qtbot) -> PromiseDirection:
    seen: list[object] = []

    def look(dialog: QuickCaptureDialog) -> None:
        seen.append(dialog.form.checked(dialog.direction))
        dialog.reject()

    quick_capture(window, qtbot, look)
    [direction] = seen
    assert isinstance(direction, PromiseDirection)
    return direction


def one_on_one_direction(window: MainWindow, qtbot) -> PromiseDirection:
    """Ctrl+1 (1:1 mode with the person on screen), then Ctrl+P: the direction offered."""
    press(qtbot, window, Qt.Key.Key_1, CTRL)
    view = window.view("one_on_one")
    qtbot.waitUntil(lambda: view.isVisible() and view.agenda.isEnabled())
    press(qtbot, view.agenda, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(view.capture.promise_text.hasFocus)
    direction = view.capture.promise_direction.currentData()
    assert isinstance(direction, PromiseDirection)
    return direction


def test_both_forms_offer_my_promise_first(window: MainWindow, qtbot) -> None:
    assert quick_capture_direction(window, qtbot) is MINE
    assert one_on_one_direction(window, qtbot) is MINE


def test_a_promise_they_made_in_a_1_1_makes_quick_capture_offer_theirs(
    window: MainWindow, desk: Desk, ana: int, qtbot
) -> None:
    assert one_on_one_direction(window, qtbot) is MINE
    strip = window.view("one_on_one").capture
    strip.promise_direction.setFocus()
    qtbot.keyClick(strip.promise_direction, Qt.Key.Key_Down)  # They promise me
    strip.promise_text.setFocus()
    qtbot.keyClicks(strip.promise_text, "Send the churn analysis")
    qtbot.keyClick(strip.promise_text, Qt.Key.Key_Return)
    assert [p.direction for p in desk.promises(ana)] == [THEIRS]
    window.show_view("person", PersonTarget(ana))
    assert quick_capture_direction(window, qtbot) is THEIRS


def test_their_promise_in_quick_capture_carries_to_the_next_capture_and_1_1(
    window: MainWindow, desk: Desk, ana: int, qtbot
) -> None:
    def record_theirs(dialog: QuickCaptureDialog) -> None:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P)  # the promise kind
        qtbot.keyClicks(dialog.text, "Share the roadmap")
        qtbot.keyClick(dialog.text, Qt.Key.Key_T, ALT)  # Theirs (they promised me)
        qtbot.waitUntil(lambda: dialog.form.checked(dialog.direction) is THEIRS)
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, CTRL)

    quick_capture(window, qtbot, record_theirs)
    qtbot.waitUntil(lambda: [p.direction for p in desk.promises(ana)] == [THEIRS])
    assert quick_capture_direction(window, qtbot) is THEIRS
    assert one_on_one_direction(window, qtbot) is THEIRS
