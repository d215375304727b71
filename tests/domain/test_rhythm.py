"""Each person's 1:1 rhythm; the first 1:1 with someone new falls due one interval on."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.rhythm import (
    check_rhythm,
    first_one_on_one_due,
    interval_for,
    next_one_on_one_due,
    rhythm_words,
)

ADDED = date(2026, 11, 25)


def test_the_first_1_1_is_due_one_interval_after_they_were_added() -> None:
    assert first_one_on_one_due(ADDED, None, 14) == date(2026, 12, 9)


def test_a_role_started_long_ago_does_not_make_a_new_person_late() -> None:
    assert first_one_on_one_due(ADDED, date(2024, 3, 1), 14) == date(2026, 12, 9)


def test_someone_starting_later_is_due_one_interval_after_they_start() -> None:
    assert first_one_on_one_due(ADDED, date(2027, 1, 4), 30) == date(2027, 2, 3)


# -- each person's rhythm ---------------------------------------------------------------------
LAST = date(2026, 11, 20)


def test_the_next_1_1_is_due_one_interval_after_the_last() -> None:
    assert next_one_on_one_due(LAST, ADDED, None, 21) == date(2026, 12, 11)


def test_without_a_1_1_the_next_is_the_first() -> None:
    assert next_one_on_one_due(None, ADDED, None, 7) == date(2026, 12, 2)


def test_own_rhythm_wins_over_the_default_of_their_place() -> None:
    assert interval_for(21, direct=True, skip_level=False, direct_days=14, skip_level_days=30) == 21
    assert interval_for(5, direct=False, skip_level=False, direct_days=14, skip_level_days=30) == 5


def test_direct_reports_and_skip_levels_get_their_defaults() -> None:
    defaults = {"direct_days": 14, "skip_level_days": 30}
    assert interval_for(None, direct=True, skip_level=False, **defaults) == 14
    assert interval_for(None, direct=False, skip_level=True, **defaults) == 30


def test_people_further_down_have_no_rhythm_unless_set() -> None:
    assert (
        interval_for(None, direct=False, skip_level=False, direct_days=14, skip_level_days=30)
        is None
    )


@pytest.mark.parametrize("days", [1, 14, 365, None])
def test_a_rhythm_from_1_to_365_days_or_none_is_kept(days: int | None) -> None:
    assert check_rhythm(days) == days


@pytest.mark.parametrize("days", [0, -3, 366, True, 14.5, "14"])
def test_a_rhythm_outside_1_to_365_whole_days_is_refused(days: object) -> None:
    with pytest.raises(ValidationError, match="1:1 rhythm must"):
        check_rhythm(days)


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (1, "daily"),
        (7, "weekly"),
        (14, "every 2 weeks"),
        (21, "every 3 weeks"),
        (30, "monthly"),
        (42, "every 6 weeks"),
        (10, "every 10 days"),
    ],
)
def test_rhythms_read_as_people_say_them(days: int, words: str) -> None:
    assert rhythm_words(days) == words


@given(st.dates(), st.integers(1, 365))
def test_the_next_due_date_is_always_after_the_last_1_1(last: date, days: int) -> None:
    try:
        due = next_one_on_one_due(last, ADDED, None, days)
    except OverflowError:
        return
    assert (due - last).days == days
