"""The person one-pager (PDF): private (trust chart, assessments, notes) or a shareable agreement.

Privacy is decided when the data is read, not when it is drawn: a shareable `PersonSheet` never
holds trust scores, assessments, feedback or relationship notes, so no layout bug can print them.

The private one-pager is one page: what does not fit is shortened, then counted ("+2 more").
The agreement sheet is handed over as "what we agreed", so it prints every agreed word and
takes a second page (numbered in the footer) rather than cut one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from leaddesk.domain.promises import PromiseDirection
from leaddesk.reports.pdf_blocks import Section, draw_column
from leaddesk.reports.pdf_chart import draw_trust_chart
from leaddesk.reports.pdf_flow import Flow
from leaddesk.reports.pdf_layout import (
    MUTED,
    Canvas,
    PageSizeName,
    Progress,
    Type,
    paint_rect,
    render_pages_image,
    write_pages,
)
from leaddesk.reports.pdf_page import (
    draw_continued_header,
    draw_figures,
    draw_footer,
    draw_header,
    draw_level_key,
    footer_height,
    header_height,
    level_key_height,
    page_mark,
)
from leaddesk.reports.pdf_sections import (
    assessment_section,
    checkpoint_section,
    delegation_section,
    feedback_section,
    note_section,
    promise_section,
)
from leaddesk.reports.wording import count, day, days_ago, span
from leaddesk.services.delegations_models import DelegationView
from leaddesk.services.feedback import FeedbackView
from leaddesk.services.people import PersonOverview, PersonSummary
from leaddesk.services.promises import PromiseView
from leaddesk.services.relationship_notes import RelationshipNoteView
from leaddesk.services.trust import TrustSeries

if TYPE_CHECKING:
    from leaddesk.services.desk import Desk

CHART_MONTHS = 24
COLUMN_GAP_PT = 20.0
_RIGHT = Qt.AlignmentFlag.AlignRight


@dataclass(frozen=True, slots=True)
class PersonSheet:
    """Everything a person one-pager shows; the private parts are empty on a shareable sheet."""

    person: PersonSummary
    today: date
    shareable: bool
    leader_name: str
    delegations: tuple[DelegationView, ...]  # active ones
    promises: tuple[PromiseView, ...]  # open ones, both directions, overdue first
    overview: PersonOverview | None = None
    series: TrustSeries | None = None
    feedback: tuple[FeedbackView, ...] = ()
    notes: tuple[RelationshipNoteView, ...] = ()


def read_person_sheet(
    desk: Desk, person_id: int, *, shareable: bool, leader_name: str = ""
) -> PersonSheet:
    """What the one-pager shows, read through the Desk's read models (private parts if asked)."""
    sheet = PersonSheet(
        person=desk.person(person_id),
        today=desk.today(),
        shareable=shareable,
        leader_name=leader_name.strip(),
        delegations=tuple(desk.delegations(person_id, active_only=True)),
        promises=tuple(desk.promises(person_id, open_only=True)),
    )
    if shareable:
        return sheet
    return PersonSheet(
        person=sheet.person,
        today=sheet.today,
        shareable=False,
        leader_name=sheet.leader_name,
        delegations=sheet.delegations,
        promises=sheet.promises,
        overview=desk.person_overview(person_id),
        series=desk.trust_series(person_id),
        feedback=tuple(desk.feedback(person_id)),
        notes=tuple(desk.relationship_notes(person_id)),
    )


def write_person_pdf(
    desk: Desk,
    person_id: int,
    target: Path,
    *,
    shareable: bool,
    page_size: PageSizeName = "A4",
    leader_name: str = "",
    progress: Progress | None = None,
) -> Path:
    """Write the person one-pager to `target` (atomically); returns the absolute path."""
    report = progress or (lambda _percent: None)
    report(0)
    sheet = read_person_sheet(desk, person_id, shareable=shareable, leader_name=leader_name)
    report(50)
    path = write_pages(
        target,
        page_size,
        lambda painter, rect, index: render_person(painter, sheet, rect, index),
        desk.path,
    )
    report(100)
    return path


def person_page_image(sheet: PersonSheet, page_size: PageSizeName = "A4", dpi: int = 96) -> QImage:
    """Every page of the sheet as one image (pages one under the other), margins included, for
    a preview pane."""
    return render_pages_image(
        lambda painter, rect, index: render_person(painter, sheet, rect, index), page_size, dpi
    )


