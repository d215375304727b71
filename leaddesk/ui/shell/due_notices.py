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
from leaddesk.services.due import DueList, due_key
from leaddesk.ui.context import AppContext
from leaddesk.ui.shell.notification_sender import NotificationSender

CHECK_MS = 30_000
SETTLE_MS = 1_000  # writes in a burst (an import, typing in a form) are looked at once, after it
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
        lock_if_idle: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # Run before each look: after a night asleep the idle lock's own timer may fire after
        # this one, and the digest must not show details the lock was about to hide.
        self._lock_if_idle = lock_if_idle
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
        self.settle = QTimer(self)  # coalesces the looks after writes: the list is not free
        self.settle.setObjectName("dueNoticesSettle")
        self.settle.setSingleShot(True)
        self.settle.setInterval(SETTLE_MS)
        self.settle.timeout.connect(self._after_changes)
        self._made_here = False  # a write of the burst came while a LeadDesk window was active
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
    def _refresh(self, today: date) -> DueList | None:
        """Read what is due and the settings (only while unlocked: the store is closed else).
        The list is returned for this look only (it holds names and texts): never kept."""
        desk = self.ctx.desk
        if desk.locked:
            return None
        try:
            settings = desk.settings()
            self._digest_at = parse_digest_time(settings.digest_time)
            self._details_on = settings.notify_details
            if self._unsaved_digest is not None:
                desk.mark_digest_given(self._unsaved_digest)
                self._unsaved_digest = None
            stored = desk.last_digest_on()  # a mark older than one given here (unsaved) loses
            if stored is not None and (self._last_digest is None or stored > self._last_digest):
                self._last_digest = stored
            found = desk.due_items(today, LOOK_AHEAD_DAYS)
        except UserError:  # the store is busy (a restore, a rekey): what was known still holds
            return None
        self._schedule = [(due_key(i), i.on or today) for i in found.all]
        return found

    def _due_now(self, today: date) -> list[str]:
        return [key for key, on in self._schedule if on <= today]

    def _set_count(self, count: int | None, force: bool = False) -> None:
        if force or count != self.count:
            self.count = count
            self.count_changed.emit(count)

    def check(self) -> None:
        """Give the digest when it is due, else announce what fell due since it."""
        self._lock_if_idle()
        if self.settle.isActive():  # writes not looked at yet: the user's own are not news
            self.settle.stop()
            self._after_changes()
        now = self._now()
        today = now.date()
        found = self._refresh(today)
        due = self._due_now(today)
        self._set_count(None if self.ctx.desk.locked else len(due))
        if digest_due(now, self._digest_at, self._last_digest):
            self._give_digest(today, due, found)
        elif self._last_digest == today:
            fresh = [key for key in due if self._announced.get(key) != today]
            if fresh:
                self._announce(today, fresh, found)

    def recount(self) -> None:
        """The number due now again (after a lock or an unlock): None while locked."""
        if self.ctx.desk.locked:
            self._set_count(None, force=True)
            return
        today = self._now().date()
        self._refresh(today)
        due = self._due_now(today)
        self._known_to_user(today, due)  # written just before a lock: still theirs
        self._set_count(len(due), force=True)  # a lock and unlock in one go

    def _on_change(self, _change: Change) -> None:
        """Look once the burst of writes settles (on the GUI thread the list costs ~0.1 s)."""
        if self.ctx.desk.locked:
            return
        if QApplication.activeWindow() is not None:
            self._made_here = True
        self.settle.start()

    def _after_changes(self) -> None:
        if self.ctx.desk.locked:  # the user's own writes stay theirs until the unlock's recount
            return
        today = self._now().date()
        self._refresh(today)
        due = self._due_now(today)
        self._known_to_user(today, due)
        self._set_count(len(due))

    def _known_to_user(self, today: date, due: list[str]) -> None:
        """What is due after writes the user made here is no news to them: never announced."""
        if self._made_here:
            self._made_here = False
            for key in due:
                self._announced[key] = today

    # -- telling -----------------------------------------------------------------------------
    def _details(
        self, today: date, keys: list[str], found: DueList | None
    ) -> list[NoticeLine] | None:
        """Names and texts, only where the user asked and never while locked or presenting;
        from this look's list (None: the store was busy or closed, so the count alone)."""
        desk = self.ctx.desk
        if found is None or not details_allowed(self._details_on, desk.locked, self.ctx.presenter):
            return None
        wanted = set(keys)
        return [
            NoticeLine(i.person_name, due_what(i, today)) for i in found.all if due_key(i) in wanted
        ]

    def _give_digest(self, today: date, due: list[str], found: DueList | None) -> None:
        self.notification_sender.send(digest_notice(len(due), self._details(today, due, found)))
        for key in due:
            self._announced[key] = today
        self._last_digest = today
        self._unsaved_digest = today  # written now, else at the next look (closed or busy store)
        if self.ctx.desk.locked:
            return
        try:
            self.ctx.desk.mark_digest_given(today)
            self._unsaved_digest = None
        except UserError:  # a restore or a rekey holds the store: never raise from the timer
            pass

    def _announce(self, today: date, keys: list[str], found: DueList | None) -> None:
        self.notification_sender.send(due_now_notice(len(keys), self._details(today, keys, found)))
        for key in keys:
            self._announced[key] = today

    @property
    def digest_at(self) -> time:
        """When the morning digest is given (as last read from the settings)."""
        return self._digest_at
