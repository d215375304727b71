"""Auto-lock rule: after so many idle minutes the content is hidden until unlocked."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable


def awake_and_asleep() -> float:
    """Seconds on a clock that also runs while the machine sleeps.

    `time.monotonic` stops during suspend on Linux and macOS: a laptop closed for the night
    woke up unlocked, and the morning digest could show details on the desktop's lock screen.
    Linux's CLOCK_BOOTTIME and macOS's CLOCK_MONOTONIC count the sleep (macOS not verified
    here); on Windows `time.monotonic` already does.
    """
    if hasattr(time, "CLOCK_BOOTTIME"):
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    if sys.platform == "darwin":
        return time.clock_gettime(time.CLOCK_MONOTONIC)
    return time.monotonic()


class IdleLock:
    """Tracks the last user activity and says when the screen should lock.

    `minutes` of 0 means never. The clock is injectable so the rule is testable without waiting.
    """

    def __init__(self, minutes: int, clock: Callable[[], float] = awake_and_asleep) -> None:
        self.minutes = minutes
        self._clock = clock
        self._last = clock()
        self.locked = False

    def touch(self) -> None:
        """The user did something."""
        self._last = self._clock()

    def due(self) -> bool:
        """True when unlocked, enabled, and idle for at least `minutes`."""
        if self.locked or self.minutes <= 0:
            return False
        return self._clock() - self._last >= self.minutes * 60

    def lock(self) -> None:
        """Hide the content."""
        self.locked = True

    def unlock(self) -> None:
        """Show the content again and restart the idle clock."""
        self.locked = False
        self.touch()
