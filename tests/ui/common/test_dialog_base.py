"""The one dialog base (FormDialog), driven through real dialogs as a user does.

Enter in a one-line field saves, Enter in a text box types a new line and Ctrl+Enter saves, Esc
cancels and writes nothing; a refused field or a service's UserError keeps the dialog open with
the message shown and everything typed kept.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from leaddesk.domain.feedback import FeedbackDirection, FeedbackKind
from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.services.desk import Desk
from leaddesk.ui.common.form_dialog import FormDialog
from leaddesk.ui.common.level_reason_dialog import LevelReasonDialog
from leaddesk.ui.common.passphrase_dialog import PassphraseDialog
from leaddesk.ui.common.person_dialog import PersonDialog
from leaddesk.ui.context import AppContext
from leaddesk.ui.person.dialogs.delegation_dialog import DelegationDialog
from leaddesk.ui.person.dialogs.feedback_dialog import FeedbackDialog, FeedbackInput
from leaddesk.ui.person.dialogs.term_dialog import TermDialog
from leaddesk.ui.settings.unlock_pin_dialog import UnlockPinDialog

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
TODAY = date(2026, 11, 25)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def messages(ctx: AppContext) -> list[str]:
    """What the status bar would show."""
    shown: list[str] = []
    ctx.message.connect(shown.append)
    return shown


@pytest.fixture
def person(desk: Desk) -> int:
    return desk.add_person("Ana Lima", role="Head of Data")


def open_dialog(qtbot, dialog: FormDialog) -> FormDialog:  # type: ignore[no-untyped-def]
    """Show the dialog as `exec()` would and wait until it has the keyboard."""
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_enter_in_a_one_line_field_saves_and_the_status_bar_says_so(
    ctx: AppContext, desk: Desk, messages: list[str], qtbot
) -> None:
    dialog = open_dialog(qtbot, PersonDialog(ctx))
    qtbot.keyClicks(dialog.name, "Ben Okafor")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    assert not dialog.isVisible()
    assert dialog.result() == FormDialog.DialogCode.Accepted
    assert [p.name for p in desk.people()] == ["Ben Okafor"]
    assert messages == ["Added Ben Okafor."]


def test_enter_in_a_text_box_types_a_new_line_and_ctrl_enter_saves(
    ctx: AppContext, desk: Desk, person: int, qtbot
) -> None:
    dialog = open_dialog(qtbot, TermDialog(ctx, person))
    qtbot.keyClicks(dialog.term, "launched")
    dialog.meaning.setFocus()
    qtbot.keyClicks(dialog.meaning, "available to all")
    qtbot.keyClick(dialog.meaning, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter in a text box never saves half a sentence
    qtbot.keyClicks(dialog.meaning, "paying customers")
    qtbot.keyClick(dialog.meaning, Qt.Key.Key_Return, CTRL)

    assert not dialog.isVisible()
    [term] = desk.terms(person)
    assert (term.term, term.meaning) == ("launched", "available to all\npaying customers")


def test_escape_cancels_and_writes_nothing(
    ctx: AppContext, desk: Desk, messages: list[str], qtbot
) -> None:
    dialog = open_dialog(qtbot, PersonDialog(ctx))
    qtbot.keyClicks(dialog.name, "Ben Okafor")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)

    assert not dialog.isVisible()
    assert dialog.result() == FormDialog.DialogCode.Rejected
    assert desk.people() == [] and messages == []


def test_cancel_button_closes_without_saving(ctx: AppContext, desk: Desk, qtbot) -> None:
    dialog = open_dialog(qtbot, PersonDialog(ctx))
    qtbot.keyClicks(dialog.name, "Ben Okafor")
    assert "Esc" in dialog.cancel_button.toolTip()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    assert desk.people() == []


def test_ok_on_a_refused_field_shows_why_and_puts_the_cursor_back_in_it(desk: Desk, qtbot) -> None:
    dialog = open_dialog(qtbot, UnlockPinDialog(desk))
    qtbot.keyClicks(dialog.new, "4711-blue")
    dialog.repeat.setFocus()
    qtbot.keyClicks(dialog.repeat, "4711-blau")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert dialog.error.isVisible() and "differ" in dialog.error.text()
    assert dialog.new.text() == "4711-blue"  # nothing typed is lost
    assert QApplication.focusWidget() is dialog.repeat  # not left on the OK button
    assert dialog.repeat.selectedText() == "4711-blau"  # typing replaces what was refused
    assert not desk.has_unlock_pin()

    qtbot.keyClicks(dialog.repeat, "4711-blue")
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert desk.check_unlock_pin("4711-blue")


def test_a_service_user_error_is_shown_inline_and_nothing_typed_is_lost(
    ctx: AppContext, desk: Desk, person: int, messages: list[str], qtbot
) -> None:
    dialog = open_dialog(qtbot, DelegationDialog(ctx, person_id=person))
    dialog.done_means.setFocus()
    qtbot.keyClicks(dialog.done_means, "Two senior engineers signed by March")
    dialog.involve_me_when.setFocus()
    qtbot.keyClicks(dialog.involve_me_when, "spend over 50k")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no title: the service refuses

    assert dialog.isVisible()
    assert dialog.error.isVisible() and "Title cannot be empty" in dialog.error.text()
    assert dialog.done_means.toPlainText() == "Two senior engineers signed by March"
    assert dialog.involve_me_when.toPlainText() == "spend over 50k"
    assert desk.delegations(person) == [] and messages == []  # no success said, nothing written

    dialog.title.setFocus()
    qtbot.keyClicks(dialog.title, "Hiring for the data team")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    [delegation] = desk.delegations(person)
    assert delegation.done_means == "Two senior engineers signed by March"
    assert messages and messages[0].startswith("Delegated “Hiring for the data team”")


def test_what_save_returns_is_kept_for_the_caller(desk: Desk, person: int, qtbot) -> None:
    def save(value: FeedbackInput) -> int:
        return desk.add_feedback(person, value.direction, value.text, value.kind, value.on)

    dialog = open_dialog(qtbot, FeedbackDialog(FeedbackDirection.GIVEN, "Ana", TODAY, save))
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, CTRL)  # empty: refused by the service
    assert dialog.isVisible() and "cannot be empty" in dialog.error.text()
    assert dialog.saved is None

    qtbot.keyClicks(dialog.text, "The board summary was crisp")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, CTRL)
    assert not dialog.isVisible()
    [feedback] = desk.feedback(person)
    assert dialog.saved == feedback.id
    assert (feedback.kind, feedback.text) == (FeedbackKind.APPRECIATION, dialog.value().text)


def test_the_level_reason_is_required_and_ctrl_enter_records_it(qtbot) -> None:
    consult, advise = EmpowermentLevel.CONSULT, EmpowermentLevel.ADVISE
    dialog = open_dialog(qtbot, LevelReasonDialog("Pricing", consult, advise))
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible() and "Say why" in dialog.error.text()
    assert QApplication.focusWidget() is dialog.reason

    qtbot.keyClicks(dialog.reason, "Three on-track checkpoints ")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, CTRL)
    assert not dialog.isVisible()
    assert dialog.saved == "Three on-track checkpoints"


def test_an_optional_level_reason_may_stay_empty(qtbot) -> None:
    dialog = open_dialog(qtbot, LevelReasonDialog("Pricing", None, None, required=False))
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, CTRL)
    assert not dialog.isVisible() and dialog.result() == FormDialog.DialogCode.Accepted
    assert dialog.saved == ""


def test_a_new_passphrase_too_short_is_refused_and_selected_for_retyping(qtbot) -> None:
    dialog = open_dialog(qtbot, PassphraseDialog(True, "/tmp/new.db"))
    qtbot.keyClicks(dialog.passphrase, "short")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.isVisible() and "at least" in dialog.error.text()
    assert QApplication.focusWidget() is dialog.passphrase
    assert dialog.passphrase.selectedText() == "short"

    qtbot.keyClicks(dialog.passphrase, "a long enough passphrase")
    dialog.repeat.setFocus()
    qtbot.keyClicks(dialog.repeat, "a long enough passphrase")
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert dialog.saved == dialog.value() == "a long enough passphrase"
