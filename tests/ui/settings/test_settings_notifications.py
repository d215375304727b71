"""Settings › Tray and notifications: digest time, details, the tray, start at login."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QLabel, QTimeEdit

from leaddesk.services.desk import Desk
from leaddesk.ui.context import AppContext
from leaddesk.ui.settings.settings_view import SettingsView
from leaddesk.ui.shell.autostart import autostart_supported

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home


@pytest.fixture
def view(qtbot, ctx: AppContext, config_home: Path) -> SettingsView:
    settings = SettingsView(ctx)
    qtbot.addWidget(settings)
    settings.resize(1000, 800)
    settings.show()
    qtbot.waitExposed(settings)
    return settings


def box(view: SettingsView, name: str) -> QCheckBox:
    found = view.findChild(QCheckBox, name)
    assert found is not None
    return found


def click(qtbot, checkbox: QCheckBox) -> None:
    checkbox.ensurePolished()
    qtbot.mouseClick(checkbox, Qt.MouseButton.LeftButton, pos=checkbox.rect().center())


def test_shows_the_defaults(view: SettingsView) -> None:
    digest = view.findChild(QTimeEdit, "digest_time")
    assert digest is not None and digest.text() == "08:30"
    assert not box(view, "notify_details").isChecked()
    assert view.spins["feedback_chase_days"].value() == 14


def test_details_are_turned_on_and_off(qtbot, view: SettingsView, desk: Desk) -> None:
    click(qtbot, box(view, "notify_details"))
    assert desk.settings().notify_details
    click(qtbot, box(view, "notify_details"))
    assert not desk.settings().notify_details


def test_the_digest_time_is_stepped_with_the_arrow_keys(
    qtbot, view: SettingsView, desk: Desk
) -> None:
    digest = view.findChild(QTimeEdit, "digest_time")
    assert digest is not None
    digest.setFocus()
    digest.setCurrentSection(QDateTimeEdit.Section.HourSection)
    qtbot.keyClick(digest, Qt.Key.Key_Down)
    assert desk.settings().digest_time == "07:30"


def test_without_a_tray_keeping_it_running_is_off_and_says_why(view: SettingsView) -> None:
    keep = box(view, "keep_in_tray")
    assert not keep.isEnabled()  # the offscreen platform has no tray
    texts = [label.text() for label in view.findChildren(QLabel)]
    assert "This desktop has no system tray, so closing the window quits LeadDesk." in texts


@pytest.mark.skipif(not autostart_supported(), reason="XDG desktops only")
def test_start_at_login_writes_and_removes_the_autostart_entry(
    qtbot, view: SettingsView, config_home: Path
) -> None:
    entry = config_home / "autostart" / "leaddesk.desktop"
    at_login = box(view, "start_at_login")
    assert at_login.isEnabled() and not at_login.isChecked()
    click(qtbot, at_login)
    assert entry.is_file()
    assert f"--db {view.ctx.desk.path}" in entry.read_text("utf-8")
    click(qtbot, at_login)
    assert not entry.exists()
