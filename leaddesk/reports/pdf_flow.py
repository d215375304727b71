"""Sections flowed like a newspaper over two columns and as many pages as they need.

For a document handed over as "what we agreed", nothing may be cut: every item is shown whole,
a heading never ends a column alone, a column that starts inside a section repeats its heading
("Delegations, continued"), an item taller than a column is split between rows, and the last
page's two columns are balanced so the text ends level.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF

from leaddesk.reports.pdf_blocks import (
    SECTION_GAP_PT,
    LaidSection,
    Section,
    _LaidItem,
    draw_heading,
    draw_item,
)
from leaddesk.reports.pdf_layout import FAINT, Canvas, Type

Draw = Callable[[float, float], None]  # draws with its top-left at (x, y)


@dataclass(frozen=True, slots=True)
class _Unit:
    height: float
    draw: Draw
    section: int  # index of the section it belongs to
    heading: bool = False  # a heading stays with what follows it
    laid: _LaidItem | None = None  # an item, which can be split by rows if taller than a column


@dataclass(frozen=True, slots=True)
class _Placed:
    unit: _Unit
    y: float  # from the column's top
    continued: bool = False  # a repeated heading drawn before it


@dataclass(frozen=True, slots=True)
class FlowPage:
    """The two columns of one page: what goes where."""

    columns: tuple[tuple[_Placed, ...], tuple[_Placed, ...]]


class Flow:
    """`sections` laid out in columns `width` wide: paginate, then draw page by page."""

    def __init__(self, c: Canvas, sections: Sequence[Section], width: float) -> None:
        self.c = c
        self.width = width
        self.sections = list(sections)
        self.units: list[_Unit] = []
        self._continued = c.line(Type.HEADING) + c.pt(5)
        gap = c.pt(SECTION_GAP_PT)
        for index, section in enumerate(self.sections):
            laid = LaidSection(c, section, width)
            self.units.append(_Unit(laid.heading, self._heading_draw(laid), index, heading=True))
            body: list[_Unit] = []
            if not laid.items:
                body.append(_Unit(laid.more, self._empty_draw(section.empty), index))
            for item in laid.items:
                body.append(_Unit(item.height, _item_draw(c, item), index, laid=item))
            last = body[-1]
            body[-1] = _Unit(last.height + gap, last.draw, index, laid=last.laid)
            self.units.extend(body)

    def _heading_draw(self, laid: LaidSection) -> Draw:
        def draw(x: float, y: float) -> None:
            section = laid.section
            draw_heading(self.c, section.title, section.aside, x, y, self.width)
            if laid.header is not None:
                draw_item(self.c, laid.header, x, y + laid.heading - laid.header.height)

        return draw

    def _empty_draw(self, text: str) -> Draw:
        def draw(x: float, y: float) -> None:
            self.c.text(x, y, text, Type.SMALL, self.width, FAINT)

        return draw

    def split_tall(self, column: float) -> None:
        """Cut every item taller than a whole column into its rows (it could never fit)."""
        out: list[_Unit] = []
        for unit in self.units:
            if unit.heading or unit.height <= column - self._continued:
                out.append(unit)
                continue
            out.extend(self._rows(unit))
        self.units = out

    def _rows(self, unit: _Unit) -> list[_Unit]:
        laid = unit.laid
        if laid is None or len(laid.rows) < 2:
            return [unit]
        rows = [_LaidItem((row,), row[0]) for row in laid.rows]
        extra = unit.height - sum(r.height for r in rows)
        units = [_Unit(r.height, _item_draw(self.c, r), unit.section) for r in rows]
        units[-1] = _Unit(units[-1].height + extra, units[-1].draw, unit.section)
        return units

    def paginate(self, first: float, later: float) -> list[FlowPage]:
        """Columns `first` high on page one and `later` on the next pages; the last page's
        columns balanced."""
        self.split_tall(min(first, later))
        pages: list[FlowPage] = []
        start = 0
        while True:
            room = first if not pages else later
            columns, end = self._fill(start, room, room)
            if end >= len(self.units):
                columns, _ = self._fill(start, self._balanced(start, room), room)
                pages.append(FlowPage(columns))
                return pages
            pages.append(FlowPage(columns))
            start = end

    def _balanced(self, start: int, room: float) -> float:
        """The lowest column height that still holds everything from `start` in two columns."""
        low, high = 0.0, room
        for _ in range(24):
            mid = (low + high) / 2
            if self._fill(start, mid, room)[1] >= len(self.units):
                high = mid
            else:
                low = mid
        return high

    def _fill(
        self, start: int, height: float, room: float
    ) -> tuple[tuple[tuple[_Placed, ...], tuple[_Placed, ...]], int]:
        """Fill two columns `height` high from unit `start`; returns them and the first unit
        left over. At full height (`room`) a unit too tall for an empty column goes in anyway:
        there is no better place for it."""
        i = start
        columns: list[tuple[_Placed, ...]] = []
        for _col in range(2):
            placed: list[_Placed] = []
            y = 0.0
            while i < len(self.units):
                unit = self.units[i]
                continued = not placed and not unit.heading
                extra = self._continued if continued else 0.0
                need = unit.height + extra
                if unit.heading and i + 1 < len(self.units):
                    need += self.units[i + 1].height  # never a heading alone at a column's foot
                if y + need > height + 0.01 and (placed or height < room - 0.01):
                    break
                placed.append(_Placed(unit, y, continued))
                y += unit.height + extra
                i += 1
            columns.append(tuple(placed))
        return (columns[0], columns[1]), i

    def draw(self, page: FlowPage, rect: QRectF, gap: float) -> None:
        """Draw one page's columns into `rect` (two columns `gap` apart)."""
        for col, placed in enumerate(page.columns):
            x = rect.left() + col * (self.width + gap)
            for p in placed:
                y = rect.top() + p.y
                if p.continued:
                    title = f"{self.sections[p.unit.section].title}, continued"
                    draw_heading(self.c, title, "", x, y, self.width)
                    y += self._continued
                p.unit.draw(x, y)


def _item_draw(c: Canvas, laid: _LaidItem) -> Draw:
    def draw(x: float, y: float) -> None:
        draw_item(c, laid, x, y)

    return draw
