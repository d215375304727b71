"""Settings > Backups, driven as a user does: the list, Back up now, Restore…, Show in folder."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers.qt import all_texts, on_modal
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from leaddesk.reports import wording
from leaddesk.services.desk import Desk
from leaddesk.ui.context import AppContext
from leaddesk.ui.main_window import MainWindow
from leaddesk.ui.settings.settings_backups import BackupsPanel
from leaddesk.ui.settings.settings_view import SettingsView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
NOW = datetime(2026, 11, 25, 9, tzinfo=UTC)


@pytest.fixture
def view(qtbot, ctx: AppContext) -> SettingsView:
    settings = SettingsView(ctx)
    qtbot.addWidget(settings)
    settings.resize(1100, 900)
    settings.show()
    qtbot.waitExposed(settings)
    return settings


def cell(panel: BackupsPanel, row: int, column: int) -> str:
    return str(panel.model.index(row, column).data())


def counted(panel: BackupsPanel) -> bool:
    rows = range(panel.model.rowCount())
    return panel.model.rowCount() > 0 and all(cell(panel, r, 3) != "…" for r in rows)


def click_row(qtbot, panel: BackupsPanel, row: int) -> None:
    panel.table.scrollTo(panel.model.index(row, 0))
    rect = panel.table.visualRect(panel.model.index(row, 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click(qtbot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))


def answer_restore(click_restore: bool, seen: list[str]) -> None:
    """Read the confirmation, then press Restore or Cancel on it."""

    def handle(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(f"{box.text()}\n{box.informativeText()}")
        wanted = "confirmRestoreButton" if click_restore else None
        for button in box.buttons():
            if (button.objectName() == wanted) or (
                wanted is None and box.buttonRole(button) == QMessageBox.ButtonRole.RejectRole
            ):
                button.click()
                return

    on_modal(handle)


def test_empty_state_says_when_backups_are_made(view: SettingsView) -> None:
    panel = view.backups
    assert not panel.table.isVisible()
    assert "once a day while it runs" in panel.empty.text()
    assert "before every upgrade" in panel.empty.text()
    assert not panel.restore_button.isEnabled()


def test_back_up_now_adds_a_row_with_what_it_holds(qtbot, view: SettingsView, desk: Desk) -> None:
    desk.add_person("Ada Lovelace")
    desk.set_backup_clock(lambda: NOW)
    panel = view.backups
    click(qtbot, panel.backup_button)
    qtbot.waitUntil(lambda: panel.result.text().startswith("Backed up to "), timeout=10000)
    made = Path(panel.result.text().removeprefix("Backed up to "))
    assert made.exists() and panel.backup_button.isEnabled()
    assert panel.table.isVisible()
    qtbot.waitUntil(lambda: counted(panel), timeout=10000)
    local = wording.moment(NOW)  # "25 Nov 2026, 09:00" in UTC; the machine's zone decides
    assert [cell(panel, 0, c) for c in range(7)] == [
        local,
        "Manual",
        f"{max(1, round(made.stat().st_size / 1024))} KB",
        "1",
        "0",
        "0",
        "0",
    ]


def test_a_restore_asks_then_brings_the_data_back_and_keeps_the_current(
    qtbot, view: SettingsView, desk: Desk
) -> None:
    desk.add_person("Ada Lovelace")
    desk.set_backup_clock(lambda: NOW)
    desk.backup_if_due()
    desk.add_person("Grace Hopper")
    desk.set_backup_clock(lambda: NOW + timedelta(hours=1))
    panel = view.backups
    panel.refresh()
    qtbot.waitUntil(lambda: counted(panel), timeout=10000)
    assert cell(panel, 0, 1) == "Daily"

    click_row(qtbot, panel, 0)
    assert panel.restore_button.isEnabled()
    seen: list[str] = []
    answer_restore(True, seen)
    click(qtbot, panel.restore_button)
    qtbot.waitUntil(lambda: panel.result.text().startswith("Restored"), timeout=15000)

    assert "Your current data is kept first, as a pre-restore backup" in seen[0]
    assert "It holds 1 person, 0 delegations" in seen[0]
    assert [p.name for p in desk.people()] == ["Ada Lovelace"]
    assert "previous data is kept as a pre-restore backup" in panel.result.text()
    qtbot.waitUntil(lambda: counted(panel), timeout=10000)
    kinds = [cell(panel, r, 1) for r in range(panel.model.rowCount())]
    assert kinds == ["Pre-restore", "Daily"]
    assert cell(panel, 0, 3) == "2", "the replaced data, two people, is in the pre-restore copy"


def test_cancelling_the_confirmation_changes_nothing(qtbot, view: SettingsView, desk: Desk) -> None:
    desk.backup()
    desk.add_person("Grace Hopper")
    panel = view.backups
    panel.refresh()
    click_row(qtbot, panel, 0)
    seen: list[str] = []
    answer_restore(False, seen)
    click(qtbot, panel.restore_button)
    qtbot.waitUntil(lambda: bool(seen))
    assert [p.name for p in desk.people()] == ["Grace Hopper"]
    assert [b.kind for b in desk.backups()] == ["manual"]


def test_show_in_folder_opens_the_backups_folder(qtbot, view: SettingsView, desk: Desk) -> None:
    opened: list[QUrl] = []
    panel = view.backups
    panel.opener = lambda url: opened.append(url) or True
    click(qtbot, panel.folder_button)
    assert opened == [] and "no backups folder yet" in panel.result.text()
    desk.backup()
    click(qtbot, panel.folder_button)
    assert [u.toLocalFile() for u in opened] == [str(desk.backups_folder)]


def test_retention_is_three_numbers_saved_at_once(qtbot, view: SettingsView, desk: Desk) -> None:
    for name, value in [
        ("backup_keep_daily", 10),
        ("backup_keep_weekly", 0),
        ("backup_keep_monthly", 24),
    ]:
        spin = view.spins[name]
        spin.setFocus()
        qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(spin.lineEdit(), str(value))
        qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    stored = desk.settings()
    assert (stored.backup_keep_daily, stored.backup_keep_weekly) == (10, 0)
    assert stored.backup_keep_monthly == 24
    assert view.spins["backup_keep_weekly"].text() == "None"


def test_after_a_restore_the_window_shows_the_restored_data(qtbot, desk: Desk) -> None:
    desk.add_person("Ada Lovelace")
    desk.backup()
    desk.add_person("Grace Hopper")
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_view("people")
    people = window.view("people")
    qtbot.waitUntil(lambda: "Grace Hopper" in all_texts(people))

    window.show_view("settings")
    panel = window.view("settings").findChild(BackupsPanel)
    assert panel is not None
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    click_row(qtbot, panel, 0)
    answer_restore(True, [])
    click(qtbot, panel.restore_button)
    qtbot.waitUntil(lambda: panel.result.text().startswith("Restored"), timeout=15000)

    window.show_view("people")
    qtbot.waitUntil(lambda: "Grace Hopper" not in all_texts(people))
    assert "Ada Lovelace" in all_texts(people)
    assert os.path.samefile(desk.path, window.ctx.desk.path)


def test_a_damaged_backup_is_marked_and_restoring_it_says_why_and_changes_nothing(
    qtbot, view: SettingsView, desk: Desk
) -> None:
    desk.add_person("Ada Lovelace")
    made = desk.backup()
    data = bytearray(made.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 64] = bytes(64)
    made.write_bytes(bytes(data))
    panel = view.backups
    panel.refresh()
    qtbot.waitUntil(lambda: counted(panel), timeout=10000)
    assert cell(panel, 0, 3) == "unreadable"
    assert "is damaged" in str(panel.model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole))

    click_row(qtbot, panel, 0)
    answer_restore(True, [])
    click(qtbot, panel.restore_button)
    qtbot.waitUntil(lambda: panel.result.text().startswith("That did not work"), timeout=10000)
    assert "is damaged" in panel.result.text() and "Traceback" not in panel.result.text()
    assert [p.name for p in desk.people()] == ["Ada Lovelace"]
    assert [b.kind for b in desk.backups()] == ["manual"], "no pre-restore copy for a refusal"
    assert panel.backup_button.isEnabled()
