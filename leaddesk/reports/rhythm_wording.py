"""How a 1:1 rhythm and the next 1:1 read, the same in the team grid, the person header and the
calendar: '1:1 every 3 weeks', 'Fri 11 Dec', 'today', '4 days overdue' (as Needs attention
says it)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale

from leaddesk.domain.rhythm import rhythm_words
from leaddesk.reports.wording import count, weekday


def rhythm(days: int) -> str:
    """'1:1 every 3 weeks', '1:1 weekly', '1:1 every 10 days'."""
    return f"1:1 {rhythm_words(days)}"


def next_one_on_one(on: date, today: date, *, locale: QLocale | None = None) -> str:
    """When the next 1:1 is due, as a list cell says it: '4 days overdue', 'today',
    'tomorrow', 'Fri 11 Dec' (the weekday: 1:1s are planned by the week)."""
    days = (on - today).days
    if days < 0:
        return f"{count(-days, 'day')} overdue"
    if days < 2:
        return "today" if days == 0 else "tomorrow"
    return weekday(on, today, locale=locale)


def next_due(on: date, today: date, *, locale: QLocale | None = None) -> str:
    """The same in a sentence: 'next due Fri 11 Dec', 'due today', '4 days overdue'."""
    when = next_one_on_one(on, today, locale=locale)
    if on < today:
        return when
    return f"due {when}" if (on - today).days < 2 else f"next due {when}"
