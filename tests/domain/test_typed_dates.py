"""Dates as people type them: the one reading the app's due field and the terminal share."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.typed_dates import TYPED_DATE_FORMATS, parse_typed_date
from leaddesk.domain.validation import parse_date

WEDNESDAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-12-02", date(2026, 12, 2)),
        ("  2026-12-02 ", date(2026, 12, 2)),
        ("today", WEDNESDAY),
        ("TODAY", WEDNESDAY),
        ("tod", WEDNESDAY),
        ("tomorrow", date(2026, 11, 26)),
        ("Tom", date(2026, 11, 26)),
        ("yesterday", date(2026, 11, 24)),
        ("fri", date(2026, 11, 27)),
        ("Friday", date(2026, 11, 27)),
        ("thurs", date(2026, 11, 26)),
        ("tue", date(2026, 12, 1)),
        ("SAT.", date(2026, 11, 28)),
        ("2 Dec", date(2026, 12, 2)),
        ("Dec 2", date(2026, 12, 2)),
        ("2 december", date(2026, 12, 2)),
        ("2dec", date(2026, 12, 2)),
        ("2nd Dec", date(2026, 12, 2)),
        ("Sept 3", date(2027, 9, 3)),
        ("2 Dec 2027", date(2027, 12, 2)),
        ("Dec 2, 2027", date(2027, 12, 2)),
        ("+3d", date(2026, 11, 28)),
        ("3d", date(2026, 11, 28)),
        ("+2w", date(2026, 12, 9)),
        ("+1m", date(2026, 12, 25)),
        ("+1y", date(2027, 11, 25)),
        ("+3 days", date(2026, 11, 28)),
        ("+ 2 weeks", date(2026, 12, 9)),
        ("-1w", date(2026, 11, 18)),
    ],
)
def test_every_form_people_type_names_its_day(typed: str, expected: date) -> None:
    assert parse_typed_date(typed, WEDNESDAY) == expected


def test_a_weekday_is_never_today_but_the_next_one() -> None:
    assert parse_typed_date("wed", WEDNESDAY) == WEDNESDAY + timedelta(days=7)
    assert parse_typed_date("Wednesday", WEDNESDAY) == WEDNESDAY + timedelta(days=7)


def test_a_day_without_a_year_is_today_or_the_next_time_it_comes() -> None:
    assert parse_typed_date("25 Nov", WEDNESDAY) == WEDNESDAY
    assert parse_typed_date("24 Nov", WEDNESDAY) == date(2027, 11, 24)
    assert parse_typed_date("jan 5", WEDNESDAY) == date(2027, 1, 5)


def test_29_february_without_a_year_is_only_read_within_a_year() -> None:
    assert parse_typed_date("29 Feb", date(2027, 11, 25)) == date(2028, 2, 29)
    assert parse_typed_date("29 Feb 2028", WEDNESDAY) == date(2028, 2, 29)
    with pytest.raises(ValidationError, match="'29 Feb' does not come within a year; write the"):
        parse_typed_date("29 Feb", WEDNESDAY)


def test_names_are_english_whatever_the_process_locale(tmp_path: Path) -> None:
    """Qt sets the C library's locale to the desktop's when the app starts: the parser must not
    follow it (the hints, the CLI and the docs all say 'fri' and '2 Dec')."""
    script = (
        "import locale, sys\n"
        "from datetime import date\n"
        "try:\n"
        "    locale.setlocale(locale.LC_TIME, sys.argv[1])\n"
        "except locale.Error:\n"
        "    pass\n"
        "from leaddesk.domain import typed_dates\n"
        "print(typed_dates.parse_typed_date('fri', date(2026, 11, 25)),"
        " typed_dates.parse_typed_date('2 Dec', date(2026, 11, 25)))\n"
    )
    loc = _a_non_english_locale(tmp_path)
    if loc is None:
        pytest.skip("no non-English locale can be made on this machine (localedef)")
    env = {**os.environ, "LOCPATH": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", script, loc], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.split() == ["2026-11-27", "2026-12-02"]


def _a_non_english_locale(where: Path) -> str | None:
    """de_DE.UTF-8 built into `where` with localedef (no locale but C is installed here)."""
    target = where / "de_DE.UTF-8"
    made = subprocess.run(
        ["localedef", "-i", "de_DE", "-f", "UTF-8", str(target)], capture_output=True
    )
    if made.returncode not in (0, 1) or not target.exists():
        return None
    probe = "import locale; locale.setlocale(locale.LC_TIME, 'de_DE.UTF-8'); import calendar;"
    probe += " print(calendar.day_name[4])"
    env = {**os.environ, "LOCPATH": str(where)}
    seen = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    return "de_DE.UTF-8" if seen.stdout.strip().lower() == "freitag" else None


def test_a_month_on_is_the_same_day_or_the_last_of_a_shorter_month() -> None:
    assert parse_typed_date("+1m", date(2026, 1, 31)) == date(2026, 2, 28)
    assert parse_typed_date("+1m", date(2028, 1, 31)) == date(2028, 2, 29)
    assert parse_typed_date("+2m", date(2026, 11, 30)) == date(2027, 1, 30)


def test_looking_back_weekdays_and_days_mean_the_last_one() -> None:
    assert parse_typed_date("mon", WEDNESDAY, toward="past") == date(2026, 11, 23)
    assert parse_typed_date("wed", WEDNESDAY, toward="past") == date(2026, 11, 18)
    assert parse_typed_date("3 Mar", WEDNESDAY, toward="past") == date(2026, 3, 3)
    assert parse_typed_date("Dec 1", WEDNESDAY, toward="past") == date(2025, 12, 1)
    assert parse_typed_date("25 nov", WEDNESDAY, toward="past") == WEDNESDAY
    assert parse_typed_date("2026-12-02", WEDNESDAY, toward="past") == date(2026, 12, 2)


@pytest.mark.parametrize(
    "typed", ["someday", "", "12/2", "2/12/2026", "frisbee", "t", "to", "decimal 2", "next fri"]
)
def test_what_is_no_date_is_refused_naming_every_format(typed: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_typed_date(typed, WEDNESDAY, "--due")
    assert str(refused.value) == (
        f"--due '{typed}' is not a date; write it as YYYY-MM-DD, today, tomorrow, a weekday "
        "(fri), a day and month (2 Dec), or an offset (+3d, +2w, +1m)."
    )


@pytest.mark.parametrize("typed", ["31 Feb", "Apr 31", "2026-02-30", "2026-13-01", "30 feb 2028"])
def test_a_day_no_calendar_has_is_said_so(typed: str) -> None:
    with pytest.raises(ValidationError, match=rf"^Due date '{typed}' is not a day of the calendar"):
        parse_typed_date(typed, WEDNESDAY, "Due date")


@pytest.mark.parametrize("typed", ["+99999y", "+99999d", "+200y", "-200y", "1899-12-31"])
def test_a_date_beyond_the_range_is_refused_not_crashed(typed: str) -> None:
    with pytest.raises(ValidationError, match=r"out of range \(1900-2200\)\.$"):
        parse_typed_date(typed, WEDNESDAY)


def test_a_message_stays_one_printable_line_whatever_was_typed() -> None:
    with pytest.raises(ValidationError) as refused:
        parse_typed_date("fri\x07day\nnext", WEDNESDAY)
    message = str(refused.value)
    assert message.isprintable()
    assert "\\x07" in message


def test_parse_date_with_today_is_the_same_reading() -> None:
    assert parse_date("fri", "--date", WEDNESDAY) == date(2026, 11, 27)
    assert parse_date("2 Dec", "--date", WEDNESDAY) == date(2026, 12, 2)
    with pytest.raises(ValidationError, match=TYPED_DATE_FORMATS.replace("(", r"\(")[:30]):
        parse_date("soon", "--date", WEDNESDAY)


def test_parse_date_without_today_reads_files_strictly() -> None:
    with pytest.raises(ValidationError, match=r"write it as YYYY-MM-DD\.$"):
        parse_date("fri")


@given(st.dates(date(1950, 1, 1), date(2150, 12, 31)), st.integers(0, 6))
def test_a_weekday_is_within_the_coming_week_and_is_that_weekday(today: date, day: int) -> None:
    name = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[day]
    ahead = parse_typed_date(name, today)
    behind = parse_typed_date(name, today, toward="past")
    assert ahead.weekday() == behind.weekday() == day
    assert 1 <= (ahead - today).days <= 7
    assert 1 <= (today - behind).days <= 7


@given(st.dates(date(1950, 1, 1), date(2150, 12, 31)))
def test_an_iso_date_typed_is_that_date(day: date) -> None:
    assert parse_typed_date(day.isoformat(), WEDNESDAY) == day
