"""The service facade: one object, opened on a store file, with a method for every use case."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from leaddesk.domain import clock
from leaddesk.security.keys import PassphrasePrompt, StoreKey, forget_keychain_key
from leaddesk.services.agenda import AgendaMixin
from leaddesk.services.backups import BackupsMixin
from leaddesk.services.bulk import BulkMixin
from leaddesk.services.calendar import CalendarMixin
from leaddesk.services.checkpoints import CheckpointsMixin
from leaddesk.services.due import DueMixin
from leaddesk.services.exchange import ExchangeMixin
from leaddesk.services.feedback import FeedbackMixin
from leaddesk.services.focus import FocusMixin
from leaddesk.services.keys import KeysMixin, open_keyed
from leaddesk.services.lock import LockMixin
from leaddesk.services.one_on_one_rhythm import OneOnOneRhythmMixin
from leaddesk.services.open_items import OpenItemsMixin
from leaddesk.services.promises import PromisesMixin
from leaddesk.services.recovery import RecoveryMixin
from leaddesk.services.reflections import ReflectionsMixin
from leaddesk.services.relationship_notes import RelationshipNotesMixin
from leaddesk.services.roster import RosterMixin
from leaddesk.services.search import SearchMixin
from leaddesk.services.success_factors import SuccessFactorsMixin
from leaddesk.services.team import TeamMixin
from leaddesk.services.terms import TermsMixin
from leaddesk.services.timeline import TimelineMixin
from leaddesk.services.undo import Deleted, UndoMixin
from leaddesk.store import models as m
from leaddesk.store.errors import StoreError
from leaddesk.store.migrate import head_revision
from leaddesk.store.store import Store, open_store, preflight


@dataclass(frozen=True, slots=True)
class StoreCounts:
    """How many rows of each kind a store holds (for `leaddesk check`)."""

    counts: tuple[tuple[str, int], ...]


COUNTED: tuple[tuple[str, type[m.Base]], ...] = (
    ("people", m.Person),
    ("delegations", m.Delegation),
    ("level changes", m.LevelChange),
    ("state changes", m.DelegationStateChange),
    ("checkpoints", m.Checkpoint),
    ("success factors", m.SuccessFactor),
    ("calibrations", m.Calibration),
    ("terms", m.Term),
    ("promises", m.Promise),
    ("promise events", m.PromiseEvent),
    ("1:1s", m.OneOnOne),
    ("agenda topics", m.AgendaTopic),
    ("relationship notes", m.RelationshipNote),
    ("feedback", m.Feedback),
    ("trust assessments", m.TrustAssessment),
    ("reflections", m.Reflection),
)


class Desk(
    LockMixin,
    BackupsMixin,
    FocusMixin,
    AgendaMixin,
    TeamMixin,
    ReflectionsMixin,
    CheckpointsMixin,
    SuccessFactorsMixin,
    TermsMixin,
    PromisesMixin,
    RelationshipNotesMixin,
    FeedbackMixin,
    TimelineMixin,
    UndoMixin,
    BulkMixin,
    ExchangeMixin,
    RosterMixin,
    CalendarMixin,
    OpenItemsMixin,
    KeysMixin,
    RecoveryMixin,
    DueMixin,
    OneOnOneRhythmMixin,
    SearchMixin,
):
    """Everything a user does with LeadDesk, as use-case methods returning frozen read models."""

    def __init__(
        self,
        store: Store,
        today: Callable[[], date] = clock.today,
        key_source: str = "keychain",
    ) -> None:
        super().__init__(store, today)
        self._undo_stack: list[Deleted] = []
        self._key_source = key_source
        self._ensure_focus_start()

    @classmethod
    def open(
        cls,
        path: Path,
        prompt: PassphrasePrompt | None = None,
        today: Callable[[], date] = clock.today,
    ) -> Desk:
        """Open (or create) the store at `path`, with its keychain key or passphrase."""
        path = Path(path).expanduser()
        if path.is_dir():
            raise StoreError(f"{path} is a folder, not a store file.")
        preflight(path)  # an empty file is refused before any key or passphrase is asked for
        store, key = open_keyed(path, prompt)
        desk = cls(store, today, key.source)
        desk._remember_key(key)
        return desk

    @classmethod
    @contextmanager
    def create(
        cls,
        path: Path,
        prompt: PassphrasePrompt | None = None,
        today: Callable[[], date] = clock.today,
    ) -> Iterator[Desk]:
        """A new store at `path` to fill inside the block; closed after it.

        The key is set up as for any new store (a keychain key, else a passphrase). If the block
        fails, nothing of the new store is left: not the file, its side files, nor its key.
        """
        path = Path(path).expanduser()
        if path.exists():
            raise StoreError(f"{path} already exists; choose a new file for the new store.")
        desk = cls.open(path, prompt, today)
        try:
            yield desk
        except BaseException:
            desk.close()
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            if desk._store_key is not None:
                forget_keychain_key(desk._store_key)
            raise
        desk.close()

    @classmethod
    def open_throwaway(cls, path: Path, today: Callable[[], date] = clock.today) -> Desk:
        """A new store with a random key kept only in memory (for demos): gone when closed."""
        key = StoreKey(secrets.token_hex(32), "keychain")
        desk = cls(open_store(Path(path), key), today)
        desk._memory_key = key
        return desk

    @property
    def path(self) -> Path:
        """The store file."""
        return self.store.path

    def close(self) -> None:
        """Close the store (pending writes are already committed)."""
        self.store.close()

    def counts(self) -> StoreCounts:
        """How many rows of each kind the store holds (deleted ones included)."""
        with self._read() as session:
            return StoreCounts(
                tuple(
                    (label, session.scalar(select(func.count()).select_from(model)) or 0)
                    for label, model in COUNTED
                )
            )

    def integrity_problems(self) -> list[str]:
        """Problems SQLite's integrity and foreign-key checks find; empty when all is well."""
        return self.store.integrity_check()

    def revision(self) -> str | None:
        """The schema revision of the store."""
        return self.store.revision()

    def current_revision(self) -> str:
        """The schema revision this version of LeadDesk writes."""
        return head_revision()
