"""Painting the board's background (lanes, people, columns) and a card's growth path."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.reports import wording
from leaddesk.ui.board.board_style import LANE_PAD, LANE_WIDTH

if TYPE_CHECKING:
    from leaddesk.ui.board.board_scene import BoardScene

INDENT = 18.0


def paint_background(scene: BoardScene, painter: QPainter, rect: QRectF) -> None:
    """Only the lanes and column lines that intersect `rect` (what the view shows)."""
    style = scene.paint_style
    painter.fillRect(rect, style.window)
    tops = scene._lane_tops
    heights = scene._lane_heights
    width = scene.sceneRect().width()
    first = max(0, bisect_right(tops, rect.top()) - 1)
    for index in range(first, len(tops)):
        top = tops[index]
        if top > rect.bottom():
            break
        lane = QRectF(0, top, width, heights[index])
        if index % 2:
            painter.fillRect(lane, style.lane_alt)
        painter.setPen(QPen(style.lane_line, 1))
        painter.drawLine(QPointF(0, lane.bottom()), QPointF(width, lane.bottom()))
        if rect.left() < LANE_WIDTH:
            _paint_person(scene, painter, index, lane)
    paint_target_cells(scene, painter, rect)
    _paint_drop(scene, painter)
    painter.setPen(QPen(style.column_line, 1))
    for level in EmpowermentLevel:
        x = scene.column_x(level)
        if rect.left() - 1 <= x <= rect.right() + 1:
            if level is EmpowermentLevel.TELL:
                painter.setPen(QPen(style.lane_line, 1.5))
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
            painter.setPen(QPen(style.column_line, 1))


def _paint_person(scene: BoardScene, painter: QPainter, index: int, lane: QRectF) -> None:
    style = scene.paint_style
    board_lane = scene.lanes[index]
    person = board_lane.person
    x = 14.0
    if board_lane.is_skip_level:
        painter.setPen(QPen(style.column_line, 1.2))
        mid = lane.top() + LANE_PAD + style.name_height / 2
        painter.drawLine(QPointF(x + 2, lane.top()), QPointF(x + 2, mid))
        painter.drawLine(QPointF(x + 2, mid), QPointF(x + INDENT - 4, mid))
        x += INDENT
    width = LANE_WIDTH - x - 10
    y = lane.top() + LANE_PAD
    painter.setFont(style.name_font)
    painter.setPen(style.text)
    line = style.name_height
    name = style.name_metrics.elidedText(person.name, Qt.TextElideMode.ElideRight, width)
    painter.drawText(QRectF(x, y, width, line), Qt.AlignmentFlag.AlignVCenter, name)
    y += line + 1
    painter.setFont(style.small_font)
    small = style.small_height
    details = [
        person.role or "",
        f"reports to {person.reports_to_name}" if board_lane.is_skip_level else "",
    ]
    gaps = sum(1 for d in board_lane.cards if d.clarity_gap)
    count = len(board_lane.cards)
    summary = wording.count(count, "delegation")
    for text in [t for t in details if t]:
        painter.setPen(style.muted)
        shown = style.small_metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRectF(x, y, width, small), Qt.AlignmentFlag.AlignVCenter, shown)
        y += small
    if y + small <= lane.bottom() - 4:
        if gaps:
            summary += " · "
        painter.setPen(style.muted)
        painter.drawText(QRectF(x, y, width, small), Qt.AlignmentFlag.AlignVCenter, summary)
        if gaps:
            offset = style.small_metrics.horizontalAdvance(summary)
            painter.setPen(style.warn)
            text = wording.count(gaps, "gap")
            text = style.small_metrics.elidedText(text, Qt.TextElideMode.ElideRight, width - offset)
            painter.drawText(
                QRectF(x + offset, y, width - offset, small), Qt.AlignmentFlag.AlignVCenter, text
            )


def _paint_drop(scene: BoardScene, painter: QPainter) -> None:
    drop = scene.drop_target()
    if drop is None:
        return
    cell, level = drop
    style = scene.paint_style
    cell = cell.adjusted(3, 3, -3, -3)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(style.drop)
    painter.setPen(QPen(style.accent, 1.6, Qt.PenStyle.DashLine))
    painter.drawRoundedRect(cell, 6, 6)
    painter.setFont(style.small_font)
    painter.setPen(style.accent)
    metrics = style.small_metrics
    label = metrics.elidedText(
        f"Drop: my level {int(level)} {level.label}", Qt.TextElideMode.ElideRight, cell.width() - 8
    )
    painter.drawText(
        QRectF(
            cell.left() + 4,
            cell.bottom() - metrics.height() - 4,
            cell.width() - 8,
            metrics.height(),
        ),
        Qt.AlignmentFlag.AlignCenter,
        label,
    )
    painter.restore()


def paint_target_cells(scene: BoardScene, painter: QPainter, rect: QRectF) -> None:
    """Under the cards: the cell a focused or hovered card grows towards, as a dashed ghost."""
    style = scene.paint_style
    for card in {scene.current, scene.hovered}:
        if card is None or card.dragging:
            continue
        target = card.delegation.target_level
        if target is None or target == card.level:
            continue
        lane = scene.lane_rect(card.lane)
        cell = QRectF(scene.column_x(target), lane.top(), scene.column_width, lane.height())
        cell = cell.adjusted(3, 3, -3, -3)
        if not cell.intersects(rect):
            continue
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(style.drop)
        painter.setPen(QPen(style.accent, 1.3, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(cell, 6, 6)
        painter.restore()
