"""The trust-over-time chart: track record with its band, my assessments, my own record, levels."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.trust import DEFAULT_HALF_LIFE_DAYS
from leaddesk.services.delegations_models import LevelChangeView
from leaddesk.services.trust import AssessmentView, TrustSeries
from leaddesk.ui import theme
from leaddesk.ui.common.action_slots import on_triggered
from leaddesk.ui.common.trust_explainer import (
    describe_counts,
    describe_point,
    describe_spot,
    explain_link,
    style_link,
)
from leaddesk.ui.person.tabs.trust_chart_legend import TrustChartLegend, band_color
from leaddesk.ui.person.tabs.trust_chart_series import DAY, has_evidence, series_arrays, to_x

DEFAULT_SPAN_DAYS = 365
MIN_SPAN_DAYS = 21
Y_PAD = 0.03  # so a point at exactly 0 or 1 is drawn whole
HOVER_PX = 9.0
LINE_HOVER_PX = 6.0
PRESENTER_NOTICE = "Trust chart hidden while presenting"
W = TypeVar("W", bound=QWidget)


class TrustChart(QWidget):
    """How trust developed with one person, as PRODUCT.md 'Trust over time' defines it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trustChart")
        self.setAccessibleName("Trust over time")
        self.series: TrustSeries | None = None
        self.presenter = False
        self.hover_text = ""  # what the pointer's tooltip says now
        self._half_life_days = DEFAULT_HALF_LIFE_DAYS
        self._x_range = (0.0, DAY)
        self._track_x = self._track_e = self._mine_e = np.zeros(0)
        self._spots: list[AssessmentView | LevelChangeView] = []
        self._spot_xy = np.zeros((0, 2))
        self._build()
        self._apply_palette()

    # -- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        header = QHBoxLayout()
        header.addWidget(QLabel("<b>Trust over time</b>"))
        header.addSpacing(8)
        self.caption = _named(QLabel(), "trustChartCaption", "Trust summary")
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        header.addWidget(self.caption, 1)
        self.year_action = self._action(
            "12 months", ["Home"], self.show_recent, "the last 12 months"
        )
        self.fit_action = self._action("Fit", ["F", "Ctrl+0"], self.fit, "the whole history")
        self.fit_action.setIcon(theme.icon("fit"))
        self._action("Earlier", ["Left"], lambda: self._pan(-0.2), "earlier dates")
        self._action("Later", ["Right"], lambda: self._pan(0.2), "later dates")
        self._action("Zoom in", ["+", "="], lambda: self._zoom(0.8), "a shorter period")
        self._action("Zoom out", ["-"], lambda: self._zoom(1.25), "a longer period")
        self.nav_buttons = []
        for action, name in (
            (self.year_action, "trustChartYear"),
            (self.fit_action, "trustChartFit"),
        ):
            button = _named(QToolButton(), name, action.toolTip())
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            header.addWidget(button)
            self.nav_buttons.append(button)
        self.explain_button = explain_link(lambda: self._half_life_days, self)
        header.addWidget(self.explain_button)
        layout.addLayout(header)

        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        chart_page = QWidget()
        chart_box = QVBoxLayout(chart_page)
        chart_box.setContentsMargins(0, 0, 0, 0)
        chart_box.setSpacing(2)
        self.plot = _named(
            pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem("bottom", utcOffset=0)}),
            "trustPlot",
            "Trust over time chart",
        )
        self.plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.plot.setMinimumHeight(180)
        chart_box.addWidget(self.plot, 1)
        self.legend = TrustChartLegend()
        chart_box.addWidget(self.legend)
        self.pages.addWidget(chart_page)
        self.notice = _named(QLabel(PRESENTER_NOTICE), "trustChartHidden", PRESENTER_NOTICE)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setFrameShape(QLabel.Shape.StyledPanel)
        self.pages.addWidget(self.notice)
        self._build_plot()

    def _action(self, text: str, keys: list[str], slot: Callable[[], None], shows: str) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"Show {shows} ({' or '.join(keys)})")
        on_triggered(action, slot)
        self.addAction(action)
        return action

    def _build_plot(self) -> None:
        item = self.plot.getPlotItem()
        item.hideButtons()
        item.setMenuEnabled(False)
        item.showGrid(x=True, y=True, alpha=0.16)
        item.getAxis("left").setTicks([[(v, f"{v:g}") for v in (0, 0.25, 0.5, 0.75, 1.0)]])
        item.getAxis("left").setWidth(38)
        self.view = item.getViewBox()
        self.view.setMouseEnabled(x=True, y=False)
        self.view.disableAutoRange()
        self.view.setYRange(-Y_PAD, 1 + Y_PAD, padding=0)
        self.view.setLimits(yMin=-Y_PAD, yMax=1 + Y_PAD)
        self.band_high, self.band_low = pg.PlotCurveItem(), pg.PlotCurveItem()
        self.band = pg.FillBetweenItem(self.band_low, self.band_high)
        self.track = pg.PlotDataItem(antialias=True, clipToView=True, autoDownsample=True)
        self.mine = pg.PlotDataItem(antialias=True, clipToView=True, autoDownsample=True)
        self.assessments = pg.ScatterPlotItem(symbol="o", size=9, antialias=True)
        self.events = pg.ScatterPlotItem(size=13, antialias=True)
        for z, graphic in enumerate(
            (self.band, self.mine, self.track, self.events, self.assessments)
        ):
            graphic.setZValue(z)
            item.addItem(graphic)
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)

    # -- data --------------------------------------------------------------------------------
    def set_series(self, series: TrustSeries, presenter: bool) -> None:
        """Draw `series`; in presenter mode draw nothing at all and show a neutral notice."""
        self.presenter = presenter
        self.series = None if presenter else series
        self.hover_text = ""
        self._clear()
        for button in self.nav_buttons:
            button.setVisible(not presenter)
        self.pages.setCurrentIndex(1 if presenter else 0)
        if presenter:
            return
        self._half_life_days = series.half_life_days
        x, e, lo, hi = series_arrays(series.track)
        self._track_x, self._track_e = x, e
        self.track.setData(x, e)
        self.band_low.setData(x, lo)
        self.band_high.setData(x, hi)
        self.band.setVisible(True)
        if has_evidence(series.mine):
            mx, self._mine_e, _lo, _hi = series_arrays(series.mine)
            self.mine.setData(mx, self._mine_e)
        self._spots = [*series.assessments, *series.events]
        ax = np.fromiter((to_x(a.on) for a in series.assessments), float, len(series.assessments))
        ay = np.array([a.score for a in series.assessments], dtype=float)
        self.assessments.setData(ax, ay)
        ex = np.fromiter((to_x(ev.on) for ev in series.events), float, len(series.events))
        ey = np.interp(ex, x, e) if len(ex) else ex  # the markers sit on the track-record line
        self.events.setData(ex, ey, symbol=["t1" if ev.is_up else "t" for ev in series.events])
        self._spot_xy = np.column_stack([np.concatenate([ax, ex]), np.concatenate([ay, ey])])
        pad = max((x[-1] - x[0]) * 0.01, DAY)
        # At least three weeks wide: someone added days ago gets empty time before they came,
        # never a band there (the series starts the day they were added).
        low = min(x[0] - pad, x[-1] + pad - MIN_SPAN_DAYS * DAY)
        self._x_range = (float(low), float(x[-1] + pad))
        self.view.setLimits(
            xMin=self._x_range[0], xMax=self._x_range[1], minXRange=MIN_SPAN_DAYS * DAY
        )
        self.show_recent()
        self._set_caption(series)
        self._style_series()

    def _clear(self) -> None:
        for curve in (
            self.track,
            self.mine,
            self.band_low,
            self.band_high,
            self.assessments,
            self.events,
        ):
            curve.setData([], [])
        self.band.setVisible(False)
        self._spots = []
        self._spot_xy = np.zeros((0, 2))
        self._track_x = self._track_e = self._mine_e = np.zeros(0)
        self.caption.setText("")
        self.plot.setAccessibleDescription("")
        QToolTip.hideText()

    def _set_caption(self, series: TrustSeries) -> None:
        now = series.current
        if now.evidence_weight < 1e-9:
            text = "No evidence yet: kept or broken promises and checkpoint outcomes build it."
        else:
            text = (
                f"Track record {now.expectation:.2f} {series.trend.arrow} "
                f"(band {now.belief:.2f}\u2013{now.plausibility:.2f})"
            )
            if series.my_current.evidence_weight > 1e-9:
                text += f" · my own record {series.my_current.expectation:.2f}"
        self.caption.setText(text)
        self.plot.setAccessibleDescription(f"{text}. {describe_counts(series)}")

    # -- navigation --------------------------------------------------------------------------
    def fit(self) -> None:
        """Show the whole history."""
        if self.series is not None:
            self.view.setXRange(*self._x_range, padding=0)

    def show_recent(self) -> None:
        """The default view: the last 12 months, or everything when the history is shorter."""
        if self.series is not None:
            low, high = self._x_range
            self.view.setXRange(max(low, high - DEFAULT_SPAN_DAYS * DAY), high, padding=0)

    def visible_x_range(self) -> tuple[float, float]:
        """The x range on screen, in chart units (see `to_x`)."""
        (x0, x1), _y = self.view.viewRange()
        return float(x0), float(x1)

    def _pan(self, fraction: float) -> None:
        x0, x1 = self.visible_x_range()
        step = (x1 - x0) * fraction
        self.view.setXRange(x0 + step, x1 + step, padding=0)

    def _zoom(self, factor: float) -> None:
        self.view.scaleBy(x=factor, y=None)

    # -- hover -------------------------------------------------------------------------------
    def tooltip_at(self, point: QPointF) -> str:
        """What hovering the view coordinate `point` tells (empty when nothing is near)."""
        if self.series is None or len(self._track_x) < 2:
            return ""
        xs, ys = self.view.viewPixelSize()
        px, py = point.x(), point.y()
        if len(self._spot_xy):
            dist = np.hypot((self._spot_xy[:, 0] - px) / xs, (self._spot_xy[:, 1] - py) / ys)
            near = [self._spots[i] for i in np.flatnonzero(dist <= HOVER_PX)]
            if near:
                return "\n\n".join(describe_spot(item) for item in near)
        if not self._track_x[0] <= px <= self._track_x[-1]:
            return ""
        i = int(np.argmin(np.abs(self._track_x - px)))
        for name, values, points in (
            ("Their track record", self._track_e, self.series.track),
            ("My own record with them", self._mine_e, self.series.mine),
        ):
            if len(values) and abs(np.interp(px, self._track_x, values) - py) / ys <= LINE_HOVER_PX:
                return describe_point(name, points[i])
        return ""

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        inside = self.view.sceneBoundingRect().contains(scene_pos)
        text = self.tooltip_at(self.view.mapSceneToView(scene_pos)) if inside else ""
        if text == self.hover_text and (not text or QToolTip.isVisible()):
            return  # the tooltip already says this (or nothing is shown): no work per move
        self.hover_text = text
        if text:
            where = self.plot.mapToGlobal(self.plot.mapFromScene(scene_pos)) + QPoint(14, 14)
            QToolTip.showText(where, text, self.plot)
        else:
            QToolTip.hideText()

    # -- palette -----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        """Follow the system palette: light and dark both stay readable."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_palette()
        super().changeEvent(event)

    def _apply_palette(self) -> None:
        palette = QApplication.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        style_link(self.explain_button)
        self.plot.setBackground(palette.color(QPalette.ColorRole.Base))
        axis_pen = QColor(text)
        axis_pen.setAlpha(150)
        for name in ("left", "bottom"):
            axis = self.plot.getPlotItem().getAxis(name)
            axis.setPen(pg.mkPen(axis_pen))
            axis.setTextPen(pg.mkPen(text))
        self._style_series()

    def _style_series(self) -> None:
        base = QApplication.palette().color(QPalette.ColorRole.Base)
        self.track.setPen(pg.mkPen(theme.accent(), width=2.6))
        self.band.setBrush(pg.mkBrush(band_color()))
        self.band.setPen(pg.mkPen(None))
        self.mine.setPen(pg.mkPen(theme.mine_color(), width=2, style=Qt.PenStyle.DashLine))
        self.assessments.setPen(pg.mkPen(base, width=1.5))
        self.assessments.setBrush(pg.mkBrush(theme.warn()))
        self.events.setPen(pg.mkPen(base, width=1.2))
        events = self.series.events if self.series is not None else ()
        if events and len(events) == len(self.events.data):
            self.events.setBrush(
                [pg.mkBrush(theme.good() if e.is_up else theme.bad()) for e in events]
            )
        shown = {
            "mine": len(self._mine_e) > 0,
            "assessment": any(isinstance(s, AssessmentView) for s in self._spots),
            "up": any(e.is_up for e in events),
            "down": any(not e.is_up for e in events),
        }
        self.legend.restyle(shown, self.devicePixelRatioF())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wrap the legend before it would make the chart wider than its page."""
        super().resizeEvent(event)
        self.legend.fit_width(event.size().width())

    def sizeHint(self) -> QSize:
        return QSize(760, 380)


def _named(widget: W, name: str, accessible: str, tip: str = "") -> W:
    """Set objectName, accessible name and tooltip in one go; returns the widget."""
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    if tip:
        widget.setToolTip(tip)
    return widget
