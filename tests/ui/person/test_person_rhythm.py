"""A person's 1:1 rhythm on screen: set in the person form (the user's keys and clicks), shown in
the person header with the next due date, and red when it has passed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from helpers.qt import on_modal, open_main_window, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from leaddesk.services.desk import Desk
from leaddesk.ui import theme
from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.common.person_dialog import PersonDialog
from leaddesk.ui.context import AppContext
from leaddesk.ui.main_window import MainWindow
from leaddesk.ui.person.person_view import PersonView

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
TODAY = date(2026, 11, 25)  # a Wednesday
CTRL = Qt.KeyboardModifier.ControlModifier


def open_dialog(qtbot, dialog: PersonDialog) -> PersonDialog:  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_days(qtbot, dialog: PersonDialog, days: str) -> None:  # type: ignore[no-untyped-def]
    """Choose Custom… in the rhythm combo by its first letter, then type the days."""
    qtbot.keyClicks(dialog.rhythm.choice, "C")
    assert dialog.rhythm.days.isVisible()
    qtbot.keyClick(dialog.rhythm.days, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(dialog.rhythm.days, days)


# -- the form ----------------------------------------------------------------------------------
def test_a_custom_rhythm_typed_in_the_form_is_saved(ctx: AppContext, desk: Desk, qtbot) -> None:
    dialog = open_dialog(qtbot, PersonDialog(ctx))
    assert dialog.rhythm.choice.currentText() == "Default (every 2 weeks)"
    assert not dialog.rhythm.days.isVisible()
    qtbot.keyClicks(dialog.name, "Ben Okafor")
    type_days(qtbot, dialog, "10")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert desk.person(dialog.person_id).one_on_one_every_days == 10


def test_a_common_rhythm_is_picked_and_default_brings_the_default_back(
    ctx: AppContext, desk: Desk, qtbot
) -> None:
    ana = desk.add_person("Ana Lima")
    dialog = open_dialog(qtbot, PersonDialog(ctx, person=desk.person(ana)))
    for _ in range(3):  # Weekly, Every 2 weeks, Every 3 weeks
        qtbot.keyClick(dialog.rhythm.choice, Qt.Key.Key_Down)
    assert dialog.rhythm.choice.currentText() == "Every 3 weeks (21 days)"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert desk.person(ana).one_on_one_every_days == 21

    dialog = open_dialog(qtbot, PersonDialog(ctx, person=desk.person(ana)))
    assert dialog.rhythm.choice.currentText() == "Every 3 weeks (21 days)"  # shown as kept
    qtbot.keyClick(dialog.rhythm.choice, Qt.Key.Key_Home)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert desk.person(ana).one_on_one_every_days is None


def test_a_rhythm_of_its_own_not_in_the_list_opens_as_custom_days(
    ctx: AppContext, desk: Desk, qtbot
) -> None:
    ana = desk.add_person("Ana Lima", one_on_one_every_days=45)
    dialog = open_dialog(qtbot, PersonDialog(ctx, person=desk.person(ana)))
    assert dialog.rhythm.choice.currentText() == "Custom…"
    assert dialog.rhythm.days.text() == "every 45 days"


def test_default_names_the_rhythm_of_the_place_chosen_under_reports_to(
    ctx: AppContext, desk: Desk, qtbot
) -> None:
    ana = desk.add_person("Ana Lima")
    ben = desk.add_person("Ben Okafor", reports_to_id=ana)
    desk.update_settings(one_on_one_interval_days=7)
    dialog = open_dialog(qtbot, PersonDialog(ctx))
    assert dialog.rhythm.choice.currentText() == "Default (weekly)"
    dialog.reports_to.setCurrentIndex(dialog.reports_to.findData(ana))
    assert dialog.rhythm.choice.currentText() == "Default (monthly)"  # a skip-level
    dialog.reports_to.setCurrentIndex(dialog.reports_to.findData(ben))
    assert dialog.rhythm.choice.currentText() == "Default (no regular 1:1s)"


def test_days_out_of_range_cannot_be_typed(ctx: AppContext, desk: Desk, qtbot) -> None:
    dialog = open_dialog(qtbot, PersonDialog(ctx))
    qtbot.keyClicks(dialog.name, "Ben Okafor")
    type_days(qtbot, dialog, "999")  # the box takes at most 365
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert 1 <= (desk.person(dialog.person_id).one_on_one_every_days or 0) <= 365


# -- the header --------------------------------------------------------------------------------
@pytest.fixture
def ana(desk: Desk) -> int:
    ana = desk.add_person("Ana Lima", role="Head of Data", one_on_one_every_days=21)
    desk.record_one_on_one(ana, held_on=TODAY - timedelta(days=5))
    return ana


@pytest.fixture
def window(desk: Desk, ana: int, qtbot) -> Iterator[MainWindow]:
    win = open_main_window(desk, qtbot)
    win.resize(1300, 850)
    win.show_view("person", PersonTarget(ana))
    yield win


def header_text(window: MainWindow) -> str:
    view = window.view("person")
    assert isinstance(view, PersonView)
    return view.header.rhythm_label.text()


def test_the_header_says_the_rhythm_and_the_next_due_day(window: MainWindow) -> None:
    assert header_text(window) == "1:1 every 3 weeks · next due Fri 11 Dec"
    view = window.view("person")
    assert isinstance(view, PersonView)
    assert view.header.rhythm_label.toolTip().startswith("Your rhythm with Ana Lima")


def test_an_edit_from_the_header_changes_the_rhythm_shown(
    window: MainWindow, desk: Desk, ana: int, qtbot
) -> None:
    def weekly(dialog: QWidget) -> None:
        assert isinstance(dialog, PersonDialog)
        qtbot.keyClicks(dialog.rhythm.choice, "W")  # Weekly
        dialog.ok_button.click()

    on_modal(weekly)
    view = window.view("person")
    assert isinstance(view, PersonView)
    qtbot.mouseClick(view.header.buttons["editPerson"], Qt.MouseButton.LeftButton)
    assert desk.person(ana).one_on_one_every_days == 7
    qtbot.waitUntil(lambda: header_text(window).startswith("1:1 weekly · "))
    assert header_text(window) == "1:1 weekly · next due Fri 27 Nov"


def test_a_rhythm_passed_is_overdue_in_red(window: MainWindow, desk: Desk, qtbot) -> None:
    ben = desk.add_person("Ben Okafor")  # the default: every 2 weeks
    desk.record_one_on_one(ben, held_on=TODAY - timedelta(days=18))
    window.show_view("person", PersonTarget(ben))
    qtbot.waitUntil(lambda: "overdue" in header_text(window))
    text = header_text(window)
    assert text.startswith("1:1 every 2 weeks · ")
    assert "4 days overdue" in text and theme.bad().name() in text


def test_skip_levels_show_their_rhythm_and_people_further_down_none(
    window: MainWindow, desk: Desk, ana: int, qtbot
) -> None:
    zoe = desk.add_person("Zoe Quill", reports_to_id=ana)
    kit = desk.add_person("Kit Deep", reports_to_id=zoe)
    window.show_view("person", PersonTarget(zoe))
    qtbot.waitUntil(lambda: header_text(window).startswith("1:1 monthly · "))
    view = window.view("person")
    assert isinstance(view, PersonView)
    assert view.header.rhythm_label.toolTip().startswith("Your default for skip-levels")
    window.show_view("person", PersonTarget(kit))
    qtbot.waitUntil(lambda: view.header.name_label.text() == "Kit Deep")
    assert not view.header.rhythm_label.isVisible()


def test_alt_h_reaches_the_rhythm_and_the_keyboard_sets_custom_days(
    ctx: AppContext, desk: Desk, qtbot
) -> None:
    dialog = open_dialog(qtbot, PersonDialog(ctx))
    qtbot.keyClicks(dialog.name, "Ben Okafor")
    press(qtbot, dialog.name, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.rhythm.choice.hasFocus())
    qtbot.keyClick(dialog.rhythm.choice, Qt.Key.Key_End)  # Custom…: the days take the focus
    qtbot.waitUntil(lambda: dialog.rhythm.days.hasFocus())
    qtbot.keyClicks(dialog.rhythm.days, "45")
    qtbot.keyClick(dialog.rhythm.days, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert desk.person(dialog.person_id).one_on_one_every_days == 45
