"""The People list's context menu, opened as the user opens it (a right click on a row)."""

from __future__ import annotations

import pytest
from helpers.qt import open_main_window
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from leaddesk.services.desk import Desk


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: a popup's grab
def test_right_click_on_a_person_offers_their_actions_and_opens_them(desk: Desk, qtbot) -> None:
    desk.add_person("Ada Quill", role="Head of Finance")
    ben = desk.add_person("Ben Ode", role="Head of Sales")
    window = open_main_window(desk, qtbot)
    window.view_actions[1].trigger()  # People (Alt+2)
    people = window.view("people")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is people)
    tree = people.tree
    qtbot.waitUntil(lambda: tree.model().rowCount() == 2)
    index = next(
        tree.model().index(r, 0) for r in range(2) if tree.model().index(r, 0).data() == "Ben Ode"
    )
    pos = tree.visualRect(index).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.RightButton, pos=pos)  # selects the row
    offered: list[str] = []

    def pick() -> None:
        menu = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()
        )
        offered.extend(a.text().replace("&", "") for a in menu.actions() if a.text())
        next(a for a in menu.actions() if a.text().replace("&", "") == "Open").trigger()
        menu.close()

    QTimer.singleShot(50, pick)
    viewport = tree.viewport()
    QApplication.sendEvent(
        viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    )
    qtbot.waitUntil(lambda: bool(offered))
    assert offered[0].startswith("Add person") and "Delete" in offered
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.view("person"))
    assert window.view("person").person_id == ben  # the row right-clicked, not the first
