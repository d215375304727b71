"""Tests for leaddesk/domain/focus.py: one principle per ISO week, 1 -> 6, then again."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaddesk.domain.focus import Principle, principle_for, week_start

FEW = settings(max_examples=60, deadline=None, database=None)
START = date(2024, 1, 3)  # a Wednesday in ISO week 1 of 2024 (Monday 1 January)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


def test_week_start_of_a_wednesday_is_the_monday_before() -> None:
    assert week_start(date(2024, 1, 3)) == date(2024, 1, 1)


def test_week_start_of_a_monday_is_itself() -> None:
    assert week_start(date(2024, 1, 1)) == date(2024, 1, 1)


def test_week_start_of_a_sunday_is_six_days_earlier() -> None:
    assert week_start(date(2024, 1, 7)) == date(2024, 1, 1)


def test_week_start_crosses_a_year_boundary() -> None:
    # 1 January 2021 is a Friday in ISO week 53 of 2020.
    assert week_start(date(2021, 1, 1)) == date(2020, 12, 28)


@FEW
@given(day=days)
def test_week_start_is_the_monday_of_the_iso_week(day: date) -> None:
    monday = week_start(day)
    assert monday.weekday() == 0
    assert 0 <= (day - monday).days <= 6
    year, week, _ = day.isocalendar()
    assert monday == date.fromisocalendar(year, week, 1)


def test_start_week_is_clarity() -> None:
    assert principle_for(START, START) is Principle.CLARITY


def test_principles_rotate_one_to_six_then_repeat() -> None:
    mondays = [week_start(START) + timedelta(weeks=n) for n in range(13)]
    seen = [principle_for(day, START).value for day in mondays]
    assert seen == [1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 1]


def test_rotation_counts_iso_weeks_not_seven_day_spans_from_start() -> None:
    # START is a Wednesday; the next Monday is already week two even though only 5 days passed.
    assert principle_for(date(2024, 1, 8), START) is Principle.SMART_TRUST
    assert principle_for(date(2024, 1, 7), START) is Principle.CLARITY
    assert principle_for(date(2024, 1, 1), START) is Principle.CLARITY


def test_rotation_continues_across_a_year_with_53_iso_weeks() -> None:
    start = date(2020, 12, 28)  # Monday of ISO week 53 of 2020
    assert principle_for(date(2021, 1, 3), start) is Principle.CLARITY
    assert principle_for(date(2021, 1, 4), start) is Principle.SMART_TRUST


@FEW
@given(day=days, start=days)
def test_every_day_of_an_iso_week_shares_one_principle(day: date, start: date) -> None:
    monday = week_start(day)
    principles = {principle_for(monday + timedelta(days=n), start) for n in range(7)}
    assert principles == {principle_for(day, start)}


@FEW
@given(day=days, start=days)
def test_principle_repeats_every_six_weeks(day: date, start: date) -> None:
    assert principle_for(day + timedelta(weeks=6), start) is principle_for(day, start)


@FEW
@given(day=days, start=days)
def test_next_week_has_the_next_principle(day: date, start: date) -> None:
    this_week = principle_for(day, start)
    next_week = principle_for(day + timedelta(weeks=1), start)
    assert next_week.value == this_week.value % 6 + 1


@FEW
@given(day=days, start=days)
def test_principle_matches_the_number_of_iso_weeks_since_start(day: date, start: date) -> None:
    y1, w1, _ = start.isocalendar()
    y2, w2, _ = day.isocalendar()
    weeks = (date.fromisocalendar(y2, w2, 1) - date.fromisocalendar(y1, w1, 1)).days // 7
    assert principle_for(day, start).value == weeks % 6 + 1


@FEW
@given(start=days)
def test_any_start_day_begins_with_clarity(start: date) -> None:
    assert principle_for(start, start) is Principle.CLARITY


@pytest.mark.parametrize("principle", list(Principle))
def test_each_principle_has_title_intent_three_prompts_and_items(principle: Principle) -> None:
    text = principle.text
    assert principle.title == text.title
    assert text.title
    assert text.intent.endswith(".")
    assert len(text.prompts) == 3
    assert all(prompt.endswith("?") for prompt in text.prompts)
    assert text.points_at


def test_principles_are_numbered_one_to_six_in_product_order() -> None:
    assert [p.name for p in Principle] == [
        "CLARITY",
        "SMART_TRUST",
        "SUCCESS_FACTORS",
        "FOUNDATION_OF_TRUST",
        "RELATIONSHIP",
        "FEEDBACK",
    ]
    assert [p.value for p in Principle] == [1, 2, 3, 4, 5, 6]
