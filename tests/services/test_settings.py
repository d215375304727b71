"""Settings: defaults, range checks, persistence across reopening, and their effects."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.action_item import ItemKind
from leaddesk.services.changes import Change, ChangeArea
from leaddesk.services.desk import Desk

TODAY = date(2026, 11, 25)


def test_defaults_follow_the_product_description(desk: Desk) -> None:
    settings = desk.settings()
    assert settings.half_life_days == 180.0
    assert settings.one_on_one_interval_days == 14
    assert settings.high_trust_factor == 1.5
    assert settings.low_trust_factor == 0.5
    assert settings.auto_lock_minutes == 10
    assert (
        settings.backup_keep_daily,
        settings.backup_keep_weekly,
        settings.backup_keep_monthly,
    ) == (7, 4, 12)
    assert settings.focus_start.weekday() == 0


def test_update_returns_the_new_settings(desk: Desk) -> None:
    updated = desk.update_settings(half_life_days=90, one_on_one_interval_days=7)
    assert updated.half_life_days == 90.0
    assert updated.one_on_one_interval_days == 7
    assert desk.settings() == updated


def test_settings_survive_closing_and_reopening_the_store(desk: Desk, store_path: Path) -> None:
    desk.update_settings(
        half_life_days=90.5,
        one_on_one_interval_days=21,
        focus_start=date(2026, 1, 5),
        high_trust_factor=2.0,
        low_trust_factor=0.25,
        auto_lock_minutes=0,
        backup_keep_daily=3,
        backup_keep_weekly=0,
        backup_keep_monthly=24,
    )
    desk.close()
    reopened = Desk.open(store_path, today=lambda: TODAY)
    try:
        settings = reopened.settings()
    finally:
        reopened.close()
    assert settings.half_life_days == 90.5
    assert settings.one_on_one_interval_days == 21
    assert settings.focus_start == date(2026, 1, 5)
    assert settings.high_trust_factor == 2.0
    assert settings.low_trust_factor == 0.25
    assert settings.auto_lock_minutes == 0
    assert (settings.backup_keep_daily, settings.backup_keep_weekly) == (3, 0)
    assert settings.backup_keep_monthly == 24


def test_settings_not_changed_keep_their_values(desk: Desk) -> None:
    desk.update_settings(backup_keep_daily=5)
    desk.update_settings(auto_lock_minutes=30)
    assert desk.settings().backup_keep_daily == 5
    assert desk.settings().auto_lock_minutes == 30


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("half_life_days", 6, "Half-life \\(days\\) must be between 7 and 3650"),
        ("half_life_days", 3651, "Half-life \\(days\\) must be between 7 and 3650"),
        ("half_life_days", float("nan"), "Half-life \\(days\\) must be between"),
        ("one_on_one_interval_days", 0, "1:1 interval \\(days\\) must be between 1 and 365"),
        ("one_on_one_interval_days", 366, "1:1 interval \\(days\\) must be between 1 and 365"),
        ("high_trust_factor", 0.99, "High-trust cadence factor must be between 1 and 4"),
        ("high_trust_factor", 4.01, "High-trust cadence factor must be between 1 and 4"),
        ("low_trust_factor", 0.05, "Low-trust cadence factor must be between 0.1 and 1"),
        ("low_trust_factor", 1.5, "Low-trust cadence factor must be between 0.1 and 1"),
        ("auto_lock_minutes", -1, "Auto-lock \\(minutes\\) must be between 0 and 1440"),
        ("auto_lock_minutes", 1441, "Auto-lock \\(minutes\\) must be between 0 and 1440"),
        ("backup_keep_daily", 0, "Daily backups to keep must be between 1 and 1000"),
        ("backup_keep_daily", 1001, "Daily backups to keep must be between 1 and 1000"),
        ("backup_keep_weekly", -1, "Weekly backups to keep must be between 0 and 1000"),
        ("backup_keep_monthly", 1001, "Monthly backups to keep must be between 0 and 1000"),
    ],
)
def test_out_of_range_setting_is_refused(desk: Desk, name: str, value: float, message: str) -> None:
    before = desk.settings()
    with pytest.raises(ValidationError, match=message):
        desk.update_settings(**{name: value})
    assert desk.settings() == before


@pytest.mark.parametrize("value", ["ten", None, [5], True])
def test_setting_that_is_not_a_number_is_refused(desk: Desk, value: object) -> None:
    with pytest.raises(ValidationError, match="Daily backups to keep must be a number"):
        desk.update_settings(backup_keep_daily=value)
    assert desk.settings().backup_keep_daily == 7


def test_unknown_setting_is_refused_by_name(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="There is no setting called 'colour'"):
        desk.update_settings(colour="blue")


def test_one_bad_value_refuses_the_whole_update(desk: Desk) -> None:
    with pytest.raises(ValidationError):
        desk.update_settings(half_life_days=30, backup_keep_daily=0)
    assert desk.settings().half_life_days == 180.0


def test_focus_start_must_be_a_date(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="weekly focus start must be a date"):
        desk.update_settings(focus_start="2026-11-02")


def test_focus_start_out_of_range_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="Weekly focus start 1800-01-01 is out of range"):
        desk.update_settings(focus_start=date(1800, 1, 1))


def test_focus_start_given_as_a_datetime_is_kept_as_its_date(desk: Desk, store_path: Path) -> None:
    desk.update_settings(focus_start=datetime(2026, 11, 2, 10, 30))
    assert desk.settings().focus_start == date(2026, 11, 2)
    desk.close()
    reopened = Desk.open(store_path, today=lambda: TODAY)
    try:
        assert reopened.settings().focus_start == date(2026, 11, 2)
    finally:
        reopened.close()


def test_listeners_hear_about_settings_changes(desk: Desk) -> None:
    heard: list[Change] = []
    desk.subscribe(heard.append)
    desk.update_settings(backup_keep_weekly=4)
    assert heard == [Change(ChangeArea.SETTINGS)]


# -- effects ---------------------------------------------------------------------------------
def test_half_life_setting_changes_how_fast_evidence_fades(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    made = TODAY - timedelta(days=200)
    promise = desk.add_promise(ada, PromiseDirection.THEIRS, "Plan", made_on=made)
    desk.keep_promise(promise, on=made + timedelta(days=10))
    slow = desk.trust_series(ada).current.positive
    desk.update_settings(half_life_days=7)
    series = desk.trust_series(ada)
    assert series.half_life_days == 7.0
    assert series.current.positive < slow / 100
    assert slow == pytest.approx(0.5 ** (190 / 180))


def test_one_on_one_interval_decides_when_a_1on1_is_overdue(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    desk.record_one_on_one(ada, held_on=TODAY - timedelta(days=10))
    assert not [i for i in desk.needs_attention() if i.kind is ItemKind.ONE_ON_ONE]
    desk.update_settings(one_on_one_interval_days=7)
    overdue = [i for i in desk.needs_attention() if i.kind is ItemKind.ONE_ON_ONE]
    assert [i.person_id for i in overdue] == [ada]


def test_cadence_factors_change_the_suggested_checkpoint(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    broken = desk.add_promise(ada, PromiseDirection.THEIRS, "Report", made_on=TODAY)
    desk.break_promise(broken)
    delegation = desk.add_delegation(ada, "Budget", EmpowermentLevel.CONSULT)
    assert desk.suggest_checkpoint(delegation) == TODAY + timedelta(days=7)
    desk.update_settings(low_trust_factor=0.25)
    assert desk.suggest_checkpoint(delegation) == TODAY + timedelta(days=4)


def test_your_name_and_page_size_are_kept_and_checked(desk: Desk) -> None:
    assert (desk.settings().your_name, desk.settings().page_size) == ("", "A4")
    desk.update_settings(your_name="  Dana Whitfield ", page_size="Letter")
    assert (desk.settings().your_name, desk.settings().page_size) == ("Dana Whitfield", "Letter")
    with pytest.raises(ValidationError, match="The page size must be A4 or Letter"):
        desk.update_settings(page_size="A3")
    with pytest.raises(ValidationError, match="Your name must fit on one line"):
        desk.update_settings(your_name="Dana\nWhitfield")
    with pytest.raises(ValidationError, match="must be text"):
        desk.update_settings(your_name=42)
    desk.update_settings(your_name="")
    assert (desk.settings().your_name, desk.settings().page_size) == ("", "Letter")
