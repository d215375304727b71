"""A page preview that zooms: the PDF's pages as an image on a grey desk, read at any size.

Zoom in and out with Ctrl+plus and Ctrl+minus (or Ctrl+wheel, or the buttons), Ctrl+0 fits the
page's width to the pane again. Zoom is a share of the page's real size on screen (100%: an A4
page as wide as it is on paper at the screen's resolution); "Fit" follows the pane as it resizes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QIcon, QImage, QKeySequence, QPixmap, QWheelEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ZOOMS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)
SCREEN_DPI = 96.0  # what 100% means: the page at its real size on a typical screen
RENDER_DPI = 144  # the preview is drawn once at this resolution and scaled for each zoom
MARGIN_PX = 16


class PagePreview(QWidget):
    """The pages in a scroll area, with zoom actions (shortcuts, toolbar buttons, Ctrl+wheel)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pagePreview")
        self._image: QImage | None = None
        self._zoom: float | None = None  # None: fit the width
        self.label = QLabel("Drawing the page…")
        self.label.setObjectName("exportPreview")
        self.label.setAccessibleName("Page preview")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The page sits on a grey desk, like paper, so its white edges show.
        self.label.setStyleSheet("QLabel#exportPreview { background: palette(mid); }")
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("pagePreviewScroll")
        self.scroll_area.setWidget(self.label)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Always there, so fitting the width never makes it come and go (and refit, and go).
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll_area.viewport().installEventFilter(self)
        self.zoom_in_action = self._action(
            "Zoom in", "zoom-in", [QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")]
        )
        self.zoom_out_action = self._action(
            "Zoom out", "zoom-out", [QKeySequence.StandardKey.ZoomOut]
        )
        self.fit_action = self._action("Fit to width", "zoom-fit-width", [QKeySequence("Ctrl+0")])
        self.zoom_in_action.triggered.connect(self.zoom_in)
        self.zoom_out_action.triggered.connect(self.zoom_out)
        self.fit_action.triggered.connect(self.fit)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("pagePreviewZoom")
        self.zoom_label.setAccessibleName("Zoom")
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("300%") + 8)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addStretch(1)
        for action, name in (
            (self.zoom_out_action, "pagePreviewZoomOut"),
            (None, ""),
            (self.zoom_in_action, "pagePreviewZoomIn"),
            (self.fit_action, "pagePreviewFit"),
        ):
            if action is None:
                bar.addWidget(self.zoom_label)
                continue
            button = QToolButton()
            button.setObjectName(name)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setAutoRaise(True)
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll_area, 1)
        self._update()

    def _action(
        self, text: str, icon: str, keys: list[QKeySequence | QKeySequence.StandardKey]
    ) -> QAction:
        action = QAction(QIcon.fromTheme(icon), text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        shortcut = QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text} ({shortcut})")
        self.addAction(action)
        return action

    # -- what is shown -----------------------------------------------------------------------
    def set_image(self, image: QImage) -> None:
        """Show `image` (drawn at RENDER_DPI) at the current zoom."""
        self._image = image
        self._update()

    def zoom(self) -> float:
        """The zoom in effect: a share of the page's real size (1.0 = 100%)."""
        if self._zoom is not None:
            return self._zoom
        return self._fit_zoom()

    def fitting(self) -> bool:
        """Whether the page follows the pane's width."""
        return self._zoom is None

    def _fit_zoom(self) -> float:
        if self._image is None:
            return 1.0
        room = max(self.scroll_area.viewport().width() - 2 * MARGIN_PX, 100)
        return room / (self._image.width() * SCREEN_DPI / RENDER_DPI)

    # -- zooming -----------------------------------------------------------------------------
    def zoom_in(self) -> None:
        """The next step up from the current zoom."""
        now = self.zoom()
        self._zoom = next((z for z in ZOOMS if z > now + 0.01), ZOOMS[-1])
        self._update()

    def zoom_out(self) -> None:
        """The next step down from the current zoom."""
        now = self.zoom()
        self._zoom = next((z for z in reversed(ZOOMS) if z < now - 0.01), ZOOMS[0])
        self._update()

    def fit(self) -> None:
        """Back to the page's width fitting the pane."""
        self._zoom = None
        self._update()

    def _update(self) -> None:
        zoom = self.zoom()
        self.zoom_in_action.setEnabled(zoom < ZOOMS[-1] - 0.01)
        self.zoom_out_action.setEnabled(zoom > ZOOMS[0] + 0.01)
        self.fit_action.setEnabled(not self.fitting())
        self.zoom_label.setText(f"{round(zoom * 100)}%")
        if self._image is None:
            return
        width = max(round(self._image.width() * SCREEN_DPI / RENDER_DPI * zoom), 50)
        self.label.setPixmap(
            QPixmap.fromImage(self._image).scaledToWidth(
                width, Qt.TransformationMode.SmoothTransformation
            )
        )

    # -- events ------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+wheel over the page zooms; the wheel alone scrolls as usual."""
        if (
            watched is self.scroll_area.viewport()
            and event.type() == QEvent.Type.Wheel
            and isinstance(event, QWheelEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            steps = event.angleDelta().y()
            if steps > 0:
                self.zoom_in()
            elif steps < 0:
                self.zoom_out()
            event.accept()
            return True
        resized = event.type() == QEvent.Type.Resize
        if watched is self.scroll_area.viewport() and resized and self.fitting():
            self._update()
        return super().eventFilter(watched, event)
