"""Settings → Calendar export (ICS): the alarm lead time, typed as a user does, said as a moment."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QGroupBox

from leaddesk.services.desk import Desk
from leaddesk.ui.context import AppContext
from leaddesk.ui.settings.settings_view import SettingsView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def view(qtbot, ctx: AppContext) -> SettingsView:
    settings = SettingsView(ctx)
    qtbot.addWidget(settings)
    settings.resize(1000, 800)
    settings.show()
    qtbot.waitExposed(settings)
    return settings


def type_value(qtbot, spin: QDoubleSpinBox, text: str) -> None:
    spin.setFocus()
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)


def test_the_lead_time_is_shown_saved_and_said_as_a_moment(
    qtbot, view: SettingsView, desk: Desk, ctx: AppContext
) -> None:
    messages: list[str] = []
    ctx.message.connect(messages.append)
    group = view.findChild(QGroupBox, "settingsGroupCalendar")
    assert group is not None and group.title() == "Calendar export (ICS)"
    spin = view.spins["ics_alarm_lead_minutes"]
    assert group.isAncestorOf(spin)
    assert spin.text() == "420 minutes before"
    assert view.alarm_preview.text() == "Your calendar app reminds you the day before at 17:00."

    type_value(qtbot, spin, "900")
    assert desk.settings().ics_alarm_lead_minutes == 900
    assert messages[-1] == "Alarms: 900 minutes before. Saved."
    assert view.alarm_preview.text() == "Your calendar app reminds you the day before at 09:00."

    type_value(qtbot, spin, "0")
    assert desk.settings().ics_alarm_lead_minutes == 0
    assert spin.text() == "Off"
    assert messages[-1] == "Alarms: off. Saved."
    assert view.alarm_preview.text() == "Calendar exports carry no alarms."


def test_a_lead_beyond_two_weeks_is_explained_and_not_kept(
    qtbot, view: SettingsView, desk: Desk
) -> None:
    spin = view.spins["ics_alarm_lead_minutes"]
    type_value(qtbot, spin, "30000")
    error = view.errors["ics_alarm_lead_minutes"]
    assert error.isVisible()
    assert "Calendar alarm lead (minutes) must be between 0 and 20160" in error.text()
    assert desk.settings().ics_alarm_lead_minutes == 420
    assert spin.value() == 420
