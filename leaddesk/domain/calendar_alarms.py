"""When a calendar app reminds of an all-day item: a lead time before the day starts.

Checkpoints and promise due dates are all-day events, so an alarm can only be relative to the
start of the day (midnight, in whatever time zone the calendar app runs). A lead of 420 minutes
rings the day before at 17:00: at the end of the previous working day there is still time to
prepare the checkpoint or to keep the promise, and nobody is woken at midnight; 9:00 on the day
would be too late for a promise that takes an afternoon. 0 means no alarms at all.
"""

from __future__ import annotations

DEFAULT_LEAD_MINUTES = 420  # the day before at 17:00
MAX_LEAD_MINUTES = 14 * 24 * 60  # two weeks: further ahead, a reminder is a plan, not an alarm
MINUTES_PER_DAY = 24 * 60


def alarm_moment(lead_minutes: int) -> str:
    """'the day before at 17:00', '3 days before at 09:00', or 'no alarms' for 0."""
    if lead_minutes <= 0:
        return "no alarms"
    days = -(-lead_minutes // MINUTES_PER_DAY)  # whole days back to the alarm's day
    clock = days * MINUTES_PER_DAY - lead_minutes
    when = "the day before" if days == 1 else f"{days} days before"
    return f"{when} at {clock // 60:02d}:{clock % 60:02d}"
