"""The tray: its number, its menu (Open, Quick capture, Lock, Quit) and closing into it.

No tray runs under the offscreen platform (nor under Xvfb without a panel), so the tray icon is
installed as on a desktop that has one (`tray_available=True`); its menu's actions are the real
ones, triggered as a click in the menu triggers them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from helpers.notifications import FixedClock, RecordingSender, add_ada_with_due_promises
from helpers.qt import on_modal, open_main_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QSystemTrayIcon, QWidget

from leaddesk.domain.notices import STILL_IN_TRAY
from leaddesk.services.desk import Desk
from leaddesk.ui.main_window import MainWindow
from leaddesk.ui.shell.quitting import is_quitting
from leaddesk.ui.shell.tray_badge import BADGE
from leaddesk.ui.shell.tray_icon import TrayShell, install_tray
from leaddesk.ui.theme import app_icon

# The offscreen platform has no tray to tell Qt about: Qt says so when the icon is shown.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "No such signal QPlatformNativeInterface::systemTrayWindowChanged",
)
TODAY = datetime(2026, 11, 25, 8, 0)


@pytest.fixture
def team(desk: Desk) -> Desk:
    add_ada_with_due_promises(desk, TODAY.date(), later=2)
    return desk


@pytest.fixture
def window(team: Desk, qtbot) -> MainWindow:
    return open_main_window(team, qtbot)


@pytest.fixture
def sender() -> RecordingSender:
    return RecordingSender()


@pytest.fixture
def quits() -> list[bool]:
    return []


@pytest.fixture
def shell(window: MainWindow, sender: RecordingSender, quits: list[bool]) -> Iterator[TrayShell]:
    installed = install_tray(
        window,
        tray_available=True,
        sender=sender,
        now=FixedClock(TODAY),
        quit_app=lambda: quits.append(True),
    )
    yield installed
    installed.close()


def entry(shell: TrayShell, text: str) -> QAction:
    """The tray menu's entry whose text starts with `text`, as the user sees it."""
    assert shell.tray is not None
    menu = shell.tray.icon.contextMenu()
    menu.aboutToShow.emit()  # what opening the menu does before it shows
    [found] = [a for a in menu.actions() if a.text().replace("&", "").startswith(text)]
    return found


def test_the_icon_shows_how_many_are_due_and_the_tooltip_nothing_else(shell: TrayShell) -> None:
    assert shell.tray is not None
    icon = shell.tray.icon
    assert icon.toolTip() == "LeadDesk — 2 due"  # overdue + today; not the one in two days
    assert _badge_pixels(icon.icon()) > 40  # a red disc with the number, lower right
    assert _badge_pixels(app_icon()) == 0


def _badge_pixels(drawn: QIcon) -> int:
    image = drawn.pixmap(32, 32).toImage()
    return sum(
        image.pixelColor(x, y).rgb() == BADGE.rgb() for x in range(16, 32) for y in range(16, 32)
    )


def test_the_number_follows_what_is_done(shell: TrayShell, window: MainWindow, qtbot) -> None:
    desk = window.ctx.desk
    [late] = [p for p in desk.due_items().overdue]
    desk.keep_promise(late.ref_id)
    assert shell.tray is not None
    qtbot.waitUntil(lambda: shell.tray.icon.toolTip() == "LeadDesk — 1 due")


def test_the_menu_offers_open_capture_lock_and_quit(shell: TrayShell) -> None:
    assert shell.tray is not None
    menu = shell.tray.icon.contextMenu()
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Open LeadDesk", "Quick capture…", "Lock", "Quit LeadDesk"]


def test_open_brings_back_a_window_closed_into_the_tray(
    shell: TrayShell, window: MainWindow, qtbot
) -> None:
    window.close()
    assert not window.isVisible()
    entry(shell, "Open").trigger()
    qtbot.waitUntil(window.isVisible)


def test_a_click_on_the_icon_shows_the_window_and_another_puts_it_back(
    shell: TrayShell, window: MainWindow, qtbot
) -> None:
    assert shell.tray is not None
    click = QSystemTrayIcon.ActivationReason.Trigger  # what the panel reports for a click
    window.hide()
    shell.tray.icon.activated.emit(click)
    qtbot.waitUntil(window.isVisible)
    shell.tray.icon.activated.emit(click)
    assert not window.isVisible()
    window.ctx.desk.update_settings(keep_in_tray=False)
    shell.tray.icon.activated.emit(click)
    qtbot.waitUntil(window.isVisible)
    shell.tray.icon.activated.emit(click)
    assert window.isVisible()  # with nothing to keep it running, a click never quits


