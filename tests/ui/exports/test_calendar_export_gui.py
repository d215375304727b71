"""File → Export calendar (ICS)… as the user goes: the choices dialog (to-dos ticked with the
mouse, alarms as set in Settings), the save dialog, then the very file read by two parsers."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers.ics_file import Alarm, read_calendar
from helpers.qt import on_modal, open_main_window
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QCheckBox, QFileDialog, QLineEdit, QPushButton, QWidget

from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk
from leaddesk.ui.exports.calendar_export_dialog import CalendarExportDialog
from leaddesk.ui.exports.export_runner import FOLDER_KEY
from leaddesk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
TODAY = date(2026, 11, 25)


@pytest.fixture
def ids(desk: Desk) -> dict[str, int]:
    ada = desk.add_person("Ada Lovelace")
    plan = desk.add_delegation(ada, "Budget 2027", 3, plan_checkpoint=False)
    return {
        "checkpoint": desk.plan_checkpoint(plan, TODAY + timedelta(days=7)),
        "mine": desk.add_promise(ada, PromiseDirection.MINE, "Intro", TODAY + timedelta(days=3)),
        "theirs": desk.add_promise(ada, PromiseDirection.THEIRS, "Plan", TODAY + timedelta(5)),
    }


@pytest.fixture
def window(desk: Desk, ids: dict[str, int], qtbot) -> MainWindow:
    return open_main_window(desk, qtbot)


def calendar_action(window: MainWindow) -> QAction:
    [action] = [a for a in window.actions() if a.text() == "Export &calendar (ICS)…"]
    return action


def tick(qtbot, box: QCheckBox) -> None:
    """Click the box's indicator, as the user does."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


def answer_save_dialog(path: Path) -> None:
    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(path))
        dialog.accept()

    on_modal(answer)


def saved(qtbot, window: MainWindow, target: Path) -> None:
    """Wait for the 'saved' box the user sees once the file is in place."""
    qtbot.waitUntil(
        lambda: (box := window.findChild(QWidget, "exportSaved")) is not None and box.isVisible(),
        timeout=20_000,
    )
    assert target.is_file()


def test_export_with_todos_ticked_writes_events_todos_and_alarms(
    qtbot, window: MainWindow, ids: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "mine.ics"
    seen: dict[str, object] = {}

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, CalendarExportDialog)
        todos = dialog.findChild(QCheckBox, "calendarTodos")
        alarms = dialog.findChild(QCheckBox, "calendarAlarms")
        seen["todos before"] = todos.isChecked()
        seen["alarms"] = (alarms.text().replace("&", ""), alarms.isChecked())
        tick(qtbot, todos)
        seen["todos after"] = todos.isChecked()
        answer_save_dialog(target)  # the next dialog asks where
        qtbot.mouseClick(dialog.findChild(QPushButton, "calendarSave"), Qt.MouseButton.LeftButton)

    on_modal(choose)
    calendar_action(window).trigger()
    saved(qtbot, window, target)
    assert seen == {
        "todos before": False,  # off unless asked for
        "alarms": ("Alarms the day before at 17:00", True),  # the lead time in Settings
        "todos after": True,
    }
    entries = read_calendar(target)
    assert entries[f"promise-due-{ids['mine']}@leaddesk"].kind == "VEVENT"
    assert entries[f"promise-{ids['mine']}@leaddesk"].kind == "VTODO"
    assert entries[f"promise-{ids['theirs']}@leaddesk"].kind == "VTODO"
    assert entries[f"checkpoint-{ids['checkpoint']}@leaddesk"].alarms == (
        Alarm("DISPLAY", timedelta(hours=-7), "LeadDesk: checkpoint due"),
    )
    assert entries[f"promise-due-{ids['theirs']}@leaddesk"].alarms == ()
    assert QSettings().value("exports/icsTodos", type=bool) is True  # offered ticked next time


def test_alarms_unticked_and_setting_followed(
    qtbot, window: MainWindow, desk: Desk, tmp_path: Path
) -> None:
    desk.update_settings(ics_alarm_lead_minutes=1440 + 15 * 60)
    target = tmp_path / "quiet.ics"
    texts: list[str] = []

    def choose(dialog: QWidget) -> None:
        alarms = dialog.findChild(QCheckBox, "calendarAlarms")
        texts.append(alarms.text().replace("&", ""))
        tick(qtbot, alarms)
        answer_save_dialog(target)
        qtbot.mouseClick(dialog.findChild(QPushButton, "calendarSave"), Qt.MouseButton.LeftButton)

    on_modal(choose)
    calendar_action(window).trigger()
    saved(qtbot, window, target)
    assert texts == ["Alarms 2 days before at 09:00"]
    entries = read_calendar(target)
    assert entries and all(e.alarms == () and e.kind == "VEVENT" for e in entries.values())


def test_alarms_off_in_settings_cannot_be_ticked(qtbot, window: MainWindow, desk: Desk) -> None:
    desk.update_settings(ics_alarm_lead_minutes=0)
    state: list[tuple[str, bool, bool]] = []

    def look(dialog: QWidget) -> None:
        alarms = dialog.findChild(QCheckBox, "calendarAlarms")
        state.append((alarms.text().replace("&", ""), alarms.isEnabled(), alarms.isChecked()))
        dialog.reject()

    on_modal(look)
    calendar_action(window).trigger()
    assert state == [("Alarms are off in Settings", False, False)]


def test_escape_on_the_choices_writes_nothing(qtbot, window: MainWindow, tmp_path: Path) -> None:
    QSettings().setValue(FOLDER_KEY, str(tmp_path))
    on_modal(lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    calendar_action(window).trigger()
    assert QApplication.activeModalWidget() is None
    assert list(tmp_path.glob("*.ics")) == []
