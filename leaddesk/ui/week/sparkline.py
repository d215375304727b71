"""A tiny trust sparkline painted with QPainter (no chart machinery for a 13-point line).

The team grid shows one per member in its Trust column, through `SparklineDelegate`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from leaddesk.ui import theme
from leaddesk.ui.week.team_model import MemberRole, TeamTableModel


def paint_sparkline(
    painter: QPainter, rect: QRectF, values: Sequence[float], color: QColor
) -> None:
    """Draw `values` (0-1) inside `rect`, with a faint 0.5 baseline and a dot on the last point."""
    if len(values) < 2:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pad = 3.0
    inner = rect.adjusted(pad, pad, -pad, -pad)
    base = QColor(color)
    base.setAlpha(70)
    painter.setPen(QPen(base, 1, Qt.PenStyle.DotLine))
    mid = inner.top() + inner.height() * 0.5
    painter.drawLine(QPointF(inner.left(), mid), QPointF(inner.right(), mid))
    step = inner.width() / (len(values) - 1)
    points = [
        QPointF(inner.left() + i * step, inner.bottom() - max(0.0, min(1.0, v)) * inner.height())
        for i, v in enumerate(values)
    ]
    path = QPainterPath(points[0])
    for point in points[1:]:
        path.lineTo(point)
    painter.setPen(QPen(color, 1.8))
    painter.drawPath(path)
    painter.setBrush(color)
    painter.drawEllipse(points[-1], 2.5, 2.5)
    painter.restore()


class SparklineDelegate(QStyledItemDelegate):
    """Paints a member's sparkline in the Trust column (nothing in presenter mode)."""

    def __init__(self, model: TeamTableModel) -> None:
        super().__init__()
        self.model = model

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        if self.model.presenter:
            return
        member = index.data(MemberRole)
        paint_sparkline(painter, QRectF(option.rect), member.sparkline, theme.accent())
