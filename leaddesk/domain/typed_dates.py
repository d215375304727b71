"""Dates as a person types them, read one way by the app and the terminal alike.

Accepted, in any case and with any spacing:
- ISO: ``2026-12-02`` (always exactly that day);
- ``today``, ``tomorrow`` (or a prefix of 3+ letters: ``tom``), ``yesterday``;
- a weekday, full or a prefix of 3+ letters (``fri``, ``thurs``, ``Wednesday``): the next one,
  never today (``fri`` typed on a Friday is next week's, as "by Friday" is said on a Thursday);
- a day and month in either order, month full or a prefix of 3+ letters (``2 Dec``, ``Dec 2``,
  ``2 December``, ``2nd Dec``), optionally with a year (``2 Dec 2027``, ``Dec 2, 2027``): without
  a year, the next time that day comes, today included;
- an offset: ``+3d``, ``+2w``, ``+1m`` (same day next month, or its last day), ``+1y``; the ``+``
  may be left out (``3d``), units may be spelt out (``+3 days``), ``-1w`` counts back.

Where a date is looked back to (the day someone started in a role), weekdays and days without a
year mean the last one instead (`toward="past"`: ``mon`` is last Monday, never today).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Literal

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.validation import MAX_DATE, MIN_DATE, check_date

Toward = Literal["future", "past"]

TYPED_DATE_FORMATS = (
    "YYYY-MM-DD, today, tomorrow, a weekday (fri), a day and month (2 Dec), "
    "or an offset (+3d, +2w, +1m)"
)

# Written out, not taken from `calendar`: its names follow the process's time locale, which Qt
# sets to the desktop's when the app starts (a German desktop would want 'freitag' while the
# terminal, and every hint we show, says 'fri').
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_UNITS = {"d": "d", "day": "d", "days": "d", "w": "w", "week": "w", "weeks": "w"}
_UNITS |= {"m": "m", "month": "m", "months": "m", "y": "y", "year": "y", "years": "y"}
_OFFSET = re.compile(r"^([+-]?) ?(\d{1,5}) ?([a-z]+)$")
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,? (\d{4}))?"
_DAY_MONTH = re.compile(rf"^{_DAY} ?([a-z]+)\.?{_YEAR}$")
_MONTH_DAY = re.compile(rf"^([a-z]+)\.? ?{_DAY}{_YEAR}$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MIN_PREFIX = 3


class _NoSuchDay(Exception):
    """The text has a date's shape but names a day no calendar has (31 Apr, 2026-02-30)."""


class _NeedsYear(Exception):
    """29 Feb typed without a year when the next one is more than a year away."""


def parse_typed_date(
    text: str, today: date, field: str = "Date", toward: Toward = "future"
) -> date:
    """The date `text` names, counted from `today`; a one-line ValidationError when it names
    none, saying which formats are understood."""
    word = " ".join(text.replace(",", ", ").split()).lower().replace(" ,", ",").rstrip(".")
    try:
        found = _read(word, today, toward)
    except _NoSuchDay:
        raise ValidationError(f"{field} '{_shown(text)}' is not a day of the calendar.") from None
    except _NeedsYear:
        raise ValidationError(
            f"{field} '{_shown(text)}' does not come within a year; write the year too."
        ) from None
    except (OverflowError, ValueError):  # an offset beyond the year 9999
        raise _out_of_range(field, text) from None
    if found is None:
        raise ValidationError(
            f"{field} '{_shown(text)}' is not a date; write it as {TYPED_DATE_FORMATS}."
        )
    if not MIN_DATE <= found <= MAX_DATE:
        raise _out_of_range(field, text)
    return check_date(found, field)


def _read(word: str, today: date, toward: Toward) -> date | None:
    if not word:
        return None
    if _ISO.match(word):
        return _day(int(word[:4]), int(word[5:7]), int(word[8:]))
    if _is_prefix(word, "today"):
        return today
    if _is_prefix(word, "tomorrow"):
        return today + timedelta(days=1)
    if word == "yesterday":
        return today - timedelta(days=1)
    offset = _OFFSET.match(word)
    if offset and offset.group(3) in _UNITS:
        sign = -1 if offset.group(1) == "-" else 1
        return _shift(today, sign * int(offset.group(2)), _UNITS[offset.group(3)])
    weekday = _named(word, _WEEKDAYS)
    if weekday is not None:
        if toward == "past":
            return today - timedelta(days=(today.weekday() - weekday) % 7 or 7)
        return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
    return _day_and_month(word, today, toward)


def _day_and_month(word: str, today: date, toward: Toward) -> date | None:
    found = _DAY_MONTH.match(word)
    if found:
        day, month_name, year = found.groups()
    else:
        found = _MONTH_DAY.match(word)
        if not found:
            return None
        month_name, day, year = found.groups()
    month = _named(month_name, _MONTHS)
    if month is None:
        return None
    if year is not None:
        return _day(int(year), month + 1, int(day))
    return _next_time(today, month + 1, int(day), toward)


def _next_time(today: date, month: int, day: int, toward: Toward) -> date:
    """The next (or, looking back, the last) time `day` `month` comes within a year, today
    included: 31 Apr never comes, and 29 Feb more than a year away is no day to guess at (the
    year must be written)."""
    step = -1 if toward == "past" else 1
    for years in range(0, 2):
        year = today.year + step * years
        if calendar.monthrange(year, month)[1] < day or day < 1:
            continue
        candidate = date(year, month, day)
        if (candidate >= today) if step == 1 else (candidate <= today):
            return candidate
    raise _NeedsYear if (month, day) == (2, 29) else _NoSuchDay


def _day(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise _NoSuchDay from None


def _shift(today: date, amount: int, unit: str) -> date:
    if unit == "d":
        return today + timedelta(days=amount)
    if unit == "w":
        return today + timedelta(weeks=amount)
    months = amount * (12 if unit == "y" else 1)
    index = today.year * 12 + today.month - 1 + months
    year, month = divmod(index, 12)
    # The same day of that month, or its last day: a month after 31 Jan is 28 (or 29) Feb.
    return date(year, month + 1, min(today.day, calendar.monthrange(year, month + 1)[1]))


def _named(word: str, names: tuple[str, ...]) -> int | None:
    """The index of the one name `word` starts (3+ letters), else None."""
    hits = [i for i, name in enumerate(names) if _is_prefix(word, name)]
    return hits[0] if len(hits) == 1 else None


def _is_prefix(word: str, name: str) -> bool:
    return len(word) >= _MIN_PREFIX and name.startswith(word)


def _out_of_range(field: str, text: str) -> ValidationError:
    return ValidationError(
        f"{field} '{_shown(text)}' is out of range ({MIN_DATE.year}-{MAX_DATE.year})."
    )


def _shown(text: str) -> str:
    """What was typed, trimmed and kept to one printable line for the message."""
    shown = " ".join(text.split())[:40]
    return shown if shown.isprintable() else ascii(shown)[1:-1]
