"""'Today' is injected through LEADDESK_TODAY, the one way tests (and their subprocesses) fix it."""

from __future__ import annotations

from datetime import date

import pytest

from leaddesk.domain import clock
from leaddesk.domain.errors import UserError


def test_the_suite_lives_on_its_fixed_day(fixed_today: date) -> None:
    assert clock.today() == fixed_today


def test_a_fixed_day_wins_over_the_real_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clock.TODAY_ENV, "2031-02-28")
    assert clock.today() == date(2031, 2, 28)


def test_without_a_fixed_day_the_real_date_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(clock.TODAY_ENV)
    before = date.today()
    assert before <= clock.today() <= date.today()


def test_a_malformed_day_is_a_user_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clock.TODAY_ENV, "next tuesday")
    with pytest.raises(UserError, match="must be a date like"):
        clock.today()
