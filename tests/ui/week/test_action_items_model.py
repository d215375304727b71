"""The week's Needs attention words each item from its fields, its date relative to today."""

from __future__ import annotations

from datetime import date

from helpers.qt import open_main_window
from PySide6.QtCore import Qt

from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk


def test_needs_attention_says_dates_relative_to_today_even_a_year_back(desk: Desk, qtbot) -> None:
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
    model = week.attention_model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.rowCount(model.index(0, 0)) == 2)
    ada_group = model.index(0, 0)
    shown = [
        (model.index(row, 0, ada_group).data(), model.index(row, 1, ada_group).data())
        for row in range(2)
    ]
    assert shown == [
        ("They promised: Old one", "388 days overdue"),
        ("I promised: Send the plan", "due tomorrow"),
    ]
    tip = model.index(0, 0, ada_group).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == (
        "Ada — They promised: Old one (due 2 Nov 2025)\n"
        "Enter opens it where it lives · K marks it kept (Ctrl+Z undoes)"
    )
