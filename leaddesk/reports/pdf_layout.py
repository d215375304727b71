"""Typesetting shared by the PDF one-pagers: the page, the type scale, the palette, text that fits.

Everything is measured in device units of whatever the painter draws on (a 300 dpi QPdfWriter, a
QPrinter for a print preview, a QImage): sizes are given in points and converted with `Canvas.pt`,
and fonts are sized in points so Qt maps them to the device's resolution. No text is ever clipped:
a single line is elided, a wrapped text keeps at most N lines and elides the last one.
"""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from leaddesk.reports.atomic import ExportError, atomic_path, check_target
from leaddesk.reports.pdf_glyphs import Printable

PageSizeName = Literal["A4", "Letter"]
Progress = Callable[[int], None]
Paint = Callable[[QPainter, QRectF], None]
# Paints page `index` (0-based) of a document and returns how many pages the document has.
PaintPage = Callable[[QPainter, QRectF, int], int]

PDF_DPI = 300
PDF_TITLE = "LeadDesk one-pager"  # never the person's name: metadata leaks in file browsers
PDF_CREATOR = "LeadDesk"
MARGINS_MM = QMarginsF(16, 14, 16, 13)
_PAGE_IDS = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
_FAMILIES = ("Inter", "Source Sans 3", "Noto Sans", "Helvetica Neue", "Segoe UI", "Arial")
_app: QGuiApplication | None = None

# One accent on a scale of greys.
INK = QColor("#1d232b")
MUTED = QColor("#4d5661")
FAINT = QColor("#858d97")
RULE = QColor("#b9c0c8")
HAIRLINE = QColor("#e1e4e8")
SHADE = QColor("#f2f4f6")
ACCENT = QColor("#2d5b88")
WHITE = QColor("#ffffff")
DESK = QColor("#8a9099")  # between pages of a multi-page preview
# Status colours, dark enough to print legibly on an office laser and to stay apart in greyscale
# (red darkest): overdue or broken, due soon, kept or on track. The words always say it too.
OVERDUE = QColor("#b42318")
SOON = QColor("#9a5b00")
KEPT = QColor("#1d7a3e")


def soft(color: QColor, alpha: int) -> QColor:
    """`color` made translucent (0-255)."""
    out = QColor(color)
    out.setAlpha(alpha)
    return out


