"""LeadDesk's design tokens: spacing, type, one accent, status colours, radius; and icons.

Everything is drawn from the system palette and font so the app stays native: the type scale is a
factor of the system font, the neutral colours are the palette's, and only the accent and the
four status colours are fixed hues, tuned for a light and a dark palette. The app-wide style sheet
(`leaddesk.ui.common.style_sheet`) is built from these tokens; widgets opt in with properties.
"""

from __future__ import annotations

import enum
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QLabel, QLayout, QWidget

import leaddesk


def resources_dir() -> Path:
    """resources/ inside the installed package, or beside the source tree when developing."""
    packaged = Path(leaddesk.__file__).parent / "resources"
    return packaged if packaged.is_dir() else Path(leaddesk.__file__).parents[1] / "resources"


# -- spacing, radius -----------------------------------------------------------------------------
class Space(enum.IntEnum):
    """The spacing scale in pixels: every margin and gap is one of these."""

    XS = 4
    S = 8
    M = 12
    L = 16
    XL = 24
    XXL = 32


def page_margins(layout: QLayout) -> QLayout:
    """The margins around every screen's content, so titles line up from page to page (the
    person page fills 1280×800 exactly: more height here would push the window off screen)."""
    layout.setContentsMargins(Space.L, Space.S, Space.L, Space.S)
    return layout


RADIUS = 8  # cards and sections
RADIUS_SMALL = 5  # sidebar entries, chips


# -- type ----------------------------------------------------------------------------------------
class TextStyle(enum.Enum):
    """The type scale: a size factor of the system font and a weight."""

    CAPTION = (0.88, QFont.Weight.Normal)
    BODY = (1.0, QFont.Weight.Normal)
    SUBTITLE = (1.12, QFont.Weight.DemiBold)
    TITLE = (1.45, QFont.Weight.DemiBold)
    DISPLAY = (1.8, QFont.Weight.DemiBold)

    @property
    def factor(self) -> float:
        """Size relative to the system font."""
        return float(self.value[0])

    @property
    def weight(self) -> QFont.Weight:
        """Its font weight."""
        return self.value[1]

    @property
    def key(self) -> str:
        """Its name as the `textStyle` property the style sheet matches."""
        return self.name.lower()


def font_for(style: TextStyle, base: QFont | None = None) -> QFont:
    """The system font (or `base`) at `style`'s size and weight."""
    font = QFont(base if base is not None else QApplication.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * style.factor)
    else:
        font.setPixelSize(round(font.pixelSize() * style.factor))
    font.setWeight(style.weight)
    return font


def set_text_style(label: QWidget, style: TextStyle) -> QWidget:
    """Give `label` a step of the type scale (the style sheet sizes it; the font is set too, so
    it measures right before the style sheet is polished)."""
    label.setProperty("textStyle", style.key)
    label.setFont(font_for(style, QApplication.font()))
    return label


def title_label(text: str, style: TextStyle = TextStyle.TITLE) -> QLabel:
    """A page or section heading in the type scale."""
    label = QLabel(text)
    label.setObjectName("pageTitle" if style is TextStyle.TITLE else "")
    set_text_style(label, style)
    label.setAccessibleName(text)
    return label


def emphasize(label: QLabel, scale: float) -> QLabel:
    """Make `label` a heading: the nearest step of the type scale to `scale` times the font."""
    style = min(
        (TextStyle.SUBTITLE, TextStyle.TITLE, TextStyle.DISPLAY),
        key=lambda step: abs(step.factor - scale),
    )
    set_text_style(label, style)
    return label


def set_tone(widget: QWidget, tone: str) -> QWidget:
    """Colour `widget`'s text by meaning (muted, good, warn, bad, accent); follows the scheme."""
    widget.setProperty("tone", tone)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return widget


# -- colours -------------------------------------------------------------------------------------
def is_dark() -> bool:
    """Whether the current palette is dark (window darker than its text)."""
    palette = QApplication.palette()
    return (
        palette.color(QPalette.ColorRole.Window).lightness()
        < palette.color(QPalette.ColorRole.WindowText).lightness()
    )


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """`a` moved `amount` (0..1) of the way towards `b`, opaque."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def _role(role: QPalette.ColorRole) -> QColor:
    return QApplication.palette().color(role)


def text_color() -> QColor:
    """The palette's text colour."""
    return _role(QPalette.ColorRole.WindowText)


