"""1:1 mode driven through its real widgets: agenda, inline capture, notes, presenter, End."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import timedelta

import pytest
from helpers.in_window import undo_by_keys
from helpers.qt import open_main_window
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.feedback import FeedbackDirection
from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.domain.promises import PromiseDirection, PromiseState
from leaddesk.services.desk import Desk
from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.context import AppContext
from leaddesk.ui.one_on_one.one_on_one_agenda_model import TagRole
from leaddesk.ui.one_on_one.one_on_one_view import OneOnOneView

PRIVATE = "Worried about burnout ZQX-PRIVATE-91"
# The offscreen platform says these whenever a top-level widget with a layout is shown.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


@dataclass
class World:
    """One direct report with something of every kind open between us."""

    person: int
    other: int
    delegation: int
    gap_delegation: int
    checkpoint: int
    overdue_theirs: int
    later_theirs: int
    solicitation: int
    topic_done: int
    topic_left: int


@pytest.fixture
def world(desk: Desk) -> World:
    today = desk.today()
    pid = desk.add_person("Ana Lima", role="Head of Data")
    other = desk.add_person("Ben Okafor", role="Head of Sales")
    did = desk.add_delegation(
        pid, "Pricing model", EmpowermentLevel.ADVISE, on=today - timedelta(30),
        plan_checkpoint=False,
    )  # fmt: skip
    gap = desk.add_delegation(
        pid, "Hiring plan", EmpowermentLevel.AGREE, their_level=EmpowermentLevel.CONSULT,
        on=today - timedelta(30), plan_checkpoint=False,
    )  # fmt: skip
    desk.plan_checkpoint(gap, today + timedelta(days=40))
    cp = desk.plan_checkpoint(did, today + timedelta(days=2))
    later = desk.add_promise(
        pid, PromiseDirection.THEIRS, "Draft the team charter", due_on=today + timedelta(5),
        made_on=today - timedelta(2),
    )  # fmt: skip
    overdue = desk.add_promise(
        pid, PromiseDirection.THEIRS, "Send the churn analysis", due_on=today - timedelta(3),
        made_on=today - timedelta(20),
    )  # fmt: skip
    asked = desk.add_feedback(
        pid, FeedbackDirection.SOLICITED, "What should I stop doing?", on=today - timedelta(5)
    )
    t1 = desk.add_topic(pid, "Conference budget", on=today - timedelta(14))
    t2 = desk.add_topic(pid, "Team morale after the reorg", on=today - timedelta(14))
    desk.record_one_on_one(pid, held_on=today - timedelta(14))  # both topics carried once
    return World(pid, other, did, gap, cp, overdue, later, asked, t1, t2)


@pytest.fixture
def view(ctx: AppContext, world: World, qtbot) -> OneOnOneView:
    widget = OneOnOneView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitActive(widget)
    open_for(widget, qtbot, world.person)
    return widget


def open_for(view: OneOnOneView, qtbot, person_id: int) -> None:
    """Show the 1:1 with this person and wait for its agenda (read off the GUI thread)."""
    with qtbot.waitSignal(view.agenda_loaded, timeout=10_000):
        view.set_argument(person_id)


def texts(view: OneOnOneView) -> list[str]:
    return [row.text for row in view.model.rows]


def row_index(view: OneOnOneView, needle: str) -> int:
    return next(i for i, text in enumerate(texts(view)) if needle in text)


def select(view: OneOnOneView, qtbot, needle: str) -> None:
    view.agenda.setFocus()
    view.agenda.setCurrentIndex(view.model.index(row_index(view, needle)))
    qtbot.waitUntil(lambda: view.panel.row is not None and needle in view.panel.row.text)


def every_text(root: QWidget) -> list[str]:
    """Everything a widget tree shows or announces: texts, tooltips, names, model cells."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        found += [
            widget.toolTip(),
            widget.accessibleName(),
            widget.accessibleDescription(),
            widget.statusTip(),
            widget.whatsThis(),
            widget.windowTitle(),
        ]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            found.append(widget.text())
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            found.append(widget.placeholderText())
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            found.append(widget.toPlainText())
        if isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for r in range(model.rowCount(QModelIndex())):
                for c in range(1 if isinstance(model, QAbstractListModel) else model.columnCount()):
                    index = model.index(r, c, QModelIndex())
                    for role in (
                        Qt.ItemDataRole.DisplayRole,
                        Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.AccessibleTextRole,
                        TagRole,
                    ):
                        found.append(str(index.data(role) or ""))
    return found


