"""The Overview tab's latest-assessment heading reads whole at common window widths."""

from __future__ import annotations

from datetime import date

import pytest
from helpers.qt import open_main_window
from PySide6.QtWidgets import QLabel

from leaddesk.services.desk import Desk
from leaddesk.ui.common.navigation import PersonTarget

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


@pytest.mark.parametrize("width", [1280, 1440])
def test_latest_assessment_heading_is_not_clipped(desk: Desk, qtbot, width: int) -> None:
    ana = desk.add_person("Ana Lima", role="Head of Data")
    desk.add_assessment(ana, 4, 4, 3, 4, "Solid quarter", on=date(2026, 9, 28))
    window = open_main_window(desk, qtbot)
    window.resize(width, 820)
    window.show_view("person", PersonTarget(ana, "overview"))
    title = window.view("person").findChild(QLabel, "latestAssessmentTitle")
    qtbot.waitUntil(lambda: title.isVisible() and "28 Sep" in title.text())
    assert title.text().startswith("Latest assessment · 28 Sep")  # 'Sept' in en-GB: the widest
    assert title.fontMetrics().horizontalAdvance(title.text()) <= title.contentsRect().width()