def muted_color() -> QColor:
    """A secondary text colour for hints and dates: opaque, so a style sheet can use its name
    (the palette's placeholder colour is often half-transparent text, which `.name()` turns
    back into full-strength text)."""
    return mix(text_color(), _role(QPalette.ColorRole.Window), 0.42 if is_dark() else 0.45)


def surface() -> QColor:
    """A card's background: the palette's Base, a step off the window."""
    return _role(QPalette.ColorRole.Base)


def surface_alt() -> QColor:
    """A quieter card background (AlternateBase)."""
    return _role(QPalette.ColorRole.AlternateBase)


def hairline() -> QColor:
    """Borders and separators: text faded far into the window."""
    return mix(_role(QPalette.ColorRole.Window), text_color(), 0.16 if is_dark() else 0.13)


# Semantic colours, readable on both palettes (contrast ≥ 4.5:1 on Base in either).
def good() -> QColor:
    """Kept, on track, trust rising."""
    return QColor("#5cc28a" if is_dark() else "#1e7a46")


def warn() -> QColor:
    """Concerns, due soon, clarity gaps."""
    return QColor("#f0b44c" if is_dark() else "#9a5a00")


def bad() -> QColor:
    """Broken, off track, overdue."""
    return QColor("#f27d7d" if is_dark() else "#b3261e")


def accent() -> QColor:
    """The one accent: the track-record line, selection, focus and links."""
    return QColor("#7ab3e8" if is_dark() else "#2d5b88")


def mine_color() -> QColor:
    """My own record with them (second line)."""
    return QColor("#c39bd3" if is_dark() else "#7b3f98")


def soft(color: QColor) -> QColor:
    """A soft background for `color` (a status chip, a selected sidebar entry) on a card."""
    return mix(surface(), color, 0.22 if is_dark() else 0.12)


TONES = {"muted": muted_color, "good": good, "warn": warn, "bad": bad, "accent": accent}


# -- icons ---------------------------------------------------------------------------------------
@cache
def _svg(name: str) -> bytes:
    return (resources_dir() / "icons" / f"{name}.svg").read_bytes()


def _render(name: str, shade: QColor, size: QSize) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(_svg(name).replace(b"currentColor", shade.name().encode())))
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return pixmap


class _TintedIconEngine(QIconEngine):
    """Draws the SVG in the palette's text colour at paint time, so icons follow a scheme
    switch (light ↔ dark) without anyone re-setting them; disabled icons are muted."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self._cache: dict[tuple[int, int, str], QPixmap] = {}

    def _shade(self, mode: QIcon.Mode) -> QColor:
        return muted_color() if mode == QIcon.Mode.Disabled else text_color()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        shade = self._shade(mode)
        key = (size.width(), size.height(), shade.name())
        if key not in self._cache:
            if len(self._cache) > 32:
                self._cache.clear()
            self._cache[key] = _render(self.name, shade, size)
        return self._cache[key]

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        pixmap = self.pixmap(rect.size() * ratio, mode, state)
        pixmap.setDevicePixelRatio(ratio)
        painter.drawPixmap(rect, pixmap)

    def clone(self) -> QIconEngine:
        return _TintedIconEngine(self.name)

    def key(self) -> str:
        return "leaddesk-tinted"


def icon(name: str, color: QColor | None = None) -> QIcon:
    """A crisp icon from resources/icons/NAME.svg: in `color`, or else in the palette's text
    colour at the moment it is drawn (so it re-tints when the scheme changes)."""
    if color is None:
        return QIcon(_TintedIconEngine(name))
    result = QIcon()
    for size in (16, 24, 32, 48, 64):
        result.addPixmap(_render(name, color, QSize(size, size)))
    return result


def app_icon() -> QIcon:
    """The application icon."""
    return QIcon(str(resources_dir() / "icons" / "leaddesk.svg"))
