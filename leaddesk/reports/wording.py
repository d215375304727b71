"""How dates, durations and counts read: the one wording the UI, the reports and the CLI share.

Dates follow the user's locale through QtCore's `QLocale` (no QApplication needed, so the CLI and
the PDF writers use it too); the words around them are English, as the rest of the app. Every
function takes `today` where the answer depends on it, so nothing here reads the clock, and an
optional `locale` (default: `QLocale()`, which tests pin) so nothing depends on the machine.

ISO dates (2026-11-25) stay where a machine or a sort reads them: file names, the JSON and ICS
exchange, backup stamps and the dates the CLI echoes back for scripts; those do not come from here.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QLocale, QTime

_WEEKDAY = re.compile(r"\s*d{4}[,.،]?\s*")  # the weekday and its separator in a long format
# A year with what belongs to it: a literal before ('de' in Spanish) or after ('г.' in Russian).
_YEAR = re.compile(r"(?:\s*'[^']*')?[\s,.]*y{1,4}[年년]?\.?(?:[\s-]*'[^']*'\.?)?\s*")


def _locale(locale: QLocale | None) -> QLocale:
    return locale if locale is not None else QLocale()


def _qdate(on: date) -> QDate:
    return QDate(on.year, on.month, on.day)


def _medium(locale: QLocale, with_year: bool) -> str:
    """The locale's long date without the weekday, months abbreviated: '5 Nov 2026', 'Nov 5'."""
    pattern = _WEEKDAY.sub(" ", locale.dateFormat(QLocale.FormatType.LongFormat))
    pattern = pattern.replace("MMMM", "MMM").strip(" ,")
    # Without the year, what led up to it goes too ('2026. márc. 4.' -> 'márc. 4.').
    return pattern if with_year else _YEAR.sub(" ", pattern).lstrip(" ,.-").rstrip(" ,-")


def day(on: date, today: date | None = None, *, locale: QLocale | None = None) -> str:
    """'5 Nov' in `today`'s year, '5 Nov 2025' otherwise (always with the year without `today`).

    Short enough for a list, unambiguous in every locale (unlike 05/11), easy to read aloud.
    """
    loc = _locale(locale)
    with_year = today is None or on.year != today.year
    return loc.toString(_qdate(on), _medium(loc, with_year))


def weekday(on: date, today: date | None = None, *, locale: QLocale | None = None) -> str:
    """'Thu 26 Nov': a day picked for the coming days, where the weekday is what people check."""
    loc = _locale(locale)
    name = loc.dayName(_qdate(on).dayOfWeek(), QLocale.FormatType.ShortFormat)
    return f"{name} {day(on, today, locale=loc)}"


def full_day(on: date, *, locale: QLocale | None = None) -> str:
    """'23 November 2026', for a heading (the locale's long form without the weekday)."""
    loc = _locale(locale)
    pattern = _WEEKDAY.sub(" ", loc.dateFormat(QLocale.FormatType.LongFormat)).strip(" ,")
    return loc.toString(_qdate(on), pattern)


def month(on: date, *, full: bool = False, locale: QLocale | None = None) -> str:
    """'Mar 2023' (or, `full`, 'March 2023' for a heading): where the day would be noise."""
    return _locale(locale).toString(_qdate(on), "MMMM yyyy" if full else "MMM yyyy")


def month_abbr(number: int, *, locale: QLocale | None = None) -> str:
    """'Jan' for 1: a chart's month tick."""
    return _locale(locale).monthName(number, QLocale.FormatType.ShortFormat)


def clock(at: datetime | time, *, locale: QLocale | None = None) -> str:
    """'14:02' (or '2:02 PM'): a time of day in the locale's short form."""
    return _locale(locale).toString(QTime(at.hour, at.minute), QLocale.FormatType.ShortFormat)


def moment(at: datetime, today: date | None = None, *, locale: QLocale | None = None) -> str:
    """'25 Nov 2026, 14:02': a local date and time, e.g. when a backup was made."""
    local = at.astimezone() if at.tzinfo is not None else at
    return f"{day(local.date(), today, locale=locale)}, {clock(local, locale=locale)}"


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """The noun alone for `n` of it: 'gap' for 1, 'gaps' otherwise (or the irregular form)."""
    if n == 1:
        return singular
    return plural_form if plural_form is not None else f"{singular}s"


def count(n: int, singular: str, plural_form: str | None = None) -> str:
    """'1 direct report', '2 direct reports', '1,204 people' (with `plural_form='people'`)."""
    return f"{n:,} {plural(n, singular, plural_form)}"


def more(n: int, singular: str, plural_form: str | None = None) -> str:
    """'+1 more promise', '+3 more promises': the rest a list had no room for."""
    return f"+{n:,} more {plural(n, singular, plural_form)}"


def days_ago(on: date | None, today: date, *, never: str = "never") -> str:
    """When something happened: 'today', 'yesterday', '12 days ago' (`never` without a date)."""
    if on is None:
        return never
    days = (today - on).days
    if days < 0:
        return due_in(on, today)
    return {0: "today", 1: "yesterday"}.get(days, f"{count(days, 'day')} ago")


def due_in(on: date, today: date) -> str:
    """When something is due: 'today', 'tomorrow', 'in 3 days', 'overdue by 1 day'."""
    days = (on - today).days
    if days < 0:
        return f"overdue by {count(-days, 'day')}"
    return {0: "today", 1: "tomorrow"}.get(days, f"in {count(days, 'day')}")


def due_when(on: date, today: date, *, locale: QLocale | None = None) -> str:
    """A due date as a glance reads it: '3 days overdue', 'due today', 'due tomorrow', 'due Fri'
    within the coming week, 'due 12 Dec' beyond it (the weekday is what people plan a week by)."""
    days = (on - today).days
    if days < 0:
        return f"{count(-days, 'day')} overdue"
    if days < 2:
        return "due today" if days == 0 else "due tomorrow"
    if days < 7:
        loc = _locale(locale)
        return f"due {loc.dayName(_qdate(on).dayOfWeek(), QLocale.FormatType.ShortFormat)}"
    return f"due {day(on, today, locale=locale)}"


def whole_months(since: date, today: date) -> int:
    """Complete calendar months from `since` to `today` (0 when `since` is later)."""
    months = (today.year - since.year) * 12 + today.month - since.month
    if today.day < since.day:
        months -= 1
    return max(0, months)


def span(since: date, today: date) -> str:
    """How long since `since`: '2 years 7 months', '1 year', '1 month', '12 days', 'under a day'."""
    months = whole_months(since, today)
    if months == 0:
        days = max(0, (today - since).days)
        return count(days, "day") if days else "under a day"
    years, rest = divmod(months, 12)
    parts = [count(years, "year")] if years else []
    return " ".join(parts + ([count(rest, "month")] if rest else []))


def minutes(n: int) -> str:
    """An elapsed time: 'under a minute', '12 minutes', '1 hour 5 minutes', '2 hours'."""
    if n < 1:
        return "under a minute"
    hours, rest = divmod(n, 60)
    parts = [count(hours, "hour")] if hours else []
    return " ".join(parts + ([count(rest, "minute")] if rest else []))
