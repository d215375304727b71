"""How an action item reads: one wording for Needs attention, focus lists, the CLI and 1:1s.

Services hand over items as data (leaddesk.services.action_item); the sentence is made here, from
the fields, so no caller parses it back. Dates, counts and durations come from
leaddesk.reports.wording (QtCore only, no QApplication), so the UI and the CLI both import it.
It lives above the services (it words their read models), hence here and not in `domain`.
"""

from __future__ import annotations

from datetime import date

from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.domain.promises import PromiseDirection
from leaddesk.reports.wording import count, day
from leaddesk.services.action_item import ActionItem, ItemDetail

SHORT = 80  # a list line shows the first line of what the user typed, up to this many characters


def short(text: str, limit: int = SHORT) -> str:
    """The first line of `text`, cut with '…' past `limit` characters."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def item_text(item: ActionItem, today: date | None) -> str:
    """The item as one sentence (the person is left out: lists put the name before it)."""
    match item.detail:
        case ItemDetail.PROMISE:
            who = "I" if item.direction is PromiseDirection.MINE else "They"
            return f"{who} promised: {agenda_text(item, today)}"
        case ItemDetail.CHECKPOINT_DUE:
            return f"Checkpoint on {agenda_text(item, today)}"
        case ItemDetail.FEEDBACK_ASKED:
            return f"I asked for feedback: {agenda_text(item, today)}"
        case ItemDetail.CLARITY_GAP:
            return f"{item.subject}: clarity gap — {_levels(item)}"
        case ItemDetail.LEVEL_NOT_AGREED:
            return f"{item.subject}: level not agreed yet (mine: {_label(item.my_level)})"
        case ItemDetail.NO_CHECKPOINT:
            return f"{item.subject}: no checkpoint planned"
        case ItemDetail.NO_FACTOR:
            return f"{item.subject}: no success factor agreed"
        case ItemDetail.NOT_CALIBRATED:
            return f"{item.subject} ({item.within}): not calibrated since {_date(item.on, today)}"
        case ItemDetail.NO_ONE_ON_ONE_YET if item.overdue:
            return f"No 1:1 yet: the first was due {_date(item.on, today)}"
        case ItemDetail.NO_ONE_ON_ONE_YET:
            return "No 1:1 yet — plan the first"
        case ItemDetail.ONE_ON_ONE_OVERDUE:
            return f"No 1:1 for {count(item.days, 'day')} (last {_date(item.last, today)})"
        case ItemDetail.NO_RELATIONSHIP_NOTES:
            return "No relationship notes yet"
        case ItemDetail.FEEDBACK_BALANCE:
            return f"Last 30 days: given {item.given}, solicited {item.solicited}"


def agenda_text(item: ActionItem, today: date | None) -> str:
    """The item as a 1:1 agenda row says it: the row's tag already says whose and what it is."""
    match item.detail:
        case ItemDetail.PROMISE:
            due = f" (due {day(item.on, today)})" if item.on else ""
            return f"{short(item.subject)}{due}"
        case ItemDetail.CHECKPOINT_DUE:
            when = "overdue since" if item.overdue else "due"
            return f"{item.subject} {when} {_date(item.on, today)}"
        case ItemDetail.FEEDBACK_ASKED:
            return short(item.subject)
        case ItemDetail.CLARITY_GAP:
            return f"{item.subject} — {_levels(item)}"
        case _:
            return item_text(item, today)


def _levels(item: ActionItem) -> str:
    return f"I said {_label(item.my_level)}, they think {_label(item.their_level)}"


def _label(level: EmpowermentLevel | None) -> str:
    return level.label if level is not None else "?"


def _date(on: date | None, today: date | None) -> str:
    return day(on, today) if on is not None else "?"
