"""Switching light/dark in Settings repaints; it never moves the toolbar or its buttons."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers.qt import open_main_window
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QToolBar, QToolButton

from leaddesk.services.desk import Desk
from leaddesk.ui.common.appearance import ENV, Appearance, apply_appearance
from leaddesk.ui.main_window import SIDEBAR, MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture(autouse=True)
def system_look_after(qapp, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(ENV, raising=False)
    yield
    apply_appearance(Appearance.SYSTEM)
    qapp.setStyleSheet("")


def geometry(window: MainWindow) -> list[tuple[str, QRect, QSize]]:
    toolbar = window.findChild(QToolBar, "mainToolbar")
    assert toolbar is not None
    parts = [("toolbar", toolbar.geometry(), toolbar.sizeHint())]
    parts += [
        (b.text(), b.geometry(), b.sizeHint())
        for b in toolbar.findChildren(QToolButton)
        if b.isVisible()
    ]
    parts.append(("central", window.centralWidget().geometry(), window.centralWidget().sizeHint()))
    return parts


def test_switching_appearance_live_leaves_the_toolbar_where_it_was(desk: Desk, qtbot) -> None:
    apply_appearance()  # the stored choice (the system's), as the app starts
    window = open_main_window(desk, qtbot)
    window.resize(1280, 800)
    window.view_actions[SIDEBAR.index("settings")].trigger()
    combo = window.view("settings").findChild(QComboBox, "appearance")
    assert combo is not None
    before = geometry(window)
    combo.setFocus()
    seen = []
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Up):
        qtbot.keyClick(combo, key)  # system → light → dark → light → system, as a user picks
        seen.append(combo.currentData())
        QApplication.processEvents()
        assert geometry(window) == before, seen
    assert seen == ["light", "dark", "light", "system"]
