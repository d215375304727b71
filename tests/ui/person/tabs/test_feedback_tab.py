"""The Feedback tab: give, receive, solicit, answer, follow up, delete+undo, the 30-day summary."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from helpers.in_window import current_tab, person_tab_in_window, undo_by_keys
from helpers.qt import on_modal, open_person_tab, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from leaddesk.domain.feedback import FeedbackDirection, FeedbackKind
from leaddesk.services.desk import Desk
from leaddesk.ui import theme
from leaddesk.ui.context import AppContext
from leaddesk.ui.person.dialogs.answer_dialog import AnswerDialog
from leaddesk.ui.person.dialogs.feedback_dialog import FeedbackDialog, FeedbackInput
from leaddesk.ui.person.dialogs.follow_up_dialog import FollowUpDialog
from leaddesk.ui.person.tabs.feedback_tab import FeedbackTab

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
TODAY = date(2026, 11, 25)
GIVEN, RECEIVED, SOLICITED = (
    FeedbackDirection.GIVEN,
    FeedbackDirection.RECEIVED,
    FeedbackDirection.SOLICITED,
)


@pytest.fixture
def person(desk: Desk) -> int:
    return desk.add_person("Ana Lima")


@pytest.fixture
def tab(ctx: AppContext, person: int, qtbot) -> FeedbackTab:
    return open_person_tab(qtbot, ctx, FeedbackTab, person)


def add_through_dialog(qtbot, tab: FeedbackTab, key: Qt.Key, text: str, kind: int = -1) -> None:
    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, FeedbackDialog)
        if kind >= 0:
            dialog.kind.setCurrentIndex(kind)
        qtbot.keyClicks(dialog.text, text)
        dialog.ok_button.click()

    on_modal(fill)
    press(qtbot, tab.view if tab.view.isVisible() else tab, key)


def test_give_receive_and_ask_through_the_dialogs(tab, desk, person, qtbot):
    add_through_dialog(qtbot, tab, Qt.Key.Key_G, "The board summary was crisp")
    add_through_dialog(qtbot, tab, Qt.Key.Key_R, "I interrupt in staff meetings", kind=2)
    add_through_dialog(qtbot, tab, Qt.Key.Key_A, "How could our 1:1s be more useful?")
    by_direction = {f.direction: f for f in desk.feedback(person)}
    assert by_direction[GIVEN].text == "The board summary was crisp"
    assert by_direction[GIVEN].kind is FeedbackKind.APPRECIATION  # the default for given
    assert by_direction[RECEIVED].kind is FeedbackKind.COACHING
    assert by_direction[SOLICITED].kind is None and by_direction[SOLICITED].is_open
    # The open solicitation comes first, highlighted.
    assert tab.model.records[0].direction is SOLICITED
    assert tab.model.index(0, 4).data() == "Open — waiting for their answer"
    assert tab.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) == theme.warn()
    assert tab.summary.text().startswith("Last 30 days: given 1, solicited 1")


def test_feedback_dialog_shows_errors_inline_and_keeps_kind(desk, person, qtbot):
    def save(value: FeedbackInput) -> int:
        return desk.add_feedback(person, value.direction, value.text, value.kind, value.on)

    dialog = FeedbackDialog(GIVEN, "Ana Lima", TODAY, save)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(3)
    dialog.ok_button.click()
    assert "cannot be empty" in dialog.error.text()
    assert dialog.kind.currentData() is FeedbackKind.EVALUATION
    assert desk.feedback(person) == []


def test_answer_an_open_solicitation_with_enter(tab, desk, person, qtbot, ctx):
    asked = desk.add_feedback(
        person, SOLICITED, "What should I stop doing?", on=TODAY - timedelta(3)
    )
    desk.add_feedback(person, GIVEN, "Thanks for the clear update", FeedbackKind.APPRECIATION)
    tab.show_person(person)
    tab.select(asked)
    assert tab.findChild(QWidget, "answerSolicitation").isEnabled()

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, AnswerDialog)
        assert "What should I stop doing?" in dialog.intro.text()
        qtbot.keyClicks(dialog.answer, "Stop posting late at night")
        dialog.ok_button.click()

    messages: list[str] = []
    ctx.message.connect(messages.append)
    on_modal(fill)
    press(qtbot, tab.view, Qt.Key.Key_Return)
    [answered] = [f for f in desk.feedback(person) if f.id == asked]
    assert (answered.answer, answered.answered_on) == ("Stop posting late at night", TODAY)
    assert not answered.is_open
    assert not tab.findChild(QWidget, "answerSolicitation").isEnabled()
    assert "Stop posting late at night" in tab.detail.text()
    assert "Answer recorded; the solicitation is closed." in messages


def test_answer_is_only_offered_for_open_solicitations(tab, desk, person):
    given = desk.add_feedback(person, GIVEN, "Good call on the vendor")
    received = desk.add_feedback(person, RECEIVED, "Be clearer on priorities")
    tab.show_person(person)
    for ident in (given, received):
        tab.select(ident)
        assert not tab.answer_action.isEnabled()
        assert tab.follow_up_action.isEnabled()


def test_answer_dialog_refuses_an_answer_before_the_question(desk, person, qtbot):
    asked = desk.add_feedback(person, SOLICITED, "How was the offsite?", on=TODAY - timedelta(2))
    [view] = desk.feedback(person)
    dialog = AnswerDialog(view, TODAY, lambda text, on: desk.answer_solicitation(asked, text, on))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.answer, "Too long")
    dialog.on.setDate(TODAY - timedelta(days=5))
    dialog.ok_button.click()
    assert "cannot come before the question" in dialog.error.text()
    assert dialog.answer.toPlainText() == "Too long"
    assert desk.feedback(person)[0].is_open


def test_set_follow_up(tab, desk, person, qtbot):
    fid = desk.add_feedback(person, RECEIVED, "I interrupt in meetings")
    tab.show_person(person)
    tab.select(fid)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, FollowUpDialog)
        qtbot.keyClicks(dialog.follow_up, "Asked Priya to flag it when I do")
        dialog.ok_button.click()

    on_modal(fill)
    press(qtbot, tab.view, Qt.Key.Key_F)
    assert desk.feedback(person)[0].follow_up == "Asked Priya to flag it when I do"
    assert tab.model.index(0, 5).data() == "Asked Priya to flag it when I do"


def test_delete_then_undo(desk, person, qtbot):
    fid = desk.add_feedback(person, GIVEN, "Great demo")
    window = person_tab_in_window(qtbot, desk, person, "feedback")
    tab = current_tab(window)
    assert isinstance(tab, FeedbackTab)
    tab.select(fid)
    press(qtbot, tab.view, Qt.Key.Key_Delete)
    assert desk.feedback(person) == []
    assert tab.empty.isVisibleTo(tab)
    undo_by_keys(qtbot, window)
    assert [f.id for f in desk.feedback(person)] == [fid]
    assert [f.id for f in tab.model.records] == [fid]


def test_summary_counts_the_last_30_days_only(tab, desk, person):
    desk.add_feedback(person, GIVEN, "Old", on=TODAY - timedelta(days=45))
    desk.add_feedback(person, GIVEN, "Recent", on=TODAY - timedelta(days=30))
    desk.add_feedback(person, SOLICITED, "Recent question", on=TODAY - timedelta(days=3))
    desk.add_feedback(person, RECEIVED, "Recent feedback", on=TODAY)
    tab.show_person(person)
    assert tab.summary.text() == (
        "Last 30 days: given 1, solicited 1 · received 1 · 1 open solicitation"
    )


def test_show_filter_and_select_reveal(tab, desk, person):
    given = desk.add_feedback(person, GIVEN, "Given one")
    desk.add_feedback(person, RECEIVED, "Received one")
    tab.show_person(person)
    tab.show_combo.setCurrentIndex(2)  # Received only
    assert [f.direction for f in tab.model.records] == [RECEIVED]
    tab.select(given)  # navigation to hidden feedback shows everything again
    assert tab.show_combo.currentIndex() == 0
    assert tab.current() is not None and tab.current().id == given


def test_empty_state_says_what_to_do(tab):
    assert tab.empty.isVisibleTo(tab)
    assert "asking is how a feedback culture starts" in tab.empty.text()
