"""Dates, durations and counts read the same everywhere, in the user's locale, singular right."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from PySide6.QtCore import QLocale

from leaddesk.reports import wording

TODAY = date(2026, 11, 25)
GB = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
DE = QLocale(QLocale.Language.German, QLocale.Country.Germany)
JA = QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)


def test_a_date_shows_its_year_only_outside_todays_year() -> None:
    assert wording.day(date(2026, 3, 4), TODAY, locale=GB) == "4 Mar"
    assert wording.day(date(2025, 12, 31), TODAY, locale=GB) == "31 Dec 2025"
    assert wording.day(date(2026, 3, 4), locale=GB) == "4 Mar 2026"


@pytest.mark.parametrize(
    ("locale", "this_year", "other_year"),
    [
        (US, "Mar 4", "Dec 31, 2025"),
        (DE, "4. März", "31. Dez. 2025"),
        (JA, "3月4日", "2025年12月31日"),
    ],
)
def test_a_date_follows_the_locales_order_and_month_names(
    locale: QLocale, this_year: str, other_year: str
) -> None:
    assert wording.day(date(2026, 3, 4), TODAY, locale=locale) == this_year
    assert wording.day(date(2025, 12, 31), TODAY, locale=locale) == other_year


def test_the_default_locale_is_the_one_set_for_the_application() -> None:
    QLocale.setDefault(US)
    try:
        assert wording.day(date(2026, 3, 4), TODAY) == "Mar 4"
    finally:
        QLocale.setDefault(GB)
    assert wording.day(date(2026, 3, 4), TODAY) == "4 Mar"


def test_other_date_forms() -> None:
    assert wording.weekday(date(2026, 11, 26), TODAY, locale=GB) == "Thu 26 Nov"
    assert wording.full_day(date(2026, 11, 23), locale=GB) == "23 November 2026"
    assert wording.full_day(date(2026, 11, 23), locale=US) == "November 23, 2026"
    assert wording.month(date(2023, 3, 9), locale=GB) == "Mar 2023"
    assert wording.month_abbr(9, locale=GB) == "Sept"  # CLDR's British abbreviation
    assert wording.clock(time(14, 2), locale=GB) == "14:02"
    made = datetime(2026, 11, 25, 14, 2)
    assert wording.moment(made, locale=GB) == "25 Nov 2026, 14:02"
    aware = datetime(2026, 11, 25, 14, 2, tzinfo=UTC)
    assert wording.moment(aware, locale=GB) == wording.moment(aware.astimezone(), locale=GB)


@pytest.mark.parametrize(
    ("on", "said"),
    [
        (TODAY, "today"),
        (date(2026, 11, 24), "yesterday"),
        (date(2026, 11, 23), "2 days ago"),
        (date(2025, 11, 25), "365 days ago"),
    ],
)
def test_how_long_ago(on: date, said: str) -> None:
    assert wording.days_ago(on, TODAY) == said


def test_never_happened_says_so_in_the_callers_words() -> None:
    assert wording.days_ago(None, TODAY) == "never"
    assert wording.days_ago(None, TODAY, never="none yet") == "none yet"


@pytest.mark.parametrize(
    ("on", "said"),
    [
        (TODAY, "today"),
        (date(2026, 11, 26), "tomorrow"),
        (date(2026, 11, 28), "in 3 days"),
        (date(2026, 11, 24), "overdue by 1 day"),
        (date(2026, 11, 22), "overdue by 3 days"),
    ],
)
def test_when_something_is_due(on: date, said: str) -> None:
    assert wording.due_in(on, TODAY) == said


@pytest.mark.parametrize(
    ("since", "said"),
    [
        (TODAY, "under a day"),
        (date(2026, 11, 24), "1 day"),
        (date(2026, 10, 26), "30 days"),  # the 25th of the next month is not a whole month yet
        (date(2026, 10, 25), "1 month"),
        (date(2025, 11, 25), "1 year"),
        (date(2024, 4, 1), "2 years 7 months"),
        (date(2023, 3, 26), "3 years 7 months"),
        (date(2026, 12, 1), "under a day"),  # a start in the future is not negative time
    ],
)
def test_a_span_in_whole_years_and_months(since: date, said: str) -> None:
    assert wording.span(since, TODAY) == said


@pytest.mark.parametrize(
    ("n", "said"),
    [
        (0, "under a minute"),
        (1, "1 minute"),
        (12, "12 minutes"),
        (60, "1 hour"),
        (65, "1 hour 5 minutes"),
    ],
)
def test_minutes(n: int, said: str) -> None:
    assert wording.minutes(n) == said


def test_counts_are_singular_for_one_and_take_an_irregular_plural() -> None:
    assert wording.count(1, "direct report") == "1 direct report"
    assert wording.count(0, "direct report") == "0 direct reports"
    assert wording.count(2, "1:1", "1:1s") == "2 1:1s"
    assert wording.count(1, "person", "people") == "1 person"
    assert wording.count(1204, "person", "people") == "1,204 people"
    assert wording.plural(3, "gap") == "gaps"
    assert wording.more(1, "promise") == "+1 more promise"
    assert wording.more(4, "promise") == "+4 more promises"


@pytest.mark.parametrize(
    ("name", "this_year", "last_year"),
    [
        ("hu_HU", "márc. 4.", "2025. márc. 4."),  # the year leads, with its full stop
        ("lv_LV", "4. marts", "2025. gada 4. marts"),  # 'gada' belongs to the year
        ("ky_KG", "4-мар.", "2025-ж., 4-мар."),  # a one-letter year pattern
    ],
)
def test_a_date_without_its_year_leaves_nothing_of_the_year_behind(
    name: str, this_year: str, last_year: str
) -> None:
    loc = QLocale(name)
    assert wording.day(date(2026, 3, 4), date(2026, 6, 1), locale=loc) == this_year
    assert wording.day(date(2025, 3, 4), date(2026, 6, 1), locale=loc) == last_year
