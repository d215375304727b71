"""Quick capture (Ctrl+N), driven key by key as a user would: who, kind, text, Ctrl+Enter.

Keys go to whatever has the focus (or the completion popup when it is open), so the tests also
prove the focus moves where the next keystroke expects it.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.errors import ValidationError
from leaddesk.domain.feedback import FeedbackDirection, FeedbackKind
from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk
from leaddesk.ui.capture.due_date_field import parse_due
from leaddesk.ui.capture.quick_capture_dialog import QuickCaptureDialog
from leaddesk.ui.context import AppContext

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing",
)
TODAY = date(2026, 11, 25)  # a Wednesday
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def people(desk: Desk) -> dict[str, int]:
    """Two people whose names share a prefix, and one with a distinct role."""
    return {
        "ada": desk.add_person("Ada Lovelace", role="CTO"),
        "adam": desk.add_person("Adam Smith", role="Head of Finance"),
        "grace": desk.add_person("Grace Hopper", role="VP Engineering"),
    }


@pytest.fixture
def messages(ctx: AppContext) -> list[str]:
    """What the status bar would show."""
    shown: list[str] = []
    ctx.message.connect(shown.append)
    return shown


def open_capture(qtbot, ctx: AppContext, person_id: int | None = None) -> QuickCaptureDialog:
    dialog = QuickCaptureDialog(ctx, None, person_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    return dialog


def focused() -> QWidget:
    return QApplication.activePopupWidget() or QApplication.focusWidget()


def press(
    qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key press where the user's keyboard goes: the popup if one is open, else the focus."""
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot, text: str) -> None:
    for char in text:
        qtbot.keyClicks(focused(), char)


def alt(qtbot, key: Qt.Key, done) -> None:
    """Alt+key (a mnemonic), then wait: Qt animates the click for a moment before it happens."""
    press(qtbot, key, ALT)
    qtbot.waitUntil(done)


def type_person(qtbot, dialog: QuickCaptureDialog, text: str) -> None:
    """Type into the person field (the completion popup comes and goes as the text changes).

    The offscreen test platform activates a popup's window late, even after it has closed; a
    real desktop gives the activation back to the dialog, so the test does the same.
    """
    type_text(qtbot, text)
    QApplication.processEvents()
    if QApplication.activePopupWidget() is None and not dialog.isActiveWindow():
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)


def save(qtbot) -> None:
    press(qtbot, Qt.Key.Key_Return, CTRL)


def test_promise_by_keys_alone(
    qtbot, ctx: AppContext, desk: Desk, people: dict[str, int], messages: list[str]
) -> None:
    dialog = open_capture(qtbot, ctx)
    assert focused() is dialog.person.edit
    type_person(qtbot, dialog, "grac")
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.person.edit.text() == "Grace Hopper"  # the only match was completed
    press(qtbot, Qt.Key.Key_P)
    assert focused() is dialog.text
    type_text(qtbot, "Send the hiring plan")
    alt(qtbot, Qt.Key.Key_K, lambda: dialog.due.edit.text() == "+1w")
    save(qtbot)

    assert not dialog.isVisible()
    [promise] = desk.promises(people["grace"])
    assert promise.direction is PromiseDirection.MINE
    assert promise.text == "Send the hiring plan"
    assert promise.due_on == TODAY + timedelta(days=7)
    assert messages[-1] == "Added my promise to Grace Hopper, due 2 Dec"


def test_their_promise_with_a_typed_due_date(
    qtbot, ctx: AppContext, desk: Desk, people: dict[str, int], messages: list[str]
) -> None:
    dialog = open_capture(qtbot, ctx)
    type_person(qtbot, dialog, "cto")  # matches Ada by her role
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.person.edit.text() == "Ada Lovelace"
    assert focused() is dialog.kind_buttons["promise"]
    press(qtbot, Qt.Key.Key_P)
    type_text(qtbot, "Share the roadmap")
    alt(qtbot, Qt.Key.Key_T, lambda: dialog.direction.buttons()[1].isChecked())
    press(qtbot, Qt.Key.Key_D, ALT)  # a label's mnemonic: straight to the due field
    assert focused() is dialog.due.edit
    type_text(qtbot, "tomorrow")
    assert dialog.due.preview.text() == "Thu 26 Nov"
    save(qtbot)

    [promise] = desk.promises(people["ada"])
    assert (promise.direction, promise.due_on) == (PromiseDirection.THEIRS, TODAY + timedelta(1))
    assert messages[-1] == "Added Ada Lovelace's promise to me, due 26 Nov"


