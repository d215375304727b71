"""The sections of a person one-pager, built from read models as rows of aligned cells."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from leaddesk.domain.feedback import FeedbackDirection, FeedbackKind
from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.reports import wording
from leaddesk.reports.pdf_blocks import RIGHT, Cell, Item, Row, Section
from leaddesk.reports.pdf_layout import ACCENT, FAINT, INK, MUTED, OVERDUE, SOON, Canvas, Type
from leaddesk.reports.wording import count, day, due_in
from leaddesk.services.delegations_models import DelegationView
from leaddesk.services.feedback import FeedbackView
from leaddesk.services.promises import PromiseView
from leaddesk.services.relationship_notes import RelationshipNoteView
from leaddesk.services.trust import AssessmentView

MAX_FACTORS = 3
WHOLE = 999  # lines: as many as the words need (the agreement sheet cuts nothing)
SOON_DAYS = 7  # due within a week reads amber
_CORES = ("Integrity", "Intent", "Capab.", "Results")
FEEDBACK_DAYS = 365
_VERB = {
    FeedbackDirection.GIVEN: "Gave",
    FeedbackDirection.RECEIVED: "Received",
    FeedbackDirection.SOLICITED: "Asked",
}


class Widths:
    """Column widths in points, measured in this canvas's fonts so every date and label fits."""

    def __init__(self, c: Canvas) -> None:
        def measure(text: str, kind: Type) -> float:
            return c.width(text, kind) / c.k + 1.0

        self.date = measure(day(date(2026, 9, 28)), Type.SMALL)
        self.label = measure("Involve me when", Type.CAPTION)
        self.level = measure("7 Delegate", Type.SMALL_STRONG)
        self.status = max(
            measure(text, Type.SMALL_STRONG) for text in ("overdue", "tomorrow", "in 14 days")
        )
        self.score = measure("0.00", Type.SMALL_STRONG)
        self.kind = max(
            measure(f"{verb} · {kind.value}", Type.SMALL)
            for verb in _VERB.values()
            for kind in FeedbackKind
        )
        self.topic = measure("Personal context", Type.SMALL_STRONG)
        self.core = max(measure(name, Type.CAPTION) for name in _CORES)


def _level(level: EmpowermentLevel) -> str:
    return f"{int(level)} {level.label}"


def delegation_section(
    c: Canvas,
    delegations: Sequence[DelegationView],
    today: date,
    weight: float = 1.0,
    *,
    whole: bool = False,
) -> Section:
    """Active delegations: level, involve-me-when, what done means, agreed success factors.

    `whole` (the agreement sheet): every factor, every word, wrapped; otherwise long texts keep
    two lines, three factors show, and a crowded column gets each delegation in a few lines.
    """
    w = Widths(c)
    items = [_delegation(w, d, today, whole) for d in delegations]
    gaps = sum(1 for d in delegations if d.clarity_gap)
    aside = f"{len(delegations)} active" + (f" · {count(gaps, 'clarity gap')}" if gaps else "")
    return Section(
        "Delegations",
        tuple(items),
        "delegation",
        "No active delegations.",
        aside,
        weight,
        compact=None if whole else tuple(_compact_delegation(w, d, today) for d in delegations),
    )


def _title_row(w: Widths, d: DelegationView, lines: int) -> Row:
    return Row(
        (
            Cell(d.title, Type.STRONG, lines=lines),
            Cell(_level(d.my_level), Type.SMALL_STRONG, w.level, ACCENT, RIGHT),
        )
    )


def _level_notes(d: DelegationView, today: date) -> str:
    notes = []
    if d.their_level is not None and d.clarity_gap:
        notes.append(f"their view: {_level(d.their_level)} (clarity gap)")
    if d.target_level is not None and d.target_level != d.my_level:
        notes.append(f"aiming for {_level(d.target_level)}")
    if d.review_on is not None:
        notes.append(f"review by {day(d.review_on, today)}")
    text = "; ".join(notes)
    return text[:1].upper() + text[1:]


