"""The delegation board's view: scrolling, a sticky column header, and the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.ui.board.board_card import BoardCardItem
from leaddesk.ui.board.board_header import BoardHeader
from leaddesk.ui.board.board_scene import BoardScene
from leaddesk.ui.board.board_style import LANE_WIDTH, MIN_COLUMN

ARROWS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)
HELP = (
    "Drag a card to another column to change my level. Keyboard: arrows move between cards, "
    "Ctrl+→ / Ctrl+← (or ] / [) change the level, Enter opens the delegation."
)


class BoardCanvas(QGraphicsView):
    """Shows the BoardScene; cards are focusable and keys act on the current card."""

    current_changed = Signal(object)  # BoardCardItem | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.board = BoardScene(self)
        self.setScene(self.board)
        self.setObjectName("boardCanvas")
        self.setAccessibleName("Delegation board")
        self.setToolTip(HELP)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.header = BoardHeader(self._to_view_x, self)
        self.setViewportMargins(0, self.header.preferred_height(), 0, 0)
        self.horizontalScrollBar().valueChanged.connect(self.header.update)
        self.board.current_changed.connect(self._on_current)
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self.fit_columns)

    # -- geometry ----------------------------------------------------------------------------
    def column_width(self) -> float:
        """Columns share the width the people column leaves (never narrower than readable)."""
        return max(MIN_COLUMN, (self.viewport().width() - LANE_WIDTH - 1) / 7)

    def fit_columns(self) -> None:
        """Re-lay the cards when the width changed."""
        width = self.column_width()
        if abs(width - self.board.column_width) >= 1:
            self.board.relayout(width)
            self.update_header()
            if self.board.current is not None:
                self.ensureVisible(self.board.current, 16, 16)

    def update_header(self) -> None:
        """Counts per column and the current column width."""
        counts: dict[EmpowermentLevel, int] = {}
        for card in self.board.cards:
            counts[card.level] = counts.get(card.level, 0) + 1
        self.header.set_columns(self.board.column_width, counts)

    def _to_view_x(self, scene_x: float) -> float:
        return float(self.mapFromScene(QPointF(scene_x, 0)).x())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        frame = self.frameWidth()
        self.header.setGeometry(
            frame, frame, self.viewport().width(), self.header.preferred_height()
        )
        self._relayout.start()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if dx:
            self.header.update()

    # -- keyboard ----------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not control:
                forward = key == Qt.Key.Key_Tab and not (
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                )
                if self.board.step_linear(forward) is None:
                    QWidget.focusNextPrevChild(self, forward)  # leave the board at either end
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        card = self.board.current
        if card is not None:
            step = 0
            if (control and key == Qt.Key.Key_Right) or key == Qt.Key.Key_BracketRight:
                step = 1
            elif (control and key == Qt.Key.Key_Left) or key == Qt.Key.Key_BracketLeft:
                step = -1
            if step:
                self.board.request_move(card, step)
                event.accept()
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                delegation = card.delegation
                self.board.open_requested.emit(delegation.person_id, delegation.id)
                event.accept()
                return
        if not control and key in (*ARROWS, Qt.Key.Key_Home, Qt.Key.Key_End):
            if card is None:
                self.focus_first_visible()
            else:
                self.board.step_current(key)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.board.current is None:
            self.focus_first_visible()
        else:
            self.board.set_current(self.board.current)

    def focus_first_visible(self) -> None:
        """Make the first card in sight the current one."""
        seen = self.mapToScene(self.viewport().rect()).boundingRect()
        visible = [item for item in self.board.items(seen) if isinstance(item, BoardCardItem)]
        if visible:
            grid = self.board.grid
            self.board.set_current(min(visible, key=grid.position))
        elif self.board.cards:
            self.board.set_current(self.board.cards[0])

    def _on_current(self, card: BoardCardItem | None) -> None:
        if card is not None:
            self.ensureVisible(card, 24, 24)
            self.setAccessibleDescription(card.accessible_text())
        else:
            self.setAccessibleDescription("")
        self.current_changed.emit(card)
