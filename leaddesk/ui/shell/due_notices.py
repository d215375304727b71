"""The morning digest and the notices of items falling due, while LeadDesk runs (in the tray too).

Every half minute (a QTimer) and after every write this asks the services what is due. The
digest comes once a day at the time the user set, or at start when that time has passed and
today's was not given yet; the day it was given is kept in the store. After it, an item that
falls due (one not announced today) gets a notice, once per item per day; items the user makes
while working in LeadDesk are not announced to them.

While locked the store is closed: what is due is known only as item keys and dates kept from
the last look (no names, no texts), enough to say "3 things are due today". Wording and the
privacy rule are in leaddesk.domain.notices; this module only decides when.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from leaddesk.domain import clock
from leaddesk.domain.errors import UserError
from leaddesk.domain.notices import (
    NoticeLine,
    details_allowed,
    digest_due,
    digest_notice,
    due_now_notice,
    parse_digest_time,
)
from leaddesk.reports.due_wording import due_what
from leaddesk.services.changes import Change
from leaddesk.services.due import due_key
from leaddesk.ui.context import AppContext
from leaddesk.ui.shell.notification_sender import NotificationSender

CHECK_MS = 30_000
LOOK_AHEAD_DAYS = 7  # kept while locked, so a lock over a weekend still counts Monday's items


def local_now() -> datetime:
    """Now on LeadDesk's calendar (leaddesk.domain.clock) at the local time of day."""
    return datetime.combine(clock.today(), datetime.now().time())


class DueNotices(QObject):
    """Decides when to tell the user what is due, and says it through a `NotificationSender`."""

    count_changed = Signal(object)  # how many are due today or overdue; None while locked

    def __init__(
        self,
        ctx: AppContext,
        sender: NotificationSender,
        now: Callable[[], datetime] = local_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.notification_sender = sender
        self._now = now
        self._schedule: list[tuple[str, date]] = []  # (item key, due date): no private text
        self._announced: dict[str, date] = {}
        self._last_digest: date | None = None
        self._unsaved_digest: date | None = None  # given while locked: written on unlock
        self._digest_at = parse_digest_time("08:30")
        self._details_on = False
        self.count: int | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("dueNoticesTimer")
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        ctx.changed.connect(self._on_change)

    def start(self) -> None:
        """Look now (a digest whose time has passed today comes at once), then every 30 s."""
        self.timer.start()
        today = self._now().date()
        self._refresh(today)
        if self._last_digest == today:  # given before a restart: what it covered is not news
            for key in self._due_now(today):
                self._announced[key] = today
        self.check()

    # -- looking -----------------------------------------------------------------------------
    def _refresh(self, today: date) -> None:
        """Read what is due and the settings (only while unlocked: the store is closed else)."""
        desk = self.ctx.desk
        if desk.locked:
            return
        try:
            settings = desk.settings()
            self._digest_at = parse_digest_time(settings.digest_time)
            self._details_on = settings.notify_details
            if self._unsaved_digest is not None:
                desk.mark_digest_given(self._unsaved_digest)
                self._unsaved_digest = None
            self._last_digest = desk.last_digest_on()
            found = desk.due_items(today, LOOK_AHEAD_DAYS)
        except UserError:  # the store is busy (a restore, a rekey): what was known still holds
            return
        self._schedule = [(due_key(i), i.on or today) for i in found.all]

    def _due_now(self, today: date) -> list[str]:
        return [key for key, on in self._schedule if on <= today]

    def _set_count(self, count: int | None, force: bool = False) -> None:
        if force or count != self.count:
            self.count = count
            self.count_changed.emit(count)

    def check(self) -> None:
        """Give the digest when it is due, else announce what fell due since it."""
        now = self._now()
        today = now.date()
        self._refresh(today)
        due = self._due_now(today)
        self._set_count(None if self.ctx.desk.locked else len(due))
        if digest_due(now, self._digest_at, self._last_digest):
            self._give_digest(today, due)
        elif self._last_digest == today:
            fresh = [key for key in due if self._announced.get(key) != today]
            if fresh:
                self._announce(today, fresh)

    def recount(self) -> None:
        """The number due now again (after a lock or an unlock): None while locked."""
        if self.ctx.desk.locked:
            self._set_count(None, force=True)
            return
        today = self._now().date()
        self._refresh(today)
        self._set_count(len(self._due_now(today)), force=True)  # a lock and unlock in one go

    def _on_change(self, _change: Change) -> None:
        if self.ctx.desk.locked:
            return
        today = self._now().date()
        self._refresh(today)
        due = self._due_now(today)
        if QApplication.activeWindow() is not None:  # the user made it here: they know
            for key in due:
                self._announced[key] = today
        self._set_count(len(due))

    # -- telling -----------------------------------------------------------------------------
    def _details(self, today: date, keys: list[str]) -> list[NoticeLine] | None:
        """Names and texts, only where the user asked and never while locked or presenting."""
        desk = self.ctx.desk
        if not details_allowed(self._details_on, desk.locked, self.ctx.presenter):
            return None
        wanted = set(keys)
        try:
            found = desk.due_items(today, LOOK_AHEAD_DAYS)
        except UserError:  # the store is busy: the count alone, as when details are off
            return None
        return [
            NoticeLine(i.person_name, due_what(i, today)) for i in found.all if due_key(i) in wanted
        ]

    def _give_digest(self, today: date, due: list[str]) -> None:
        self.notification_sender.send(digest_notice(len(due), self._details(today, due)))
        for key in due:
            self._announced[key] = today
        self._last_digest = today
        if self.ctx.desk.locked:
            self._unsaved_digest = today
        else:
            self.ctx.desk.mark_digest_given(today)

    def _announce(self, today: date, keys: list[str]) -> None:
        self.notification_sender.send(due_now_notice(len(keys), self._details(today, keys)))
        for key in keys:
            self._announced[key] = today

    @property
    def digest_at(self) -> time:
        """When the morning digest is given (as last read from the settings)."""
        return self._digest_at
