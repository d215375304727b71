"""The 1:1 rhythm: how often to meet each person, and when the next 1:1 falls due.

Everyone the leader meets has a rhythm: their own, when one is set, else the default of their
place (direct reports every two weeks, skip-levels every month, both Settings). A person added
a minute ago is not late for a 1:1: the rhythm starts when they joined the desk, or started in
their role if that is later, and the first 1:1 is due one interval on.
"""

from __future__ import annotations

from datetime import date, timedelta

from leaddesk.domain.errors import ValidationError

MIN_DAYS = 1
MAX_DAYS = 365
DIRECT_DEFAULT_DAYS = 14
SKIP_LEVEL_DEFAULT_DAYS = 30
# The rhythms people pick most, by name (the person form offers them; anything else is days).
COMMON_RHYTHMS: tuple[tuple[int, str], ...] = (
    (7, "weekly"),
    (14, "every 2 weeks"),
    (21, "every 3 weeks"),
    (28, "every 4 weeks"),
    (30, "monthly"),
)


def first_one_on_one_due(added_on: date, in_role_since: date | None, interval_days: int) -> date:
    """When the first 1:1 with someone is due: one interval after they were added or started."""
    start = max(added_on, in_role_since) if in_role_since is not None else added_on
    return start + timedelta(days=interval_days)


def next_one_on_one_due(
    last_held: date | None, added_on: date, in_role_since: date | None, interval_days: int
) -> date:
    """When the next 1:1 is due: one interval after the last, or the first one's due date."""
    if last_held is None:
        return first_one_on_one_due(added_on, in_role_since, interval_days)
    return last_held + timedelta(days=interval_days)


def interval_for(
    own_days: int | None,
    *,
    direct: bool,
    skip_level: bool,
    direct_days: int,
    skip_level_days: int,
) -> int | None:
    """Days between 1:1s with someone: their own rhythm, else their place's default; None for
    people further down with no rhythm of their own (the leader does not meet them)."""
    if own_days is not None:
        return own_days
    if direct:
        return direct_days
    if skip_level:
        return skip_level_days
    return None


def check_rhythm(days: object) -> int | None:
    """A person's own rhythm as typed (None: use the default), or a ValidationError."""
    if days is None:
        return None
    if isinstance(days, bool) or not isinstance(days, int):
        raise ValidationError("The 1:1 rhythm must be a whole number of days.")
    if not MIN_DAYS <= days <= MAX_DAYS:
        raise ValidationError(
            f"The 1:1 rhythm must be between {MIN_DAYS} and {MAX_DAYS} days; {days} is not."
        )
    return days


def rhythm_words(days: int) -> str:
    """'weekly', 'every 3 weeks', 'monthly', 'every 10 days', 'daily': how people say it."""
    named = dict(COMMON_RHYTHMS)
    if days in named:
        return named[days]
    if days == 1:
        return "daily"
    if days % 7 == 0:
        return f"every {days // 7} weeks"
    return f"every {days} days"
