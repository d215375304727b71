"""Colours and icons that follow the system palette (light or dark)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QLabel

import leaddesk


def resources_dir() -> Path:
    """resources/ inside the installed package, or beside the source tree when developing."""
    packaged = Path(leaddesk.__file__).parent / "resources"
    return packaged if packaged.is_dir() else Path(leaddesk.__file__).parents[1] / "resources"


def emphasize(label: QLabel, scale: float) -> QLabel:
    """Make `label` a heading: its font `scale` times larger and semi-bold."""
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label


def is_dark() -> bool:
    """Whether the current palette is dark (window darker than its text)."""
    palette = QApplication.palette()
    return (
        palette.color(QPalette.ColorRole.Window).lightness()
        < palette.color(QPalette.ColorRole.WindowText).lightness()
    )


def text_color() -> QColor:
    """The palette's text colour."""
    return QApplication.palette().color(QPalette.ColorRole.WindowText)


def muted_color() -> QColor:
    """A secondary text colour (placeholder text) for hints and dates."""
    return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)


# Semantic colours, readable on both palettes.
def good() -> QColor:
    """Kept, on track, trust rising."""
    return QColor("#4caf7a" if is_dark() else "#1e7a46")


def warn() -> QColor:
    """Concerns, due soon, clarity gaps."""
    return QColor("#f0b44c" if is_dark() else "#a35f00")


def bad() -> QColor:
    """Broken, off track, overdue."""
    return QColor("#ef6b6b" if is_dark() else "#b3261e")


def accent() -> QColor:
    """The track-record line and selection accents."""
    return QColor("#6fa8dc" if is_dark() else "#2d5b88")


def mine_color() -> QColor:
    """My own record with them (second line)."""
    return QColor("#c39bd3" if is_dark() else "#7b3f98")


@cache
def _svg(name: str) -> bytes:
    return (resources_dir() / "icons" / f"{name}.svg").read_bytes()


def icon(name: str, color: QColor | None = None) -> QIcon:
    """A crisp icon from resources/icons/NAME.svg, drawn in the palette's text colour."""
    shade = (color or text_color()).name()
    data = _svg(name).replace(b"currentColor", shade.encode())
    renderer = QSvgRenderer(QByteArray(data))
    result = QIcon()
    for size in (16, 24, 32, 48, 64):
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result


def app_icon() -> QIcon:
    """The application icon."""
    return QIcon(str(resources_dir() / "icons" / "leaddesk.svg"))
