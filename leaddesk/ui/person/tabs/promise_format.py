"""How a promise is described in lists, tooltips and the detail pane (one place, same words)."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QColor

from leaddesk.domain.promises import PromiseDirection, PromiseState
from leaddesk.reports.wording import count
from leaddesk.services.promises import PromiseEventView, PromiseView
from leaddesk.ui import theme
from leaddesk.ui.common.column_table_model import Column
from leaddesk.ui.person.tabs.tab_parts import day, esc, first_line

STATUS_SAMPLE = "Overdue by 30 days · renegotiated"


def status(p: PromiseView, today: date) -> str:
    """'Overdue by 3 days', 'Due in 2 days', 'Kept late', 'Broken'…"""
    if p.state.is_open:
        again = " · renegotiated" if p.state is PromiseState.RENEGOTIATED else ""
        if p.due_on is None:
            return "Open, no due date" + again
        delta = (p.due_on - today).days
        if delta < 0:
            return f"Overdue by {count(-delta, 'day')}{again}"
        if delta == 0:
            return "Due today" + again
        return f"Due in {count(delta, 'day')}{again}"
    if p.state is PromiseState.KEPT:
        return "Kept late" if p.on_time is False else "Kept on time"
    return str(p.state.value).capitalize()


def color(p: PromiseView, today: date) -> QColor | None:
    """Overdue in the bad colour, due today in the warning colour, resolved muted."""
    if not p.state.is_open:
        return theme.muted_color()
    if p.overdue:
        return theme.bad()
    if p.due_on is not None and p.due_on <= today:
        return theme.warn()
    return None


def status_color(p: PromiseView, today: date) -> QColor | None:
    """The status column: kept late in the warning colour, broken in the bad one."""
    if p.state is PromiseState.BROKEN:
        return theme.bad()
    if p.state is PromiseState.KEPT and p.on_time is False:
        return theme.warn()
    return color(p, today)


def event_line(e: PromiseEventView, presenter: bool = False) -> str:
    """One history entry: '2026-11-10 renegotiated: due 2026-11-12 → 2026-11-20 (note)';
    the note is the leader's own words: not while presenting."""
    if e.to_state is PromiseState.RENEGOTIATED:
        what = f"renegotiated: due {day(e.old_due_on, 'no date')} → {day(e.new_due_on)}"
    elif e.to_state is PromiseState.KEPT and e.old_due_on is not None and e.on > e.old_due_on:
        what = "kept late"
    else:
        what = e.to_state.value
    note = f" — {first_line(e.note)}" if e.note.strip() and not presenter else ""
    return f"{day(e.on)} {what}{note}"


def old_due_dates(p: PromiseView) -> list[date]:
    """Due dates given up by renegotiation, oldest first."""
    return [
        e.old_due_on
        for e in p.history
        if e.to_state is PromiseState.RENEGOTIATED and e.old_due_on is not None
    ]


def tooltip(p: PromiseView, today: date, presenter: bool = False) -> str:
    """Full text, dates, status and history, as plain text."""
    who = "I promised" if p.direction is PromiseDirection.MINE else "They promised"
    lines = [
        f"{who}: {p.text}",
        f"Made {day(p.made_on)} · due {day(p.due_on, 'no date')} · {status(p, today)}",
    ]
    if p.resolved_on is not None:
        lines.append(f"Resolved {day(p.resolved_on)}")
    if p.history:
        lines.append("History:")
        lines.extend(f"  {event_line(e, presenter)}" for e in p.history)
    return "\n".join(lines)


def detail_html(p: PromiseView, today: date, presenter: bool = False) -> str:
    """The detail pane for the selected promise."""
    who = "I promised" if p.direction is PromiseDirection.MINE else f"{p.person_name} promised"
    hue = color(p, today)
    state = esc(status(p, today))
    if hue is not None:
        state = f"<span style='color:{hue.name()}'>{state}</span>"
    parts = [
        f"<b>{esc(who)}</b> · made {day(p.made_on)} · due {day(p.due_on, 'no date')} · {state}",
        f"<p style='margin-top:4px'>{esc(p.text)}</p>",
    ]
    olds = old_due_dates(p)
    if olds:
        parts.append("Earlier due dates: " + ", ".join(f"<s>{day(d)}</s>" for d in olds) + "<br>")
    if p.history:
        parts.append(
            "<b>History</b><ul style='margin-top:0'>"
            + "".join(f"<li>{esc(event_line(e, presenter))}</li>" for e in p.history)
            + "</ul>"
        )
    return "".join(parts)


def columns(today: date) -> list[Column[PromiseView]]:
    """Promise | Made | Due | Status."""

    return [
        Column("Promise", lambda p: first_line(p.text)),
        Column("Made", lambda p: day(p.made_on)),
        Column("Due", lambda p: day(p.due_on)),
        Column("Status", lambda p: status(p, today), color=lambda p: status_color(p, today)),
    ]
