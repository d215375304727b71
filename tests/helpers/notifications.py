"""What the tray tests need: a fixed clock to move by hand and a sender that records notices."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from leaddesk.domain.notices import Notice


@dataclass
class RecordingSender:
    """Stands in for the desktop's notification service (none runs under the tests): it keeps
    every notice LeadDesk sends. tests/ui/shell/test_notification_sender.py checks the real
    D-Bus transport against a notification service on a private bus."""

    sent: list[Notice] = field(default_factory=list)

    def send(self, notice: Notice) -> bool:
        self.sent.append(notice)
        return True

    @property
    def texts(self) -> list[str]:
        return [f"{n.title}\n{n.body}" for n in self.sent]


@dataclass
class FixedClock:
    """Now, as the test says; `advance` moves it."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)
