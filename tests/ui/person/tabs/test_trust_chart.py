"""The trust-over-time chart draws what the trust series says, hides it all while presenting."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import date, timedelta

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QTextBrowser, QToolTip, QWidget

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.promises import PromiseDirection
from leaddesk.domain.trust import TrackRecord, Trend, from_weights
from leaddesk.services.delegations_models import LevelChangeView
from leaddesk.services.desk import Desk
from leaddesk.services.trust import AssessmentView, TrustPoint, TrustSeries
from leaddesk.ui.person.tabs.trust_chart import PRESENTER_NOTICE, TrustChart
from leaddesk.ui.person.tabs.trust_chart_series import DAY, to_x

RAISED = "Three on-track checkpoints in a row"
LOWERED = "Missed the budget review twice"
# The offscreen platform says this whenever a top-level widget with a layout is shown.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
SCORE = re.compile(r"\b0\.\d\d\b|\b1\.00\b|Integrity|Capabilities|Track record|My assessment,")


@pytest.fixture
def person(desk: Desk) -> int:
    """Two years with one person: promises, checkpoints, assessments and two level changes."""
    pid = desk.add_person("Amira Khan", role="Head of Data")
    hiring = desk.add_delegation(pid, "Hiring for the data platform", 3, on=date(2024, 12, 2))
    desk.change_level(hiring, 5, RAISED, on=date(2025, 9, 1))
    desk.change_level(hiring, 4, LOWERED, on=date(2026, 6, 1))
    day = date(2024, 12, 10)
    for i in range(14):
        promise = desk.add_promise(
            pid, PromiseDirection.THEIRS, f"Promise {i}", day + timedelta(days=20), day
        )
        if i % 5 == 4:
            desk.break_promise(promise, on=day + timedelta(days=25))
        else:
            desk.keep_promise(promise, on=day + timedelta(days=15))
        day += timedelta(days=45)
    mine = desk.add_promise(
        pid, PromiseDirection.MINE, "Budget answer", date(2025, 3, 1), date(2025, 2, 1)
    )
    desk.keep_promise(mine, on=date(2025, 2, 20))
    checkpoint = desk.delegation(hiring).next_checkpoint
    assert checkpoint is not None
    desk.complete_checkpoint(checkpoint.id, CheckpointOutcome.ON_TRACK, on=date(2025, 1, 5))
    desk.add_assessment(pid, 4, 4, 3, 4, "Solid hiring bar", on=date(2025, 6, 1))
    desk.add_assessment(pid, 5, 4, 4, 5, "", on=date(2026, 3, 2))
    return pid


@pytest.fixture
def chart(qtbot) -> TrustChart:
    widget = TrustChart()
    qtbot.addWidget(widget)
    widget.resize(1000, 420)
    with qtbot.waitActive(widget):  # shortcuts (F, Ctrl+0) only reach an active window
        widget.show()
        widget.activateWindow()
    return widget


def _hover(qtbot, chart: TrustChart, x: float, y: float) -> str:
    """Move the real mouse pointer over the view coordinate (x, y); returns the tooltip text."""
    QToolTip.hideText()  # a tooltip window left under the pointer would take the move
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    scene = chart.view.mapViewToScene(QPointF(x, y))
    pos = chart.plot.mapFromScene(scene)
    qtbot.mouseMove(chart.plot.viewport(), pos + QPoint(1, 0))
    qtbot.mouseMove(chart.plot.viewport(), pos)
    return chart.hover_text


def test_track_line_and_band_draw_the_track_record(chart: TrustChart, desk: Desk, person: int):
    series = desk.trust_series(person)
    chart.set_series(series, presenter=False)
    x, y = chart.track.getData()
    assert np.allclose(y, [p.expectation for p in series.track])
    assert np.allclose(x, [to_x(p.on) for p in series.track])
    assert chart.band.isVisible()
    assert np.allclose(chart.band_low.getData()[1], [p.belief for p in series.track])
    assert np.allclose(chart.band_high.getData()[1], [p.plausibility for p in series.track])
    # my own record with them is a second, dashed line
    _mine_x, mine_y = chart.mine.getData()
    assert np.allclose(mine_y, [p.expectation for p in series.mine])
    assert chart.mine.opts["pen"].style() == Qt.PenStyle.DashLine
    assert "Track record" in chart.caption.text()


def test_assessment_points_show_their_four_cores_on_hover(chart, desk: Desk, person: int, qtbot):
    series = desk.trust_series(person)
    chart.set_series(series, presenter=False)
    chart.fit_action.trigger()
    assert len(chart.assessments.data) == len(series.assessments) == 2
    first = series.assessments[0]
    text = _hover(qtbot, chart, to_x(first.on), first.score)
    assert "My assessment, 1 Jun 2025" in text
    assert "Integrity 4 · Intent 4 · Capabilities 3 · Results 4" in text
    assert "Solid hiring bar" in text


def test_level_changes_are_markers_with_their_reason_on_hover(chart, desk: Desk, person, qtbot):
    series = desk.trust_series(person)
    chart.set_series(series, presenter=False)
    chart.fit_action.trigger()
    assert len(series.events) == 2
    assert list(chart.events.data["symbol"]) == ["t1", "t"]  # up, then down
    tips = []
    for x, y in zip(*chart.events.getData(), strict=True):
        tips.append(_hover(qtbot, chart, x, y))
    assert "▲ Level raised, 1 Sept 2025" in tips[0]  # en_GB abbreviates September "Sept"
    assert "Hiring for the data platform: 3 Consult → 5 Advise" in tips[0]
    assert RAISED in tips[0]
    assert "▼ Level lowered" in tips[1] and LOWERED in tips[1]
    assert _hover(qtbot, chart, to_x(date(2025, 4, 1)), 0.05) == ""  # empty space says nothing


def test_default_view_is_the_last_year_and_fit_shows_everything(chart, desk, person, qtbot):
    series = desk.trust_series(person)
    chart.set_series(series, presenter=False)
    first, last = to_x(series.track[0].on), to_x(series.track[-1].on)
    x0, x1 = chart.visible_x_range()
    assert x1 >= last and abs((x1 - x0) - 365 * DAY) < 10 * DAY
    chart.plot.setFocus()
    qtbot.keyClick(chart.plot, Qt.Key.Key_F)
    x0, x1 = chart.visible_x_range()
    assert x0 <= first and x1 >= last
    qtbot.mouseClick(chart.findChild(QWidget, "trustChartYear"), Qt.MouseButton.LeftButton)
    assert chart.visible_x_range()[0] > first


def test_wheel_zooms_time_only_and_y_stays_zero_to_one(chart, desk: Desk, person: int, qtbot):
    chart.set_series(desk.trust_series(person), presenter=False)
    chart.fit_action.trigger()
    before_x = chart.visible_x_range()
    viewport = chart.plot.viewport()
    centre = QPointF(viewport.rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(viewport.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 360),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)
    after_x = chart.visible_x_range()
    assert after_x[1] - after_x[0] < (before_x[1] - before_x[0]) * 0.8  # zoomed in on time
    y0, y1 = chart.view.viewRange()[1]
    assert -0.05 <= y0 <= 0 and 1 <= y1 <= 1.05


def test_presenter_mode_shows_no_private_series_and_no_score_anywhere(chart, desk, person):
    chart.set_series(desk.trust_series(person), presenter=False)  # first shown, then hidden
    chart.set_series(desk.trust_series(person), presenter=True)
    assert chart.pages.currentWidget().text() == PRESENTER_NOTICE
    assert chart.track.getData()[0] is None or len(chart.track.getData()[0]) == 0
    assert len(chart.assessments.data) == 0 and len(chart.events.data) == 0
    assert not chart.band.isVisible()
    assert chart.tooltip_at(QPointF(to_x(date(2025, 6, 1)), 0.69)) == ""
    for widget in [chart, *chart.findChildren(QWidget)]:
        texts = [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        for text in texts:
            assert not SCORE.search(text), f"{widget.objectName()}: {text!r}"
    assert chart.view.toolTip() == ""


def test_dark_palette_uses_light_text_and_follows_palette_changes(chart, desk, person, qapp):
    chart.set_series(desk.trust_series(person), presenter=False)
    light_text = chart.plot.getPlotItem().getAxis("left").textPen().color().lightness()
    original = qapp.palette()
    dark = QPalette(original)
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.Base, "#1b1b1d"),
        (QPalette.ColorRole.WindowText, "#ececec"),
        (QPalette.ColorRole.Text, "#ececec"),
    ):
        dark.setColor(role, QColor(colour))
    try:
        qapp.setPalette(dark)
        QApplication.processEvents()
        axis = chart.plot.getPlotItem().getAxis("left")
        assert axis.textPen().color().lightness() > 180 > light_text
        assert chart.plot.backgroundBrush().color().lightness() < 60
        assert chart.track.opts["pen"].color().lightness() > 120  # the dark accent
    finally:
        qapp.setPalette(original)
        QApplication.processEvents()
    assert chart.plot.getPlotItem().getAxis("left").textPen().color().lightness() < 128


def test_how_is_this_computed_explains_with_the_current_half_life(chart, desk, person, qtbot):
    desk.update_settings(half_life_days=90)
    chart.set_series(desk.trust_series(person), presenter=False)
    seen: list[str] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, read_and_close)
            return
        seen.append(dialog.findChild(QTextBrowser).toPlainText())
        dialog.close()

    QTimer.singleShot(0, read_and_close)
    qtbot.mouseClick(chart.findChild(QWidget, "trustChartExplain"), Qt.MouseButton.LeftButton)
    assert seen and "every 90 days" in seen[0]
    assert "E = (r + 1) / (r + s + 2)" in seen[0]


def _ten_years() -> TrustSeries:
    today = date(2026, 11, 25)
    days = [today - timedelta(days=7 * k) for k in range(522, -1, -1)]
    rng = np.random.default_rng(1)
    points = tuple(
        TrustPoint(d, e, max(0.0, e - 0.1), min(1.0, e + 0.1))
        for d, e in zip(days, rng.uniform(0.3, 0.9, len(days)), strict=True)
    )
    assessments = tuple(
        AssessmentView(i, 1, days[i * 13], 4, 3, 4, 5, "note", 0.75) for i in range(40)
    )
    events = tuple(
        LevelChangeView(1, f"Area {i}", "mine", days[i * 8], 3, 4 if i % 2 else 2, "why")  # type: ignore[arg-type]
        for i in range(60)
    )
    now: TrackRecord = from_weights(20, 4)
    return TrustSeries(1, points, points, assessments, events, now, now, Trend.UP, 180.0)


def test_a_ten_year_history_draws_well_under_100_ms(chart):
    series = _ten_years()
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        chart.set_series(series, presenter=False)
        best = min(best, time.perf_counter() - start)
    assert best < 0.1
    assert len(chart.events.data) == 60


def test_showing_again_after_presenting_restores_everything(chart, desk, person):
    series = desk.trust_series(person)
    chart.set_series(series, presenter=True)
    chart.set_series(series, presenter=False)
    assert len(chart.assessments.data) == 2 and chart.band.isVisible()
    assert chart.pages.currentIndex() == 0


@pytest.fixture(autouse=True)
def _no_tooltips_left() -> Iterator[None]:
    yield
    QToolTip.hideText()
