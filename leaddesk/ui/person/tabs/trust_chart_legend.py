"""The trust chart's legend: a sample of each series beside its name, wrapping on a narrow page."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QWidget

from leaddesk.reports.pdf_chart import LEGEND  # the same words on the page and on paper
from leaddesk.ui import theme

BAND_ALPHA = {False: 60, True: 80}  # by is_dark()
LEGEND_ONE_ROW_PX = 900


class TrustChartLegend(QWidget):
    """The six entries, centred: one row when the chart is wide, two rows of three otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Never widens the chart: the legend wraps instead (see `fit_width`).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(2)
        self._entries: dict[str, tuple[QLabel, QLabel]] = {}
        for key, text in LEGEND:
            swatch, label = QLabel(), QLabel(text)
            label.setObjectName(f"legend_{key}")
            label.setAccessibleName(f"Legend: {text}")
            self._entries[key] = (swatch, label)
        self._columns = 0
        self.place(len(LEGEND))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addLayout(self.grid)
        row.addStretch(1)

    def place(self, columns: int) -> None:
        """Lay the entries out in `columns` columns (one row, or two rows of three)."""
        if columns == self._columns:
            return
        self._columns = columns
        for i, (swatch, label) in enumerate(self._entries.values()):
            row, column = divmod(i, columns)
            self.grid.addWidget(swatch, row, 2 * column)
            self.grid.addWidget(label, row, 2 * column + 1)

    def fit_width(self, width: int) -> None:
        """Wrap before the legend would make a chart `width` pixels wide any wider."""
        self.place(len(LEGEND) if width >= LEGEND_ONE_ROW_PX else 3)

    def restyle(self, shown: dict[str, bool], ratio: float) -> None:
        """Redraw the samples in the current palette; hide entries `shown` marks absent."""
        for key, (swatch, label) in self._entries.items():
            swatch.setPixmap(_swatch(key, ratio))
            swatch.setVisible(shown.get(key, True))
            label.setVisible(shown.get(key, True))


def band_color() -> QColor:
    """The certainty band's fill: the accent, translucent (a little more in dark mode)."""
    color = QColor(theme.accent())
    color.setAlpha(BAND_ALPHA[theme.is_dark()])
    return color


def _swatch(key: str, ratio: float) -> QPixmap:
    """A small legend sample drawn like the series it names."""
    pixmap = QPixmap(QSize(int(26 * ratio), int(14 * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if key == "band":
        painter.fillRect(QRectF(1, 1, 24, 12), band_color())
    elif key in ("track", "mine"):
        mine = key == "mine"
        painter.setPen(
            QPen(
                theme.mine_color() if mine else theme.accent(),
                2.0 if mine else 2.6,
                Qt.PenStyle.DashLine if mine else Qt.PenStyle.SolidLine,
            )
        )
        painter.drawLine(QPointF(1, 7), QPointF(25, 7))
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        if key == "assessment":
            painter.setBrush(theme.warn())
            painter.drawEllipse(QPointF(13, 7), 4.5, 4.5)
        else:
            painter.setBrush(theme.good() if key == "up" else theme.bad())
            tip, base = (2.0, 12.0) if key == "up" else (12.0, 2.0)
            painter.drawPolygon(QPolygonF([QPointF(13, tip), QPointF(7, base), QPointF(19, base)]))
    painter.end()
    return pixmap