def _delegation(w: Widths, d: DelegationView, today: date, whole: bool) -> Item:
    long = WHOLE if whole else 2
    rows = [_title_row(w, d, WHOLE if whole else 1)]
    notes = _level_notes(d, today)
    if notes:
        rows.append(_labelled(w, "Levels", notes, ACCENT if d.clarity_gap else MUTED, long))
    if d.involve_me_when.strip():
        rows.append(_labelled(w, "Involve me when", d.involve_me_when, INK, long))
    if d.done_means.strip():
        rows.append(_labelled(w, "Done means", d.done_means, INK, long))
    factors = d.factors if whole else d.factors[:MAX_FACTORS]
    for i, f in enumerate(factors):
        target = " ".join(part for part in (f.target, f.unit) if part)
        label = "Success factors" if i == 0 else ""
        rows.append(
            Row(
                (
                    Cell(label, Type.CAPTION, w.label, FAINT),
                    Cell(f.name, Type.SMALL_STRONG, lines=WHOLE if whole else 1),
                    Cell(target, Type.SMALL, w.level + 8, INK, RIGHT),
                )
            )
        )
        if f.definition.strip():
            rows.append(
                Row(
                    (
                        Cell("", Type.CAPTION, w.label),
                        Cell(f.definition, Type.SMALL, None, MUTED, lines=long),
                    )
                )
            )
    if len(d.factors) > len(factors):
        more = len(d.factors) - len(factors)
        rows.append(_labelled(w, "", wording.more(more, "success factor"), FAINT, 1))
    return Item(tuple(rows), 7.0)


def _compact_delegation(w: Widths, d: DelegationView, today: date) -> Item:
    """A delegation in at most four lines: title and level, levels, involve-me-when, factors."""
    rows = [_title_row(w, d, 1)]
    notes = _level_notes(d, today)
    if notes:
        rows.append(_labelled(w, "Levels", notes, ACCENT if d.clarity_gap else MUTED, 1))
    if d.involve_me_when.strip():
        rows.append(_labelled(w, "Involve me when", d.involve_me_when, INK, 1))
    if d.factors:
        names = " · ".join(
            " ".join(part for part in (f.name, f.target, f.unit) if part) for f in d.factors
        )
        rows.append(_labelled(w, "Success factors", names, INK, 1))
    return Item(tuple(rows), 5.0)


def _labelled(w: Widths, label: str, text: str, color: QColor, lines: int) -> Row:
    return Row(
        (
            Cell(label, Type.CAPTION, w.label, FAINT),
            Cell(text, Type.SMALL, None, color, lines=lines),
        )
    )


def _status(due: date | None, overdue: bool, today: date) -> Cell:
    """Overdue in red, due within a week in amber, further off muted (the words say it too)."""
    if overdue:
        return Cell("overdue", Type.SMALL_STRONG, None, OVERDUE, RIGHT)
    if due is None:
        return Cell("", Type.SMALL)
    days = (due - today).days
    if days <= SOON_DAYS:
        return Cell(due_in(due, today), Type.SMALL_STRONG, None, SOON, RIGHT)
    text = due_in(due, today) if days <= 14 else ""
    return Cell(text, Type.SMALL, None, MUTED, RIGHT)


def checkpoint_section(
    c: Canvas, delegations: Sequence[DelegationView], today: date, *, whole: bool = False
) -> Section:
    """The next planned checkpoint of each active delegation, soonest first."""
    w = Widths(c)
    planned = sorted(
        (d.next_checkpoint for d in delegations if d.next_checkpoint is not None),
        key=lambda cp: cp.due_on,
    )
    items = []
    for cp in planned:
        status = _status(cp.due_on, cp.overdue, today)
        items.append(
            Item(
                (
                    Row(
                        (
                            Cell(day(cp.due_on, today), Type.SMALL, w.date, INK),
                            Cell(cp.delegation_title, Type.SMALL, lines=WHOLE if whole else 1),
                            Cell(status.text, status.kind, w.status, status.color, RIGHT),
                        )
                    ),
                )
            )
        )
    late = sum(1 for cp in planned if cp.overdue)
    aside = f"{late} overdue" if late else ""
    return Section("Next checkpoints", tuple(items), "checkpoint", "No checkpoint planned.", aside)


