"""The daily backup also happens while the window stays open for days (an hourly check)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QThreadPool

from leaddesk.services.desk import Desk
from leaddesk.ui.main_window import BACKUP_CHECK_MS, MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
START = datetime(2026, 11, 25, 9, tzinfo=UTC)


def dailies(desk: Desk) -> list[datetime]:
    return sorted(b.made_at for b in desk.backups() if b.kind == "daily")


def wait_for_checks(qtbot, window: MainWindow, checks: int) -> None:
    """Let the timer fire `checks` times and the background backups it started finish."""
    fired: list[int] = []
    window.backup_timer.timeout.connect(lambda: fired.append(1))
    qtbot.waitUntil(lambda: len(fired) >= checks, timeout=10000)
    QThreadPool.globalInstance().waitForDone(10000)
    qtbot.wait(0)  # deliver the finished jobs' signals


def test_an_open_window_backs_up_once_a_day(qtbot, desk: Desk) -> None:
    now = [START]
    desk.set_backup_clock(lambda: now[0])
    window = MainWindow(desk)
    qtbot.addWidget(window)
    assert window.backup_timer.isActive()
    assert window.backup_timer.interval() == BACKUP_CHECK_MS == 3_600_000
    window.backup_timer.setInterval(5)  # an hour passes in 5 ms

    wait_for_checks(qtbot, window, 3)
    assert dailies(desk) == [START]

    now[0] = START + timedelta(hours=23)
    wait_for_checks(qtbot, window, 3)
    assert dailies(desk) == [START], "not yet a day"

    now[0] = START + timedelta(days=1, hours=2)
    wait_for_checks(qtbot, window, 3)
    assert dailies(desk) == [START, START + timedelta(days=1, hours=2)]


def test_a_demo_window_never_backs_up(qtbot, desk: Desk) -> None:
    window = MainWindow(desk, demo=True)
    qtbot.addWidget(window)
    assert not window.backup_timer.isActive()
