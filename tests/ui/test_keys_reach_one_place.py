"""Keys go to exactly one place: no shortcut is ambiguous on any screen (Qt then fires none), and
while locked no key reaches anything, not even a dialog's own shortcut (Ctrl+S, Ctrl+Enter)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from helpers.qt import open_main_window, press
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget

from leaddesk.services.desk import Desk
from leaddesk.ui.common.navigation import TABS, PersonTarget
from leaddesk.ui.main_window import SIDEBAR, MainWindow


@pytest.fixture
def world(desk: Desk) -> dict[str, int]:
    from leaddesk.demo import build_demo

    build_demo(desk, people=3, years=1, seed=3)
    ada = desk.direct_reports()[0].id
    desk.add_term("Done", "Merged, deployed and announced", person_id=ada)
    return {"ada": ada}


@pytest.fixture
def window(desk: Desk, world, qtbot) -> MainWindow:
    return open_main_window(desk, qtbot)


class ModalWatch:
    """Records every modal dialog that opens, and closes it (so a wrong one fails, not hangs)."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._check)
        self.timer.start()

    def _check(self) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QDialog):
            self.seen.append(widget.objectName() or type(widget).__name__)
            widget.reject()

    def stop(self) -> list[str]:
        self.timer.stop()
        return self.seen


def _live_keys(window: MainWindow, focus: QWidget) -> Counter[str]:
    """Every key sequence that would fire with `focus` focused, counted per owner it reaches."""
    seen: Counter[str] = Counter()

    def reaches(owner: QWidget, context: Qt.ShortcutContext) -> bool:
        if not owner.isVisible():
            return False
        if context == Qt.ShortcutContext.WidgetShortcut:
            return owner is focus
        if context == Qt.ShortcutContext.WidgetWithChildrenShortcut:
            return owner is focus or owner.isAncestorOf(focus)
        return owner.window() is focus.window()

    for action in window.findChildren(QAction):
        if not action.isEnabled():
            continue
        for widget in action.associatedObjects():
            if isinstance(widget, QWidget) and reaches(widget, action.shortcutContext()):
                for keys in action.shortcuts():
                    seen[keys.toString()] += 1
                break
    for shortcut in window.findChildren(QShortcut):
        owner = shortcut.parent()
        if (
            shortcut.isEnabled()
            and isinstance(owner, QWidget)
            and reaches(owner, shortcut.context())
        ):
            seen[shortcut.key().toString()] += 1
    return seen


def _screens(world: dict[str, int]) -> list[tuple[str, object]]:
    return [(name, None) for name in SIDEBAR] + [
        ("person", PersonTarget(world["ada"], tab)) for tab in TABS
    ]


def test_no_key_is_claimed_twice_wherever_the_focus_is(window: MainWindow, world, qtbot) -> None:
    clashes = []
    for name, argument in _screens(world):
        window.show_view(name, argument)
        view = window.view(name)
        qtbot.waitUntil(lambda v=view: not getattr(v, "loading", False))
        for focus in [view, *view.findChildren(QWidget)]:
            if not focus.isVisible() or focus.focusPolicy() == Qt.FocusPolicy.NoFocus:
                continue
            twice = [keys for keys, count in _live_keys(window, focus).items() if count > 1]
            if twice:
                clashes.append((name, argument, focus.objectName(), twice))
    assert clashes == []


def test_delete_in_the_delegation_list_deletes_the_delegation_beside_agreed_terms(
    window: MainWindow, world, desk: Desk, qtbot
) -> None:
    """Caught by the census: the terms table's Del was window-wide, so Del in the delegation list
    was ambiguous and did nothing at all."""
    window.show_view("person", PersonTarget(world["ada"], "delegations"))
    tab = window.view("person").tab_pages[TABS.index("delegations")]
    assert tab.terms.table.isVisible()
    before, terms = len(desk.delegations(world["ada"])), desk.terms(world["ada"])
    tab.list_view.setCurrentIndex(tab.model.index(0, 0))
    press(qtbot, tab.list_view, Qt.Key.Key_Delete)
    assert len(desk.delegations(world["ada"])) == before - 1
    assert window.undo_action.isEnabled()
    assert desk.terms(world["ada"]) == terms  # the terms beside it are untouched


def test_while_locked_a_dialogs_own_shortcut_reaches_nothing(
    window: MainWindow, world, qtbot, tmp_path: Path
) -> None:
    """Ctrl+S in an open one-pager preview once asked where to save the private page, over the
    lock screen; Ctrl+Enter in a form dialog saved it into a closed store."""
    from leaddesk.ui.exports.export_person_dialog import ExportPersonDialog

    dialog = ExportPersonDialog(window.ctx, window, world["ada"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    window.lock_action.trigger()
    assert window.ctx.desk.locked
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    watch = ModalWatch()
    for key in (Qt.Key.Key_S, Qt.Key.Key_Return):
        qtbot.keyClick(dialog, key, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)  # a wrong dialog would have opened by now (and been closed by the watch)
    assert watch.stop() == []
    assert dialog.isVisible()
    enabled = [s.key().toString() for s in dialog.findChildren(QShortcut) if s.isEnabled()]
    assert enabled == []
    [cover] = [c for c in dialog.findChildren(QWidget, "dialogLockOverlay") if c.isVisible()]
    qtbot.mouseClick(cover.findChild(QPushButton, "unlockButton"), Qt.MouseButton.LeftButton)
    assert not window.ctx.desk.locked
    assert all(s.isEnabled() for s in dialog.findChildren(QShortcut))  # all back after unlock


def test_while_locked_no_window_key_opens_or_shows_anything(
    window: MainWindow, world, qtbot
) -> None:
    window.show_view("person", PersonTarget(world["ada"], "relationship"))
    window.lock_action.trigger()
    keys = {
        seq.toString() for action in window.findChildren(QAction) for seq in action.shortcuts()
    } | {s.key().toString() for s in window.findChildren(QShortcut)}
    assert keys  # the census is not empty
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    watch = ModalWatch()
    for text in sorted(keys):
        combo = QKeySequence(text)[0]
        qtbot.keyClick(window, combo.key(), combo.keyboardModifiers())
        qtbot.wait(10)
        assert watch.seen == [], text
        assert window.lock_overlay.isVisible() and window.ctx.desk.locked, text
        assert not window.central.isVisible(), text
    watch.stop()
