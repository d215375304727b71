"""Vector trust graphics for the one-pagers: the trust-over-time chart, sparklines, level strips.

The same series the on-screen TrustChart draws (PRODUCT.md "Trust over time"), drawn with
QPainter paths so the PDF stays sharp at any zoom: the track record with its belief-plausibility
band, my assessments as points, my own record as a dashed line, level changes as triangles.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainterPath, QPen, QPolygonF

from leaddesk.reports.pdf_layout import (
    ACCENT,
    FAINT,
    HAIRLINE,
    INK,
    MUTED,
    RULE,
    WHITE,
    Canvas,
    Type,
    soft,
)
from leaddesk.reports.wording import day, month_abbr
from leaddesk.services.trust import TrustPoint, TrustSeries

LEGEND = (
    ("track", "Their track record"),
    ("band", "Certainty band"),
    ("mine", "My own record with them"),
    ("assessment", "My assessments"),
    ("up", "Level raised"),
    ("down", "Level lowered"),
)
NO_EVIDENCE = "No evidence yet: kept or broken promises and checkpoint outcomes build it."
MIN_SPAN_DAYS = 21  # someone added days ago gets empty time before they came, not a squeezed line


def chart_window(series: TrustSeries, months: int) -> tuple[date, date]:
    """The dates the chart shows: the last `months` months, or the whole history if shorter."""
    end = series.track[-1].on
    start = max(series.track[0].on, end - timedelta(days=round(months * 30.44)))
    return min(start, end - timedelta(days=MIN_SPAN_DAYS)), end


def draw_trust_chart(c: Canvas, rect: QRectF, series: TrustSeries, months: int = 24) -> None:
    """The trust-over-time chart with axes and legend, filling `rect`."""
    p = c.painter
    start, end = chart_window(series, months)
    span = max((end - start).days, 1)
    label_w = c.width("0.75", Type.CAPTION) + c.pt(5)
    legend_h = c.line(Type.CAPTION) + c.pt(5)
    axis_h = 2 * c.line(Type.CAPTION) + c.pt(3)
    plot = QRectF(
        rect.left() + label_w,
        rect.top() + c.pt(3),
        rect.width() - label_w - c.pt(4),
        rect.height() - legend_h - axis_h - c.pt(3),
    )

    def fx(day: date) -> float:
        return plot.left() + (day - start).days / span * plot.width()

    def fy(value: float) -> float:
        return plot.bottom() - value * plot.height()

    for v in (0.0, 0.25, 0.5, 0.75, 1.0):
        c.rule(plot.left(), fy(v), plot.width(), HAIRLINE if v else RULE, 0.4 if v else 0.6)
        label = f"{v:g}"
        top = fy(v) - c.line(Type.CAPTION) / 2
        c.text(
            rect.left(),
            top,
            label,
            Type.CAPTION,
            label_w - c.pt(4),
            FAINT,
            Qt.AlignmentFlag.AlignRight,
        )
    _date_axis(c, plot, start, end, fx)

    track = _visible(series.track, start)
    p.save()
    p.setClipRect(plot.adjusted(-c.pt(4), -c.pt(4), c.pt(4), c.pt(4)))  # whole markers
    band = QPainterPath()
    band.addPolygon(
        QPolygonF(
            [QPointF(fx(t.on), fy(t.plausibility)) for t in track]
            + [QPointF(fx(t.on), fy(t.belief)) for t in reversed(track)]
        )
    )
    p.fillPath(band, soft(ACCENT, 42))
    shown = {"track", "band"}
    if any(t.plausibility - t.belief < 0.999 for t in series.mine):
        shown.add("mine")
        pen = QPen(MUTED, c.pt(0.9), Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([4.0, 2.5])
        _polyline(
            c, [QPointF(fx(t.on), fy(t.expectation)) for t in _visible(series.mine, start)], pen
        )
    track_pen = QPen(ACCENT, c.pt(1.4))
    track_pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    _polyline(c, [QPointF(fx(t.on), fy(t.expectation)) for t in track], track_pen)
    days = [t.on for t in series.track]
    for event in series.events:
        if start <= event.on <= end:
            shown.add("up" if event.is_up else "down")
            value = _interpolate(series.track, days, event.on)
            _triangle(c, QPointF(fx(event.on), fy(value)), event.is_up, 3.4)
    for a in series.assessments:
        if start <= a.on <= end:
            shown.add("assessment")
            _ring(c, QPointF(fx(a.on), fy(a.score)), 2.3)
    p.restore()
    if series.current.evidence_weight < 1e-9 and not series.assessments:
        middle = plot.top() + plot.height() * 0.375 - c.line(Type.SMALL) / 2  # off the 0.5 rule
        c.text(plot.left(), middle, NO_EVIDENCE, Type.SMALL, plot.width(), MUTED, _CENTER)
    _legend(
        c, QRectF(rect.left(), rect.bottom() - legend_h + c.pt(3), rect.width(), legend_h), shown
    )


_CENTER = Qt.AlignmentFlag.AlignHCenter


def _visible(points: Sequence[TrustPoint], start: date) -> Sequence[TrustPoint]:
    """The points from the last one before `start` on (the line enters from the left edge)."""
    i = bisect_left([t.on for t in points], start)
    return points[max(i - 1, 0) :]


def _interpolate(points: Sequence[TrustPoint], days: Sequence[date], day: date) -> float:
    i = bisect_left(days, day)
    if i <= 0:
        return points[0].expectation
    if i >= len(points):
        return points[-1].expectation
    a, b = points[i - 1], points[i]
    share = (day - a.on).days / max((b.on - a.on).days, 1)
    return a.expectation + (b.expectation - a.expectation) * share


def _polyline(c: Canvas, points: Sequence[QPointF], pen: QPen) -> None:
    if len(points) < 2:
        return
    path = QPainterPath(points[0])
    for point in points[1:]:
        path.lineTo(point)
    c.painter.strokePath(path, pen)


def _triangle(c: Canvas, at: QPointF, up: bool, size_pt: float) -> None:
    s = c.pt(size_pt)
    tip, base = (-s, s * 0.75) if up else (s, -s * 0.75)
    shape = QPolygonF(
        [
            QPointF(at.x(), at.y() + tip),
            QPointF(at.x() - s * 0.9, at.y() + base),
            QPointF(at.x() + s * 0.9, at.y() + base),
        ]
    )
    c.painter.setPen(QPen(INK, c.pt(0.7)))
    c.painter.setBrush(QBrush(INK if up else WHITE))
    c.painter.drawPolygon(shape)


def _ring(c: Canvas, at: QPointF, radius_pt: float) -> None:
    c.painter.setPen(QPen(ACCENT, c.pt(1.0)))
    c.painter.setBrush(QBrush(WHITE))
    c.painter.drawEllipse(at, c.pt(radius_pt), c.pt(radius_pt))


def _date_axis(
    c: Canvas, plot: QRectF, start: date, end: date, fx: Callable[[date], float]
) -> None:
    """Month ticks with labels every 1, 3 or 6 months (by span); years beneath, with a gridline."""
    months = (end.year - start.year) * 12 + end.month - start.month
    every = 1 if months <= 14 else 3 if months <= 36 else 6 if months <= 72 else 12
    line = c.line(Type.CAPTION)
    last_right = -1e9
    last_year_right = -1e9
    first = date(start.year, start.month, 1)
    month = first if first >= start else _next_month(first)
    if (end - start).days < 62:  # weeks, not months: the first and last day say when
        top = plot.bottom() + c.pt(3)
        c.text(plot.left(), top, day(start), Type.CAPTION, plot.width() / 2, FAINT)
        right = Qt.AlignmentFlag.AlignRight
        c.text(plot.center().x(), top, day(end), Type.CAPTION, plot.width() / 2, FAINT, right)
        return
    while month <= end:
        x = fx(month)
        january = month.month == 1
        tick = c.pt(3.2 if january else 1.8)
        c.painter.setPen(QPen(RULE, c.pt(0.5)))
        c.painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + tick))
        if january:
            c.painter.setPen(QPen(HAIRLINE, c.pt(0.4)))
            c.painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        if (month.month - 1) % every == 0 and every < 12:
            label = month_abbr(month.month)
            w = c.width(label, Type.CAPTION)
            if x - w / 2 > last_right + c.pt(3) and x + w / 2 <= plot.right() + c.pt(6):
                c.text(x - w / 2, plot.bottom() + c.pt(3), label, Type.CAPTION, None, FAINT)
                last_right = x + w / 2
        if january or (month == _first_label_month(start) and _room_before_january(c, month, fx)):
            label = str(month.year)
            w = c.width(label, Type.SMALL_STRONG)
            left = x - w / 2 if every < 12 or january else x
            top = plot.bottom() + c.pt(3) + (line if every < 12 else 0)
            if left > last_year_right + c.pt(4) and left + w <= plot.right() + c.pt(6):
                c.text(left, top, label, Type.CAPTION, None, MUTED)
                last_year_right = left + w
        month = _next_month(month)


def _room_before_january(c: Canvas, month: date, fx: Callable[[date], float]) -> bool:
    """Whether the first (partial) year's label fits before the next January's."""
    january = date(month.year + 1, 1, 1)
    return fx(january) - fx(month) > 2 * c.width("2026", Type.CAPTION) + c.pt(6)


def _first_label_month(start: date) -> date:
    first = date(start.year, start.month, 1)
    return first if first >= start else _next_month(first)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _legend(c: Canvas, rect: QRectF, shown: set[str]) -> None:
    """One centred row: a swatch drawn like each series, then its name."""
    entries = [(key, text) for key, text in LEGEND if key in shown]
    swatch, gap = c.pt(13), c.pt(4)
    widths = [swatch + gap + c.width(text, Type.CAPTION) for _, text in entries]
    spacing = c.pt(12)
    x = rect.left() + (rect.width() - sum(widths) - spacing * (len(entries) - 1)) / 2
    mid = rect.top() + c.line(Type.CAPTION) / 2
    for (key, text), width in zip(entries, widths, strict=True):
        _swatch(c, key, QRectF(x, mid - c.pt(3.5), swatch, c.pt(7)))
        c.text(x + swatch + gap, rect.top(), text, Type.CAPTION, None, MUTED)
        x += width + spacing


def _swatch(c: Canvas, key: str, box: QRectF) -> None:
    p = c.painter
    mid = QPointF(box.center())
    if key == "band":
        p.fillRect(box, soft(ACCENT, 42))
    elif key == "track":
        p.setPen(QPen(ACCENT, c.pt(1.4)))
        p.drawLine(QPointF(box.left(), mid.y()), QPointF(box.right(), mid.y()))
    elif key == "mine":
        pen = QPen(MUTED, c.pt(0.9), Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([4.0, 2.5])
        p.setPen(pen)
        p.drawLine(QPointF(box.left(), mid.y()), QPointF(box.right(), mid.y()))
    elif key == "assessment":
        _ring(c, mid, 2.3)
    else:
        _triangle(c, mid, key == "up", 3.0)


def draw_sparkline(c: Canvas, rect: QRectF, values: Sequence[float]) -> None:
    """A small 0-1 line (same scale for everyone, so rows compare), midline at 0.5."""
    if len(values) < 2:
        return
    inner = rect.adjusted(c.pt(1.5), c.pt(1.5), -c.pt(2.5), -c.pt(1.5))
    c.rule(inner.left(), inner.center().y(), inner.width(), HAIRLINE, 0.4)
    step = inner.width() / (len(values) - 1)
    points = [
        QPointF(inner.left() + i * step, inner.bottom() - v * inner.height())
        for i, v in enumerate(values)
    ]
    pen = QPen(ACCENT, c.pt(0.9))
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    _polyline(c, points, pen)
    c.painter.setPen(Qt.PenStyle.NoPen)
    c.painter.setBrush(QBrush(ACCENT))
    c.painter.drawEllipse(points[-1], c.pt(1.2), c.pt(1.2))


def draw_level_strip(c: Canvas, rect: QRectF, counts: Sequence[int], size: float) -> None:
    """Seven cells, one per level: the count, shaded darker the more delegations sit there."""
    cell = rect.width() / len(counts)
    for i, n in enumerate(counts):
        box = QRectF(
            rect.left() + i * cell + c.pt(0.4), rect.top(), cell - c.pt(0.8), rect.height()
        )
        if n:
            alpha = min(70 + 50 * n, 255)
            c.painter.fillRect(box, soft(ACCENT, alpha))
            color = WHITE if alpha >= 160 else INK
            top = box.top() + (box.height() - c.line(Type.SMALL_STRONG, size)) / 2
            c.text(
                box.left(),
                top,
                str(n),
                Type.SMALL_STRONG,
                box.width(),
                color,
                Qt.AlignmentFlag.AlignHCenter,
                size,
            )
        else:
            c.painter.fillRect(box, HAIRLINE)