def promise_section(
    c: Canvas, title: str, promises: Sequence[PromiseView], today: date, *, whole: bool = False
) -> Section:
    """Open promises of one direction, overdue first, then by due date (`whole`: every word)."""
    w = Widths(c)
    items = []
    for p in promises:
        status = _status(p.due_on, p.overdue, today)
        due = day(p.due_on, today) if p.due_on else "no date"
        items.append(
            Item(
                (
                    Row(
                        (
                            Cell(due, Type.SMALL, w.date, INK if p.due_on else FAINT),
                            Cell(p.text, Type.SMALL, None, INK, lines=WHOLE if whole else 2),
                            Cell(status.text, status.kind, w.status, status.color, RIGHT),
                        )
                    ),
                )
            )
        )
    late = sum(1 for p in promises if p.overdue)
    aside = f"{len(promises)} open" + (f" · {late} overdue" if late else "")
    return Section(
        title, tuple(items), "promise", "No open promises.", aside if promises else "", 1.2
    )


def assessment_section(c: Canvas, assessments: Sequence[AssessmentView], today: date) -> Section:
    """My trust assessments, newest first: the four cores, the 0-1 score and the note."""
    w = Widths(c)
    items = []
    center = Qt.AlignmentFlag.AlignHCenter
    for a in sorted(assessments, key=lambda a: a.on, reverse=True):
        cores = (a.integrity, a.intent, a.capabilities, a.results)
        rows = [
            Row(
                (
                    Cell(day(a.on, today), Type.SMALL, w.date),
                    *(Cell(str(v), Type.SMALL, w.core, INK, center) for v in cores),
                    Cell(""),
                    Cell(f"{a.score:.2f}", Type.SMALL_STRONG, w.score, INK, RIGHT),
                )
            )
        ]
        if a.note.strip():
            rows.append(Row((Cell("", Type.SMALL, w.date), Cell(a.note, Type.SMALL, None, MUTED))))
        items.append(Item(tuple(rows)))
    header = Row(
        (
            Cell("", Type.CAPTION, w.date),
            *(Cell(name, Type.CAPTION, w.core, FAINT, center) for name in _CORES),
            Cell(""),
            Cell("Score", Type.CAPTION, w.score, FAINT, RIGHT),
        )
    )
    return Section(
        "My assessments",
        tuple(items),
        "assessment",
        "No assessment yet.",
        "cores 1–5, score 0–1",
        header=header,
    )


def feedback_section(c: Canvas, feedback: Sequence[FeedbackView], today: date) -> Section:
    """Feedback of the last twelve months, newest first."""
    w = Widths(c)
    since = today - timedelta(days=FEEDBACK_DAYS)
    items = []
    for f in feedback:
        if f.on < since:
            continue
        kind = _VERB[f.direction] + (f" · {f.kind.value}" if f.kind else "")
        text = f.text + (f" → {f.answer}" if f.answer else "")
        items.append(
            Item(
                (
                    Row(
                        (
                            Cell(day(f.on, today), Type.SMALL, w.date),
                            Cell(kind, Type.SMALL, w.kind, MUTED),
                            Cell(text, Type.SMALL, None, INK, lines=2),
                        )
                    ),
                )
            )
        )
    return Section(
        "Recent feedback",
        tuple(items),
        "feedback item",
        "No feedback this year.",
        "last 12 months",
    )


def note_section(c: Canvas, notes: Sequence[RelationshipNoteView], today: date) -> Section:
    """What I know about the person, newest first."""
    w = Widths(c)
    items = [
        Item(
            (
                Row(
                    (
                        Cell(day(n.on, today), Type.SMALL, w.date),
                        Cell(n.topic.capitalize(), Type.SMALL_STRONG, w.topic),
                        Cell(n.text, Type.SMALL, None, INK, lines=2),
                    )
                ),
            )
        )
        for n in sorted(notes, key=lambda n: n.on, reverse=True)
    ]
    return Section("Relationship notes", tuple(items), "note", "No notes yet.")
