"""The first 1:1 with someone new falls due one interval after they came."""

from __future__ import annotations

from datetime import date

from leaddesk.domain.rhythm import first_one_on_one_due

ADDED = date(2026, 11, 25)


def test_the_first_1_1_is_due_one_interval_after_they_were_added() -> None:
    assert first_one_on_one_due(ADDED, None, 14) == date(2026, 12, 9)


def test_a_role_started_long_ago_does_not_make_a_new_person_late() -> None:
    assert first_one_on_one_due(ADDED, date(2024, 3, 1), 14) == date(2026, 12, 9)


def test_someone_starting_later_is_due_one_interval_after_they_start() -> None:
    assert first_one_on_one_due(ADDED, date(2027, 1, 4), 30) == date(2027, 2, 3)
