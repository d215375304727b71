"""The 1:1 rhythm for someone new: when the first 1:1 falls due.

A person added a minute ago is not late for a 1:1: the rhythm starts when they joined the
desk, or started in their role if that is later, and the first 1:1 is due one interval on.
"""

from __future__ import annotations

from datetime import date, timedelta


def first_one_on_one_due(added_on: date, in_role_since: date | None, interval_days: int) -> date:
    """When the first 1:1 with someone is due: one interval after they were added or started."""
    start = max(added_on, in_role_since) if in_role_since is not None else added_on
    return start + timedelta(days=interval_days)