def render_person(
    painter: QPainter, sheet: PersonSheet, rect: QRectF | None = None, index: int = 0
) -> int:
    """Paint page `index` of the sheet on any device (QPdfWriter, QPrinter, QImage) inside
    `rect`; returns the number of pages. The private one-pager is one page; the agreement
    sheet takes a second one rather than cut an agreed word.

    Without `rect`, a paged device is filled inside its margins, another device entirely.
    """
    c = Canvas(painter)
    area = QRectF(rect) if rect is not None else paint_rect(painter)
    person = sheet.person
    first = person.name.split()[0]
    if sheet.shareable:
        eyebrow = "Working agreement"
        title = (
            f"{person.name} and {sheet.leader_name}"
            if sheet.leader_name
            else f"Working agreement with {person.name}"
        )
        footer = (
            f"What we agreed, as of {day(sheet.today)}. "
            "If anything here does not match your understanding, let's talk about it."
        )
    else:
        eyebrow, title = "Private one-pager", person.name
        footer = (
            "Private: trust scores, assessments, feedback and relationship notes. Do not share."
        )
    gap = c.pt(COLUMN_GAP_PT)
    width = (area.width() - gap) / 2
    left, right = _columns(c, sheet, first)
    if not sheet.shareable:
        top = area.top() + draw_header(c, area, eyebrow, title, _subtitle(sheet), day(sheet.today))
        bottom = area.bottom() - draw_footer(c, area, footer, "LeadDesk")
        top += draw_figures(c, QRectF(area.left(), top, area.width(), 0), _figures(sheet))
        if sheet.series is not None:
            top += _chart(c, QRectF(area.left(), top, area.width(), c.pt(178)), sheet.series)
        draw_column(c, left, QRectF(area.left(), top, width, bottom - top))
        draw_column(c, right, QRectF(area.left() + width + gap, top, width, bottom - top))
        return 1
    # The agreement: every section flows over two columns, onto more pages if it must.
    flow = Flow(c, [*left, *right], width)
    subtitle = _subtitle(sheet)
    room = area.height() - footer_height(c)
    head_h = header_height(c, subtitle) + level_key_height(c)
    later_h = draw_continued_header(c, area, eyebrow, title, day(sheet.today), measure=True)
    pages = flow.paginate(room - head_h, room - later_h)
    index = min(index, len(pages) - 1)
    if index == 0:
        top = area.top() + draw_header(c, area, eyebrow, title, subtitle, day(sheet.today))
        top += draw_level_key(c, QRectF(area.left(), top, area.width(), 0))
    else:
        top = area.top() + draw_continued_header(c, area, eyebrow, title, day(sheet.today))
    draw_footer(c, area, footer, page_mark(index, len(pages)))
    flow.draw(pages[index], QRectF(area.left(), top, area.width(), 0), gap)
    return len(pages)


def _subtitle(sheet: PersonSheet) -> str:
    p = sheet.person
    parts = [p.role or "", p.area or ""]
    parts.append(f"reports to {p.reports_to_name}" if p.reports_to_name else "direct report")
    if p.in_role_since:
        parts.append(f"in role since {day(p.in_role_since)} ({span(p.in_role_since, sheet.today)})")
    return " · ".join(part for part in parts if part)


def _figures(sheet: PersonSheet) -> list[tuple[str, str, str]]:
    o = sheet.overview
    assert o is not None
    now, mine = o.current, o.my_record
    track = ("Track record", "—", "no evidence yet")
    if now.evidence_weight > 1e-9:
        track = (
            "Track record",
            f"{now.expectation:.2f} {o.trend.arrow}",
            f"band {now.belief:.2f}–{now.plausibility:.2f}",
        )
    own = ("My own record", "—", "no evidence yet")
    if mine.evidence_weight > 1e-9:
        own = (
            "My own record",
            f"{mine.expectation:.2f}",
            f"band {mine.belief:.2f}–{mine.plausibility:.2f}",
        )
    a = o.latest_assessment
    assessed = (
        ("Latest assessment", f"{a.score:.2f}", day(a.on))
        if a
        else ("Latest assessment", "—", "none yet")
    )
    last = o.last_one_on_one
    meeting = (
        "Last 1:1",
        day(last, sheet.today) if last else "—",
        days_ago(last, sheet.today, never="none yet"),
    )
    gaps = count(o.clarity_gaps, "clarity gap") if o.clarity_gaps else "no clarity gaps"
    return [track, own, assessed, meeting, ("Active delegations", str(o.active_delegations), gaps)]


def _chart(c: Canvas, rect: QRectF, series: TrustSeries) -> float:
    top = rect.top()
    c.text(rect.left(), top, "Trust over time", Type.HEADING, rect.width())
    note = (
        f"last {CHART_MONTHS} months · evidence fades with a "
        f"{series.half_life_days:g}-day half-life"
    )
    caption_top = top + c.line(Type.HEADING) - c.line(Type.CAPTION)
    c.text(rect.left(), caption_top, note, Type.CAPTION, rect.width(), MUTED, _RIGHT)
    head = c.line(Type.HEADING) + c.pt(4)
    draw_trust_chart(
        c, QRectF(rect.left(), top + head, rect.width(), rect.height() - head), series, CHART_MONTHS
    )
    return rect.height() + c.pt(12)


def _columns(c: Canvas, sheet: PersonSheet, first: str) -> tuple[list[Section], list[Section]]:
    today = sheet.today
    theirs = [p for p in sheet.promises if p.direction is PromiseDirection.THEIRS]
    mine = [p for p in sheet.promises if p.direction is PromiseDirection.MINE]
    promises = [
        promise_section(c, f"Promised by {first}", theirs, today, whole=sheet.shareable),
        promise_section(c, f"Promised to {first}", mine, today, whole=sheet.shareable),
    ]
    whole = sheet.shareable  # what we agreed is printed whole, never cut
    left = [delegation_section(c, sheet.delegations, today, weight=3.0, whole=whole)]
    checkpoints = checkpoint_section(c, sheet.delegations, today, whole=whole)
    if sheet.shareable:
        return left, [*promises, checkpoints]
    assert sheet.series is not None
    right = [
        *promises,
        assessment_section(c, sheet.series.assessments, today),
        feedback_section(c, sheet.feedback, today),
        note_section(c, sheet.notes, today),
    ]
    return [*left, checkpoints], right
