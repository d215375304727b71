"""A calendar alarm's lead time, said as the moment it rings for an all-day item."""

from __future__ import annotations

import pytest

from leaddesk.domain.calendar_alarms import alarm_moment


@pytest.mark.parametrize(
    ("minutes", "said"),
    [
        (0, "no alarms"),
        (1, "the day before at 23:59"),
        (420, "the day before at 17:00"),
        (900, "the day before at 09:00"),
        (1440, "the day before at 00:00"),
        (1441, "2 days before at 23:59"),
        (1440 + 15 * 60, "2 days before at 09:00"),
        (20160, "14 days before at 00:00"),
    ],
)
def test_the_lead_is_said_as_a_moment(minutes: int, said: str) -> None:
    assert alarm_moment(minutes) == said
