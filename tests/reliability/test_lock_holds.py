"""Locked means locked: no action, key, menu or dialog reaches private data; only the user's
secret unlocks; the lock screen says why it locked. Everything is reached as a user would:
the actions triggered, the keys pressed on the window, the fields typed into."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.qt import on_modal, open_main_window
from helpers.visible_text import screen_text, visible_texts
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget

from leaddesk.services.desk import Desk
from leaddesk.services.errors import StoreLockedError
from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.main_window import MainWindow

PRIVATE_NOTE = "Worried about her father's surgery"
PRIVATE_MEETING = "Seemed exhausted; ask about workload"
REFLECTION = "I micromanaged the hiring plan again"
PEOPLE = ("Ada Lovelace", "Grace Hopper")
SECRETS = (PRIVATE_NOTE, PRIVATE_MEETING, REFLECTION, *PEOPLE)


def fill(desk: Desk) -> int:
    ada = desk.add_person(PEOPLE[0], role="Head of Data")
    desk.add_person(PEOPLE[1], role="Head of Platform")
    desk.add_relationship_note(ada, PRIVATE_NOTE, topic="context")
    desk.record_one_on_one(ada, shared_notes="Roadmap", private_notes=PRIVATE_MEETING, energy=2)
    desk.save_reflection(REFLECTION)
    return ada


@pytest.fixture
def ada(desk: Desk) -> int:
    return fill(desk)


@pytest.fixture
def window(desk: Desk, ada: int, qtbot) -> MainWindow:
    return open_main_window(desk, qtbot)


def overlay(window: MainWindow) -> QWidget:
    return window.lock_overlay


def unlock_by_typing(window: MainWindow, qtbot, secret: str) -> None:
    field = window.lock_overlay.findChild(QLineEdit, "unlockSecret")
    assert field is not None and field.isVisible()
    qtbot.keyClicks(field, secret)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_private_text_is_on_screen_before_the_lock(window: MainWindow, ada: int, qtbot) -> None:
    """The positive control: the walker does find the private strings when unlocked."""
    window.show_view("person", PersonTarget(ada))
    window.view("person").tabs.setCurrentIndex(3)  # 1:1s & relationship
    qtbot.waitUntil(lambda: PRIVATE_NOTE in screen_text())
    window.show_view("week")
    qtbot.waitUntil(lambda: REFLECTION in screen_text())


def test_locked_every_action_of_the_window_is_inert(
    window: MainWindow, ada: int, desk: Desk, qtbot
) -> None:
    window.show_view("person", PersonTarget(ada))
    window.lock_action.trigger()
    assert desk.locked and window.lock_overlay.isVisible()
    top_before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    actions = window.findChildren(QAction)
    assert len(actions) > 40  # the window's, the menus' and every view's actions
    for action in actions:
        action.trigger()
        assert QApplication.activeModalWidget() is None, action.text()
        assert {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()} == top_before
    assert not window.ctx.presenter
    assert window.stack.currentWidget() is window.view("person")
    text = screen_text()
    for secret in SECRETS:
        assert secret not in text
    assert "LeadDesk is locked" in text


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier),  # export one-pager
        (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier),  # quick capture
        (Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier),  # start 1:1
        (Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier),  # find person
        (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),  # undo
        (
            Qt.Key.Key_P,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        ),  # presenter
        *[(getattr(Qt.Key, f"Key_{n}"), Qt.KeyboardModifier.AltModifier) for n in range(1, 6)],
    ],
)
def test_locked_shortcuts_open_nothing(
    window: MainWindow, desk: Desk, qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier
) -> None:
    window.show_view("board")
    window.lock_action.trigger()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for target in (window, QApplication.focusWidget() or window):
        qtbot.keyClick(target, key, modifiers)
        assert QApplication.activeModalWidget() is None
    assert window.stack.currentWidget() is window.view("board")
    assert desk.locked and not window.ctx.presenter
    assert window.lock_overlay.isVisible()


def test_locked_services_are_closed_and_unlock_reopens_them(
    window: MainWindow, desk: Desk, qtbot
) -> None:
    window.lock_action.trigger()
    with pytest.raises(StoreLockedError):
        desk.people()
    qtbot.mouseClick(
        window.lock_overlay.findChild(QPushButton, "unlockButton"), Qt.MouseButton.LeftButton
    )
    assert not desk.locked and not window.lock_overlay.isVisible()
    assert [p.name for p in desk.people()] == sorted(PEOPLE)
    assert window.undo_action.isEnabled() is False  # nothing to undo: state restored as it was
    assert window.capture_action.isEnabled() and window.menuBar().isEnabled()


def test_the_lock_screen_says_why(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.lock_action.trigger()
    reason = window.lock_overlay.findChild(QLabel, "lockReason")
    assert reason.text().startswith("Locked by you at ")
    qtbot.mouseClick(
        window.lock_overlay.findChild(QPushButton, "unlockButton"), Qt.MouseButton.LeftButton
    )
    now = [1000.0]
    monkeypatch.setattr(window.idle, "_clock", lambda: now[0])
    window.idle.minutes = 10
    window.idle.touch()
    now[0] += 9 * 60
    window.idle_watcher.check()
    assert not window.lock_overlay.isVisible()
    now[0] += 61
    window.idle_watcher.check()
    assert window.lock_overlay.isVisible()
    assert reason.text().startswith("Locked after 10 minutes without activity")


def test_keychain_store_without_pin_says_anyone_can_unlock(window: MainWindow) -> None:
    window.lock_action.trigger()
    hint = window.lock_overlay.findChild(QLabel, "unlockHint").text()
    assert "Anyone at this computer can unlock LeadDesk" in hint
    assert "Settings" in hint
    assert not window.lock_overlay.findChild(QLineEdit, "unlockSecret").isVisible()


def test_pin_set_in_settings_is_asked_by_the_lock_screen(
    window: MainWindow, desk: Desk, qtbot
) -> None:
    window.view_actions[4].trigger()  # Settings (Alt+5)
    settings = window.view("settings")
    state = settings.findChild(QLabel, "unlockState")
    assert "Anyone at this computer can unlock" in state.text()

    def type_pin(dialog: QWidget) -> None:
        dialog.findChild(QLineEdit, "newPin").setText("2718")
        dialog.findChild(QLineEdit, "repeatPin").setText("2718")
        dialog.findChild(QPushButton, "formOk").click()

    on_modal(type_pin)
    qtbot.mouseClick(settings.findChild(QPushButton, "setUnlockPin"), Qt.MouseButton.LeftButton)
    assert desk.has_unlock_pin()
    assert state.text() == "Unlocking asks for your unlock PIN."

    window.lock_action.trigger()
    hint = window.lock_overlay.findChild(QLabel, "unlockHint")
    assert hint.text() == "Type your unlock PIN to unlock."
    unlock_by_typing(window, qtbot, "1111")
    error = window.lock_overlay.findChild(QLabel, "unlockError")
    assert error.isVisible() and "not your unlock PIN" in error.text()
    assert desk.locked and window.lock_overlay.isVisible()
    qtbot.mouseClick(
        window.lock_overlay.findChild(QPushButton, "unlockButton"), Qt.MouseButton.LeftButton
    )
    assert desk.locked  # an empty PIN does not unlock either
    unlock_by_typing(window, qtbot, "2718")
    assert not desk.locked and not window.lock_overlay.isVisible()


def test_passphrase_store_unlocks_only_with_its_passphrase(
    tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    monkeypatch.setenv("LEADDESK_PASSPHRASE", "the right passphrase")
    desk = Desk.open(tmp_path / "p.db")
    monkeypatch.delenv("LEADDESK_PASSPHRASE", raising=False)
    fill(desk)
    window = open_main_window(desk, qtbot)
    try:
        window.lock_action.trigger()
        assert "passphrase" in window.lock_overlay.findChild(QLabel, "unlockHint").text()
        unlock_by_typing(window, qtbot, "a wrong passphrase")
        assert desk.locked
        assert (
            "does not open this store"
            in window.lock_overlay.findChild(QLabel, "unlockError").text()
        )
        unlock_by_typing(window, qtbot, "the right passphrase")
        assert not desk.locked
        window.show_view("week")
        qtbot.waitUntil(lambda: REFLECTION in screen_text())
    finally:
        window.close()
        desk.close()


def test_a_reflection_typed_just_before_the_lock_is_saved(
    window: MainWindow, desk: Desk, qtbot
) -> None:
    window.show_view("week")
    box = window.view("week").reflection
    qtbot.waitUntil(lambda: box.toPlainText() == REFLECTION)
    box.setFocus()
    box.moveCursor(box.textCursor().MoveOperation.End)
    qtbot.keyClicks(box, " -- and said so")
    window.lock_action.trigger()  # at once: before the autosave delay is over
    qtbot.mouseClick(
        window.lock_overlay.findChild(QPushButton, "unlockButton"), Qt.MouseButton.LeftButton
    )
    assert desk.reflections()[0].text.endswith("-- and said so")


def test_a_dialog_open_at_the_lock_is_covered_and_its_keys_are_dead(
    window: MainWindow, desk: Desk, qtbot
) -> None:
    from leaddesk.ui.capture.quick_capture_dialog import QuickCaptureDialog

    dialog = QuickCaptureDialog(window.ctx, window, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = desk.counts()
    window.lock_action.trigger()
    assert all(not a.isEnabled() for a in dialog.findChildren(QAction))
    [cover] = [c for c in dialog.findChildren(QWidget, "dialogLockOverlay") if c.isVisible()]
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()
    text = screen_text()
    for secret in SECRETS:
        assert secret not in text
    qtbot.mouseClick(cover.findChild(QPushButton, "unlockButton"), Qt.MouseButton.LeftButton)
    assert not desk.locked
    assert desk.counts() == before
    assert any(a.isEnabled() for a in dialog.findChildren(QAction))
    assert "Who is this about?" in visible_texts(dialog)  # back as it was
