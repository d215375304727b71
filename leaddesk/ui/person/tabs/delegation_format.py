"""How delegations, checkpoints, factors, calibrations and level changes are shown (same words)."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QColor

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.levels import DelegationState, EmpowermentLevel, LevelKind
from leaddesk.reports import wording
from leaddesk.services.delegations_models import (
    CalibrationView,
    CheckpointView,
    DelegationView,
    LevelChangeView,
    SuccessFactorView,
)
from leaddesk.ui import theme
from leaddesk.ui.common.column_table_model import Column
from leaddesk.ui.person.tabs.tab_parts import day, esc, first_line

CLARITY_GAP = "clarity gap"
FactorCalibration = tuple[SuccessFactorView, CalibrationView]
KIND_WORDS = {
    LevelKind.MINE: "My level",
    LevelKind.THEIRS: "Their level",
    LevelKind.TARGET: "Target",
}


def level_short(level: EmpowermentLevel | None, missing: str = "—") -> str:
    """'5 Advise'."""
    return f"{int(level)} {level.label}" if level is not None else missing


def level_long(level: EmpowermentLevel | None, missing: str) -> str:
    """'5 Advise — you decide after hearing me' (rich text, missing in italics)."""
    if level is None:
        return f"<i>{missing}</i>"
    return f"<b>{int(level)} {level.label}</b> — {esc(level.meaning)}"


# -- the delegation list ---------------------------------------------------------------------
def sort_key(d: DelegationView) -> tuple[int, str]:
    """Active first, then completed, then withdrawn; by title within each."""
    order = {DelegationState.ACTIVE: 0, DelegationState.COMPLETED: 1, DelegationState.WITHDRAWN: 2}
    return order[d.state], d.title.casefold()


def row_color(d: DelegationView) -> QColor | None:
    """Muted when no longer active; the warning colour for a clarity gap."""
    if d.state is not DelegationState.ACTIVE:
        return theme.muted_color()
    return theme.warn() if d.clarity_gap else None


def next_text(d: DelegationView, today: date) -> str:
    """The next checkpoint as the list shows it (or the state when no longer active)."""
    if d.state is not DelegationState.ACTIVE:
        return str(d.state.value)
    cp = d.next_checkpoint
    if cp is None:
        return "none planned"
    return f"{wording.day(cp.due_on, today)} ({wording.due_in(cp.due_on, today)})"


def next_color(d: DelegationView) -> QColor | None:
    """Overdue checkpoints in the bad colour."""
    if d.state is DelegationState.ACTIVE and d.next_checkpoint and d.next_checkpoint.overdue:
        return theme.bad()
    return None


def their_text(d: DelegationView) -> str:
    """'3 Consult · clarity gap', or 'not discussed'."""
    text = level_short(d.their_level, "not discussed")
    return f"{text} · {CLARITY_GAP}" if d.clarity_gap else text


def list_tooltip(d: DelegationView) -> str:
    """The delegation in a few lines."""
    lines = [d.title, f"My level: {level_short(d.my_level)} ({d.my_level.meaning})"]
    if d.their_level is not None:
        lines.append(f"Their level: {level_short(d.their_level)} ({d.their_level.meaning})")
    if d.clarity_gap:
        lines.append("Clarity gap: they believe they hold a different level than the one you gave.")
    if d.state is not DelegationState.ACTIVE:
        lines.append(f"State: {d.state.value}")
    return "\n".join(lines)


def delegation_columns(today: date) -> list[Column[DelegationView]]:
    """Delegation | My level | Their level | Next checkpoint."""
    return [
        Column("Delegation", lambda d: d.title),
        Column("My level", lambda d: level_short(d.my_level)),
        Column("Their level", their_text),
        Column("Next checkpoint", lambda d: next_text(d, today), color=next_color),
    ]


# -- the detail pane ---------------------------------------------------------------------------
def detail_html(d: DelegationView, today: date) -> str:
    """Everything about a delegation that is not a list: words, levels, dates."""
    muted = theme.muted_color().name()
    state = (
        f" <span style='color:{muted}'>({d.state.value})</span>"
        if d.state is not DelegationState.ACTIVE
        else ""
    )
    parts = [f"<h3 style='margin:0'>{esc(d.title)}{state}</h3>"]
    if d.clarity_gap:
        parts.append(
            f"<p style='color:{theme.warn().name()}'><b>⚠ Clarity gap:</b> they believe they "
            f"hold {level_short(d.their_level)}; you gave {level_short(d.my_level)}. "
            "Talk it through and record the level you agree.</p>"
        )
    cp = d.next_checkpoint
    if d.state is not DelegationState.ACTIVE:
        next_cp = f"<i>none — {d.state.value}</i>"
    elif cp is None:
        next_cp = "<i>none planned — plan one (P)</i>"
    else:
        color = f" style='color:{theme.bad().name()}'" if cp.overdue else ""
        next_cp = f"<span{color}>{day(cp.due_on)} ({wording.due_in(cp.due_on, today)})</span>"
    rows = [
        ("What done means", esc(d.done_means) if d.done_means else "<i>not written down</i>"),
        ("My level", level_long(d.my_level, "")),
        ("Their level", level_long(d.their_level, "not discussed yet")),
        ("Target level", level_long(d.target_level, "none")),
        ("Involve me when", esc(d.involve_me_when) if d.involve_me_when else "<i>not agreed</i>"),
        ("Review date", day(d.review_on) if d.review_on else "<i>none</i>"),
        ("Next checkpoint", next_cp),
        ("Delegated on", day(d.created_on)),
    ]
    table = "".join(
        f"<tr><td style='padding:2px 12px 2px 0; color:{muted}' valign='top'>{label}</td>"
        f"<td style='padding:2px 0'>{value}</td></tr>"
        for label, value in rows
    )
    parts.append(f"<table cellspacing='0'>{table}</table>")
    return "".join(parts)


# -- checkpoints -----------------------------------------------------------------------------
OUTCOME_COLORS = {
    CheckpointOutcome.ON_TRACK: theme.good,
    CheckpointOutcome.CONCERNS: theme.warn,
    CheckpointOutcome.OFF_TRACK: theme.bad,
    CheckpointOutcome.SKIPPED: theme.muted_color,
}


def checkpoint_order(cps: tuple[CheckpointView, ...]) -> list[CheckpointView]:
    """Open ones first (soonest first), then completed ones (newest first)."""
    upcoming = sorted((c for c in cps if c.outcome is None), key=lambda c: c.due_on)
    done = sorted(
        (c for c in cps if c.outcome is not None),
        key=lambda c: (c.completed_on or c.due_on, c.id),
        reverse=True,
    )
    return upcoming + done


def outcome_text(c: CheckpointView, today: date) -> str:
    """'on track', or 'planned · in 5 days' / 'overdue by 3 days'."""
    if c.outcome is not None:
        return c.outcome.label
    return "overdue" if c.overdue else f"planned · {wording.due_in(c.due_on, today)}"


def outcome_color(c: CheckpointView) -> QColor | None:
    """Outcome colours; an overdue open checkpoint in the bad colour."""
    if c.outcome is not None:
        return OUTCOME_COLORS[c.outcome]()
    return theme.bad() if c.overdue else None


def checkpoint_tooltip(c: CheckpointView, presenter: bool = False) -> str:
    """Due date, outcome, note and evidence in full (note and evidence not while presenting)."""
    lines = [f"Due {day(c.due_on)}"]
    if c.outcome is not None and c.completed_on is not None:
        lines.append(f"{c.outcome.label.capitalize()} on {day(c.completed_on)}")
    if presenter:
        return "\n".join(lines)
    if c.note:
        lines.append(f"Note: {c.note}")
    if c.evidence:
        lines.append(f"Evidence looked at: {c.evidence}")
    return "\n".join(lines)


def checkpoint_columns(today: date, presenter: bool = False) -> list[Column[CheckpointView]]:
    """Due | Outcome | Completed | Note | Evidence (the last two not while presenting)."""
    columns = [
        Column("Due", lambda c: day(c.due_on)),
        Column("Outcome", lambda c: outcome_text(c, today), color=outcome_color),
        Column("Completed", lambda c: day(c.completed_on) if c.completed_on else ""),
    ]
    if presenter:
        return columns
    return [
        *columns,
        Column("Note", lambda c: first_line(c.note)),
        Column("Evidence looked at", lambda c: first_line(c.evidence)),
    ]


# -- success factors and calibrations ------------------------------------------------------------
def target_text(f: SuccessFactorView) -> str:
    """'45 days', or '—'."""
    return f"{f.target} {f.unit or ''}".strip() if f.target else "—"


def factor_tooltip(f: SuccessFactorView, presenter: bool = False) -> str:
    """The agreed definition in full, with its calibrations (their reasons not while
    presenting)."""
    lines = [f"{f.name}: {f.definition}", f"Target: {target_text(f)}"]
    lines.append(f"Agreed on {day(f.agreed_on)}")
    for c in f.calibrations:
        why = "" if presenter else f": {c.reason}"
        lines.append(f"Calibrated {day(c.on)} ({c.proposed_by.value}){why}")
    return "\n".join(lines)


def factor_columns() -> list[Column[SuccessFactorView]]:
    """Factor | Agreed definition | Target | Last agreed."""
    return [
        Column("Factor", lambda f: f.name),
        Column("Agreed definition", lambda f: first_line(f.definition)),
        Column("Target", target_text),
        Column(
            "Last agreed",
            lambda f: day(f.last_calibrated_on),
            tooltip=lambda f: (
                f"{wording.count(len(f.calibrations), 'calibration')} since {day(f.agreed_on)}"
            ),
        ),
    ]


def change_text(c: CalibrationView) -> str:
    """What a calibration changed: 'target 45 → 40', 'definition', or both."""
    changes = []
    if c.old_definition != c.new_definition:
        changes.append("definition")
    if c.old_target != c.new_target:
        changes.append(f"target {c.old_target or 'none'} → {c.new_target or 'none'}")
    return " and ".join(changes) or "—"


def calibration_tooltip(fc: FactorCalibration, presenter: bool = False) -> str:
    """Old and new wording in full (the reason not while presenting)."""
    f, c = fc
    lines = [f"{f.name}, {day(c.on)}, proposed by {c.proposed_by.value}"]
    if not presenter:
        lines.append(f"Why: {c.reason}")
    if c.old_definition != c.new_definition:
        lines += [f"Was: {c.old_definition}", f"Now: {c.new_definition}"]
    return "\n".join(lines)


def calibration_columns(presenter: bool = False) -> list[Column[FactorCalibration]]:
    """Date | Factor | Change | Proposed by | Reason (not while presenting)."""
    columns: list[Column[FactorCalibration]] = [
        Column("Date", lambda fc: day(fc[1].on)),
        Column("Factor", lambda fc: fc[0].name),
        Column("Change", lambda fc: change_text(fc[1])),
        Column("Proposed by", lambda fc: fc[1].proposed_by.value),
    ]
    if presenter:
        return columns
    return [*columns, Column("Reason", lambda fc: first_line(fc[1].reason))]


def calibrations(d: DelegationView) -> list[FactorCalibration]:
    """Every calibration of a delegation's factors, newest first."""
    rows = [(f, c) for f in d.factors for c in f.calibrations]
    return sorted(rows, key=lambda fc: fc[1].on, reverse=True)