def test_feedback_received_with_its_kind(
    qtbot, ctx: AppContext, desk: Desk, people: dict[str, int], messages: list[str]
) -> None:
    dialog = open_capture(qtbot, ctx)
    type_person(qtbot, dialog, "Adam")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_F)
    assert dialog.kind == "feedback"
    type_text(qtbot, "I interrupt in staff meetings")
    alt(qtbot, Qt.Key.Key_R, lambda: dialog.feedback_direction.buttons()[1].isChecked())
    alt(qtbot, Qt.Key.Key_H, lambda: dialog.feedback_kind.buttons()[1].isChecked())
    save(qtbot)

    [feedback] = desk.feedback(people["adam"])
    assert feedback.direction is FeedbackDirection.RECEIVED
    assert feedback.kind is FeedbackKind.COACHING
    assert feedback.text == "I interrupt in staff meetings"
    assert messages[-1] == "Added feedback received from Adam Smith (coaching)"


def test_solicited_feedback_has_no_kind_and_stays_open(
    qtbot, ctx: AppContext, desk: Desk, people: dict[str, int]
) -> None:
    dialog = open_capture(qtbot, ctx)
    type_person(qtbot, dialog, "Grace")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_F)
    alt(qtbot, Qt.Key.Key_S, lambda: not dialog.feedback_kind.buttons()[0].isVisible())
    dialog.text.setFocus()
    type_text(qtbot, "How could our 1:1s be more useful?")
    save(qtbot)
    assert not dialog.isVisible(), dialog.error.text()

    [feedback] = desk.feedback(people["grace"], open_only=True)
    assert feedback.direction is FeedbackDirection.SOLICITED
    assert feedback.kind is None


def test_relationship_note(
    qtbot, ctx: AppContext, desk: Desk, people: dict[str, int], messages: list[str]
) -> None:
    dialog = open_capture(qtbot, ctx)
    type_person(qtbot, dialog, "lovelace")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_N)
    type_text(qtbot, "Wants to lead a larger team")
    press(qtbot, Qt.Key.Key_A, ALT)
    assert focused() is dialog.topic or focused() is dialog.topic.lineEdit()
    type_text(qtbot, "Career aspirations")
    save(qtbot)

    [note] = desk.relationship_notes(people["ada"])
    assert (note.topic, note.text) == ("Career aspirations", "Wants to lead a larger team")
    assert messages[-1] == "Added a relationship note about Ada Lovelace"


def test_checkpoint_result_completes_the_next_open_checkpoint(
    qtbot, ctx: AppContext, desk: Desk, people: dict[str, int], messages: list[str]
) -> None:
    delegation = desk.add_delegation(people["grace"], "Hiring plan", 5)
    planned = desk.delegation(delegation).next_checkpoint
    assert planned is not None
    dialog = open_capture(qtbot, ctx)
    type_person(qtbot, dialog, "Grace")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_C)
    assert dialog.delegation.currentText().startswith("Hiring plan")
    type_text(qtbot, "Two offers out, one late")
    alt(qtbot, Qt.Key.Key_E, lambda: dialog.outcome.buttons()[1].isChecked())
    save(qtbot)

    assert not dialog.isVisible()
    after = desk.delegation(delegation)
    done = next(c for c in after.checkpoints if c.id == planned.id)
    assert (done.outcome, done.note, done.completed_on) == (
        CheckpointOutcome.CONCERNS,
        "Two offers out, one late",
        TODAY,
    )
    assert after.next_checkpoint is not None and after.next_checkpoint.id != planned.id
    nxt = after.next_checkpoint.due_on
    assert messages[-1] == (
        f"Checkpoint on “Hiring plan” for Grace Hopper: concerns; next one {nxt.day} {nxt:%b}"
    )


def test_checkpoint_result_without_a_planned_checkpoint_records_one_today(
    qtbot, ctx: AppContext, desk: Desk, people
) -> None:
    delegation = desk.add_delegation(people["ada"], "Vendor choice", 3, plan_checkpoint=False)
    dialog = open_capture(qtbot, ctx, people["ada"])
    assert dialog.person.edit.text() == "Ada Lovelace"  # prefilled: one key chooses the kind
    press(qtbot, Qt.Key.Key_C)
    alt(qtbot, Qt.Key.Key_T, lambda: dialog.outcome.buttons()[0].isChecked())
    save(qtbot)

    [done] = [c for c in desk.delegation(delegation).checkpoints if c.outcome is not None]
    assert (done.outcome, done.due_on, done.completed_on) == (
        CheckpointOutcome.ON_TRACK,
        TODAY,
        TODAY,
    )


def test_checkpoint_needs_an_outcome(
    qtbot, ctx: AppContext, desk: Desk, people: dict[str, int]
) -> None:
    delegation = desk.add_delegation(people["ada"], "Vendor choice", 3)
    dialog = open_capture(qtbot, ctx, people["ada"])
    press(qtbot, Qt.Key.Key_C)
    type_text(qtbot, "Looked fine")
    save(qtbot)

    assert dialog.isVisible()
    assert "Choose the outcome" in dialog.error.text()
    assert all(c.outcome is None for c in desk.delegation(delegation).checkpoints)
    assert dialog.text.toPlainText() == "Looked fine"


