"""Sections of aligned rows that share a column's height fairly and end in "+N more" when full.

A section is a heading and a list of items; an item is a few rows; a row is a few cells with
fixed widths in points and (at most) one flexible cell that takes the rest and may wrap. Items
are measured once, the column's height is shared between its sections (small ones get all they
need, big ones share what is left). A crowded section first shows its later items in their
compact form (if it has one), so the space is used; only what still does not fit is counted
("+N more"), never clipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor

from leaddesk.reports import wording
from leaddesk.reports.pdf_layout import FAINT, INK, MUTED, RULE, Canvas, Type

CELL_GAP_PT = 6.0
ITEM_GAP_PT = 3.2
SECTION_GAP_PT = 11.0
LEFT = Qt.AlignmentFlag.AlignLeft
RIGHT = Qt.AlignmentFlag.AlignRight


@dataclass(frozen=True, slots=True)
class Cell:
    """Text in a row: a fixed width in points, or None to take the remaining width."""

    text: str
    kind: Type = Type.SMALL
    width: float | None = None
    color: QColor | None = None  # ink
    align: Qt.AlignmentFlag = LEFT
    lines: int = 1  # a flexible cell wraps to at most this many lines


@dataclass(frozen=True, slots=True)
class Row:
    """Cells side by side, `indent` points from the left edge of the item."""

    cells: tuple[Cell, ...]
    indent: float = 0.0


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of a section (a delegation, a promise...): one or more rows."""

    rows: tuple[Row, ...]
    gap: float = ITEM_GAP_PT  # space after it, in points


@dataclass(frozen=True, slots=True)
class Section:
    """A titled list of items; `noun` (singular) names the hidden rest ("+3 more promises")."""

    title: str
    items: tuple[Item, ...]
    noun: str
    empty: str = "Nothing open."
    aside: str = ""
    weight: float = 1.0
    header: Row | None = None  # column captions under the heading rule
    compact: tuple[Item, ...] | None = None  # the items in fewer rows, for a crowded column


@dataclass(frozen=True, slots=True)
class _Placed:
    x: float
    width: float
    lines: tuple[str, ...]
    cell: Cell


@dataclass(frozen=True, slots=True)
class _LaidItem:
    rows: tuple[tuple[float, tuple[_Placed, ...]], ...]  # (height, cells) per row
    height: float


def lay_item(c: Canvas, item: Item, width: float) -> _LaidItem:
    """Place the cells of every row of `item` in `width` device units."""
    rows = []
    for row in item.rows:
        indent = c.pt(row.indent)
        fixed = sum(c.pt(cell.width) for cell in row.cells if cell.width is not None)
        gaps = c.pt(CELL_GAP_PT) * (len(row.cells) - 1)
        flexible = max(width - indent - fixed - gaps, c.pt(12))
        x = indent
        placed = []
        height = 0.0
        for cell in row.cells:
            w = c.pt(cell.width) if cell.width is not None else flexible
            if cell.width is None and cell.lines > 1:
                lines = tuple(c.wrap(cell.text, cell.kind, w, cell.lines))
            else:
                lines = (c.elide(cell.text, cell.kind, w),) if cell.text.strip() else ()
            placed.append(_Placed(x, w, lines, cell))
            height = max(height, c.line(cell.kind) * max(len(lines), 1))
            x += w + c.pt(CELL_GAP_PT)
        rows.append((height, tuple(placed)))
    return _LaidItem(tuple(rows), sum(h for h, _ in rows) + c.pt(item.gap))


def draw_item(c: Canvas, laid: _LaidItem, x: float, y: float) -> None:
    """Draw a placed item with its top-left at (x, y)."""
    for height, cells in laid.rows:
        for p in cells:
            top = y
            for text in p.lines:
                top += c.text(
                    x + p.x, top, text, p.cell.kind, p.width, p.cell.color or INK, p.cell.align
                )
        y += height


def draw_heading(c: Canvas, title: str, aside: str, x: float, y: float, width: float) -> None:
    """A section heading with a muted aside on the right and a rule beneath."""
    aside_w = c.width(aside, Type.CAPTION) if aside else 0.0
    c.text(x, y, title, Type.HEADING, width - aside_w - c.pt(8))
    if aside:
        top = y + c.line(Type.HEADING) - c.line(Type.CAPTION)
        c.text(x, top, aside, Type.CAPTION, width, FAINT, RIGHT)
    c.rule(x, y + c.line(Type.HEADING) + c.pt(1.5), width, RULE, 0.6)


