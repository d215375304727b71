"""The team one-pager (PDF): every direct report in one table, on one page.

Rows shrink (height and type) to fit up to about 50 people on A4 or Letter; beyond what fits at
the smallest readable size the table ends with "+N more direct reports".
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
    ACCENT,
    FAINT,
    INK,
    MUTED,
    RULE,
    SHADE,
    Canvas,
    PageSizeName,
    Progress,
    Type,
    paint_rect,
    write_pdf,
)
from leaddesk.reports.pdf_page import draw_figures, draw_footer, draw_header
from leaddesk.reports.wording import count, day, more
from leaddesk.services.open_items import OpenItemCounts
from leaddesk.services.team import TeamMember, TeamOverview

if TYPE_CHECKING:
    from leaddesk.services.desk import Desk

MIN_ROW_PT = 11.0
MAX_ROW_PT = 20.0
LEFT, RIGHT = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
CENTER = Qt.AlignmentFlag.AlignHCenter
GAP_PT = 6.0
# key, width in points (None: the rest), alignment, header
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
    path = write_pdf(
        target, page_size, lambda painter, rect: render_team(painter, sheet, rect), desk.path
    )
    report(100)
    return path


def render_team(painter: QPainter, sheet: TeamSheet, rect: QRectF | None = None) -> None:
    """Paint the team one-pager on any device inside `rect` (default: the page inside margins)."""
    c = Canvas(painter)
    area = QRectF(rect) if rect is not None else paint_rect(painter)
    members = sheet.overview.members
    subtitle = (
        f"{count(len(members), 'direct report')} · track record, "
        "levels of empowerment and open items"
    )
    top = area.top() + draw_header(
        c, area, "Team one-pager", "Direct reports", subtitle, day(sheet.today)
    )
    top += draw_figures(c, QRectF(area.left(), top, area.width(), 0), _figures(sheet))
    footer = (
        "Private: contains trust scores. Track record on one 0–1 scale for everyone. "
        "Levels: active delegations at my level, 1 Tell to 7 Delegate."
    )
    bottom = area.bottom() - draw_footer(c, area, footer, "LeadDesk")
    _table(c, sheet, QRectF(area.left(), top, area.width(), bottom - top))


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


def _table(c: Canvas, sheet: TeamSheet, rect: QRectF) -> None:
    members = sheet.overview.members
    xs = _column_x(c, rect)
    head = _draw_head(c, rect, xs)
    room = rect.height() - head
    more_h = c.line(Type.SMALL) + c.pt(4)
    row_h = min(c.pt(MAX_ROW_PT), room / max(len(members), 1))
    shown = len(members)
    if row_h < c.pt(MIN_ROW_PT):
        row_h = c.pt(MIN_ROW_PT)
        shown = int((room - more_h) // row_h)
    size = max(6.2, min(row_h / c.k * 0.56, 8.2))
    y = rect.top() + head
    for i, member in enumerate(members[:shown]):
        if i % 2:
            c.painter.fillRect(QRectF(rect.left(), y, rect.width(), row_h), SHADE)
        _draw_row(c, xs, y, row_h, size, member, sheet.counts[member.person.id])
        y += row_h
    c.rule(rect.left(), y, rect.width(), RULE, 0.6)
    if shown < len(members):
        rest = len(members) - shown
        c.text(rect.left(), y + c.pt(3), more(rest, "direct report"), Type.SMALL, None, MUTED)


def _column_x(c: Canvas, rect: QRectF) -> dict[str, tuple[float, float]]:
    fixed = sum(c.pt(w) for _k, w, *_ in COLUMNS if w is not None)
    flexible = rect.width() - fixed - c.pt(GAP_PT) * (len(COLUMNS) - 1)
    out, x = {}, rect.left()
    for key, width, *_ in COLUMNS:
        w = c.pt(width) if width is not None else flexible
        out[key] = (x, w)
        x += w + c.pt(GAP_PT)
    return out


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


def _draw_row(
    c: Canvas,
    xs: dict[str, tuple[float, float]],
    y: float,
    h: float,
    size: float,
    member: TeamMember,
    counts: OpenItemCounts,
) -> None:
    def text(key: str, value: str, kind: Type, color: QColor, align: Qt.AlignmentFlag) -> None:
        x, w = xs[key]
        top = y + (h - c.line(kind, size)) / 2
        c.text(x, top, value, kind, w, color, align, size)

    person = member.person
    text("name", person.name, Type.SMALL_STRONG, INK, LEFT)
    text("role", person.role or "", Type.SMALL, MUTED, LEFT)
    x, w = xs["trust"]
    draw_sparkline(c, QRectF(x, y + c.pt(1.2), w, h - c.pt(2.4)), member.sparkline)
    text("score", f"{member.score:.2f} {member.trend.arrow}", Type.SMALL, INK, RIGHT)
    x, w = xs["levels"]
    strip = min(h - c.pt(2.4), c.pt(9))
    draw_level_strip(c, QRectF(x, y + (h - strip) / 2, w, strip), counts.levels, size * 0.92)
    for key, value, late in (
        ("p_open", counts.open_promises, False),
        ("p_late", counts.overdue_promises, True),
        ("c_open", counts.open_checkpoints, False),
        ("c_late", counts.overdue_checkpoints, True),
    ):
        kind = Type.SMALL_STRONG if late and value else Type.SMALL
        color = (ACCENT if late else INK) if value else FAINT
        text(key, str(value), kind, color, RIGHT)
