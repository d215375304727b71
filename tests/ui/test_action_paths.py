"""Reaching features the way users do: the action, its key sequence, the toolbar button and the
menu entry, from every screen. (A test that called the slot once missed that `triggered` passes
`checked=False`, which opened 1:1 mode on person "False".)"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers.qt import on_modal, open_main_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLineEdit, QToolBar, QToolButton, QWidget

from leaddesk.services.desk import Desk
from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.main_window import SIDEBAR, MainWindow


@pytest.fixture
def team(desk: Desk) -> dict[str, int]:
    return {
        "ada": desk.add_person("Ada Lovelace", role="Head of Data"),
        "grace": desk.add_person("Grace Hopper", role="Head of Platform"),
    }


@pytest.fixture
def window(desk: Desk, team: dict[str, int], qtbot) -> MainWindow:
    return open_main_window(desk, qtbot)


def _pick(name: str) -> Callable[[QWidget], None]:
    """Answer the person picker by typing part of a name and pressing Enter."""

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QDialog)
        search = dialog.findChild(QLineEdit)
        assert search is not None
        search.setText(name)
        dialog.accept()

    return answer


def _toolbar_button(window: MainWindow, action: QAction) -> QToolButton:
    toolbar = window.findChild(QToolBar, "mainToolbar")
    assert toolbar is not None
    button = toolbar.widgetForAction(action)
    assert isinstance(button, QToolButton)
    return button


def _menu_action(window: MainWindow, menu_title: str, text: str) -> QAction:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == menu_title)
    return next(a for a in menu.actions() if a.text() == text)


def _ways(window: MainWindow, qtbot) -> dict[str, Callable[[], None]]:
    action = window.one_on_one_action

    def keys() -> None:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)

    return {
        "action": action.trigger,
        "keys": keys,
        "toolbar": lambda: qtbot.mouseClick(
            _toolbar_button(window, action), Qt.MouseButton.LeftButton
        ),
        "menu": _menu_action(window, "&Meeting", "Start &1:1…").trigger,
    }


def _shows_one_on_one_with(window: MainWindow, person_id: int) -> bool:
    view = window.view("one_on_one")
    return window.stack.currentWidget() is view and view.person_id == person_id


@pytest.mark.parametrize("way", ["action", "keys", "toolbar", "menu"])
@pytest.mark.parametrize("screen", SIDEBAR)
def test_start_one_on_one_from_every_screen_asks_whom_then_opens(
    window: MainWindow, team: dict[str, int], qtbot, screen: str, way: str
) -> None:
    window.show_view(screen)
    on_modal(_pick("grace"))
    _ways(window, qtbot)[way]()
    qtbot.waitUntil(lambda: _shows_one_on_one_with(window, team["grace"]))
    assert "no longer on your list" not in window.view("one_on_one").nobody.text()


@pytest.mark.parametrize("way", ["action", "keys", "toolbar", "menu"])
def test_start_one_on_one_on_a_person_page_opens_it_with_that_person(
    window: MainWindow, team: dict[str, int], qtbot, way: str
) -> None:
    window.show_view("person", PersonTarget(team["ada"]))
    _ways(window, qtbot)[way]()
    qtbot.waitUntil(lambda: _shows_one_on_one_with(window, team["ada"]))


def test_start_one_on_one_cancelled_stays_where_it_was(
    window: MainWindow, team: dict[str, int], qtbot
) -> None:
    window.show_view("board")
    on_modal(lambda dialog: dialog.reject())
    window.one_on_one_action.trigger()
    assert window.stack.currentWidget() is window.view("board")


@pytest.mark.parametrize("index", range(len(SIDEBAR)))
def test_view_actions_and_alt_keys_switch_screens(window: MainWindow, qtbot, index: int) -> None:
    name = SIDEBAR[index]
    window.show_view("week" if name != "week" else "people")
    window.view_actions[index].trigger()
    assert window.stack.currentWidget() is window.view(name)
    window.show_view("week" if name != "week" else "people")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{index + 1}"), Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.view(name)


def test_no_plain_action_of_the_window_passes_checked_to_its_slot(window: MainWindow) -> None:
    """Every plain action's slot gets no argument: the audit behind the Ctrl+1 fix."""
    calls: list[tuple[object, ...]] = []
    from leaddesk.ui.common.action_slots import on_triggered

    probe = QAction("probe", window)
    on_triggered(probe, lambda *args: calls.append(args))
    probe.trigger()
    probe.setCheckable(True)
    probe.trigger()
    assert calls == [(), (True,)]