class Type(enum.Enum):
    """The type hierarchy: one size and weight per role, nothing in between."""

    EYEBROW = (7.2, QFont.Weight.Bold)
    TITLE = (18.0, QFont.Weight.Bold)
    SUBTITLE = (9.0, QFont.Weight.Normal)
    HEADING = (9.5, QFont.Weight.Bold)
    FIGURE = (13.0, QFont.Weight.DemiBold)
    BODY = (8.2, QFont.Weight.Normal)
    STRONG = (8.2, QFont.Weight.DemiBold)
    SMALL = (7.3, QFont.Weight.Normal)
    SMALL_STRONG = (7.3, QFont.Weight.DemiBold)
    CAPTION = (6.5, QFont.Weight.Normal)


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new one (offscreen when Linux has no display).

    QPdfWriter and font metrics need a QGuiApplication; the CLI has none and may run headless.
    """
    global _app
    existing = QCoreApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if existing is not None:
        raise ExportError("PDF export needs a graphical Qt application, not a console one.")
    argv = ["leaddesk"]
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and headless and not os.environ.get("QT_QPA_PLATFORM"):
        argv += ["-platform", "offscreen"]
    _app = QGuiApplication(argv)
    return _app


def page_layout(page_size: PageSizeName) -> QPageLayout:
    """Portrait A4 or Letter with the one-pagers' margins (GUI: apply it to a QPrinter)."""
    if page_size not in _PAGE_IDS:
        raise ExportError(f"Page size '{page_size}' is not supported; use A4 or Letter.")
    return QPageLayout(
        QPageSize(_PAGE_IDS[page_size]),
        QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


def paint_rect(painter: QPainter) -> QRectF:
    """The area to lay a page out in: inside the margins of a paged device, else all of it."""
    device = painter.device()
    if isinstance(device, QPagedPaintDevice):
        area = device.pageLayout().paintRectPixels(device.logicalDpiX())
        return QRectF(0, 0, area.width(), area.height())
    return QRectF(0, 0, device.width(), device.height())


def write_pdf(
    target: Path, page_size: PageSizeName, paint: Paint, protect: Path | None = None
) -> Path:
    """Write a one-page PDF atomically: complete at `target`, or no file at all (never over the
    open store `protect`)."""

    def one_page(painter: QPainter, rect: QRectF, _index: int) -> int:
        paint(painter, rect)
        return 1

    return write_pages(target, page_size, one_page, protect)


def write_pages(
    target: Path, page_size: PageSizeName, paint: PaintPage, protect: Path | None = None
) -> Path:
    """Write a PDF of as many pages as `paint` says it has, atomically (as `write_pdf`)."""
    layout = page_layout(page_size)
    ensure_gui_application()
    with atomic_path(target, protect) as temporary:
        _paint_pdf(temporary, layout, paint)
        check_pdf(temporary, target)
    return check_target(target)


def _paint_pdf(path: Path, layout: QPageLayout, paint: PaintPage) -> None:
    # The writer lives only in this frame: it has closed the file when the rename happens.
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(layout)
    writer.setTitle(PDF_TITLE)
    writer.setCreator(PDF_CREATOR)
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError(f"Cannot write a PDF at {path.parent}.")
    try:
        pages = paint(painter, paint_rect(painter), 0)
        for index in range(1, pages):
            writer.newPage()
            paint(painter, paint_rect(painter), index)
    finally:
        ended = painter.end()
    if not ended:
        raise ExportError(f"Cannot write a PDF at {path.parent}: the PDF writer failed.")


PDF_TAIL_BYTES = 1024


def check_pdf(written: Path, target: Path) -> None:
    """Refuse a PDF the writer did not finish. Qt's PDF writer reports no write error (a full
    disk leaves a cut file and a painter that 'ended' fine), so the file itself is checked:
    not empty, a PDF header, and the %%EOF marker a PDF writer puts last."""
    try:
        size = written.stat().st_size
        with written.open("rb") as handle:
            head = handle.read(5)
            handle.seek(max(0, size - PDF_TAIL_BYTES))
            tail = handle.read()
    except OSError as error:
        raise ExportError(f"Cannot write {target}: {error.strerror or error}.") from None
    if size == 0 or head != b"%PDF-" or not tail.rstrip().endswith(b"%%EOF"):
        raise ExportError(
            f"Cannot write {target}: the PDF came out incomplete (is the disk full?). "
            "Nothing was written; free some space or choose another folder."
        )


def render_image(paint: Paint, page_size: PageSizeName, dpi: int = 96) -> QImage:
    """The page as an image (print preview thumbnails, screenshots), margins included."""

    def one_page(painter: QPainter, rect: QRectF, _index: int) -> int:
        paint(painter, rect)
        return 1

    return render_page_image(one_page, page_size, dpi)[0]


PAGE_GAP_PX = 12


def render_pages_image(paint: PaintPage, page_size: PageSizeName, dpi: int = 96) -> QImage:
    """Every page of a document as one image, pages one under the other on a grey desk."""
    first, pages = render_page_image(paint, page_size, dpi, 0)
    if pages == 1:
        return first
    images = [first] + [render_page_image(paint, page_size, dpi, i)[0] for i in range(1, pages)]
    gap = round(PAGE_GAP_PX * dpi / 96)
    out = QImage(first.width(), sum(i.height() for i in images) + gap * (pages - 1), first.format())
    out.setDotsPerMeterX(first.dotsPerMeterX())
    out.setDotsPerMeterY(first.dotsPerMeterY())
    out.fill(DESK)
    painter = QPainter(out)
    try:
        y = 0
        for image in images:
            painter.drawImage(0, y, image)
            y += image.height() + gap
    finally:
        painter.end()
    return out


def render_page_image(
    paint: PaintPage, page_size: PageSizeName, dpi: int = 96, index: int = 0
) -> tuple[QImage, int]:
    """Page `index` as an image, margins included, and the document's page count."""
    ensure_gui_application()
    layout = page_layout(page_size)
    full = layout.fullRectPixels(dpi)
    inner = layout.paintRectPixels(dpi)
    image = QImage(full.width(), full.height(), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(WHITE)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.translate(inner.x(), inner.y())
        pages = paint(painter, QRectF(0, 0, inner.width(), inner.height()), index)
    finally:
        painter.end()
    return image, pages


def _family() -> str:
    available = set(QFontDatabase.families())
    for family in _FAMILIES:
        if family in available:
            return family
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()


def _break_word(word: str, width: float, advance: Callable[[str], float]) -> list[str]:
    """A word wider than a line (a long link) cut into pieces that fit, so it wraps too."""
    if advance(word) <= width:
        return [word]
    pieces, current = [], ""
    for ch in word:
        if current and advance(current + ch) > width:
            pieces.append(current)
            current = ""
        current += ch
    return [*pieces, current]


class Canvas:
    """A painter plus the type scale, sized for the painter's device."""

    def __init__(self, painter: QPainter, scale: float = 1.0) -> None:
        self.painter = painter
        self.k = painter.device().logicalDpiY() / 72.0
        self.scale = scale  # shrinks the body types on crowded pages (the team table)
        self._family = _family()
        self._fonts: dict[tuple[Type, float], tuple[QFont, QFontMetricsF]] = {}
        self.printable = Printable(self.font(Type.BODY))  # measured and drawn alike
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

    def pt(self, points: float) -> float:
        """Points as device units."""
        return points * self.k

    def font(self, kind: Type, size: float | None = None) -> QFont:
        """The font of a type role (optionally at another size in points)."""
        return self._font(kind, size)[0]

    def metrics(self, kind: Type, size: float | None = None) -> QFontMetricsF:
        """Metrics of that font on this device."""
        return self._font(kind, size)[1]

    def _font(self, kind: Type, size: float | None) -> tuple[QFont, QFontMetricsF]:
        points = size if size is not None else kind.value[0]
        key = (kind, points)
        if key not in self._fonts:
            font = QFont(self._family)
            font.setPointSizeF(points)
            font.setWeight(kind.value[1])
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            font.setKerning(True)
            for tag in ("liga", "clig"):  # "fi" stays two letters when copied or searched
                font.setFeature(QFont.Tag(tag), 0)
            self._fonts[key] = (font, QFontMetricsF(font, self.painter.device()))
        return self._fonts[key]

    def line(self, kind: Type, size: float | None = None) -> float:
        """Height of one line of this type, with a little leading."""
        return self.metrics(kind, size).height() * 1.12

    def width(self, text: str, kind: Type, size: float | None = None) -> float:
        """Advance width of `text` in this type."""
        return self.metrics(kind, size).horizontalAdvance(self.printable(text))

    def elide(self, text: str, kind: Type, width: float, size: float | None = None) -> str:
        """`text` on one line, cut with an ellipsis if it is wider than `width`."""
        flat = " ".join(self.printable(text).split())
        return self.metrics(kind, size).elidedText(flat, Qt.TextElideMode.ElideRight, width)

    def wrap(
        self, text: str, kind: Type, width: float, max_lines: int, size: float | None = None
    ) -> list[str]:
        """Word-wrapped lines (at most `max_lines`; the last one elided when text remains)."""
        metrics = self.metrics(kind, size)
        words = [
            piece
            for word in self.printable(text).split()
            for piece in _break_word(word, width, metrics.horizontalAdvance)
        ]
        if not words:
            return []
        lines: list[str] = []
        current = ""
        for i, word in enumerate(words):
            trial = f"{current} {word}" if current else word
            if metrics.horizontalAdvance(trial) <= width or not current:
                current = trial
                continue
            lines.append(current)
            if len(lines) == max_lines - 1:
                current = " ".join(words[i:])
                break
            current = word
        lines.append(current)
        return [self.elide(line, kind, width, size) for line in lines[:max_lines]]

    def text(
        self,
        x: float,
        top: float,
        text: str,
        kind: Type,
        width: float | None = None,
        color: QColor = INK,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        size: float | None = None,
    ) -> float:
        """Draw one line with its top at `top`, elided to `width`; returns the line height."""
        shown = self.elide(text, kind, width, size) if width is not None else self.printable(text)
        metrics = self.metrics(kind, size)
        if width is not None and align != Qt.AlignmentFlag.AlignLeft:
            free = width - metrics.horizontalAdvance(shown)
            x += free if align == Qt.AlignmentFlag.AlignRight else free / 2
        self.painter.setFont(self.font(kind, size))
        self.painter.setPen(color)
        baseline = top + (self.line(kind, size) - metrics.height()) / 2 + metrics.ascent()
        self.painter.drawText(QPointF(x, baseline), shown)
        return self.line(kind, size)

    def rule(
        self, x: float, y: float, width: float, color: QColor = RULE, weight: float = 0.5
    ) -> None:
        """A horizontal rule `weight` points thick."""
        pen = QPen(color, self.pt(weight))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        self.painter.setPen(pen)
        self.painter.drawLine(QPointF(x, y), QPointF(x + width, y))
