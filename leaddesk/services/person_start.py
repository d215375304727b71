"""When someone came onto the desk: what a new person's 1:1 rhythm and trust chart start from
(the rhythm itself: services/one_on_one_rhythm.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime


def added_on(created_at: datetime, today: date) -> date:
    """The local day a person was added (from its stored UTC timestamp), never after `today`:
    a desk told another day than the clock's (a demo of a given day) still sees them added."""
    return min(created_at.replace(tzinfo=UTC).astimezone().date(), today)
