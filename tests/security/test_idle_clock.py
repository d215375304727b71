"""The auto-lock's idle clock runs while the machine sleeps (a suspended laptop wakes locked)."""

from __future__ import annotations

import time

import pytest

from leaddesk.security.lock import IdleLock, awake_and_asleep


@pytest.mark.skipif(not hasattr(time, "CLOCK_BOOTTIME"), reason="Linux's clock")
def test_the_default_clock_counts_the_time_asleep(monkeypatch: pytest.MonkeyPatch) -> None:
    """A night of suspend: CLOCK_BOOTTIME moved 8 hours on, monotonic did not."""
    asleep = {"boottime": 1000.0}
    real = time.clock_gettime

    def clock_gettime(which: int) -> float:
        return asleep["boottime"] if which == time.CLOCK_BOOTTIME else real(which)

    monkeypatch.setattr(time, "clock_gettime", clock_gettime)
    monkeypatch.setattr(time, "monotonic", lambda: 50.0)
    idle = IdleLock(10)
    assert not idle.due()
    asleep["boottime"] += 8 * 3600
    assert idle.due()


def test_the_clock_goes_forward() -> None:
    first = awake_and_asleep()
    assert awake_and_asleep() >= first
