"""The board's sticky column header: '1 Tell — I decide' … '7 Delegate — …', with card counts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.ui.board.board_style import LANE_WIDTH, BoardStyle


def column_title(level: EmpowermentLevel) -> str:
    """'3 Consult — I decide after hearing you'."""
    return f"{int(level)} {level.label} — {level.meaning}"


class BoardHeader(QWidget):
    """Paints the seven column titles over the board, following its horizontal scroll."""

    def __init__(self, to_view_x: Callable[[float], float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardHeader")
        self.to_view_x = to_view_x
        self.column_width = 150.0
        self.counts: dict[EmpowermentLevel, int] = {}
        self.paint_style = BoardStyle()
        self.setAccessibleName("Levels of empowerment")
        self.setAccessibleDescription("; ".join(column_title(level) for level in EmpowermentLevel))
        self.setToolTip(
            "<b>Levels of empowerment</b><br>"
            + "<br>".join(column_title(level) for level in EmpowermentLevel)
        )

    def set_columns(self, column_width: float, counts: dict[EmpowermentLevel, int]) -> None:
        """New column width and card counts."""
        self.column_width = column_width
        self.counts = counts
        self.paint_style = BoardStyle()
        self.update()

    def preferred_height(self) -> int:
        """Three lines: number and name, meaning (may wrap), count."""
        style = self.paint_style
        return int(style.title_height + 2 * style.small_height + 2 * 8 + 12)

    def sizeHint(self) -> QSize:
        return QSize(800, self.preferred_height())

    def paintEvent(self, event: QPaintEvent) -> None:
        style = self.paint_style
        painter = QPainter(self)
        painter.fillRect(self.rect(), style.window)
        painter.setPen(QPen(style.lane_line, 1.5))
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        left = self.to_view_x(0)
        painter.setFont(style.title_font)
        painter.setPen(style.muted)
        painter.drawText(
            QRectF(left + 14, 8, LANE_WIDTH - 20, style.title_height),
            Qt.AlignmentFlag.AlignVCenter,
            "Person",
        )
        title_h = style.title_height
        small_h = style.small_height
        for level in EmpowermentLevel:
            x = self.to_view_x(LANE_WIDTH + (int(level) - 1) * self.column_width)
            if x > self.width() or x + self.column_width < 0:
                continue
            inner = QRectF(x + 10, 6, self.column_width - 16, self.height() - 10)
            painter.setFont(style.title_font)
            painter.setPen(style.text)
            painter.drawText(
                QRectF(inner.left(), inner.top(), inner.width(), title_h),
                Qt.AlignmentFlag.AlignVCenter,
                style.title_metrics.elidedText(
                    f"{int(level)} {level.label}", Qt.TextElideMode.ElideRight, inner.width()
                ),
            )
            painter.setFont(style.small_font)
            painter.setPen(style.muted)
            meaning = QRectF(inner.left(), inner.top() + title_h, inner.width(), 2 * small_h)
            painter.drawText(
                meaning,
                Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                f"— {level.meaning}",
            )
            count = self.counts.get(level, 0)
            painter.drawText(
                QRectF(inner.left(), inner.top(), inner.width(), title_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                str(count) if count else "",
            )
            painter.setPen(QPen(style.column_line, 1))
            painter.drawLine(int(x), 4, int(x), self.height() - 4)
        painter.end()
