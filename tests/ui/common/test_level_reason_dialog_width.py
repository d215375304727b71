"""The change-level dialog, opened through the real menu, is wide enough for its own title."""

from __future__ import annotations

import pytest
from helpers.qt import on_modal, open_main_window, press
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from leaddesk.services.desk import Desk
from leaddesk.ui.common.level_reason_dialog import LevelReasonDialog
from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.person.tabs.delegations_tab import DelegationsTab

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",  # the offscreen menu
)
TITLE_BAR_CHROME = 150  # a window manager's icon and buttons beside the title


def test_change_level_dialog_shows_its_whole_title(desk: Desk, qtbot) -> None:
    ana = desk.add_person("Ana Lima", role="Head of Data")
    desk.add_delegation(ana, "Pricing page", 3, done_means="New page live")
    window = open_main_window(desk, qtbot)
    window.show_view("person", PersonTarget(ana, "delegations"))
    tab = window.view("person").findChild(DelegationsTab)
    qtbot.waitUntil(lambda: tab.isVisible() and tab.current() is not None)
    seen: dict[str, object] = {}

    def choose_advise() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(10, choose_advise)
            return
        qtbot.keyClick(menu, Qt.Key.Key_5)  # '&5 Advise'

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, LevelReasonDialog)
        seen["title"] = dialog.windowTitle()
        seen["width"] = dialog.width()
        dialog.reject()

    QTimer.singleShot(0, choose_advise)
    on_modal(look)
    press(qtbot, tab.list_view, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: "width" in seen)
    bold = QFont(QApplication.font())
    bold.setWeight(QFont.Weight.Bold)
    shown = f"{seen['title']} — {QApplication.applicationDisplayName()}"
    assert seen["title"] == "Change the level of empowerment"
    assert seen["width"] >= QFontMetrics(bold).horizontalAdvance(shown) + TITLE_BAR_CHROME
