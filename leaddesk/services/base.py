"""Shared plumbing of the service facade: sessions, the clock, change notices, the read cache."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from leaddesk.domain import clock
from leaddesk.domain.errors import ValidationError
from leaddesk.domain.validation import check_date
from leaddesk.security.keys import StoreKey
from leaddesk.services.changes import Change, ChangeArea
from leaddesk.store import models as m
from leaddesk.store.locked import StoreLockedError, locked_store
from leaddesk.store.store import Store, open_store

T = TypeVar("T", bound=m.Base)

# Writes in these areas can change someone's trust evidence.
EVIDENCE_AREAS = frozenset(
    {
        ChangeArea.PROMISES,
        ChangeArea.CHECKPOINTS,
        ChangeArea.DELETE,
        ChangeArea.BULK,
        ChangeArea.PURGE,
    }
)
_TOUCHED = "leaddesk.evidence_of"


def utcnow() -> datetime:
    """Now in UTC without tzinfo, the way timestamps are stored."""
    return datetime.now(UTC).replace(tzinfo=None)


@contextmanager
def _in_range() -> Iterator[None]:
    """An id past SQLite's 64-bit integers names no row (and a date pushed past year 9999 is
    no date): the transaction rolls back with a message, rather than a crash in the driver."""
    try:
        yield
    except OverflowError:
        raise ValidationError(
            "A number or date given is out of range, so nothing was found or changed."
        ) from None


class DeskBase:
    """Owns the store, the clock and the change listeners every use-case mixin shares."""

    def __init__(self, store: Store, today: Callable[[], date] = clock.today) -> None:
        self.store = store
        self._today = today
        self._listeners: list[Callable[[Change], None]] = []
        self._cache: dict[Any, Any] = {}
        self._generation = 0  # bumped by every write, so a read racing a write is not cached
        self._cache_lock = threading.Lock()
        # person id -> their resolved promises and checkpoint outcomes as (day, +, -), by day
        self._evidence: dict[int, list[tuple[int, float, float]]] = {}
        # person id -> (the evidence list it was folded from, (half-life, day), team-grid line)
        self._folds: dict[int, tuple[list[tuple[int, float, float]], tuple[float, date], Any]] = {}

    # -- replacing the store file (rekey, restore) ---------------------------------------------
    _locked = False  # set by LockMixin.lock(), cleared by unlock()

    @property
    def _swap_lock(self) -> threading.RLock:
        """Held while self.store changes hands: lock, unlock, rekey and restore never interleave."""
        lock: threading.RLock | None = self.__dict__.get("_swap_lock_")
        if lock is None:
            lock = self.__dict__.setdefault("_swap_lock_", threading.RLock())
        return lock

    def _lend_store(self, busy: str) -> Path:
        """Close the store for an operation that replaces its file; meanwhile every call is
        refused with `busy`. Without this a reconnecting engine (a save from the window) reopens
        the old file just before it loses its name: its write is lost and the new file damaged."""
        with self._swap_lock:
            if self._locked:
                raise StoreLockedError("LeadDesk is locked: unlock it first.")
            lent = self.store
            self.store = locked_store(lent.path, busy)
            lent.close()
        return lent.path

    def _take_back_store(self, key: StoreKey) -> bool:
        """Open the store file again with `key` after _lend_store; False (nothing opened) when
        the lock came meanwhile: unlocking opens it then."""
        with self._swap_lock:
            if self._locked:
                return False
            self.store = open_store(self.store.path, key)
            return True

    # -- clock -------------------------------------------------------------------------------
    def today(self) -> date:
        """The current calendar date (injectable for tests and demo data)."""
        return self._today()

    def _day(self, value: date | None, field: str = "Date") -> date:
        return check_date(value, field) if value is not None else self.today()

    # -- sessions ----------------------------------------------------------------------------
    @contextmanager
    def _read(self) -> Iterator[Session]:
        with _in_range(), self.store.session() as session:
            yield session

    @contextmanager
    def _write(self, area: ChangeArea, person_id: int | None = None) -> Iterator[Session]:
        """A committed transaction; afterwards caches are dropped and listeners told.

        Trust evidence is kept per person across writes (the team grid folds every direct
        report's history): a write in an evidence area drops the evidence of the people it marked
        with `_touch`, or all of it when it marked nobody.
        """
        with _in_range(), self.store.session(write=True) as session:
            yield session
            touched: set[int] | None = session.info.get(_TOUCHED)
        with self._cache_lock:
            self._generation += 1
            self._cache.clear()
            if area in EVIDENCE_AREAS:
                if touched is None:
                    self._evidence.clear()
                for pid in touched or ():
                    self._evidence.pop(pid, None)
        change = Change(area, person_id)
        for listener in list(self._listeners):
            listener(change)

    @staticmethod
    def _touch(session: Session, person_id: int) -> None:
        """Mark that this write changes (or may change) `person_id`'s trust evidence."""
        session.info.setdefault(_TOUCHED, set()).add(person_id)

    @contextmanager
    def _write_quietly(self) -> Iterator[Session]:
        """A committed transaction that neither drops the read caches nor tells listeners.

        Only for data no cached read model and no other view depends on (the 1:1 draft, saved
        every few seconds while the leader types): a full refresh of every view per keystroke
        would cost far more than the write. It commits exactly as durably as `_write`.
        """
        with _in_range(), self.store.session(write=True) as session:
            yield session

    def subscribe(self, listener: Callable[[Change], None]) -> Callable[[], None]:
        """Call `listener` after every committed write; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _cached(self, key: Any, compute: Callable[[], Any]) -> Any:
        """A read model computed once per change; a write during the computation wins."""
        with self._cache_lock:
            if key in self._cache:
                return self._cache[key]
            generation = self._generation
        value = compute()  # outside the lock: reads run in parallel on worker threads
        with self._cache_lock:
            if generation == self._generation:
                self._cache[key] = value
        return value

    # -- lookups -----------------------------------------------------------------------------
    @staticmethod
    def _get(session: Session, model: type[T], ident: int, what: str) -> T:
        """A live (not deleted) row, or a ValidationError saying it no longer exists."""
        row = session.get(model, ident)
        if row is None or getattr(row, "deleted_at", None) is not None:
            raise ValidationError(f"That {what} does not exist (any more).")
        return row

    def _person_row(self, session: Session, person_id: int) -> m.Person:
        return self._get(session, m.Person, person_id, "person")

    def _check_meeting(self, session: Session, one_on_one_id: int | None, person_id: int) -> None:
        """A 1:1 something was captured in must exist and be with the same person."""
        if one_on_one_id is None:
            return
        meeting = self._get(session, m.OneOnOne, one_on_one_id, "1:1")
        if meeting.person_id != person_id:
            raise ValidationError("That 1:1 was with someone else.")