# -- the agenda ------------------------------------------------------------------------------
def test_agenda_shows_what_is_open_overdue_first_then_carried_topics(view, world):
    shown = texts(view)
    assert any("Pricing model" in t and "due" in t for t in shown)  # the checkpoint
    assert row_index(view, "Send the churn analysis") < row_index(view, "Draft the team charter")
    assert any("What should I stop doing?" in t for t in shown)
    assert any("they think Consult" in t for t in shown)
    topic = view.model.index(row_index(view, "Team morale"))
    assert "carried 1 time" in topic.data(TagRole).lower()
    assert row_index(view, "Team morale") > row_index(view, "What should I stop doing?")
    overdue = view.model.index(row_index(view, "Send the churn analysis"))
    assert "overdue" in overdue.data(TagRole)
    assert view.header.name.text() == "1:1 with Ana Lima"
    assert "Head of Data" in view.header.meta.text() and "14 days ago" in view.header.meta.text()


def test_opens_on_demo_data_in_under_a_second(demo_ctx, qtbot):
    person = demo_ctx.desk.direct_reports()[0]
    widget = OneOnOneView(demo_ctx)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    started = time.perf_counter()
    open_for(widget, qtbot, person.id)
    assert time.perf_counter() - started < 1.0
    assert widget.model.rows
    assert widget.header.name.text() == f"1:1 with {person.name}"
    assert widget.pages.currentIndex() == 1


