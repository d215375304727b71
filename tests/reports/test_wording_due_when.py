"""A due date as Needs attention says it: overdue by days, today, tomorrow, a weekday, a date."""

from __future__ import annotations

from datetime import date

import pytest

from leaddesk.reports import wording

TODAY = date(2026, 11, 25)  # a Wednesday


@pytest.mark.parametrize(
    ("on", "said"),
    [
        (date(2026, 11, 24), "1 day overdue"),
        (date(2026, 11, 22), "3 days overdue"),
        (TODAY, "due today"),
        (date(2026, 11, 26), "due tomorrow"),
        (date(2026, 11, 27), "due Fri"),
        (date(2026, 12, 1), "due Tue"),
        (date(2026, 12, 2), "due 2 Dec"),
        (date(2027, 1, 8), "due 8 Jan 2027"),
    ],
)
def test_due_dates_read_at_a_glance(on: date, said: str) -> None:
    assert wording.due_when(on, TODAY) == said