def test_unknown_person_is_an_inline_error_and_nothing_is_written(
    qtbot, ctx: AppContext, desk: Desk, people: dict[str, int]
) -> None:
    dialog = open_capture(qtbot, ctx)
    type_person(qtbot, dialog, "Zed")
    assert dialog.person.hint.text() == "No one matches"
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_P)
    type_text(qtbot, "Book the offsite")
    save(qtbot)

    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert "No one called “Zed”" in dialog.error.text()
    assert focused() is dialog.person.edit  # straight back to what needs fixing
    assert dialog.text.toPlainText() == "Book the offsite"  # what was typed is kept
    assert desk.promises() == []


def test_ambiguous_person_lists_the_candidates_and_then_saves(
    qtbot, ctx: AppContext, desk: Desk, people: dict[str, int]
) -> None:
    dialog = open_capture(qtbot, ctx)
    type_person(qtbot, dialog, "ad")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_N)
    type_text(qtbot, "Runs marathons")
    save(qtbot)
    assert "Ada Lovelace, Adam Smith" in dialog.error.text()
    assert desk.relationship_notes(people["ada"]) == []

    type_text(qtbot, "am")  # focus went back to the person field: "adam"
    save(qtbot)
    assert not dialog.isVisible()
    assert [n.text for n in desk.relationship_notes(people["adam"])] == ["Runs marathons"]


def test_a_date_that_is_not_a_date_keeps_the_dialog(
    qtbot, ctx: AppContext, desk: Desk, people: dict[str, int]
) -> None:
    dialog = open_capture(qtbot, ctx, people["grace"])
    press(qtbot, Qt.Key.Key_P)
    type_text(qtbot, "Call the vendor")
    press(qtbot, Qt.Key.Key_D, ALT)
    type_text(qtbot, "someday")
    assert dialog.due.preview.text() == "not a date yet"
    save(qtbot)

    assert dialog.isVisible()
    assert "is not a date" in dialog.error.text()
    assert focused() is dialog.due.edit
    assert desk.promises() == []
    assert dialog.text.toPlainText() == "Call the vendor"


def test_arrow_keys_switch_the_kind_and_escape_closes_without_writing(
    qtbot, ctx: AppContext, desk: Desk, people
) -> None:
    dialog = open_capture(qtbot, ctx, people["grace"])
    press(qtbot, Qt.Key.Key_Right)
    assert dialog.kind == "feedback" and focused() is dialog.kind_buttons["feedback"]
    press(qtbot, Qt.Key.Key_Left)
    press(qtbot, Qt.Key.Key_Left)
    assert dialog.kind == "checkpoint"
    press(qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert desk.timeline(people["grace"]) == []


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", None),
        ("today", TODAY),
        ("tom", TODAY + timedelta(days=1)),
        ("+1w", TODAY + timedelta(days=7)),
        ("3d", TODAY + timedelta(days=3)),
        ("fri", date(2026, 11, 27)),
        ("Wednesday", date(2026, 12, 2)),  # today is a Wednesday: the next one
        ("2 Dec", date(2026, 12, 2)),
        ("jan 5", date(2027, 1, 5)),  # already past this year: next year's
        ("2026-12-24", date(2026, 12, 24)),
    ],
)
def test_due_dates_typed_the_quick_way(typed: str, expected: date | None) -> None:
    assert parse_due(typed, TODAY) == expected


@pytest.mark.parametrize("typed", ["someday", "31 feb", "2026-13-01"])
def test_due_dates_that_are_not_dates(typed: str) -> None:
    with pytest.raises(ValidationError):
        parse_due(typed, TODAY)


def test_presenter_mode_warns_before_a_private_note_is_typed(
    qtbot, ctx: AppContext, desk: Desk, people: dict[str, int]
) -> None:
    ctx.set_presenter(True)
    dialog = open_capture(qtbot, ctx, people["ada"])
    assert not dialog.presenter_warning.isVisible()  # a promise is not private
    press(qtbot, Qt.Key.Key_N)
    assert dialog.presenter_warning.isVisible()
    assert "shared screen" in dialog.presenter_warning.text()


def test_a_capture_that_writes_twice_is_one_user_action(
    qtbot, ctx: AppContext, desk: Desk, people
) -> None:
    """Planning and completing a checkpoint are two writes: views re-read once, at the end."""
    desk.add_delegation(people["ada"], "Vendor choice", 3, plan_checkpoint=False)
    dialog = open_capture(qtbot, ctx, people["ada"])
    changes, settled = [], []
    ctx.changed.connect(changes.append)
    ctx.settled.connect(lambda: settled.append(len(changes)))
    press(qtbot, Qt.Key.Key_C)
    alt(qtbot, Qt.Key.Key_T, lambda: dialog.outcome.buttons()[0].isChecked())
    save(qtbot)
    assert len(changes) >= 2 and all(c.initiator is dialog for c in changes)
    assert settled == [len(changes)]  # one action, settled once after its last write
