"""Settings: typed values are saved at once, wrong ones explained and undone; backup; presenter."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDoubleSpinBox

from leaddesk.domain.focus import Principle
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


@pytest.fixture
def messages(ctx: AppContext) -> list[str]:
    shown: list[str] = []
    ctx.message.connect(shown.append)
    return shown


def type_value(qtbot, spin: QDoubleSpinBox, text: str) -> None:
    """Select what the field shows, type over it and press Enter, as a user does."""
    spin.setFocus()
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)


def test_shows_the_stored_settings_and_the_key_storage(view: SettingsView, desk: Desk) -> None:
    assert view.spins["half_life_days"].text() == "180 days"
    assert view.spins["one_on_one_interval_days"].text() == "14 days"
    assert view.spins["high_trust_factor"].text() == "× 1.50"
    assert view.spins["auto_lock_minutes"].text() == "10 minutes"
    assert view.key_settings.where.text() == "Key kept in the OS keychain"  # the test store's key
    assert view.store_path.text() == str(desk.path)


def test_changing_the_half_life_changes_the_trust_computation(
    qtbot, view: SettingsView, desk: Desk, messages: list[str]
) -> None:
    person = desk.add_person("Ada Lovelace")
    assert desk.trust_series(person).half_life_days == 180
    type_value(qtbot, view.spins["half_life_days"], "90")

    assert desk.settings().half_life_days == 90
    assert desk.trust_series(person).half_life_days == 90
    assert messages[-1] == "Evidence half-life: 90 days. Saved."
    assert not view.errors["half_life_days"].isVisible()


def test_out_of_range_value_is_explained_and_the_old_one_kept(
    qtbot, view: SettingsView, desk: Desk
) -> None:
    type_value(qtbot, view.spins["half_life_days"], "5")

    error = view.errors["half_life_days"]
    assert error.isVisible()
    assert "Half-life (days) must be between 7 and 3650" in error.text()
    assert desk.settings().half_life_days == 180
    assert view.spins["half_life_days"].value() == 180  # the field shows what is stored

    type_value(qtbot, view.spins["half_life_days"], "365")  # a good value clears the message
    assert desk.settings().half_life_days == 365
    assert not error.isVisible()


def test_cadence_factors_are_saved_and_checked(qtbot, view: SettingsView, desk: Desk) -> None:
    type_value(qtbot, view.spins["high_trust_factor"], "2")
    assert desk.settings().high_trust_factor == 2.0
    type_value(qtbot, view.spins["low_trust_factor"], "1.5")
    assert (
        "Low-trust cadence factor must be between 0.1 and 1"
        in view.errors["low_trust_factor"].text()
    )
    assert desk.settings().low_trust_factor == 0.5


def test_arrow_keys_step_and_save(qtbot, view: SettingsView, desk: Desk) -> None:
    spin = view.spins["backup_keep_monthly"]
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert desk.settings().backup_keep_monthly == 14
    qtbot.keyClick(spin, Qt.Key.Key_Down)
    assert desk.settings().backup_keep_monthly == 13


def test_auto_lock_zero_reads_never(
    qtbot, view: SettingsView, desk: Desk, messages: list[str]
) -> None:
    type_value(qtbot, view.spins["auto_lock_minutes"], "0")
    assert desk.settings().auto_lock_minutes == 0
    assert view.spins["auto_lock_minutes"].text() == "Never"
    assert messages[-1] == "Auto-lock after: never. Saved."


def test_weekly_focus_start_moves_this_weeks_principle(
    qtbot, view: SettingsView, desk: Desk
) -> None:
    before = desk.week_focus().principle
    start = desk.settings().focus_start
    view.focus_start.setDate(QDate(start.year, start.month, start.day).addDays(-7))
    assert desk.settings().focus_start == date.fromordinal(start.toordinal() - 7)
    after = desk.week_focus().principle
    assert after == Principle(int(before) % 6 + 1)
    assert f"principle {int(after)} of 6 — {after.title}" in view.focus_preview.text()


def test_presenter_toggle_flips_presenter_mode_and_mirrors_it(
    qtbot, view: SettingsView, ctx
) -> None:
    qtbot.mouseClick(view.presenter, Qt.MouseButton.LeftButton)
    assert ctx.presenter is True
    ctx.set_presenter(False)  # e.g. the toolbar or Ctrl+Shift+P
    assert not view.presenter.isChecked()
    ctx.set_presenter(True)
    assert view.presenter.isChecked()


def test_settings_changed_elsewhere_are_shown(view: SettingsView, desk: Desk) -> None:
    desk.update_settings(one_on_one_interval_days=21)
    assert view.spins["one_on_one_interval_days"].value() == 21


def test_opens_on_the_demo_world(qtbot, demo_ctx: AppContext) -> None:
    settings = SettingsView(demo_ctx)
    qtbot.addWidget(settings)
    settings.show()
    qtbot.waitExposed(settings)
    stored = demo_ctx.desk.settings()
    assert settings.spins["half_life_days"].value() == stored.half_life_days
    start = stored.focus_start
    assert settings.focus_start.date() == QDate(start.year, start.month, start.day)


def test_your_name_and_paper_size_for_the_one_pagers(
    qtbot, view: SettingsView, desk: Desk, messages: list[str]
) -> None:
    names = view.exports.your_name
    names.setFocus()
    qtbot.keyClicks(names, "Dana Whitfield")
    qtbot.keyClick(names, Qt.Key.Key_Return)
    assert desk.settings().your_name == "Dana Whitfield"
    assert messages[-1] == "Your name on agreement sheets: Dana Whitfield."
    sizes = view.exports.page_size
    sizes.setCurrentIndex(sizes.findData("Letter"))
    sizes.activated.emit(sizes.currentIndex())  # as a pick from the list does
    assert desk.settings().page_size == "Letter"
    names.setText("Dana\u2028Whitfield")  # a line separator: refused, explained, old value back
    names.editingFinished.emit()
    assert "must fit on one line" in view.errors["your_name"].text()
    assert names.text() == "Dana Whitfield"
    assert desk.settings().your_name == "Dana Whitfield"
