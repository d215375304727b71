"""What the marks on a board card mean, drawn with the same glyphs as the cards."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from leaddesk.ui.board.board_style import GLYPH, BoardStyle, MarkKind, paint_glyph

ENTRIES = (
    (MarkKind.GAP, "clarity gap: they think another level"),
    (MarkKind.NOT_AGREED, "their level not agreed yet"),
    (MarkKind.TARGET, "target level (growth path)"),
    (MarkKind.OVERDUE, "checkpoint overdue"),
)
SPACING = 18.0


class BoardLegend(QWidget):
    """One line: glyph and meaning for each kind of mark."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardLegend")
        self.setAccessibleName("Legend")
        self.setAccessibleDescription("; ".join(text for _kind, text in ENTRIES))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        style = BoardStyle()
        width = sum(
            GLYPH + 5 + style.small_metrics.horizontalAdvance(text) + SPACING
            for _kind, text in ENTRIES
        )
        return QSize(int(width), int(style.small_height + 6))

    def minimumSizeHint(self) -> QSize:
        return QSize(100, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        style = BoardStyle()
        painter = QPainter(self)
        painter.setFont(style.small_font)
        height = float(self.height())
        x = 0.0
        for kind, text in ENTRIES:
            color = style.mark_color(kind)
            paint_glyph(painter, kind, QRectF(x, (height - GLYPH) / 2, GLYPH, GLYPH), color)
            x += GLYPH + 5
            width = style.small_metrics.horizontalAdvance(text)
            painter.setPen(style.muted)
            painter.drawText(QRectF(x, 0, width + 2, height), Qt.AlignmentFlag.AlignVCenter, text)
            x += width + SPACING
        painter.end()
