"""How a due item reads in `leaddesk due` and in a detailed notification: what, and when.

The list says the date on the left ('3 days overdue', 'today', 'in 2 days'), so the sentence
leaves it out; the user's own words are shortened to their first line, never reworded.
"""

from __future__ import annotations

from datetime import date

from leaddesk.reports.item_wording import short
from leaddesk.reports.wording import count, day
from leaddesk.services.action_item import ActionItem, ItemDetail, ItemKind

# The `kind` of each item in `leaddesk due --json`: part of the documented shape, never renamed.
JSON_KINDS = {
    ItemKind.PROMISE: "promise",
    ItemKind.CHECKPOINT: "checkpoint",
    ItemKind.ONE_ON_ONE: "one_on_one",
    ItemKind.FEEDBACK: "feedback",
}


def due_what(item: ActionItem, today: date) -> str:
    """What is due, in a few words (no person: lists put the name before it)."""
    match item.kind:
        case ItemKind.PROMISE:
            return f"My promise: {short(item.subject)}"
        case ItemKind.CHECKPOINT:
            return f"Checkpoint: {short(item.subject)}"
        case ItemKind.FEEDBACK:
            return f"Feedback I asked for, still unanswered: {short(item.subject)}"
        case ItemKind.ONE_ON_ONE if item.detail is ItemDetail.NO_ONE_ON_ONE_YET:
            return "First 1:1"
        case ItemKind.ONE_ON_ONE:
            last = f" (last {day(item.last, today)})" if item.last else ""
            return f"1:1 past its rhythm{last}"
        case _:
            return short(item.subject)


def due_when(on: date, today: date) -> str:
    """When, relative to today: '3 days overdue', 'today', 'tomorrow', 'in 4 days'."""
    days = (on - today).days
    if days < 0:
        return f"{count(-days, 'day')} overdue"
    return {0: "today", 1: "tomorrow"}.get(days, f"in {count(days, 'day')}")
