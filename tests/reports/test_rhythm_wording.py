"""The 1:1 rhythm's wording: one phrase for the team grid, the person header and the calendar."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from leaddesk.reports.rhythm_wording import next_due, next_one_on_one, rhythm

TODAY = date(2026, 11, 25)  # a Wednesday


@pytest.mark.parametrize(
    ("days", "cell", "sentence"),
    [
        (-4, "4 days overdue", "4 days overdue"),
        (-1, "1 day overdue", "1 day overdue"),
        (0, "today", "due today"),
        (1, "tomorrow", "due tomorrow"),
        (2, "Fri 27 Nov", "next due Fri 27 Nov"),
        (16, "Fri 11 Dec", "next due Fri 11 Dec"),
        (40, "Mon 4 Jan 2027", "next due Mon 4 Jan 2027"),
    ],
)
def test_the_next_1_1_reads_as_a_day_or_how_late_it_is(days: int, cell: str, sentence: str) -> None:
    on = TODAY + timedelta(days=days)
    assert next_one_on_one(on, TODAY) == cell
    assert next_due(on, TODAY) == sentence


def test_the_rhythm_reads_as_people_say_it() -> None:
    assert [rhythm(d) for d in (7, 14, 21, 30, 45)] == [
        "1:1 weekly",
        "1:1 every 2 weeks",
        "1:1 every 3 weeks",
        "1:1 monthly",
        "1:1 every 45 days",
    ]
