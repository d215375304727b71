"""The tray icon with a number on it: how many things are due today or overdue."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

SIZES = (16, 22, 24, 32, 48, 64)
BADGE = QColor("#c62828")  # a notification red that reads on light and dark panels alike


def badge_text(count: int) -> str:
    """What fits on the badge: the count, or '99+'."""
    return str(count) if count < 100 else "99+"


def badge_icon(base: QIcon, count: int | None) -> QIcon:
    """`base` with `count` in a red disc at its lower right; `base` alone for 0 or None."""
    if not count:
        return base
    text = badge_text(count)
    result = QIcon()
    for size in SIZES:
        pixmap = base.pixmap(QSize(size, size))
        if pixmap.isNull():
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = size * (0.62 if len(text) == 1 else 0.72)
        disc = QRectF(size - side, size - side, side, side)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BADGE)
        painter.drawEllipse(disc)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(6, int(side * {1: 0.72, 2: 0.5}.get(len(text), 0.36))))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        result.addPixmap(pixmap)
    return result