def test_lock_from_the_tray_locks_the_window(shell: TrayShell, window: MainWindow, qtbot) -> None:
    entry(shell, "Lock").trigger()
    assert window.ctx.desk.locked
    assert window.lock_overlay.isVisible()
    assert shell.tray is not None
    qtbot.waitUntil(lambda: shell.tray.icon.toolTip() == "LeadDesk — locked")
    assert not entry(shell, "Lock").isEnabled()
    # Unlocking at the window brings the number back.
    qtbot.mouseClick(
        window.lock_overlay.findChild(QPushButton, "unlockButton"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: shell.tray.icon.toolTip() == "LeadDesk — 2 due")


def test_quick_capture_while_locked_asks_to_unlock_first(
    shell: TrayShell, window: MainWindow, qtbot
) -> None:
    entry(shell, "Lock").trigger()
    window.close()  # into the tray
    assert not window.isVisible()
    capture = entry(shell, "Quick capture")
    assert "unlock first" in capture.text()
    capture.trigger()
    qtbot.waitUntil(window.isVisible)
    assert window.lock_overlay.isVisible()  # the lock screen, asking to unlock
    assert window.findChild(QWidget, "quickCaptureDialog") is None


def test_quick_capture_from_the_tray_opens_quick_capture(
    shell: TrayShell, window: MainWindow, qtbot
) -> None:
    seen: list[str] = []

    def answer(dialog: QWidget) -> None:
        seen.append(type(dialog).__name__)
        dialog.close()

    on_modal(answer)
    entry(shell, "Quick capture").trigger()
    assert seen == ["QuickCaptureDialog"]


def test_closing_the_window_keeps_leaddesk_in_the_tray_and_says_so_once(
    shell: TrayShell, window: MainWindow, sender: RecordingSender, quits: list[bool], qtbot
) -> None:
    sender.sent.clear()
    assert not window.close()  # the close is turned into a hide
    assert not window.isVisible() and quits == []
    assert sender.sent == [STILL_IN_TRAY]
    assert "Quit from the tray menu or File ▸ Quit" in STILL_IN_TRAY.body
    entry(shell, "Open").trigger()
    qtbot.waitUntil(window.isVisible)
    window.close()
    assert sender.sent == [STILL_IN_TRAY]  # explained once
    assert window.ctx.desk.tray_explained()  # and not again after a restart


def test_quit_from_the_tray_really_quits(
    shell: TrayShell, window: MainWindow, quits: list[bool]
) -> None:
    assert window.ctx.desk.settings().keep_in_tray
    entry(shell, "Quit").trigger()
    assert not window.isVisible()
    assert is_quitting(window) and quits == [True]


def test_file_quit_really_quits_too(
    shell: TrayShell, window: MainWindow, sender: RecordingSender, quits: list[bool], qtbot
) -> None:
    sender.sent.clear()
    window.quit_action.trigger()
    assert not window.isVisible()
    assert is_quitting(window)
    qtbot.waitUntil(lambda: quits == [True])  # the tray quits once the window really closed
    assert sender.sent == []


def test_a_box_closing_while_the_window_is_in_the_tray_does_not_quit(
    shell: TrayShell, window: MainWindow, quits: list[bool], qtbot
) -> None:
    """With the window hidden, any box (an error, a prompt) is the last window Qt sees: its
    closing ended LeadDesk, tray and all. The tray decides when LeadDesk quits."""
    window.close()  # into the tray
    assert not window.isVisible()
    assert not QApplication.quitOnLastWindowClosed()  # Qt would quit at the box's closing
    box = QMessageBox(QMessageBox.Icon.Warning, "LeadDesk", "Something went wrong")
    box.show()
    box.close()
    QApplication.processEvents()
    assert quits == []
    shell.close()
    assert QApplication.quitOnLastWindowClosed()  # as Qt has it when LeadDesk has no tray


def test_with_keep_in_tray_off_closing_quits(
    shell: TrayShell, window: MainWindow, sender: RecordingSender, quits: list[bool], qtbot
) -> None:
    window.ctx.desk.update_settings(keep_in_tray=False)
    sender.sent.clear()
    assert window.close()
    assert sender.sent == []
    qtbot.waitUntil(lambda: quits == [True])


def test_without_a_tray_closing_quits_as_before(
    window: MainWindow, sender: RecordingSender
) -> None:
    shell = install_tray(window, tray_available=False, sender=sender, now=FixedClock(TODAY))
    try:
        assert shell.tray is None
        assert window.close()
    finally:
        shell.close()
