"""The trust chart's legend names only what is drawn and wraps instead of widening the chart."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QLabel

from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk
from leaddesk.ui.person.tabs.trust_chart import TrustChart

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


@pytest.fixture
def person(desk: Desk) -> int:
    """A year of their kept promises: a track record, no assessment, no level change."""
    pid = desk.add_person("Amira Khan", role="Head of Data")
    day = date(2025, 12, 1)
    for i in range(6):
        promise = desk.add_promise(
            pid, PromiseDirection.THEIRS, f"Promise {i}", day + timedelta(days=20), day
        )
        desk.keep_promise(promise, on=day + timedelta(days=10))
        day += timedelta(days=50)
    return pid


def entry(chart: TrustChart, key: str) -> QLabel:
    label = chart.findChild(QLabel, f"legend_{key}")
    assert label is not None
    return label


def row_of(chart: TrustChart, key: str) -> int:
    """The legend row an entry sits in (0 or 1)."""
    grid = chart.legend.grid
    row, _column, _rows, _columns = grid.getItemPosition(grid.indexOf(entry(chart, key)))
    return row


def test_the_legend_names_only_the_series_drawn(qtbot, desk: Desk, person: int) -> None:
    chart = TrustChart()
    qtbot.addWidget(chart)
    chart.resize(1000, 420)
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_series(desk.trust_series(person), presenter=False)

    assert entry(chart, "track").isVisible() and entry(chart, "band").isVisible()
    for absent in ("assessment", "up", "down"):
        assert not entry(chart, absent).isVisible(), absent

    desk.add_assessment(person, 4, 4, 3, 4, "", on=date(2026, 10, 1))
    chart.set_series(desk.trust_series(person), presenter=False)
    assert entry(chart, "assessment").isVisible()


def test_the_legend_wraps_into_two_rows_on_a_narrow_page(qtbot, desk: Desk, person: int) -> None:
    chart = TrustChart()
    qtbot.addWidget(chart)
    chart.resize(1000, 420)
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_series(desk.trust_series(person), presenter=False)
    assert {row_of(chart, key) for key in ("track", "down")} == {0}

    chart.resize(600, 420)
    qtbot.waitUntil(lambda: row_of(chart, "down") == 1)
    assert row_of(chart, "track") == 0
    assert chart.legend.width() <= chart.width()

    chart.resize(1000, 420)
    qtbot.waitUntil(lambda: row_of(chart, "down") == 0)
