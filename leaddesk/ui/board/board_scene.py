"""The delegation board's scene: lanes (people) by seven columns (levels), cards, drag and keys.

Lanes and columns are painted in `drawBackground` (only the visible ones), so the scene holds one
light item per card and nothing else: thousands of delegations open and scroll quickly.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneHelpEvent,
    QGraphicsSceneMouseEvent,
    QMenu,
    QToolTip,
    QWidget,
)

from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.ui.board.board_card import BoardCardItem, level_name
from leaddesk.ui.board.board_lanes import BoardLane
from leaddesk.ui.board.board_navigation import BoardGrid
from leaddesk.ui.board.board_painting import paint_background
from leaddesk.ui.board.board_style import GAP, LANE_PAD, LANE_WIDTH, MIN_COLUMN, BoardStyle

LEVELS = tuple(EmpowermentLevel)


class BoardScene(QGraphicsScene):
    """Lays cards out in lanes and columns; turns drags and keys into level-change requests."""

    level_requested = Signal(int, int)  # delegation id, my new level
    open_requested = Signal(int, int)  # person id, delegation id
    person_requested = Signal(int)  # person id (double-click on a lane header)
    current_changed = Signal(object)  # the current BoardCardItem, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paint_style = BoardStyle()
        self.lanes: list[BoardLane] = []
        self.cards: list[BoardCardItem] = []
        self.grid: BoardGrid[BoardCardItem] = BoardGrid([])
        self.column_width = MIN_COLUMN
        self.current: BoardCardItem | None = None
        self.hovered: BoardCardItem | None = None
        self._lane_tops: list[float] = []
        self._lane_heights: list[float] = []
        self._by_id: dict[int, BoardCardItem] = {}
        self._press: tuple[BoardCardItem, QPointF] | None = None
        self._dragging: BoardCardItem | None = None
        self._drop_level: EmpowermentLevel | None = None
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)

    # -- content -----------------------------------------------------------------------------
    def set_lanes(self, lanes: list[BoardLane], today: date, column_width: float) -> None:
        """Replace every card (keeps the current card when it is still on the board)."""
        keep = self.current.delegation.id if self.current is not None else None
        self._press = self._dragging = None
        self._drop_level = None
        self.current = self.hovered = None
        self.clear()
        self.paint_style = BoardStyle()
        self.lanes = lanes
        self.cards = []
        self._by_id = {}
        for index, lane in enumerate(lanes):
            for delegation in lane.cards:
                card = BoardCardItem(delegation, index, self.paint_style, today)
                self.cards.append(card)
                self._by_id[delegation.id] = card
        self.relayout(column_width)
        for card in self.cards:
            self.addItem(card)
        if keep is not None and keep in self._by_id:
            focused = any(view.hasFocus() for view in self.views())
            self.set_current(self._by_id[keep], focus=focused)
        else:
            self.current_changed.emit(None)

    def relayout(self, column_width: float) -> None:
        """Place cards for a column width: stacked in their cell, lanes as tall as their tallest."""
        self.column_width = max(MIN_COLUMN, column_width)
        card_width = self.column_width - 2 * GAP
        self._lane_tops, self._lane_heights = [], []
        cells: list[dict[int, list[BoardCardItem]]] = [{} for _ in self.lanes]
        for card in self.cards:
            card.set_width(card_width)
            cells[card.lane].setdefault(card.column, []).append(card)
        style = self.paint_style
        minimum = style.name_height + 3 * style.small_height + 2 * LANE_PAD
        top = 0.0
        for cell in cells:
            tallest = 0.0
            for column, stack in cell.items():
                y = top + LANE_PAD
                x = LANE_WIDTH + (column - 1) * self.column_width + GAP
                for card in stack:
                    card.home = QPointF(x, y)
                    card.setPos(card.home)
                    y += card.height + GAP
                tallest = max(tallest, y - GAP - top - LANE_PAD)
            height = max(minimum, tallest + 2 * LANE_PAD)
            self._lane_tops.append(top)
            self._lane_heights.append(height)
            top += height
        self.grid = BoardGrid(cells)
        self.setSceneRect(QRectF(0, 0, LANE_WIDTH + 7 * self.column_width, max(top, 1.0)))
        self.update()

    def card_for(self, delegation_id: int) -> BoardCardItem | None:
        """The card showing a delegation, if it is on the board."""
        return self._by_id.get(delegation_id)

    # -- geometry ----------------------------------------------------------------------------
    def column_x(self, level: EmpowermentLevel) -> float:
        """Left edge of a level's column."""
        return LANE_WIDTH + (int(level) - 1) * self.column_width

    def column_at(self, x: float) -> EmpowermentLevel | None:
        """The level whose column holds scene x (None over the people column)."""
        if x < LANE_WIDTH:
            return None
        index = int((x - LANE_WIDTH) // self.column_width)
        return LEVELS[min(max(index, 0), 6)]

    def lane_rect(self, lane: int) -> QRectF:
        """A lane across the whole board."""
        return QRectF(0, self._lane_tops[lane], self.sceneRect().width(), self._lane_heights[lane])

    def lane_at(self, y: float) -> int | None:
        """The lane at scene y."""
        index = bisect_right(self._lane_tops, y) - 1
        if 0 <= index < len(self.lanes) and y < self._lane_tops[index] + self._lane_heights[index]:
            return index
        return None

    def card_at(self, pos: QPointF) -> BoardCardItem | None:
        """The card under a scene position."""
        for item in self.items(pos):
            if isinstance(item, BoardCardItem) and item.card_rect().contains(
                item.mapFromScene(pos)
            ):
                return item
        return None

    # -- the current card --------------------------------------------------------------------
    def set_current(self, card: BoardCardItem | None, focus: bool = True) -> None:
        """Make `card` the one keys act on; gives it keyboard focus when `focus`."""
        if card is self.current:
            if card is not None and focus:
                card.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        previous, self.current = self.current, card
        if previous is not None:
            previous.current = False
            previous.update()
        if card is not None:
            card.current = True
            if focus:
                card.setFocus(Qt.FocusReason.OtherFocusReason)
            card.update()
        for changed in (previous, card):
            if changed is not None:
                self.update(self.lane_rect(changed.lane))  # the target cell under the cards
        self.current_changed.emit(card)

    def step_current(self, key: Qt.Key) -> BoardCardItem | None:
        """Move the current card with an arrow, Home or End key; returns the new current card."""
        card = self.grid.step(self.current, key)
        if card is not None:
            self.set_current(card)
        return card

    def step_linear(self, forward: bool) -> BoardCardItem | None:
        """Tab order: the next (or previous) card in reading order, None at the ends."""
        card = self.grid.linear(self.current, forward)
        if card is not None:
            self.set_current(card)
        return card

    def request_move(self, card: BoardCardItem, step: int) -> bool:
        """Ask to move a card one level right (+1) or left (-1); False at the board's edge."""
        new = int(card.level) + step
        if not 1 <= new <= 7:
            return False
        self.level_requested.emit(card.delegation.id, new)
        return True

    def snap_back(self, delegation_id: int) -> None:
        """Put a card back in its own column (a cancelled or refused move)."""
        card = self._by_id.get(delegation_id)
        if card is not None:
            card.dragging = False
            card.setZValue(0)
            card.setPos(card.home)
            card.setOpacity(1.0)
        self._drop_level = None
        self.update()

    # -- mouse: click, double-click, drag ----------------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        card = self.card_at(event.scenePos())
        if card is None:
            super().mousePressEvent(event)
            return
        self.set_current(card)
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = (card, event.scenePos())
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._press is None:
            super().mouseMoveEvent(event)
            return
        card, start = self._press
        delta = event.scenePos() - start
        if self._dragging is None:
            if delta.manhattanLength() < QApplication.startDragDistance():
                return
            self._dragging = card
            card.dragging = True
            for view in self.views():
                view.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            card.setZValue(10)
            card.setOpacity(0.92)
        lane = self.lane_rect(card.lane)
        rect = self.sceneRect()
        x = min(max(card.home.x() + delta.x(), LANE_WIDTH), rect.right() - card.card_rect().width())
        y = min(max(card.home.y() + delta.y(), lane.top()), lane.bottom() - card.height)
        card.setPos(x, y)  # a delegation stays with its person: only the column changes
        self._drop_level = self.column_at(event.scenePos().x())
        self.update()
        event.accept()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._press is None:
            super().mouseReleaseEvent(event)
            return
        card = self._dragging
        self._press = self._dragging = None
        self._drop_level = None
        event.accept()
        if card is None:
            return
        level = self.column_at(event.scenePos().x())
        if level is None or level == card.level:
            self.snap_back(card.delegation.id)
            return
        card.setPos(self.column_x(level) + GAP, card.pos().y())  # waits there for the reason
        self.update()
        self.level_requested.emit(card.delegation.id, int(level))

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        pos = event.scenePos()
        card = self.card_at(pos)
        lane = self.lane_at(pos.y())
        if card is not None:
            self.open_requested.emit(card.delegation.person_id, card.delegation.id)
        elif lane is not None and pos.x() < LANE_WIDTH:
            self.person_requested.emit(self.lanes[lane].person.id)
        event.accept()

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        card = self.card_at(event.scenePos())
        if card is None:
            return
        self.set_current(card)
        menu = QMenu()
        menu.setObjectName("boardCardMenu")
        menu.addAction("Open delegation").setData(0)
        menu.addSeparator()
        for level in LEVELS:
            action = menu.addAction(f"Move to {level_name(level)} — {level.meaning}")
            action.setData(int(level))
            action.setEnabled(level != card.level)
        chosen = menu.exec(event.screenPos())
        if chosen is None:
            return
        value = int(chosen.data())
        if value == 0:
            self.open_requested.emit(card.delegation.person_id, card.delegation.id)
        else:
            self.level_requested.emit(card.delegation.id, value)

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        pos = event.scenePos()
        card = self.card_at(pos)
        lane = self.lane_at(pos.y())
        if card is not None:
            QToolTip.showText(event.screenPos(), card.tooltip(), event.widget())
        elif lane is not None and pos.x() < LANE_WIDTH:
            person = self.lanes[lane].person
            QToolTip.showText(
                event.screenPos(), f"{person.name}: double-click to open", event.widget()
            )
        else:
            QToolTip.hideText()
        event.accept()

    def set_hovered(self, card: BoardCardItem | None) -> None:
        """The card under the mouse: an open hand says it can be dragged; its target cell shows."""
        if card is not self.hovered:
            previous, self.hovered = self.hovered, card
            for view in self.views():
                if card is None:
                    view.viewport().unsetCursor()
                else:
                    view.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            for changed in (previous, card):
                if changed is not None:
                    self.update(self.lane_rect(changed.lane))

    # -- painting ----------------------------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        paint_background(self, painter, QRectF(rect))

    def drop_target(self) -> tuple[QRectF, EmpowermentLevel] | None:
        """While dragging over another column: that cell of the card's lane, and its level."""
        card, level = self._dragging, self._drop_level
        if card is None or level is None or level == card.level:
            return None
        lane = self.lane_rect(card.lane)
        return QRectF(self.column_x(level), lane.top(), self.column_width, lane.height()), level
