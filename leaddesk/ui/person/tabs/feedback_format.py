"""How feedback is shown: who gave it, its kind, the answer to a solicitation, the follow-up."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtGui import QColor

from leaddesk.domain.feedback import FeedbackDirection
from leaddesk.reports import wording
from leaddesk.services.feedback import FeedbackView
from leaddesk.ui import theme
from leaddesk.ui.common.column_table_model import Column
from leaddesk.ui.person.tabs.tab_parts import day, esc, first_line

SUMMARY_DAYS = 30
DIRECTION_LABELS = {
    FeedbackDirection.GIVEN: "I gave",
    FeedbackDirection.RECEIVED: "I received",
    FeedbackDirection.SOLICITED: "I asked",
}


def kind_text(f: FeedbackView) -> str:
    """'Coaching', or a dash when not specified."""
    return str(f.kind.value).capitalize() if f.kind else "—"


def answer_text(f: FeedbackView) -> str:
    """For solicitations: open, or the answer's first line."""
    if f.direction is not FeedbackDirection.SOLICITED:
        return ""
    if f.is_open:
        return "Open — waiting for their answer"
    answered = day(f.answered_on) if f.answered_on else ""
    return f"{answered}: {first_line(f.answer or '')}"


def color(f: FeedbackView) -> QColor | None:
    """Open solicitations stand out: they wait for something."""
    return theme.warn() if f.is_open else None


def tooltip(f: FeedbackView) -> str:
    """Everything about one piece of feedback, as plain text."""
    kind = f" ({f.kind.value})" if f.kind else ""
    lines = [f"{day(f.on)} · {DIRECTION_LABELS[f.direction]}{kind}", f.text]
    if f.direction is FeedbackDirection.SOLICITED:
        lines.append("Their answer: " + (f.answer or "not yet — still open"))
    if f.follow_up:
        lines.append(f"Follow-up: {f.follow_up}")
    return "\n".join(lines)


def detail_html(f: FeedbackView, person_name: str) -> str:
    """The detail pane for the selected feedback."""
    who = {
        FeedbackDirection.GIVEN: f"I gave {person_name} feedback",
        FeedbackDirection.RECEIVED: f"{person_name} gave me feedback",
        FeedbackDirection.SOLICITED: f"I asked {person_name} for feedback",
    }[f.direction]
    kind = f" · {esc(kind_text(f).lower())}" if f.kind else ""
    parts = [
        f"<b>{esc(who)}</b> · {day(f.on)}{kind}",
        f"<p style='margin-top:4px'>{esc(f.text)}</p>",
    ]
    if f.direction is FeedbackDirection.SOLICITED:
        if f.is_open:
            parts.append(
                f"<p style='color:{theme.warn().name()}'><b>Open</b> — waiting for their answer. "
                "Press Enter to record it.</p>"
            )
        else:
            answered = day(f.answered_on) if f.answered_on else ""
            parts.append(f"<p><b>Their answer</b> ({answered})<br>{esc(f.answer or '')}</p>")
    follow = esc(f.follow_up) if f.follow_up else "<i>none yet — press F to add one</i>"
    parts.append(f"<p><b>Follow-up</b><br>{follow}</p>")
    return "".join(parts)


def summary(feedback: list[FeedbackView], today: date) -> str:
    """'Last 30 days: given 2, solicited 1 · received 0 · 1 open solicitation'."""
    since = today - timedelta(days=SUMMARY_DAYS)
    recent = [f for f in feedback if f.on >= since]  # as the focus list counts
    given = sum(f.direction is FeedbackDirection.GIVEN for f in recent)
    asked = sum(f.direction is FeedbackDirection.SOLICITED for f in recent)
    received = sum(f.direction is FeedbackDirection.RECEIVED for f in recent)
    open_ = sum(f.is_open for f in feedback)
    text = f"Last {SUMMARY_DAYS} days: given {given}, solicited {asked} · received {received}"
    if open_:
        text += f" · {wording.count(open_, 'open solicitation')}"
    return text


def columns() -> list[Column[FeedbackView]]:
    """Date | Who | Kind | Feedback | Answer | Follow-up."""
    return [
        Column("Date", lambda f: day(f.on)),
        Column("Who", lambda f: DIRECTION_LABELS[f.direction]),
        Column("Kind", kind_text),
        Column("Feedback", lambda f: first_line(f.text)),
        Column("Answer", answer_text),
        Column("Follow-up", lambda f: first_line(f.follow_up)),
    ]
