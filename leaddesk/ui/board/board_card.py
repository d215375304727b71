"""One delegation on the board: a lightweight painted card (no widget, no QObject)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFocusEvent, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.reports import wording
from leaddesk.ui.board.board_lanes import BoardDelegation, growing, overdue
from leaddesk.ui.board.board_style import (
    CARD_PAD,
    GLYPH,
    LADDER_HEIGHT,
    STRIPE,
    BoardStyle,
    MarkKind,
    paint_glyph,
    paint_ladder,
)

MARK_GAP = 3.0


@dataclass(frozen=True, slots=True)
class Mark:
    """A line under the card title: what it says and how it is drawn."""

    kind: MarkKind
    text: str


def level_name(level: EmpowermentLevel) -> str:
    """'5 Advise'."""
    return f"{int(level)} {level.label}"


def card_marks(delegation: BoardDelegation, today: date) -> tuple[Mark, ...]:
    """Clarity (gap or not agreed yet), growth path (target level) and an overdue checkpoint."""
    marks: list[Mark] = []
    theirs = delegation.their_level
    if theirs is None:
        marks.append(Mark(MarkKind.NOT_AGREED, "not agreed yet"))
    elif delegation.clarity_gap:
        marks.append(Mark(MarkKind.GAP, f"they think: {theirs.label}"))
    target = delegation.target_level
    if target is not None and growing(delegation):
        up = target > delegation.my_level
        kind = MarkKind.TARGET if up else MarkKind.TARGET_DOWN
        marks.append(Mark(kind, level_name(target)))  # the dotted arrow says "target"
    checkpoint = delegation.next_checkpoint
    if checkpoint is not None and overdue(delegation, today):
        marks.append(Mark(MarkKind.OVERDUE, wording.due_in(checkpoint.due_on, today)))
    return tuple(marks)


_WRAPPED: dict[tuple[str, str, int], list[str]] = {}


def wrap_two_lines(
    text: str, metrics: QFontMetricsF, width: float, font_key: str = ""
) -> list[str]:
    """`text` on at most two lines of `width`, the second elided with '…' (cached by font)."""
    key = (text, font_key, int(width))
    if font_key and key in _WRAPPED:
        return _WRAPPED[key]
    lines = _wrap(text, metrics, width)
    if font_key:
        if len(_WRAPPED) > 50_000:
            _WRAPPED.clear()
        _WRAPPED[key] = lines
    return lines


def _wrap(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    if metrics.horizontalAdvance(text) <= width:
        return [text]
    words = text.split()
    first = ""
    rest_at = 0
    for i, word in enumerate(words):
        candidate = f"{first} {word}" if first else word
        if metrics.horizontalAdvance(candidate) > width:
            break
        first, rest_at = candidate, i + 1
    if not first:  # one very long word
        return [metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)]
    rest = " ".join(words[rest_at:])
    return [first, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]


class BoardCardItem(QGraphicsItem):
    """A delegation card in the column of my level, with clarity, growth and checkpoint marks."""

    def __init__(self, delegation: BoardDelegation, lane: int, style: BoardStyle, today: date):
        super().__init__()
        self.delegation = delegation
        self.lane = lane
        self.column = int(delegation.my_level)
        self.style = style
        self.today = today
        self.marks = card_marks(delegation, today)
        self.home = QPointF()
        self.dragging = False
        self.hovered = False
        self.current = False
        self._lines: list[str] = []
        self._mark_lines: list[list[str]] = []
        self._width = 0.0
        self._height = 0.0
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setAcceptHoverEvents(True)

    # -- what it is --------------------------------------------------------------------------
    @property
    def level(self) -> EmpowermentLevel:
        """My level: the column the card lives in."""
        return self.delegation.my_level

    @property
    def clarity_gap(self) -> bool:
        """They believe they hold another level."""
        return self.delegation.clarity_gap

    @property
    def mark_texts(self) -> list[str]:
        """The lines under the title, as shown."""
        return [mark.text for mark in self.marks]

    def accessible_text(self) -> str:
        """Everything the card says, in words, for the status line and screen readers."""
        d = self.delegation
        parts = [f"{d.title} — {d.person_name}", f"my level {level_name(d.my_level)}"]
        if d.their_level is None:
            parts.append("their level not agreed yet")
        elif d.clarity_gap:
            parts.append(f"clarity gap: they think {level_name(d.their_level)}")
        else:
            parts.append("they agree")
        if d.target_level is not None and growing(d):
            parts.append(f"target {level_name(d.target_level)}")
        if d.next_checkpoint is not None:
            late = " (overdue)" if overdue(d, self.today) else ""
            parts.append(f"next checkpoint {wording.day(d.next_checkpoint.due_on)}{late}")
        return " · ".join(parts)

    def tooltip(self) -> str:
        """Person, levels, involve-me-when and next checkpoint (nothing private)."""
        d = self.delegation
        esc = html.escape
        rows = [f"<b>{esc(d.title)}</b>", esc(d.person_name)]
        rows.append(f"My level: <b>{level_name(d.my_level)}</b> — {esc(d.my_level.meaning)}")
        if d.their_level is None:
            rows.append("Their level: <i>not agreed yet</i>")
        else:
            gap = " — <b>clarity gap</b>" if d.clarity_gap else ""
            rows.append(f"Their level: {level_name(d.their_level)}{gap}")
        if d.target_level is not None:
            rows.append(f"Target level: {level_name(d.target_level)}")
        rows.append(f"Involve me when: {esc(d.involve_me_when) or '<i>not said yet</i>'}")
        if d.next_checkpoint is None:
            rows.append("Next checkpoint: <i>none planned</i>")
        else:
            late = " — <b>overdue</b>" if overdue(d, self.today) else ""
            rows.append(f"Next checkpoint: {wording.day(d.next_checkpoint.due_on)}{late}")
        rows.append(
            "<span style='color:gray'>Drag to another column (or Ctrl+→ / Ctrl+←) to change "
            "my level; Enter or double-click opens it.</span>"
        )
        return "<br>".join(rows)

    # -- geometry ----------------------------------------------------------------------------
    def set_width(self, width: float) -> float:
        """Lay the text out for `width`; returns the card's height."""
        self.prepareGeometryChange()
        style = self.style
        inner = width - STRIPE - 2 * CARD_PAD
        self._lines = wrap_two_lines(
            self.delegation.title, style.title_metrics, inner, style.title_key
        )
        text_width = inner - GLYPH - 5
        self._mark_lines = [
            wrap_two_lines(m.text, style.small_metrics, text_width, style.small_key)
            for m in self.marks
        ]
        height = 2 * CARD_PAD + len(self._lines) * style.title_height
        if self.marks:
            lines = sum(len(lines) for lines in self._mark_lines)
            height += 4 + lines * style.small_height + (len(self.marks) - 1) * MARK_GAP
        if growing(self.delegation):
            height += LADDER_HEIGHT + 5
        self._width, self._height = width, height
        return height

    @property
    def height(self) -> float:
        """Height after the last `set_width`."""
        return self._height

    def boundingRect(self) -> QRectF:
        return QRectF(-3, -3, self._width + 6, self._height + 6)

    def card_rect(self) -> QRectF:
        """The card itself, in item coordinates."""
        return QRectF(0, 0, self._width, self._height)

    # -- painting ----------------------------------------------------------------------------
    def stripe_color(self) -> QColor:
        """Green when we agree on the level, warn on a clarity gap, muted when not agreed."""
        if self.delegation.their_level is None:
            return self.style.muted
        return self.style.warn if self.clarity_gap else self.style.good

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        style = self.style
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.card_rect().adjusted(0.5, 0.5, -0.5, -0.5)
        if self.dragging:
            shadow = QColor(0, 0, 0, 70)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(shadow)
            painter.drawRoundedRect(rect.translated(2, 3), 6, 6)
        border = style.warn if self.clarity_gap else style.border
        if self.hovered and not self.clarity_gap:
            border = style.accent
        painter.setPen(QPen(border, 1.4 if self.clarity_gap else 1.0))
        painter.setBrush(style.card)
        painter.drawRoundedRect(rect, 6, 6)
        clip = QPainterPath()
        clip.addRoundedRect(rect, 6, 6)
        painter.save()
        painter.setClipPath(clip)
        painter.fillRect(
            QRectF(rect.left(), rect.top(), STRIPE, rect.height()), self.stripe_color()
        )
        painter.restore()
        x = STRIPE + CARD_PAD
        inner = self._width - x - CARD_PAD
        y = CARD_PAD
        painter.setPen(style.text)
        painter.setFont(style.title_font)
        line_h = style.title_height
        for line in self._lines:
            painter.drawText(QRectF(x, y, inner, line_h), Qt.AlignmentFlag.AlignVCenter, line)
            y += line_h
        if self.marks:
            y += 4
            painter.setFont(style.small_font)
            small_h = style.small_height
            for mark, lines in zip(self.marks, self._mark_lines, strict=True):
                color = style.mark_color(mark.kind)
                glyph = QRectF(x, y + (small_h - GLYPH) / 2, GLYPH, GLYPH)
                paint_glyph(painter, mark.kind, glyph, color)
                painter.setPen(color)
                for line in lines:
                    painter.drawText(
                        QRectF(x + GLYPH + 5, y, inner - GLYPH - 5, small_h),
                        Qt.AlignmentFlag.AlignVCenter,
                        line,
                    )
                    y += small_h
                y += MARK_GAP
            y -= MARK_GAP
        d = self.delegation
        if d.target_level is not None and growing(d):
            ladder = QRectF(x, y + 5, min(inner, 110.0), LADDER_HEIGHT)
            theirs = int(d.their_level) if d.their_level is not None else None
            paint_ladder(painter, ladder, style, int(d.my_level), int(d.target_level), theirs)
        if self.current:
            focused = self.hasFocus()
            ring = QPen(style.highlight, 2.4 if focused else 1.4)
            if not focused:
                ring.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self.card_rect().adjusted(-2, -2, 2, 2), 7, 7)

    # -- state -------------------------------------------------------------------------------
    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._set_hovered(True)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._set_hovered(False)

    def _set_hovered(self, on: bool) -> None:
        self.hovered = on
        self.update()
        scene = self.scene()
        if isinstance(scene, HoverAware):
            scene.set_hovered(self if on else None)  # draws this card's growth path

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()


@runtime_checkable
class HoverAware(Protocol):
    """A scene that wants to know which card is under the mouse."""

    def set_hovered(self, card: BoardCardItem | None) -> None:
        """The card under the mouse, or None."""
