"""The team grid's Next 1:1 column: each direct report's next 1:1 by their rhythm, as a day of
the coming week(s), and 'N days overdue' (as Needs attention says it) in red once it has passed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from helpers.qt import open_main_window
from PySide6.QtCore import Qt

from leaddesk.services.desk import Desk
from leaddesk.ui import theme
from leaddesk.ui.main_window import MainWindow
from leaddesk.ui.week.team_model import NEXT_COLUMN

# week_view is not imported here: it needs a QApplication when imported (the window has one).
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
TODAY = date(2026, 11, 25)  # a Wednesday


def test_the_grid_shows_when_each_next_1_1_is_due(desk: Desk, qtbot) -> None:
    ada = desk.add_person("Ada Lovelace", one_on_one_every_days=21)
    desk.record_one_on_one(ada, held_on=TODAY - timedelta(days=5))
    bob = desk.add_person("Bob Marley")  # the default: every 2 weeks
    desk.record_one_on_one(bob, held_on=TODAY - timedelta(days=18))
    cat = desk.add_person("Cat Stevens", one_on_one_every_days=7)
    desk.record_one_on_one(cat, held_on=TODAY - timedelta(days=7))
    window: MainWindow = open_main_window(desk, qtbot)
    week = window.view("week")
    model = week.team_model
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert model.headerData(NEXT_COLUMN, Qt.Orientation.Horizontal) == "Next 1:1"
    cells = {
        model.index(row, 0).data().split(" · ")[0]: model.index(row, NEXT_COLUMN)
        for row in range(model.rowCount())
    }
    assert cells["Ada Lovelace"].data() == "Fri 11 Dec"
    assert cells["Bob Marley"].data() == "4 days overdue"
    assert cells["Cat Stevens"].data() == "today"
    assert cells["Bob Marley"].data(Qt.ItemDataRole.ForegroundRole) == theme.bad()
    assert cells["Ada Lovelace"].data(Qt.ItemDataRole.ForegroundRole) is None
    assert cells["Ada Lovelace"].data(Qt.ItemDataRole.ToolTipRole) == (
        "1:1 every 3 weeks: the next is due Fri 11 Dec."
    )
    assert not week.team.isColumnHidden(NEXT_COLUMN)


def test_a_new_rhythm_moves_the_next_1_1_on_screen(desk: Desk, qtbot) -> None:
    ada = desk.add_person("Ada Lovelace")
    desk.record_one_on_one(ada, held_on=TODAY - timedelta(days=10))
    window: MainWindow = open_main_window(desk, qtbot)
    week = window.view("week")
    cell = lambda: week.team_model.index(0, NEXT_COLUMN).data()  # noqa: E731
    qtbot.waitUntil(lambda: cell() == "Sun 29 Nov")
    desk.set_one_on_one_rhythm(ada, 7)
    qtbot.waitUntil(lambda: cell() == "3 days overdue")
