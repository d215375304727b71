"""The calendar export's alarm lead time: a setting like the others, checked and kept."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from leaddesk.domain.errors import ValidationError
from leaddesk.services.desk import Desk
from leaddesk.services.settings import check_stored_setting

TODAY = date(2026, 11, 25)


def test_default_is_the_day_before_at_five_and_zero_is_allowed(
    desk: Desk, store_path: Path
) -> None:
    assert desk.settings().ics_alarm_lead_minutes == 420
    assert desk.update_settings(ics_alarm_lead_minutes=0).ics_alarm_lead_minutes == 0
    desk.update_settings(ics_alarm_lead_minutes=20160)
    desk.close()
    reopened = Desk.open(store_path, today=lambda: TODAY)
    try:
        assert reopened.settings().ics_alarm_lead_minutes == 20160
    finally:
        reopened.close()


@pytest.mark.parametrize("value", [-1, 20161])
def test_out_of_range_lead_is_refused(desk: Desk, value: int) -> None:
    with pytest.raises(
        ValidationError, match=r"Calendar alarm lead \(minutes\) must be between 0 and 20160"
    ):
        desk.update_settings(ics_alarm_lead_minutes=value)
    assert desk.settings().ics_alarm_lead_minutes == 420


@pytest.mark.parametrize("value", ["soon", True, None])
def test_a_lead_that_is_not_a_number_is_refused(desk: Desk, value: object) -> None:
    with pytest.raises(ValidationError, match="must be a number"):
        desk.update_settings(ics_alarm_lead_minutes=value)


@pytest.mark.parametrize("raw", ["-5", "1.5", "99999", "soon"])
def test_an_imported_lead_is_held_to_the_same_rules(raw: str) -> None:
    with pytest.raises(ValidationError, match="Calendar alarm lead"):
        check_stored_setting("ics_alarm_lead_minutes", raw)
    check_stored_setting("ics_alarm_lead_minutes", "60")
