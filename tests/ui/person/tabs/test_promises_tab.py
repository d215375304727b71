"""The Promises tab: create, keep on time or late, break, renegotiate, release, delete+undo."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from helpers.in_window import current_tab, person_tab_in_window, undo_by_keys
from helpers.qt import on_modal, open_person_tab, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from leaddesk.domain.promises import PromiseDirection, PromiseState
from leaddesk.services.desk import Desk
from leaddesk.ui import theme
from leaddesk.ui.context import AppContext
from leaddesk.ui.person.dialogs.promise_dialog import PromiseDialog, PromiseInput
from leaddesk.ui.person.dialogs.renegotiate_dialog import RenegotiateDialog
from leaddesk.ui.person.tabs.promises_tab import PromisesTab

# The offscreen platform cannot size or raise windows; that is not our warning to fix.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
TODAY = date(2026, 11, 25)
MINE, THEIRS = PromiseDirection.MINE, PromiseDirection.THEIRS


def click_button(box: QWidget, text: str) -> None:
    """Click the message-box button labelled `text`."""
    assert isinstance(box, QMessageBox)
    for button in box.buttons():
        if button.text().replace("&", "") == text:
            button.click()
            return
    raise AssertionError(f"no button {text!r} in {[b.text() for b in box.buttons()]}")


@pytest.fixture
def person(desk: Desk) -> int:
    return desk.add_person("Ana Lima", role="Head of Data")


@pytest.fixture
def tab(ctx: AppContext, person: int, qtbot) -> PromisesTab:
    return open_person_tab(qtbot, ctx, PromisesTab, person)


@pytest.fixture
def messages(ctx: AppContext) -> list[str]:
    seen: list[str] = []
    ctx.message.connect(seen.append)
    return seen


def open_view(tab: PromisesTab, direction: PromiseDirection):
    return tab.views[(direction, True)]


def test_new_promise_by_keyboard_defaults_to_a_week(tab, desk, person, qtbot, messages):
    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, PromiseDialog)
        assert dialog.mine.isChecked() and dialog.has_due.isChecked()
        qtbot.keyClicks(dialog.text, "Introduce you to the CFO")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    on_modal(fill)
    press(qtbot, tab, Qt.Key.Key_N)
    [promise] = desk.promises(person)
    assert promise.text == "Introduce you to the CFO"
    assert promise.direction is MINE
    assert promise.due_on == TODAY + timedelta(days=7)
    assert promise.made_on == TODAY
    assert tab.models[(MINE, True)].records == [promise]
    assert tab.current() == promise  # the new promise is selected
    assert "Promise recorded." in messages


def test_their_promise_without_due_date_goes_to_their_side(tab, desk, person, qtbot):
    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, PromiseDialog)
        dialog.theirs.click()
        dialog.has_due.click()
        qtbot.keyClicks(dialog.text, "Send the hiring plan")
        dialog.ok_button.click()

    on_modal(fill)
    qtbot.mouseClick(tab.findChild(QWidget, "newPromise"), Qt.MouseButton.LeftButton)
    [promise] = desk.promises(person)
    assert (promise.direction, promise.due_on) == (THEIRS, None)
    assert tab.models[(THEIRS, True)].records == [promise]
    assert tab.models[(MINE, True)].records == []
    assert "Nothing open" in tab.empties[(MINE, True)].text()


def test_promise_dialog_keeps_text_and_shows_error_inline(desk, person, qtbot):
    def save(value: PromiseInput) -> int:
        return desk.add_promise(person, value.direction, value.text, value.due_on, value.made_on)

    dialog = PromiseDialog("Ana Lima", TODAY, save)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.text, "Review the budget")
    dialog.due.setDate(TODAY - timedelta(days=3))  # before it was made: refused
    dialog.ok_button.click()
    assert dialog.error.isVisibleTo(dialog)
    assert "before the day it was made" in dialog.error.text()
    assert dialog.text.toPlainText() == "Review the budget"
    assert dialog.result() != PromiseDialog.DialogCode.Accepted
    assert desk.promises(person) == []
    dialog.due.setDate(TODAY + timedelta(days=2))
    dialog.ok_button.click()
    assert dialog.result() == PromiseDialog.DialogCode.Accepted
    assert desk.promises(person)[0].due_on == TODAY + timedelta(days=2)


def test_keep_reports_on_time_or_late(tab, desk, person, qtbot, messages):
    soon = desk.add_promise(person, MINE, "Share the deck", TODAY + timedelta(days=2))
    late = desk.add_promise(
        person, THEIRS, "Send the plan", TODAY - timedelta(days=4), TODAY - timedelta(days=10)
    )
    tab.select(soon)
    press(qtbot, open_view(tab, MINE), Qt.Key.Key_K)
    assert desk.promise(soon).state is PromiseState.KEPT and desk.promise(soon).on_time is True
    assert any("Kept on time" in m for m in messages)
    tab.select(late)
    qtbot.mouseClick(tab.findChild(QWidget, "keepPromise"), Qt.MouseButton.LeftButton)
    assert desk.promise(late).on_time is False
    assert any("Kept late (was due 21 Nov 2026)" in m for m in messages)
    assert [p.id for p in tab.models[(THEIRS, False)].records] == [late]
    assert "Kept late" in tab.detail.text()


def test_overdue_open_promise_comes_first_in_the_bad_colour(tab, desk, person):
    desk.add_promise(person, MINE, "Later", TODAY + timedelta(days=9))
    overdue = desk.add_promise(
        person, MINE, "Overdue", TODAY - timedelta(days=1), TODAY - timedelta(days=5)
    )
    tab.show_person(person)
    model = tab.models[(MINE, True)]
    assert model.records[0].id == overdue
    index = model.index(0, 3)
    assert index.data() == "Overdue by 1 day"
    assert index.data(Qt.ItemDataRole.ForegroundRole) == theme.bad()
    assert "1 overdue" in tab.titles[MINE].text()


def test_break_asks_first_and_cancel_changes_nothing(tab, desk, person, qtbot):
    pid = desk.add_promise(person, THEIRS, "Hand over the runbook", TODAY + timedelta(days=1))
    tab.select(pid)
    on_modal(lambda box: click_button(box, "Cancel"))
    press(qtbot, open_view(tab, THEIRS), Qt.Key.Key_B)
    assert desk.promise(pid).state is PromiseState.OPEN
    on_modal(lambda box: click_button(box, "Mark broken"))
    press(qtbot, open_view(tab, THEIRS), Qt.Key.Key_B)
    assert desk.promise(pid).state is PromiseState.BROKEN
    assert tab.current() is not None and tab.current().state is PromiseState.BROKEN


def test_renegotiate_keeps_the_old_due_date_in_history(tab, desk, person, qtbot, messages):
    old_due = TODAY + timedelta(days=2)
    pid = desk.add_promise(person, MINE, "Find you a mentor", old_due)
    tab.select(pid)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, RenegotiateDialog)
        assert dialog.day(dialog.new_due) == old_due + timedelta(days=7)
        dialog.new_due.setDate(TODAY + timedelta(days=20))
        qtbot.keyClicks(dialog.note, "Waiting for the budget round")
        dialog.ok_button.click()

    on_modal(fill)
    press(qtbot, open_view(tab, MINE), Qt.Key.Key_R)
    promise = desk.promise(pid)
    assert promise.state is PromiseState.RENEGOTIATED
    assert promise.due_on == TODAY + timedelta(days=20)
    [event] = promise.history
    assert (event.old_due_on, event.note) == (old_due, "Waiting for the budget round")
    assert "<s>27 Nov 2026</s>" in tab.detail.text()  # the earlier due date, struck
    tooltip = tab.models[(MINE, True)].index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "due 27 Nov 2026 → 15 Dec 2026" in tooltip
    assert any("old due date stays" in m for m in messages)


def test_renegotiate_dialog_shows_refusal_inline(desk, person, qtbot):
    pid = desk.add_promise(person, MINE, "Find you a mentor", TODAY + timedelta(days=2))
    dialog = RenegotiateDialog(
        desk.promise(pid),
        TODAY,
        lambda due, note: desk.renegotiate_promise(pid, due, note=note),
    )
    qtbot.addWidget(dialog)
    dialog.new_due.setDate(TODAY + timedelta(days=2))  # same date: refused
    qtbot.keyClicks(dialog.note, "typed note")
    dialog.ok_button.click()
    assert "same as the current one" in dialog.error.text()
    assert dialog.note.toPlainText() == "typed note"
    assert desk.promise(pid).state is PromiseState.OPEN


def test_release_after_confirmation(tab, desk, person, qtbot):
    pid = desk.add_promise(person, MINE, "Sponsor the talk")
    tab.select(pid)
    on_modal(lambda box: click_button(box, "Release"))
    press(qtbot, open_view(tab, MINE), Qt.Key.Key_L)
    assert desk.promise(pid).state is PromiseState.RELEASED


def test_resolved_promise_offers_no_transitions(tab, desk, person, qtbot):
    pid = desk.add_promise(person, MINE, "Done already")
    desk.keep_promise(pid)
    tab.select(pid)
    for name in ("keepPromise", "breakPromise", "renegotiatePromise", "releasePromise"):
        assert not tab.findChild(QWidget, name).isEnabled(), name
    assert tab.findChild(QWidget, "deletePromise").isEnabled()
    press(qtbot, tab.views[(MINE, False)], Qt.Key.Key_B)  # nothing happens, no dialog
    assert desk.promise(pid).state is PromiseState.KEPT


def test_validation_error_from_a_transition_is_a_message(tab, desk, person, qtbot):
    # Made in the future (recorded ahead): keeping it today is refused by the service.
    pid = desk.add_promise(person, MINE, "Plan ahead", made_on=TODAY + timedelta(days=3))
    tab.select(pid)
    seen: list[str] = []

    def dismiss(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    on_modal(dismiss)
    press(qtbot, open_view(tab, MINE), Qt.Key.Key_K)
    assert seen and "before the day it was made" in seen[0]
    assert desk.promise(pid).state is PromiseState.OPEN


def test_edit_rewords_the_promise(tab, desk, person, qtbot):
    pid = desk.add_promise(person, THEIRS, "Send plan")

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, PromiseDialog)
        assert not dialog.theirs.isEnabled()  # only the wording changes here
        dialog.text.selectAll()
        qtbot.keyClicks(dialog.text, "Send the staffing plan")
        dialog.ok_button.click()

    tab.select(pid)
    on_modal(fill)
    press(qtbot, open_view(tab, THEIRS), Qt.Key.Key_E)
    assert desk.promise(pid).text == "Send the staffing plan"


def test_delete_then_undo(desk, person, qtbot):
    pid = desk.add_promise(person, MINE, "Call the vendor")
    window = person_tab_in_window(qtbot, desk, person, "promises")
    tab = current_tab(window)
    assert isinstance(tab, PromisesTab)
    tab.select(pid)
    press(qtbot, open_view(tab, MINE), Qt.Key.Key_Delete)
    assert desk.promises(person) == []
    assert tab.models[(MINE, True)].records == []
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    undo_by_keys(qtbot, window)
    assert [p.id for p in desk.promises(person)] == [pid]
    assert [p.id for p in tab.models[(MINE, True)].records] == [pid]


def test_select_scrolls_to_a_promise(tab, desk, person):
    ids = [desk.add_promise(person, THEIRS, f"Promise {i}") for i in range(60)]
    tab.show_person(person)
    tab.select(ids[5])
    assert tab.current() is not None and tab.current().id == ids[5]
    assert "Promise 5" in tab.detail.text()


def test_ctrl_enter_saves_the_promise_dialog(desk, person, qtbot):
    saved: list[PromiseInput] = []
    dialog = PromiseDialog("Ana Lima", TODAY, saved.append)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.text.setFocus()
    qtbot.keyClicks(dialog.text, "Book the offsite")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [s.text for s in saved] == ["Book the offsite"]
    assert dialog.result() == PromiseDialog.DialogCode.Accepted
