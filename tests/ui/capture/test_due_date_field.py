"""The quick capture due field, typed into key by key: it reads dates as `--due` does."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from leaddesk.services.desk import Desk
from leaddesk.ui.capture.quick_capture_dialog import QuickCaptureDialog
from leaddesk.ui.context import AppContext

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing",
)
ALT = Qt.KeyboardModifier.AltModifier

# Today is Wednesday 25 Nov 2026 (tests/conftest.py). tests/cli/test_add_and_dates.py types the
# same words into `leaddesk add promise --due` and expects the same days.
TYPED = [
    ("fri", date(2026, 11, 27), "Fri 27 Nov"),
    ("Wednesday", date(2026, 12, 2), "Wed 2 Dec"),
    ("2 Dec", date(2026, 12, 2), "Wed 2 Dec"),
    ("Dec 2", date(2026, 12, 2), "Wed 2 Dec"),
    ("+1m", date(2026, 12, 25), "Fri 25 Dec"),
    ("+2w", date(2026, 12, 9), "Wed 9 Dec"),
    ("2 Dec 2027", date(2027, 12, 2), "Thu 2 Dec 2027"),
]


def focused() -> QWidget:
    return QApplication.activePopupWidget() or QApplication.focusWidget()


def capture_a_promise(qtbot, ctx: AppContext, person: int) -> QuickCaptureDialog:
    """Quick capture on a person, a promise chosen and its words typed, the due field next."""
    dialog = QuickCaptureDialog(ctx, None, person)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClick(focused(), Qt.Key.Key_P)
    qtbot.keyClicks(focused(), "Send the plan")
    qtbot.keyClick(focused(), Qt.Key.Key_D, ALT)  # the label's mnemonic: the due field
    assert focused() is dialog.due.edit
    return dialog


@pytest.mark.parametrize(("typed", "due", "preview"), TYPED)
def test_a_due_date_typed_as_on_the_terminal_is_saved_with_the_promise(
    qtbot, ctx: AppContext, desk: Desk, typed: str, due: date, preview: str
) -> None:
    ada = desk.add_person("Ada Lovelace")
    dialog = capture_a_promise(qtbot, ctx, ada)
    for char in typed:
        qtbot.keyClicks(focused(), char)
    assert dialog.due.preview.text() == preview
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: not dialog.isVisible())
    [promise] = desk.promises(ada)
    assert promise.due_on == due


def test_the_preview_follows_each_keystroke_and_says_when_it_is_not_a_date_yet(
    qtbot, ctx: AppContext, desk: Desk
) -> None:
    dialog = capture_a_promise(qtbot, ctx, desk.add_person("Ada Lovelace"))
    shown = []
    for char in "+1m":
        qtbot.keyClicks(focused(), char)
        shown.append(dialog.due.preview.text())
    assert shown == ["not a date yet", "not a date yet", "Fri 25 Dec"]


def test_a_day_no_calendar_has_keeps_the_dialog_and_says_so(
    qtbot, ctx: AppContext, desk: Desk
) -> None:
    ada = desk.add_person("Ada Lovelace")
    dialog = capture_a_promise(qtbot, ctx, ada)
    qtbot.keyClicks(focused(), "31 Apr")
    assert dialog.due.preview.text() == "not a date yet"
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert dialog.isVisible()
    assert dialog.error.text() == "Due date '31 Apr' is not a day of the calendar."
    assert desk.promises(ada) == []
