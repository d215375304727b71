"""The week's Needs attention list words each item from its fields, dates as the 1:1 agenda does."""

from __future__ import annotations

from datetime import date

from helpers.qt import open_main_window
from PySide6.QtCore import Qt

from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk


def test_needs_attention_shows_friendly_dates_with_the_year_only_when_not_this_one(
    desk: Desk, qtbot
) -> None:
    ada = desk.add_person("Ada")
    desk.record_one_on_one(ada)
    made = date(2025, 10, 1)
    desk.add_promise(
        ada, PromiseDirection.THEIRS, "Old one", due_on=date(2025, 11, 2), made_on=made
    )
    desk.add_promise(ada, PromiseDirection.MINE, "Send the plan", due_on=date(2026, 11, 26))
    window = open_main_window(desk, qtbot)
    window.show_view("week")
    week = window.view("week")
    qtbot.waitUntil(lambda: week.attention_model.rowCount() == 2)
    model = week.attention_model
    shown = [model.index(row, 0).data(Qt.ItemDataRole.DisplayRole) for row in range(2)]
    assert shown == [
        "Overdue · Ada — They promised: Old one (due 2 Nov 2025)",
        "Ada — I promised: Send the plan (due 26 Nov)",
    ]