# -- a whole 1:1 -----------------------------------------------------------------------------
def test_a_whole_one_on_one_saves_notes_energy_outcomes_and_carries_the_rest(
    view, world, ctx, qtbot
):
    desk = ctx.desk
    went: list[tuple[str, object]] = []
    ctx.navigate.connect(lambda name, arg: went.append((name, arg)))

    select(view, qtbot, "Conference budget")
    qtbot.keyClick(view.agenda, Qt.Key.Key_Space)
    assert (
        view.model.index(row_index(view, "Conference budget")).data(Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Checked
    )

    select(view, qtbot, "Pricing model due")
    concerns = view.panel.findChild(QAbstractButton, "outcome-concerns")
    qtbot.mouseClick(concerns, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(view.panel.checkpoint.note, "Forecast error still high")
    view.panel.checkpoint.level.setCurrentIndex(int(EmpowermentLevel.INQUIRE))
    qtbot.mouseClick(view.panel.checkpoint.record, Qt.MouseButton.LeftButton)
    done = desk.delegation(world.delegation)
    completed = next(c for c in done.checkpoints if c.id == world.checkpoint)
    assert completed.outcome is CheckpointOutcome.CONCERNS
    assert completed.note == "Forecast error still high"
    assert done.their_level is EmpowermentLevel.INQUIRE
    row = view.model.index(row_index(view, "Pricing model due"))
    assert "concerns" in row.data(TagRole)  # still on the agenda, with its outcome
    assert row.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked

    qtbot.keyClicks(view.notes.shared, "Agreed to pause the reorg.")
    qtbot.keyClicks(view.notes.private, PRIVATE)
    view.energy.setFocus()
    qtbot.keyClick(view.energy, Qt.Key.Key_4)
    assert view.energy.value() == 4
    assert "1 topic will carry forward" in view.carry_label.text()

    qtbot.keyClick(view.notes.shared, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    meetings = desk.one_on_ones(world.person)
    assert len(meetings) == 2
    saved = meetings[0]
    assert saved.held_on == desk.today()
    assert "Agreed to pause the reorg." in saved.shared_notes
    assert saved.private_notes == PRIVATE
    assert saved.energy == 4
    assert saved.discussed == ("Conference budget",)
    assert went == [("person", PersonTarget(world.person))]
    assert world.person not in view.sessions  # the draft is gone once saved

    nxt = desk.agenda(world.person)
    assert [(t.id, t.carried) for t in nxt.topics] == [(world.topic_left, 2)]
    open_for(view, qtbot, world.other)
    open_for(view, qtbot, world.person)
    topic = view.model.index(row_index(view, "Team morale"))
    assert "carried 2 times" in topic.data(TagRole).lower()
    assert not any("Conference budget" in t for t in texts(view))
    assert view.notes.shared_text() == "" and view.notes.private_text() == ""


def test_promises_are_settled_inline_and_stay_visible(view, world, ctx, qtbot):
    select(view, qtbot, "Send the churn analysis")
    qtbot.mouseClick(view.panel.promise.keep_button, Qt.MouseButton.LeftButton)
    kept = ctx.desk.promise(world.overdue_theirs)
    assert kept.state is PromiseState.KEPT and kept.on_time is False
    tag = view.model.index(row_index(view, "Send the churn analysis")).data(TagRole)
    assert "kept late" in tag

    select(view, qtbot, "Draft the team charter")
    new_due = ctx.desk.today() + timedelta(days=12)
    view.panel.promise.new_due.setDate(new_due)
    qtbot.mouseClick(view.panel.promise.renegotiate_button, Qt.MouseButton.LeftButton)
    moved = ctx.desk.promise(world.later_theirs)
    assert moved.state is PromiseState.RENEGOTIATED and moved.due_on == new_due


def test_the_meetings_own_writes_update_rows_in_place_without_rereading_the_agenda(
    view, world, ctx, qtbot
):
    reads: list[int] = []
    real = ctx.desk.agenda
    ctx.desk.agenda = lambda pid: reads.append(pid) or real(pid)  # a spy: the real read runs
    select(view, qtbot, "Send the churn analysis")
    qtbot.mouseClick(view.panel.promise.keep_button, Qt.MouseButton.LeftButton)  # the panel
    qtbot.keyClicks(view.new_topic, "Hiring plan")
    qtbot.keyClick(view.new_topic, Qt.Key.Key_Return)  # the agenda's own entry
    assert any("Hiring plan" in t for t in texts(view)) and reads == []
    with qtbot.waitSignal(view.agenda_loaded):  # anyone else's write is read
        ctx.attempt(None, lambda: ctx.desk.add_topic(world.person, "From quick capture"))
    assert reads == [world.person]


def test_solicitation_answer_and_their_level_are_recorded_inline(view, world, ctx, qtbot):
    select(view, qtbot, "What should I stop doing?")
    qtbot.keyClicks(view.panel.answer.answer, "Stop rewriting my slides")
    qtbot.keyClick(view.panel.answer.answer, Qt.Key.Key_Return)
    answered = next(f for f in ctx.desk.feedback(world.person) if f.id == world.solicitation)
    assert answered.answer == "Stop rewriting my slides"

    select(view, qtbot, "they think Consult")
    view.panel.level.level.setCurrentIndex(int(EmpowermentLevel.AGREE))
    qtbot.mouseClick(view.panel.level.record, Qt.MouseButton.LeftButton)
    assert ctx.desk.delegation(world.gap_delegation).their_level is EmpowermentLevel.AGREE
    tag = view.model.index(row_index(view, "Hiring plan")).data(TagRole)
    assert "matches yours" in tag


def test_keyboard_capture_of_topics_promises_feedback_and_energy(view, world, ctx, qtbot):
    view.agenda.setFocus()
    qtbot.keyClick(view.agenda, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert view.new_topic.hasFocus()
    qtbot.keyClicks(view.new_topic, "Offsite agenda")
    qtbot.keyClick(view.new_topic, Qt.Key.Key_Return)
    assert "Offsite agenda" in [t.text for t in ctx.desk.open_topics(world.person)]
    assert view.model.index(row_index(view, "Offsite agenda")).data(TagRole) == "Added today"

    qtbot.keyClick(view.new_topic, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert view.capture.promise_text.hasFocus()
    direction = view.capture.promise_direction
    direction.setCurrentIndex(direction.findData(PromiseDirection.MINE))  # I promise them
    qtbot.keyClicks(view.capture.promise_text, "Introduce you to the CFO")
    qtbot.keyClick(view.capture.promise_text, Qt.Key.Key_Return)
    mine = [p for p in ctx.desk.promises(world.person) if p.text == "Introduce you to the CFO"]
    assert mine and mine[0].direction is PromiseDirection.MINE
    assert mine[0].due_on == ctx.desk.today() + timedelta(days=7)
    captured = view.model.index(row_index(view, "Introduce you to the CFO"))
    assert captured.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked

    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view.capture.promise_text, Qt.Key.Key_F, shift_ctrl)
    assert view.capture.feedback_text.hasFocus()
    qtbot.keyClicks(view.capture.feedback_text, "Great framing of the pricing risk")
    qtbot.keyClick(view.capture.feedback_text, Qt.Key.Key_Return)
    given = [f for f in ctx.desk.feedback(world.person) if f.text.startswith("Great framing")]
    assert given and given[0].direction is FeedbackDirection.GIVEN

    ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(view.capture.feedback_text, Qt.Key.Key_2, ctrl_alt)
    assert view.energy.value() == 2 and view.sessions[world.person].energy == 2


def test_tab_goes_agenda_then_inline_capture_then_notes_energy_end(view, world, qtbot):
    select(view, qtbot, "Pricing model due")
    seen: list[QWidget] = []
    for _ in range(40):
        seen.append(QApplication.focusWidget())
        if seen[-1] is view.end_button:
            break
        qtbot.keyClick(seen[-1], Qt.Key.Key_Tab)
    order = [view.agenda, view.panel.checkpoint.note, view.notes.shared, view.notes.private]
    order += [view.energy, view.end_button]
    positions = [seen.index(w) for w in order]
    assert positions == sorted(positions)


def test_clicking_the_tick_box_marks_a_row_discussed(view, world, qtbot):
    number = row_index(view, "Team morale")
    index = view.model.index(number)
    view.agenda.scrollTo(index)
    rect = view.agenda.visualRect(index)
    point = QPoint(rect.left() + 8 + 6, rect.center().y())  # the box: left edge, centred
    qtbot.mouseClick(view.agenda.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    point = QPoint(rect.center().x(), rect.center().y())  # the text: selects, does not untick
    qtbot.mouseClick(view.agenda.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert view.panel.row is not None and view.panel.row.text == "Team morale after the reorg"
    assert view.agenda_column.progress.text().startswith("1 of ")


def test_changes_made_elsewhere_appear_and_ticks_survive(view, world, ctx, qtbot):
    select(view, qtbot, "Conference budget")
    qtbot.keyClick(view.agenda, Qt.Key.Key_Space)
    with qtbot.waitSignal(view.agenda_loaded):
        ctx.desk.add_topic(world.person, "Raised from quick capture")  # as Ctrl+N would
    assert any("Raised from quick capture" in t for t in texts(view))
    ticked = view.model.index(row_index(view, "Conference budget"))
    assert ticked.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert view.panel.row is not None and view.panel.row.text == "Conference budget"


def test_removing_a_topic_takes_it_off_and_undo_brings_it_back(desk, world, qtbot):
    window = open_main_window(desk, qtbot)
    window.resize(1300, 850)
    window.activateWindow()
    qtbot.waitActive(window)
    view = window.view("one_on_one")
    assert isinstance(view, OneOnOneView)
    window.show_view("one_on_one")
    open_for(view, qtbot, world.person)
    ctx = window.ctx
    select(view, qtbot, "Team morale")
    with qtbot.waitSignal(view.agenda_loaded):
        qtbot.mouseClick(view.panel.topic.remove_button, Qt.MouseButton.LeftButton)
    assert not any("Team morale" in t for t in texts(view))
    assert world.topic_left not in [t.id for t in ctx.desk.open_topics(world.person)]
    with qtbot.waitSignal(view.agenda_loaded):
        undo_by_keys(qtbot, window)  # Ctrl+Z where the focus is, as in the meeting
    assert any("Team morale" in t for t in texts(view))


# -- presenter mode --------------------------------------------------------------------------
def test_presenter_mode_removes_private_notes_from_the_screen_and_brings_them_back(
    view, world, ctx, qtbot
):
    qtbot.keyClicks(view.notes.private, PRIVATE)
    assert any(PRIVATE in text for text in every_text(view))  # the walk does see it

    ctx.set_presenter(True)
    assert not any(PRIVATE in text for text in every_text(view))
    assert view.findChild(QPlainTextEdit, "privateNotes") is None
    assert view.notes.placeholder.isVisible()
    assert "hidden while presenting" in view.notes.placeholder.text()

    ctx.set_presenter(False)
    assert view.findChild(QPlainTextEdit, "privateNotes").toPlainText() == PRIVATE
    qtbot.keyClick(view.notes.private, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(view.notes.private, " and more")
    _end(view)
    assert ctx.desk.one_on_ones(world.person)[0].private_notes == PRIVATE + " and more"


def test_private_notes_typed_before_presenting_are_saved_while_presenting(view, world, ctx, qtbot):
    qtbot.keyClicks(view.notes.private, PRIVATE)
    ctx.set_presenter(True)
    _end(view)
    assert ctx.desk.one_on_ones(world.person)[0].private_notes == PRIVATE


# -- never losing notes ----------------------------------------------------------------------
def test_navigating_away_keeps_a_draft_per_person(view, world, qtbot):
    qtbot.keyClicks(view.notes.shared, "Ana's notes")
    view.energy.set_value(3)
    open_for(view, qtbot, world.other)
    assert view.notes.shared_text() == "" and view.energy.value() is None
    qtbot.keyClicks(view.notes.shared, "Ben's notes")
    open_for(view, qtbot, world.person)
    assert view.notes.shared_text() == "Ana's notes" and view.energy.value() == 3
    open_for(view, qtbot, world.other)
    assert view.notes.shared_text() == "Ben's notes"


def host_for(view: OneOnOneView, qtbot) -> QWidget:
    """Put the view in a window of its own, as the main window does."""
    window = QWidget()
    qtbot.addWidget(window)
    QVBoxLayout(window).addWidget(view)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_closing_with_unsaved_notes_asks_and_cancel_keeps_everything(view, world, ctx, qtbot):
    asked: list[str] = []
    view.guard.confirm = lambda names: asked.append(names) or QMessageBox.StandardButton.Cancel
    window = host_for(view, qtbot)
    qtbot.keyClicks(view.notes.shared, "Half-way through")
    assert window.close() is False
    assert asked == ["Ana Lima"] and window.isVisible()
    assert view.notes.shared_text() == "Half-way through"
    assert ctx.desk.one_on_ones(world.person)[0].held_on != ctx.desk.today()

    view.guard.confirm = lambda names: QMessageBox.StandardButton.Save
    assert window.close() is True
    assert ctx.desk.one_on_ones(world.person)[0].shared_notes == "Half-way through"


def test_closing_asks_with_a_real_message_box_and_discard_drops_the_draft(view, world, ctx, qtbot):
    window = host_for(view, qtbot)
    qtbot.keyClicks(view.notes.private, PRIVATE)
    qtbot.waitUntil(lambda: ctx.desk.one_on_one_draft(world.person) is not None, timeout=5_000)
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Discard).click()

    QTimer.singleShot(0, answer)
    assert window.close() is True
    assert seen and "Ana Lima" in seen[0]
    assert len(ctx.desk.one_on_ones(world.person)) == 1  # only the earlier one
    assert view.sessions == {}
    assert ctx.desk.one_on_one_draft(world.person) is None, "the saved draft goes too"


def test_closing_without_notes_does_not_ask(view, world, qtbot):
    view.guard.confirm = lambda names: pytest.fail("asked although nothing was typed")
    window = host_for(view, qtbot)
    assert window.close() is True


def test_closing_the_main_window_asks_before_losing_1on1_notes(ctx, world, qtbot):
    from leaddesk.ui.main_window import MainWindow

    window = MainWindow(ctx.desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.view("one_on_one")
    assert isinstance(view, OneOnOneView)
    with qtbot.waitSignal(view.agenda_loaded, timeout=10_000):
        window.show_view("one_on_one", world.person)
    qtbot.keyClicks(view.notes.shared, "Agreed next steps")
    window.show_view("week")  # navigating away keeps the draft
    asked: list[str] = []
    view.guard.confirm = lambda names: asked.append(names) or QMessageBox.StandardButton.Cancel
    assert window.close() is False
    assert asked == ["Ana Lima"] and window.isVisible()
    with qtbot.waitSignal(view.agenda_loaded, timeout=10_000):
        window.show_view("one_on_one", world.person)
    assert view.notes.shared_text() == "Agreed next steps"
    view.guard.confirm = lambda names: QMessageBox.StandardButton.Discard
    assert window.close() is True


def test_discard_draft_asks_then_throws_away_notes_but_keeps_recorded_outcomes(
    view, world, ctx, qtbot
):
    select(view, qtbot, "Send the churn analysis")
    qtbot.mouseClick(view.panel.promise.keep_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(view.notes.private, PRIVATE)
    assert view.header.discard_button.isEnabled()
    qtbot.waitUntil(lambda: ctx.desk.one_on_one_draft(world.person) is not None, timeout=5_000)

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Discard).click()

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(view.agenda_loaded):
        qtbot.mouseClick(view.header.discard_button, Qt.MouseButton.LeftButton)
    assert view.notes.private_text() == ""
    assert ctx.desk.one_on_one_draft(world.person) is None, "the saved draft goes too"
    assert len(ctx.desk.one_on_ones(world.person)) == 1  # nothing saved
    assert ctx.desk.promise(world.overdue_theirs).state is PromiseState.KEPT  # stays recorded
    assert not any("Send the churn analysis" in t for t in texts(view))  # a fresh agenda


# -- drafts that survive a crash -------------------------------------------------------------
def restarted(desk: Desk, qtbot, presenter: bool = False) -> tuple[OneOnOneView, list[str]]:
    """A new 1:1 view on a new context over the same store, as after a crash and a restart."""
    context = AppContext(desk)
    context.set_presenter(presenter)
    said: list[str] = []
    context.message.connect(said.append)
    widget = OneOnOneView(context)
    qtbot.addWidget(widget)
    widget.destroyed.connect(context.close)
    widget.resize(1300, 850)
    widget.show()
    qtbot.waitExposed(widget)
    return widget, said


def test_notes_energy_and_ticks_come_back_after_a_restart(view, world, ctx, qtbot):
    desk = ctx.desk
    select(view, qtbot, "Conference budget")
    qtbot.keyClick(view.agenda, Qt.Key.Key_Space)
    qtbot.keyClicks(view.notes.shared, "Agreed to pause the reorg.")
    qtbot.keyClicks(view.notes.private, PRIVATE)
    view.energy.setFocus()
    qtbot.keyClick(view.energy, Qt.Key.Key_4)
    qtbot.waitUntil(
        lambda: (draft := desk.one_on_one_draft(world.person)) is not None and draft.energy == 4,
        timeout=5_000,
    )

    again, said = restarted(desk, qtbot)
    open_for(again, qtbot, world.person)
    assert again.notes.shared_text() == "Agreed to pause the reorg."
    assert again.notes.private_text() == PRIVATE
    assert again.energy.value() == 4
    ticked = again.model.index(row_index(again, "Conference budget"))
    assert ticked.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    untouched = again.model.index(row_index(again, "Team morale"))
    assert untouched.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert "Restored your unsaved 1:1 notes from 25 Nov." in said
    assert again.header.discard_button.isEnabled()

    _end(again)
    saved = desk.one_on_ones(world.person)[0]
    assert saved.held_on == desk.today() and saved.energy == 4
    assert saved.private_notes == PRIVATE and saved.discussed == ("Conference budget",)
    assert desk.one_on_one_draft(world.person) is None, "ending the 1:1 removes its draft"


def test_leaving_the_view_saves_the_draft_at_once(view, world, ctx, qtbot):
    qtbot.keyClicks(view.notes.shared, "Half-way through")
    view.hide()
    draft = ctx.desk.one_on_one_draft(world.person)
    assert draft is not None and draft.shared_notes == "Half-way through"
    assert not view.drafts.timer.isActive()


def test_a_restored_draft_keeps_private_notes_off_the_screen_while_presenting(
    view, world, ctx, qtbot
):
    qtbot.keyClicks(view.notes.private, PRIVATE)
    view.hide()  # saved at once

    again, _said = restarted(ctx.desk, qtbot, presenter=True)
    open_for(again, qtbot, world.person)
    assert not any(PRIVATE in text for text in every_text(again))
    assert again.findChild(QPlainTextEdit, "privateNotes") is None
    assert again.notes.private_text() == PRIVATE  # in memory, to be saved with the 1:1

    again.ctx.set_presenter(False)
    assert again.findChild(QPlainTextEdit, "privateNotes").toPlainText() == PRIVATE


def test_an_empty_meeting_leaves_no_draft_behind(view, world, ctx, qtbot):
    qtbot.keyClicks(view.notes.shared, "x")
    qtbot.waitUntil(lambda: ctx.desk.one_on_one_draft(world.person) is not None, timeout=5_000)
    qtbot.keyClick(view.notes.shared, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: ctx.desk.one_on_one_draft(world.person) is None, timeout=5_000)


def _end(view) -> None:
    """End 1:1 as the user does: its action (Ctrl+Enter, the End 1:1 button)."""
    [end] = [a for a in view.actions() if a.text() == "End 1:1"]
    end.trigger()
