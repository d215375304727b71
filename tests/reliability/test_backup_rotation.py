"""Rotation over a simulated year of daily backups keeps exactly the configured set.

Real backups of a real store through the Desk, the clock injected: the app checks four times a
day (as its hourly timer would), a backup is made once a day, and rotation runs after each.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from leaddesk.services.desk import Desk

START = datetime(2026, 1, 1, 9, tzinfo=UTC)
CHECKS_PER_DAY = 4


def expected(days: list[date], daily: int, weekly: int, monthly: int) -> list[date]:
    """The newest backup day of each of the last N days, ISO weeks and months (with backups)."""
    keep: set[date] = set()
    for count, period in (
        (daily, lambda d: d.toordinal()),
        (weekly, lambda d: tuple(d.isocalendar())[:2]),
        (monthly, lambda d: (d.year, d.month)),
    ):
        newest: dict[object, date] = {}
        for day in days:
            newest[period(day)] = max(day, newest.get(period(day), day))
        keep.update(sorted(newest.values(), reverse=True)[:count])
    return sorted(keep)


def simulate(desk: Desk, first: datetime, last: datetime) -> list[date]:
    """Run the automatic backup check through time; return the days a backup was made."""
    now = [first]
    desk.set_backup_clock(lambda: now[0])
    made: list[date] = []
    while now[0] <= last:
        if desk.backup_if_due() is not None:
            made.append(now[0].date())
        now[0] += timedelta(hours=24 / CHECKS_PER_DAY)
    return made


def kept_days(desk: Desk) -> list[date]:
    return sorted(b.made_at.date() for b in desk.backups())


def test_a_year_of_daily_backups_keeps_7_daily_4_weekly_12_monthly(desk: Desk) -> None:
    desk.add_person("Ada Lovelace")
    made = simulate(desk, START, START + timedelta(days=180))
    assert len(made) == 181, "one backup a day, not one per check"
    assert kept_days(desk) == expected(made, 7, 4, 12)

    made += simulate(desk, START + timedelta(days=181), datetime(2026, 12, 31, 9, tzinfo=UTC))
    assert len(made) == 365
    kept = kept_days(desk)
    assert kept == expected(made, 7, 4, 12)
    # Written out by hand, so the reference above cannot share a mistake with the code:
    last_week = [date(2026, 12, d) for d in range(25, 32)]
    sundays = [date(2026, 12, 13), date(2026, 12, 20)]  # Dec 27 and 31 are among the days
    month_ends = [date(2026, m + 1, 1) - timedelta(days=1) for m in range(1, 12)]
    assert kept == sorted(last_week + sundays + month_ends)
    assert all(b.kind == "daily" for b in desk.backups())


@pytest.mark.parametrize(("daily", "weekly", "monthly"), [(3, 2, 6), (1, 0, 0), (10, 8, 0)])
def test_the_retention_in_settings_is_what_is_kept(
    desk: Desk, daily: int, weekly: int, monthly: int
) -> None:
    desk.update_settings(
        backup_keep_daily=daily, backup_keep_weekly=weekly, backup_keep_monthly=monthly
    )
    made = simulate(desk, START, START + timedelta(days=120))
    assert kept_days(desk) == expected(made, daily, weekly, monthly)


def test_pre_upgrade_and_pre_restore_copies_survive_a_year_of_rotation(desk: Desk) -> None:
    desk.set_backup_clock(lambda: START)
    first = desk.backup()
    restored = desk.restore_backup(first)  # leaves a pre-restore copy made at START
    assert restored.kept is not None
    made = simulate(desk, START + timedelta(days=1), START + timedelta(days=365))
    found = desk.backups()
    assert [b.path for b in found if b.kind == "pre-restore"] == [restored.kept]
    rotated = sorted(b.made_at.date() for b in found if b.kind in ("daily", "manual"))
    assert rotated == expected([START.date(), *made], 7, 4, 12)
