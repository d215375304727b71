"""Input rules shared by every use case; each failure raises a readable ValidationError."""

from __future__ import annotations

import re
from datetime import date

from leaddesk.domain.errors import ValidationError

MAX_NAME = 200
MAX_TEXT = 100_000
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2200, 12, 31)

# Control characters other than tab, newline and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_LINE_BREAKS = ("\n", "\r", "\t", "\u2028", "\u2029")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _check_control(value: str, field: str) -> None:
    if _CONTROL.search(value):
        raise ValidationError(f"{field} contains a control character; remove it and try again.")
    if _SURROGATE.search(value):  # not a character at all: it cannot be stored as UTF-8
        raise ValidationError(f"{field} contains invalid Unicode; retype it and try again.")


def clean_name(value: str | None, field: str = "Name", max_len: int = MAX_NAME) -> str:
    """A required one-line name: trimmed, not empty, not over-long, no control characters."""
    text = (value or "").strip()
    if not text:
        raise ValidationError(f"{field} cannot be empty.")
    if len(text) > max_len:
        raise ValidationError(f"{field} is {len(text)} characters long; the limit is {max_len}.")
    if any(ch in text for ch in _LINE_BREAKS):
        raise ValidationError(f"{field} must fit on one line.")
    _check_control(text, field)
    return text


def clean_optional_name(value: str | None, field: str, max_len: int = MAX_NAME) -> str | None:
    """Like clean_name, but empty means 'not given' and returns None."""
    if value is None or not value.strip():
        return None
    return clean_name(value, field, max_len)


def clean_text(value: str | None, field: str = "Text", required: bool = False) -> str:
    """Free text (notes): up to 100,000 characters, line breaks allowed, no control characters."""
    text = (value or "").strip()
    if required and not text:
        raise ValidationError(f"{field} cannot be empty.")
    if len(text) > MAX_TEXT:
        raise ValidationError(
            f"{field} is {len(text):,} characters long; the limit is {MAX_TEXT:,}."
        )
    _check_control(text, field)
    return text


def clean_email(value: str | None) -> str | None:
    """An optional e-mail address of the plain name@domain.tld shape."""
    text = clean_optional_name(value, "E-mail")
    if text is not None and not _EMAIL.match(text):
        raise ValidationError(f"'{text}' does not look like an e-mail address.")
    return text


def check_date(value: date, field: str = "Date") -> date:
    """A calendar date between 1900 and 2200."""
    if not MIN_DATE <= value <= MAX_DATE:
        raise ValidationError(
            f"{field} {value.isoformat()} is out of range ({MIN_DATE.year}-{MAX_DATE.year})."
        )
    return value


def parse_date(value: str, field: str = "Date", today: date | None = None) -> date:
    """A date typed by a user. Without `today` (dates read from files) only YYYY-MM-DD; with it,
    every form people type (leaddesk.domain.typed_dates: today, fri, 2 Dec, +3d...)."""
    if today is not None:
        from leaddesk.domain.typed_dates import parse_typed_date  # it builds on this module

        return parse_typed_date(value, today, field)
    text = value.strip().lower()
    try:
        parsed = date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"{field} '{value}' is not a date; write it as YYYY-MM-DD.") from None
    return check_date(parsed, field)


def check_due(made_on: date, due_on: date | None) -> None:
    """A due date, if given, may not come before the day the promise was made."""
    if due_on is not None and due_on < made_on:
        raise ValidationError(
            f"The due date {due_on.isoformat()} is before the day it was made "
            f"({made_on.isoformat()})."
        )


def check_score(value: int, field: str, low: int = 1, high: int = 5) -> int:
    """An integer score within [low, high], e.g. a core of credibility or energy."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(f"{field} must be a whole number from {low} to {high}.")
    return value
