"""Fonts, sizes, colours and the small vector marks the delegation board paints with.

Read once per render from the palette (light or dark) so painting a card costs no look-ups.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QApplication

from leaddesk.ui import theme

LANE_WIDTH = 170.0  # the person column on the left
MIN_COLUMN = 118.0
GAP = 6.0  # between cards, and around them in a cell
LANE_PAD = 8.0
CARD_PAD = 7.0
STRIPE = 4.0
GLYPH = 12.0
LADDER_HEIGHT = 10.0


class MarkKind(enum.Enum):
    """What a line under a card's title says."""

    GAP = "gap"  # they think they hold another level
    NOT_AGREED = "not agreed"  # their level is unknown
    TARGET = "target"  # growth path towards the target level
    TARGET_DOWN = "target down"
    OVERDUE = "overdue"  # next checkpoint is late


class BoardStyle:
    """Everything the board paints with, derived from the application font and palette."""

    def __init__(self) -> None:
        palette = QApplication.palette()
        base = QApplication.font()
        self.font = QFont(base)
        self.title_font = QFont(base)
        self.title_font.setWeight(QFont.Weight.DemiBold)
        self.small_font = QFont(base)
        self.small_font.setPointSizeF(max(7.0, base.pointSizeF() * 0.88))
        self.name_font = QFont(self.title_font)
        self.name_font.setPointSizeF(base.pointSizeF() * 1.05)
        self.title_metrics = QFontMetricsF(self.title_font)
        self.small_metrics = QFontMetricsF(self.small_font)
        self.name_metrics = QFontMetricsF(self.name_font)
        self.title_height = self.title_metrics.height()
        self.small_height = self.small_metrics.height()
        self.name_height = self.name_metrics.height()
        self.title_key = self.title_font.key()
        self.small_key = self.small_font.key()
        self.dark = theme.is_dark()
        self.text = palette.color(QPalette.ColorRole.Text)
        self.muted = theme.muted_color()
        self.card = palette.color(QPalette.ColorRole.Base)
        self.window = palette.color(QPalette.ColorRole.Window)
        self.border = palette.color(QPalette.ColorRole.Mid)
        self.good = theme.good()
        self.warn = theme.warn()
        self.bad = theme.bad()
        self.accent = theme.accent()
        self.highlight = palette.color(QPalette.ColorRole.Highlight)
        self.lane_alt = _mix(self.window, self.text, 0.035)
        self.column_line = _mix(self.window, self.text, 0.12)
        self.lane_line = _mix(self.window, self.text, 0.22)
        self.drop = QColor(self.accent)
        self.drop.setAlpha(40)

    def mark_color(self, kind: MarkKind) -> QColor:
        """The colour of a mark line (warn for gaps, bad for overdue, accent for growth)."""
        return {
            MarkKind.GAP: self.warn,
            MarkKind.NOT_AGREED: self.muted,
            MarkKind.TARGET: self.accent,
            MarkKind.TARGET_DOWN: self.accent,
            MarkKind.OVERDUE: self.bad,
        }[kind]


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """`a` moved `amount` (0-1) of the way towards `b`."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )


def paint_glyph(painter: QPainter, kind: MarkKind, rect: QRectF, color: QColor) -> None:
    """A 12-px vector mark: warning triangle, dashed '?', dotted arrow, or a clock."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(color, 1.4)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    r = rect.adjusted(0.5, 0.5, -0.5, -0.5)
    cx, cy = r.center().x(), r.center().y()
    if kind is MarkKind.GAP:
        path = QPainterPath(QPointF(cx, r.top()))
        path.lineTo(r.right(), r.bottom())
        path.lineTo(r.left(), r.bottom())
        path.closeSubpath()
        painter.setBrush(color)
        painter.drawPath(path)
        painter.setPen(QPen(QColor("white") if not _is_light(color) else QColor("black"), 1.6))
        painter.drawLine(QPointF(cx, r.top() + r.height() * 0.38), QPointF(cx, r.bottom() - 3.6))
        painter.drawPoint(QPointF(cx, r.bottom() - 1.6))
    elif kind is MarkKind.NOT_AGREED:
        pen.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(pen)
        painter.drawEllipse(r)
        painter.setPen(QPen(color, 1.3))
        font = painter.font()
        font.setPixelSize(int(r.height() * 0.8))
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, "?")
    elif kind in (MarkKind.TARGET, MarkKind.TARGET_DOWN):
        left, right = (r.left(), r.right()) if kind is MarkKind.TARGET else (r.right(), r.left())
        pen.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(left, cy), QPointF(right, cy))
        painter.setPen(QPen(color, 1.4))
        tip = 4.0 if kind is MarkKind.TARGET else -4.0
        painter.drawLine(QPointF(right - tip, cy - 3.5), QPointF(right, cy))
        painter.drawLine(QPointF(right - tip, cy + 3.5), QPointF(right, cy))
    else:  # a filled clock: the checkpoint is late
        painter.setBrush(color)
        painter.drawEllipse(r)
        painter.setPen(QPen(QColor("white") if not _is_light(color) else QColor("black"), 1.3))
        painter.drawLine(QPointF(cx, cy), QPointF(cx, r.top() + 2.5))
        painter.drawLine(QPointF(cx, cy), QPointF(r.right() - 3.0, cy))
    painter.restore()


def _is_light(color: QColor) -> bool:
    return color.lightness() > 150


def paint_ladder(
    painter: QPainter,
    rect: QRectF,
    style: BoardStyle,
    mine: int,
    target: int,
    theirs: int | None,
) -> None:
    """The growth path in miniature: seven steps, mine filled, a dotted way to the target ring.

    Their level, when it differs, is a small warn-coloured triangle above its step.
    """
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    step = min(16.0, (rect.width() - 8) / 6)
    y = rect.center().y() + 1
    xs = [rect.left() + 4 + i * step for i in range(7)]
    low, high = sorted((mine, target))
    path_pen = QPen(style.accent, 1.6, Qt.PenStyle.DotLine)
    path_pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(path_pen)
    painter.drawLine(QPointF(xs[low - 1], y), QPointF(xs[high - 1], y))
    for level, x in enumerate(xs, start=1):
        if level == mine:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.accent)
            painter.drawEllipse(QPointF(x, y), 3.6, 3.6)
        elif level == target:
            ring = QPen(style.accent, 1.4, Qt.PenStyle.DashLine)
            painter.setPen(ring)
            painter.setBrush(style.card)
            painter.drawEllipse(QPointF(x, y), 3.8, 3.8)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.column_line if not low < level < high else style.accent)
            painter.drawEllipse(QPointF(x, y), 1.5, 1.5)
    if theirs is not None and theirs != mine:
        x = xs[theirs - 1]
        top = rect.top() - 1
        mark = QPainterPath(QPointF(x - 3, top))
        mark.lineTo(x + 3, top)
        mark.lineTo(x, top + 4)
        mark.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.warn)
        painter.drawPath(mark)
    painter.restore()
