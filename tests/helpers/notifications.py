"""What the tray tests need: a fixed clock to move by hand and a sender that records notices."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from leaddesk.domain.notices import Notice
from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk


def add_ada_with_due_promises(desk: Desk, day: date, later: int) -> int:
    """Ada, met three days before `day`, and three promises of mine: one overdue, one due on
    `day`, one `later` days after it (private words to look for: salary, offsite, quarter)."""
    ada = desk.add_person("Ada Lovelace")
    desk.record_one_on_one(ada, held_on=day - timedelta(days=3))
    mine = PromiseDirection.MINE
    desk.add_promise(
        ada,
        mine,
        "Send the salary review",
        due_on=day - timedelta(days=1),
        made_on=day - timedelta(days=5),
    )
    desk.add_promise(ada, mine, "Book the offsite", due_on=day)
    desk.add_promise(ada, mine, "Plan the quarter", due_on=day + timedelta(days=later))
    return ada


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