# -- level history -----------------------------------------------------------------------------
def level_change_text(h: LevelChangeView) -> str:
    """'3 Consult → 5 Advise ↑'."""
    if h.from_level is None and h.kind is LevelKind.MINE:
        return f"delegated at {level_short(h.to_level)}"
    arrow = ""
    if h.from_level is not None and h.to_level is not None:
        arrow = " ↑" if h.to_level > h.from_level else " ↓"
    return f"{level_short(h.from_level, 'none')} → {level_short(h.to_level, 'none')}{arrow}"


def level_change_color(h: LevelChangeView) -> QColor | None:
    """Raised in the good colour, lowered in the warning colour (my level only)."""
    if h.kind is not LevelKind.MINE or h.from_level is None or h.to_level is None:
        return None
    return theme.good() if h.to_level > h.from_level else theme.warn()


def history_columns(presenter: bool = False) -> list[Column[LevelChangeView]]:
    """Date | Which | Change | Reason (not while presenting)."""
    columns = [
        Column("Date", lambda h: day(h.on)),
        Column("Which", lambda h: KIND_WORDS[h.kind]),
        Column("Change", level_change_text, color=level_change_color),
    ]
    if presenter:
        return columns
    return [*columns, Column("Reason", lambda h: first_line(h.reason), tooltip=lambda h: h.reason)]