class LaidSection:
    """A section measured for one width: how tall it wants to be, and how much of it fits."""

    def __init__(self, c: Canvas, section: Section, width: float) -> None:
        self.c = c
        self.section = section
        self.width = width
        self.items = [lay_item(c, item, width) for item in section.items]
        self.compact = (
            [lay_item(c, item, width) for item in section.compact]
            if section.compact is not None and len(section.compact) == len(section.items)
            else None
        )
        self.header = (
            lay_item(c, Item((section.header,), 1.0), width)
            if section.header is not None and section.items
            else None
        )
        self.heading = c.line(Type.HEADING) + c.pt(5) + (self.header.height if self.header else 0)
        self.more = c.line(Type.SMALL)

    @property
    def natural(self) -> float:
        """The height that shows everything."""
        body = sum(i.height for i in self.items) if self.items else self.more
        return self.heading + body

    def plan(self, height: float) -> tuple[int, int]:
        """(shown, detailed): how many items fit in `height`, the first `detailed` of them in
        full and the rest in their compact form, keeping room for "+N more" when needed.

        Showing more items beats showing fewer in detail: the space is used before anything is
        left out."""
        room = height - self.heading + 0.01  # measured and summed twice
        full = [i.height for i in self.items]
        n = len(full)
        if sum(full) <= room:
            return n, n
        small = [i.height for i in self.compact] if self.compact is not None else full
        for shown in range(n, -1, -1):
            reserve = 0.0 if shown == n else self.more
            for detailed in range(shown, -1, -1):
                if sum(full[:detailed]) + sum(small[detailed:shown]) + reserve <= room:
                    return shown, detailed
        return 0, 0

    def shown(self, height: float) -> int:
        """How many items fit in `height` (in full or compact)."""
        return self.plan(height)[0]

    def _laid(self, height: float) -> list[_LaidItem]:
        shown, detailed = self.plan(height)
        small = self.compact if self.compact is not None else self.items
        return self.items[:detailed] + small[detailed:shown]

    def used(self, height: float) -> float:
        """The height actually drawn when given `height`."""
        laid = self._laid(height)
        body = sum(i.height for i in laid)
        if len(laid) < len(self.items) or not self.items:
            body += self.more
        return self.heading + body

    def truncated(self, height: float) -> bool:
        """Whether some items are left out or shortened at this height."""
        return self.plan(height) != (len(self.items), len(self.items))

    def draw(self, x: float, y: float, height: float) -> None:
        """Heading, rule, the items that fit and "+N more"."""
        c, s = self.c, self.section
        draw_heading(c, s.title, s.aside, x, y, self.width)
        top = y + self.heading
        if self.header is not None:
            draw_item(c, self.header, x, top - self.header.height)
        laid = self._laid(height)
        for item in laid:
            draw_item(c, item, x, top)
            top += item.height
        if not self.items:
            c.text(x, top, s.empty, Type.SMALL, self.width, FAINT)
        elif len(laid) < len(self.items):
            rest = len(self.items) - len(laid)
            c.text(x, top, wording.more(rest, s.noun), Type.SMALL, self.width, MUTED)


def allocate(needs: Sequence[float], weights: Sequence[float], total: float) -> list[float]:
    """Share `total` so each gets what it needs if it fits its weighted share; the rest split."""
    out = [0.0] * len(needs)
    pending = list(range(len(needs)))
    remaining = total
    while pending:
        weight = sum(weights[i] for i in pending)
        fits = [i for i in pending if needs[i] <= remaining * weights[i] / weight]
        if not fits:
            for i in pending:
                out[i] = remaining * weights[i] / weight
            break
        for i in fits:
            out[i] = needs[i]
        remaining -= sum(needs[i] for i in fits)
        pending = [i for i in pending if i not in fits]
    return out


def draw_column(c: Canvas, sections: Sequence[Section], rect: QRectF) -> None:
    """Stack `sections` in `rect`, sharing its height; what a truncated one frees goes on."""
    laid = [LaidSection(c, s, rect.width()) for s in sections]
    if not laid:
        return
    total = rect.height() - c.pt(SECTION_GAP_PT) * (len(laid) - 1)
    weights = [s.weight for s in sections]
    heights = allocate([s.natural for s in laid], weights, total)
    for _ in range(len(laid)):  # what truncated sections leave unused goes to the first that grows
        used = [s.used(h) for s, h in zip(laid, heights, strict=True)]
        slack = total - sum(used)
        grown = next(
            (
                i
                for i, s in enumerate(laid)
                if s.truncated(heights[i]) and s.plan(used[i] + slack) > s.plan(heights[i])
            ),
            None,
        )
        heights = used
        if grown is None:
            break
        heights[grown] += slack
    y = rect.top()
    for section, height in zip(laid, heights, strict=True):
        section.draw(rect.left(), y, height)
        y += section.used(height) + c.pt(SECTION_GAP_PT)
