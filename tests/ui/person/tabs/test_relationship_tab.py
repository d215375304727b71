"""The 1:1s & relationship tab: history, topics, notes, Start 1:1, and presenter mode."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from helpers.in_window import current_tab, person_tab_in_window, undo_by_keys
from helpers.qt import all_texts, on_modal, open_person_tab, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QWidget,
)

from leaddesk.services.desk import Desk
from leaddesk.ui.common.note_dialog import NoteDialog, NoteInput
from leaddesk.ui.context import AppContext
from leaddesk.ui.person.dialogs.one_on_one_dialog import OneOnOneDialog
from leaddesk.ui.person.tabs.relationship_tab import RelationshipTab
from leaddesk.ui.person.tabs.tab_parts import select_id

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
TODAY = date(2026, 11, 25)
PRIVATE_1ON1 = "Seemed tired; worried about the reorg"
RELATIONSHIP_NOTE = "Wants to lead a multi-site team within two years"


@pytest.fixture
def person(desk: Desk) -> int:
    pid = desk.add_person("Ana Lima", role="Head of Data")
    topic = desk.add_topic(pid, "Budget for Q1", on=TODAY - timedelta(days=30))
    desk.record_one_on_one(
        pid,
        TODAY - timedelta(days=14),
        shared_notes="Walked through the roadmap",
        private_notes=PRIVATE_1ON1,
        energy=2,
        discussed_topic_ids=[topic],
    )
    desk.add_topic(pid, "Succession plan", on=TODAY - timedelta(days=20))
    desk.record_one_on_one(pid, TODAY - timedelta(days=7), shared_notes="Hiring update", energy=4)
    desk.add_relationship_note(pid, RELATIONSHIP_NOTE, "Career aspirations", TODAY - timedelta(5))
    return pid


@pytest.fixture
def tab(ctx: AppContext, person: int, qtbot) -> RelationshipTab:
    return open_person_tab(qtbot, ctx, RelationshipTab, person)


def test_history_newest_first_with_energy_and_private_notes_marked(tab):
    model = tab.meetings
    assert [m.held_on for m in model.records] == [
        TODAY - timedelta(days=7),
        TODAY - timedelta(days=14),
    ]
    assert model.index(0, 1).data() == "●●●●○"
    assert model.index(1, 1).data() == "●●○○○"
    assert model.index(1, 3).data() == f"private · {PRIVATE_1ON1}"
    assert model.index(1, 4).data() == "1 topic"
    tab.select(model.records[1].id)
    detail = tab.meeting_detail.text()
    assert "Walked through the roadmap" in detail and PRIVATE_1ON1 in detail
    assert "private" in detail and "Budget for Q1" in detail


def test_open_topics_show_how_often_they_were_carried(tab):
    [topic] = tab.topics.records
    assert topic.text == "Succession plan"
    assert tab.summary.text().endswith("· 1 open topic")
    assert tab.topics.index(0, 2).data() == "carried 1 time"


def test_add_topic_by_typing_and_enter(tab, desk, person, qtbot):
    tab.topic_edit.setFocus()
    qtbot.keyClicks(tab.topic_edit, "Conference budget")
    qtbot.keyClick(tab.topic_edit, Qt.Key.Key_Return)
    assert [t.text for t in desk.open_topics(person)] == ["Succession plan", "Conference budget"]
    assert tab.topic_edit.text() == ""
    assert [t.text for t in tab.topics.records][-1] == "Conference budget"


def test_empty_topic_is_refused_and_typing_kept(tab, desk, person, qtbot):
    seen: list[str] = []

    def dismiss(box: QWidget) -> None:
        seen.append(box.text())  # type: ignore[attr-defined]
        box.close()

    tab.topic_edit.setText("   ")
    on_modal(dismiss)
    tab.add_topic_button.click()
    assert seen and "cannot be empty" in seen[0]
    assert len(desk.open_topics(person)) == 1


def test_delete_topic_then_undo(desk, person, qtbot):
    window = person_tab_in_window(qtbot, desk, person, "relationship")
    tab = current_tab(window)
    assert isinstance(tab, RelationshipTab)
    select_id(tab.topics_view, tab.topics, tab.topics.records[0].id)
    press(qtbot, tab.topics_view, Qt.Key.Key_Delete)
    assert desk.open_topics(person) == []
    assert not tab.topics_view.isVisibleTo(tab)
    assert "Nothing on the agenda" in tab.topics_empty.text()
    undo_by_keys(qtbot, window)
    assert [t.text for t in desk.open_topics(person)] == ["Succession plan"]
    assert [t.text for t in tab.topics.records] == ["Succession plan"]


def test_delete_one_on_one_then_undo(desk, person, qtbot):
    window = person_tab_in_window(qtbot, desk, person, "relationship")
    tab = current_tab(window)
    assert isinstance(tab, RelationshipTab)
    newest, older = (m.id for m in tab.meetings.records)
    tab.select(newest)
    qtbot.mouseClick(tab.findChild(QWidget, "deleteOneOnOne"), Qt.MouseButton.LeftButton)
    assert [m.id for m in desk.one_on_ones(person)] == [older]
    assert [m.id for m in tab.meetings.records] == [older]
    undo_by_keys(qtbot, window)
    assert [m.id for m in desk.one_on_ones(person)] == [newest, older]


def test_edit_past_one_on_one_notes_and_energy(tab, desk, person, qtbot):
    older = tab.meetings.records[1]
    tab.select(older.id)

    def correct(dialog: QWidget) -> None:
        assert isinstance(dialog, OneOnOneDialog)
        assert dialog.private.toPlainText() == PRIVATE_1ON1
        assert dialog.energy.currentData() == 2
        dialog.shared.selectAll()
        qtbot.keyClicks(dialog.shared, "Roadmap agreed; budget next time")
        dialog.energy.setCurrentIndex(dialog.energy.findData(3))
        dialog.ok_button.click()

    on_modal(correct)
    press(qtbot, tab.meetings_view, Qt.Key.Key_E)
    saved = next(m for m in desk.one_on_ones(person) if m.id == older.id)
    assert (saved.shared_notes, saved.private_notes, saved.energy) == (
        "Roadmap agreed; budget next time",
        PRIVATE_1ON1,
        3,
    )
    assert tab.current_meeting() == saved  # still selected, showing the new text
    assert "Roadmap agreed" in tab.meeting_detail.text()


def test_editing_a_one_on_one_while_presenting_never_shows_or_drops_private_notes(
    ctx, desk, person, qtbot
):
    ctx.set_presenter(True)
    meeting = next(m for m in desk.one_on_ones(person) if m.private_notes)
    dialog = OneOnOneDialog(ctx, meeting, "Ana Lima", None)
    qtbot.addWidget(dialog)
    assert PRIVATE_1ON1 not in all_texts(dialog)
    assert not dialog.private.isVisibleTo(dialog)
    dialog.shared.setPlainText("Shared only")
    dialog.ok_button.click()
    saved = next(m for m in desk.one_on_ones(person) if m.id == meeting.id)
    assert (saved.shared_notes, saved.private_notes) == ("Shared only", PRIVATE_1ON1)


def test_add_edit_delete_relationship_note_with_undo(desk, person, qtbot):
    window = person_tab_in_window(qtbot, desk, person, "relationship")
    tab = current_tab(window)
    assert isinstance(tab, RelationshipTab)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, NoteDialog)
        dialog.topic.setCurrentText("What motivates them")
        qtbot.keyClicks(dialog.text, "Energised by mentoring new leads")
        dialog.ok_button.click()

    on_modal(fill)
    press(qtbot, tab.notes_view, Qt.Key.Key_N)
    newest = desk.relationship_notes(person)[0]
    assert (newest.topic, newest.text, newest.on) == (
        "What motivates them",
        "Energised by mentoring new leads",
        TODAY,
    )
    assert tab.current_note() == newest

    def reword(dialog: QWidget) -> None:
        assert isinstance(dialog, NoteDialog)
        assert dialog.topic.currentText() == "What motivates them"
        dialog.text.selectAll()
        qtbot.keyClicks(dialog.text, "Energised by mentoring")
        dialog.topic.setCurrentText("Working style")
        dialog.on.setDate(dialog.on.date().addDays(-2))
        dialog.ok_button.click()

    on_modal(reword)
    press(qtbot, tab.notes_view, Qt.Key.Key_E)
    edited = desk.relationship_notes(person)[0]
    assert (edited.text, edited.topic, edited.on) == (
        "Energised by mentoring",
        "Working style",
        TODAY - timedelta(days=2),
    )

    press(qtbot, tab.notes_view, Qt.Key.Key_Delete)
    assert [n.text for n in desk.relationship_notes(person)] == [RELATIONSHIP_NOTE]
    undo_by_keys(qtbot, window)
    assert len(desk.relationship_notes(person)) == 2
    assert len(tab.notes.records) == 2


def test_note_dialog_shows_errors_inline(desk, person, qtbot):
    def save(value: NoteInput) -> int:
        return desk.add_relationship_note(person, value.text, value.topic, value.on)

    dialog = NoteDialog("Ana Lima", TODAY, save)
    qtbot.addWidget(dialog)
    dialog.topic.setCurrentText("Working style")
    dialog.ok_button.click()
    assert "cannot be empty" in dialog.error.text()
    assert dialog.topic.currentText() == "Working style"
    assert dialog.result() != NoteDialog.DialogCode.Accepted


def test_start_one_on_one_goes_to_one_on_one_mode(tab, ctx, person, qtbot):
    with qtbot.waitSignal(ctx.navigate) as signal:
        qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["one_on_one", person]


def test_presenter_mode_leaves_no_private_text_anywhere(tab, ctx, person):
    before = all_texts(tab)
    assert PRIVATE_1ON1 in before and RELATIONSHIP_NOTE in before  # the walk sees them
    ctx.set_presenter(True)
    tab.show_person(person)
    tab.select(tab.meetings.records[1].id)  # the 1:1 that has private notes
    after = all_texts(tab)
    assert PRIVATE_1ON1 not in after
    assert RELATIONSHIP_NOTE not in after
    assert "Walked through the roadmap" in after  # shared notes stay
    assert tab.notes_hidden.isVisibleTo(tab)
    assert "hidden while presenting" in tab.notes_hidden.text()
    assert not tab.add_note_action.isEnabled()
    ctx.set_presenter(False)
    tab.show_person(person)
    assert RELATIONSHIP_NOTE in all_texts(tab)


def test_empty_person_says_what_to_do(ctx, desk, qtbot):
    pid = desk.add_person("New Hire")
    tab = RelationshipTab(ctx)
    qtbot.addWidget(tab)
    tab.show_person(pid)
    assert "No 1:1 with New Hire" in tab.meetings_empty.text()
    assert "Press N" in tab.notes_empty.text()
