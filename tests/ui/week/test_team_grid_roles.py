"""The team grid at 1280×800: a long role is elided on one line with the whole of it in the
tooltip, never wrapped into a row too short for it (cut through the glyphs)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers.qt import open_main_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from leaddesk.services.desk import Desk
from leaddesk.ui.common.appearance import ENV, Appearance, apply_appearance
from leaddesk.ui.main_window import SIDEBAR

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture(autouse=True)
def system_look_after(qapp, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(ENV, raising=False)
    yield
    apply_appearance(Appearance.SYSTEM)
    qapp.setStyleSheet("")


LONG_ROLE = "Director of Platform Reliability and Developer Experience"


def test_long_roles_are_elided_with_the_whole_role_in_the_tooltip(desk: Desk, qtbot) -> None:
    from leaddesk.demo import build_demo

    build_demo(desk, people=5, years=1, seed=3)
    desk.add_person("Kenji Dubois", role=LONG_ROLE)
    window = open_main_window(desk, qtbot)
    window.resize(1280, 800)
    window.view_actions[SIDEBAR.index("week")].trigger()
    grid = window.view("week").findChild(QTableView, "teamGrid")
    assert grid is not None
    model = grid.model()
    qtbot.waitUntil(lambda: model.rowCount() >= 6)
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    [kenji] = [i for i in rows if LONG_ROLE in i.data()]
    width = grid.columnWidth(0)
    assert grid.fontMetrics().horizontalAdvance(kenji.data()) > width  # it cannot fit
    assert not grid.wordWrap() and grid.textElideMode() == Qt.TextElideMode.ElideRight
    for index in rows:  # one line each, in a row tall enough for it
        assert grid.rowHeight(index.row()) >= grid.fontMetrics().height()
        assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()


def test_every_name_is_whole_at_1280_by_800(desk: Desk, qtbot) -> None:
    """The role may be elided; the person's name, what the row is about, may not."""
    from leaddesk.demo import build_demo

    build_demo(desk, people=8, years=1, seed=3)
    apply_appearance()  # the app's style sheet, as the app starts (headers padded from it)
    window = open_main_window(desk, qtbot)
    window.resize(1280, 800)
    window.view_actions[SIDEBAR.index("week")].trigger()
    grid = window.view("week").findChild(QTableView, "teamGrid")
    assert grid is not None
    model = grid.model()
    qtbot.waitUntil(lambda: model.rowCount() >= 8)
    metrics = grid.fontMetrics()
    margin = grid.style().pixelMetric(grid.style().PixelMetric.PM_FocusFrameHMargin) + 1
    room = grid.columnWidth(0) - 2 * margin  # where Qt starts to elide a cell's text
    for row in range(model.rowCount()):
        name = model.index(row, 0).data().split(" · ")[0]
        assert metrics.horizontalAdvance(name) <= room, (name, grid.columnWidth(0))
