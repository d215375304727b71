"""The team one-pager (PDF): every direct report in one table that uses the page.

Rows and type scale with the team: a small team gets tall rows in large type with wide
sparklines, a large one shrinks to fit about 50 people on A4 or Letter; past what fits at the
smallest readable size the table goes on to a second page (its header repeated) rather than
leave anyone out. Names and roles are never cut: they wrap, and the row grows to hold them.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from leaddesk.reports.pdf_chart import draw_level_strip, draw_sparkline
from leaddesk.reports.pdf_layout import (
    FAINT,
    INK,
    MUTED,
    OVERDUE,
    RULE,
    SHADE,
    Canvas,
    PageSizeName,
    Progress,
    Type,
    paint_rect,
    write_pages,
)
from leaddesk.reports.pdf_page import (
    draw_continued_header,
    draw_figures,
    draw_footer,
    draw_header,
    footer_height,
    header_height,
    page_mark,
)
from leaddesk.reports.wording import count, day
from leaddesk.services.open_items import OpenItemCounts
from leaddesk.services.team import TeamMember, TeamOverview

if TYPE_CHECKING:
    from leaddesk.services.desk import Desk

MIN_ROW_PT = 11.0
MAX_ROW_PT = 52.0
MIN_SIZE_PT, MAX_SIZE_PT = 6.2, 9.0
ROW_PAD_PT = 2.0
LEFT, RIGHT = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
CENTER = Qt.AlignmentFlag.AlignHCenter
GAP_PT = 6.0
TITLE = "Direct reports"
EYEBROW = "Team one-pager"
# key, width in points at the smallest rows (None: the rest), alignment, header; "trust" and
# "levels" widen with taller rows, "name" is measured.
COLUMNS: tuple[tuple[str, float | None, Qt.AlignmentFlag, str], ...] = (
    ("name", 104.0, LEFT, "Name"),
    ("role", None, LEFT, "Role"),
    ("trust", 56.0, LEFT, "12 months"),
    ("score", 30.0, RIGHT, "now"),
    ("levels", 70.0, LEFT, ""),
    ("p_open", 22.0, RIGHT, "open"),
    ("p_late", 30.0, RIGHT, "overdue"),
    ("c_open", 22.0, RIGHT, "open"),
    ("c_late", 30.0, RIGHT, "overdue"),
)
GROUPS = (
    ("Track record", ("trust", "score")),
    ("Levels 1–7", ("levels",)),
    ("Promises", ("p_open", "p_late")),
    ("Checkpoints", ("c_open", "c_late")),
)


@dataclass(frozen=True, slots=True)
class TeamSheet:
    """What the team one-pager shows: the team grid plus open-item counts per person."""

    today: date
    overview: TeamOverview
    counts: Mapping[int, OpenItemCounts]


def read_team_sheet(desk: Desk) -> TeamSheet:
    """Read the team one-pager's data through the Desk's read models."""
    overview = desk.team_overview()
    counts = desk.open_item_counts(m.person.id for m in overview.members)
    return TeamSheet(desk.today(), overview, counts)


def write_team_pdf(
    desk: Desk,
    target: Path,
    *,
    page_size: PageSizeName = "A4",
    progress: Progress | None = None,
) -> Path:
    """Write the team one-pager to `target` (atomically); returns the absolute path."""
    report = progress or (lambda _percent: None)
    report(0)
    sheet = read_team_sheet(desk)
    report(60)
    path = write_pages(
        target,
        page_size,
        lambda painter, rect, index: render_team(painter, sheet, rect, index),
        desk.path,
    )
    report(100)
    return path


def render_team(
    painter: QPainter, sheet: TeamSheet, rect: QRectF | None = None, index: int = 0
) -> int:
    """Paint page `index` of the team sheet on any device inside `rect` (default: the page
    inside its margins); returns the number of pages."""
    c = Canvas(painter)
    area = QRectF(rect) if rect is not None else paint_rect(painter)
    members = sheet.overview.members
    subtitle = (
        f"{count(len(members), 'direct report')} · track record, "
        "levels of empowerment and open items"
    )
    footer = (
        "Private: contains trust scores. Track record: one 0–1 scale for all. "
        "Levels: active delegations at my level, 1 Tell to 7 Delegate."
    )
    room = area.height() - footer_height(c)
    first = room - header_height(c, subtitle) - _figures_height(c)
    later = room - draw_continued_header(c, area, EYEBROW, TITLE, "", measure=True)
    table = _Table(c, sheet, area.width(), first, later)
    index = min(index, len(table.pages) - 1)
    if index == 0:
        top = area.top() + draw_header(c, area, EYEBROW, TITLE, subtitle, day(sheet.today))
        top += draw_figures(c, QRectF(area.left(), top, area.width(), 0), _figures(sheet))
    else:
        top = area.top() + draw_continued_header(c, area, EYEBROW, TITLE, day(sheet.today))
    draw_footer(c, area, footer, page_mark(index, len(table.pages)))
    table.draw(index, area.left(), top)
    return len(table.pages)


def _figures_height(c: Canvas) -> float:
    return 2 * c.line(Type.CAPTION) + c.line(Type.FIGURE) + c.pt(12)


def _figures(sheet: TeamSheet) -> list[tuple[str, str, str]]:
    members = sheet.overview.members
    counts = [sheet.counts[m.person.id] for m in members]
    scores = [m.score for m in members]
    median = f"{statistics.median(scores):.2f}" if scores else "—"
    low = sum(1 for s in scores if s < 0.5)
    delegations = sum(sum(n.levels) for n in counts)
    return [
        ("Direct reports", str(len(members)), count(delegations, "active delegation")),
        ("Median track record", median, f"{low} below 0.50"),
        (
            "Open promises",
            str(sum(n.open_promises for n in counts)),
            f"{sum(n.overdue_promises for n in counts)} overdue",
        ),
        (
            "Open checkpoints",
            str(sum(n.open_checkpoints for n in counts)),
            f"{sum(n.overdue_checkpoints for n in counts)} overdue",
        ),
    ]


class _Table:
    """The team table laid out: one type size and row height for everyone, rows that grow to
    hold a wrapped name or role, split into pages."""

    def __init__(self, c: Canvas, sheet: TeamSheet, width: float, first: float, later: float):
        self.c = c
        self.sheet = sheet
        self.width = width
        members = sheet.overview.members
        self.head = self._head_height()
        # The tallest rows (and largest type) that put everyone on the first page, if any do.
        row_pt = MAX_ROW_PT
        while True:
            self._set_rows(row_pt)
            room = first - self.head - c.line(Type.CAPTION) - c.pt(4)
            if sum(self.heights) <= room + 0.01 or row_pt <= MIN_ROW_PT:
                break
            fitting = room / max(len(members), 1) / c.k
            row_pt = max(MIN_ROW_PT, min(row_pt - 0.5, fitting))
        key = c.line(Type.CAPTION) + c.pt(4)  # the colour key under the table
        self.pages = _split(self.heights, first - self.head - key, later - self.head - key)

    def _set_rows(self, row_pt: float) -> None:
        c = self.c
        self.row_h = c.pt(row_pt)
        self.size = max(MIN_SIZE_PT, min(row_pt * 0.5, MAX_SIZE_PT))
        grow = (row_pt - 20.0) / (MAX_ROW_PT - 20.0)  # 0 at compact rows, 1 at the tallest
        self.xs = _column_x(c, self.width, self.size, self.sheet, max(0.0, grow))
        line = c.line(Type.SMALL, self.size)
        self.lines: list[tuple[list[str], list[str]]] = []
        self.heights: list[float] = []
        for member in self.sheet.overview.members:
            name = c.wrap(member.person.name, Type.SMALL_STRONG, self.xs["name"][1], 99, self.size)
            role = c.wrap(member.person.role or "", Type.SMALL, self.xs["role"][1], 99, self.size)
            self.lines.append((name, role))
            tall = max(len(name), len(role), 1) * line + c.pt(ROW_PAD_PT)
            self.heights.append(max(self.row_h, tall))

    def _head_height(self) -> float:
        c = self.c
        return 2 * (c.line(Type.CAPTION)) + c.pt(2) + c.pt(1.5) + c.pt(1)

    def draw(self, index: int, x: float, top: float) -> None:
        """The column heads and the rows of page `index`."""
        c = self.c
        rect = QRectF(x, top, self.width, 0)
        xs = {key: (x + left, w) for key, (left, w) in self.xs.items()}
        y = top + _draw_head(c, rect, xs)
        start, end = self.pages[index]
        for i in range(start, end):
            member = self.sheet.overview.members[i]
            h = self.heights[i]
            if i % 2:
                c.painter.fillRect(QRectF(x, y, self.width, h), SHADE)
            row = _Row(c, xs, y, h, self.size, self.row_h)
            row.draw(member, self.lines[i], self.sheet.counts[member.person.id])
            y += h
        c.rule(x, y, self.width, RULE, 0.6)
        if index == len(self.pages) - 1:
            _draw_key(c, x, y + c.pt(4))


def _draw_key(c: Canvas, x: float, y: float) -> None:
    """What the red means, under the table."""
    box = c.pt(6)
    mid = y + c.line(Type.CAPTION) / 2
    c.painter.fillRect(QRectF(x, mid - box / 2, box, box), OVERDUE)
    text = "Overdue: promises or checkpoints past their due date"
    c.text(x + box + c.pt(4), y, text, Type.CAPTION, None, MUTED)


def _split(heights: list[float], first: float, later: float) -> list[tuple[int, int]]:
    """Rows per page: (start, end) index pairs; every page holds at least one row."""
    pages: list[tuple[int, int]] = []
    start, used, room = 0, 0.0, first
    for i, h in enumerate(heights):
        if used + h > room + 0.01 and i > start:
            pages.append((start, i))
            start, used, room = i, 0.0, later
        used += h
    pages.append((start, len(heights)))
    return pages


def _column_x(
    c: Canvas, width: float, size: float, sheet: TeamSheet, grow: float
) -> dict[str, tuple[float, float]]:
    """Column (left, width) from the table's left edge, measured in this type size: the name
    column as wide as the longest name (within bounds), figures as wide as their captions and
    values, sparkline and level strip wider on tall rows, the role the rest."""
    names = [m.person.name for m in sheet.overview.members] or ["Name"]
    name_w = max(c.width(n, Type.SMALL_STRONG, size) for n in names) + c.pt(2)
    widths = {"name": max(c.pt(70), min(name_w, c.pt(140)))}
    for key, w, *_ in COLUMNS:
        if key in ("trust", "levels"):
            assert w is not None
            widths[key] = c.pt(max(w * (1 + 0.5 * grow), 7 * size * 1.3 if key == "levels" else 0))
    widths["score"] = c.width("0.00 →", Type.SMALL, size) + c.pt(2)
    for key, _w, _align, header in COLUMNS:
        if key.startswith(("p_", "c_")):
            widths[key] = max(
                c.width(header, Type.CAPTION), c.width("99", Type.SMALL, size)
            ) + c.pt(2)
    gaps = c.pt(GAP_PT) * (len(COLUMNS) - 1)
    roles = [m.person.role or "" for m in sheet.overview.members]
    wanted = min(max((c.width(r, Type.SMALL, size) for r in roles), default=0.0), c.pt(150))
    spare = width - sum(widths.values()) - gaps - wanted
    if spare < 0:  # the role wants the room more than a wider sparkline does
        for key in ("trust", "levels"):
            base = c.pt(_base_width(key))
            widths[key] = max(
                base, widths[key] + spare / 2, c.pt(7 * size * 1.3) * (key == "levels")
            )
    widths["role"] = max(width - sum(widths.values()) - gaps, c.pt(40))
    out, x = {}, 0.0
    for key, *_ in COLUMNS:
        out[key] = (x, widths[key])
        x += widths[key] + c.pt(GAP_PT)
    return out


def _base_width(key: str) -> float:
    return next(w for k, w, *_ in COLUMNS if k == key and w is not None)


def _draw_head(c: Canvas, rect: QRectF, xs: dict[str, tuple[float, float]]) -> float:
    """Group captions over their columns, then column captions, then a rule."""
    line = c.line(Type.CAPTION)
    y = rect.top()
    for group, keys in GROUPS:
        x0 = xs[keys[0]][0]
        x1 = xs[keys[-1]][0] + xs[keys[-1]][1]
        c.text(x0, y, group, Type.CAPTION, x1 - x0, MUTED, CENTER)
        c.rule(x0, y + line + c.pt(0.5), x1 - x0, RULE, 0.4)
    y += line + c.pt(2)
    for key, _w, align, header in COLUMNS:
        x, w = xs[key]
        if key == "levels":
            cell = w / 7
            for n in range(7):
                c.text(x + n * cell, y, str(n + 1), Type.CAPTION, cell, FAINT, CENTER)
        elif header:
            c.text(x, y, header, Type.CAPTION, w, MUTED, align)
    y += line + c.pt(1.5)
    c.rule(rect.left(), y, rect.width(), INK, 0.6)
    return y - rect.top() + c.pt(1)


class _Row:
    """One person's row at (y, height h) in type `size`."""

    def __init__(
        self,
        c: Canvas,
        xs: dict[str, tuple[float, float]],
        y: float,
        h: float,
        size: float,
        base: float,
    ) -> None:
        self.c, self.xs, self.y, self.h, self.size, self.base = c, xs, y, h, size, base

    def text(
        self, key: str, lines: list[str], kind: Type, color: QColor, align: Qt.AlignmentFlag
    ) -> None:
        c = self.c
        x, w = self.xs[key]
        line = c.line(kind, self.size)
        top = self.y + (self.h - line * max(len(lines), 1)) / 2
        for text in lines:
            top += c.text(x, top, text, kind, w, color, align, self.size)

    def draw(
        self, member: TeamMember, lines: tuple[list[str], list[str]], counts: OpenItemCounts
    ) -> None:
        c, y, h = self.c, self.y, self.h
        self.text("name", lines[0], Type.SMALL_STRONG, INK, LEFT)
        self.text("role", lines[1], Type.SMALL, MUTED, LEFT)
        x, w = self.xs["trust"]
        spark = min(self.base, c.pt(34)) - c.pt(2.4)
        draw_sparkline(c, QRectF(x, y + (h - spark) / 2, w, spark), member.sparkline)
        score = f"{member.score:.2f} {member.trend.arrow}"
        self.text("score", [score], Type.SMALL, INK, RIGHT)
        x, w = self.xs["levels"]
        strip = min(self.base - c.pt(2.4), c.pt(self.size * 1.5))
        draw_level_strip(c, QRectF(x, y + (h - strip) / 2, w, strip), counts.levels, self.size)
        for key, value, late in (
            ("p_open", counts.open_promises, False),
            ("p_late", counts.overdue_promises, True),
            ("c_open", counts.open_checkpoints, False),
            ("c_late", counts.overdue_checkpoints, True),
        ):
            kind = Type.SMALL_STRONG if late and value else Type.SMALL
            color = (OVERDUE if late else INK) if value else FAINT
            self.text(key, [str(value)], kind, color, RIGHT)
