"""Backups and restore: the daily copy, rotation by the user's retention, listing, restoring.

A restore replaces the whole store with a backup, after keeping the current store as a
`pre-restore` backup; the open Desk then continues on the restored data.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from leaddesk.security.keys import PassphrasePrompt, StoreKey, keychain_key, resolve_key
from leaddesk.services.changes import Change, ChangeArea
from leaddesk.services.settings import SettingsMixin
from leaddesk.store import backup, restore
from leaddesk.store.errors import StoreError
from leaddesk.store.locked import StoreLockedError
from leaddesk.store.store import open_store

AUTO_BACKUP_EVERY = timedelta(hours=24)
# One backup or restore at a time in this process: a restore swaps the file under the engine.
_BACKUP_LOCK = threading.RLock()


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup in the backups folder (cheap: read from its name and size)."""

    path: Path
    kind: str  # daily, manual, pre-upgrade or pre-restore
    made_at: datetime  # UTC
    size: int


@dataclass(frozen=True, slots=True)
class BackupSummary:
    """What a backup holds, read from it (it was checked: key, integrity, schema)."""

    people: int
    delegations: int
    promises: int
    one_on_ones: int


@dataclass(frozen=True, slots=True)
class Restored:
    """The outcome of a restore."""

    kept: Path | None  # the pre-restore copy of the store that was replaced (None: there was none)
    contents: BackupSummary


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _summary(contents: restore.BackupContents) -> BackupSummary:
    return BackupSummary(
        contents.people, contents.delegations, contents.promises, contents.one_on_ones
    )


class BackupsMixin(SettingsMixin):
    """Backups of the open store, and restoring one of them in its place."""

    _store_key: StoreKey | None
    _key_source: str

    _backup_clock: Callable[[], datetime] | None = None

    def set_backup_clock(self, clock: Callable[[], datetime]) -> None:
        """Replace the clock backups are named and judged by (UTC; for tests and demos)."""
        self._backup_clock = clock

    def backup_now_utc(self) -> datetime:
        """The time a backup made now would carry (UTC)."""
        return (self._backup_clock or _utc_now)()

    @property
    def backups_folder(self) -> Path:
        """Where the automatic backups go: 'backups' beside the store."""
        return backup.default_folder(self.store.path)

    def _retention(self) -> backup.Retention:
        settings = self.settings()
        return backup.Retention(
            settings.backup_keep_daily, settings.backup_keep_weekly, settings.backup_keep_monthly
        )

    def backup(self, folder: Path | None = None, kind: str = "manual") -> Path:
        """An encrypted, timestamped copy (default: 'backups' beside the store), then rotation.

        `kind` is "manual" or "daily"; both are rotated by the retention in Settings.
        """
        chosen = backup.BackupKind(kind)
        if chosen not in backup.ROTATED:
            raise ValueError(f"backup() makes daily or manual backups, not {kind}.")
        target = folder if folder is not None else self.backups_folder
        with _BACKUP_LOCK:
            made = backup.backup_to(
                self.store.engine,
                self.store.path,
                target,
                backup.label_for(chosen),
                self.backup_now_utc(),
            )
            backup.rotate(target, self.store.path, self._retention())
        return made

    def backup_if_due(self, every: timedelta = AUTO_BACKUP_EVERY) -> Path | None:
        """The automatic backup: a daily copy when the newest daily or manual one is older
        than `every` (checked at start and hourly while the app stays open)."""
        with _BACKUP_LOCK:  # two checks at once must not both find a backup due
            last = backup.newest(self.backups_folder, self.store.path)
            if last is not None and self.backup_now_utc() - last < every:
                return None
            return self.backup(kind="daily")

    def backups(self) -> list[BackupInfo]:
        """The backups of this store in its backups folder, newest first."""
        return [
            BackupInfo(b.path, b.kind.value, b.made_at, b.size)
            for b in backup.list_backups(self.backups_folder, self.store.path)
        ]

    def backup_summary(self, path: Path) -> BackupSummary:
        """Check a backup (key, integrity, schema) and count what it holds; slow on big stores,
        so the GUI asks from a worker. Raises StoreError for a backup that cannot be restored."""
        source = Path(path)
        return _summary(restore.inspect(source, self._backup_key(source), self.store.path))

    def _open_key(self) -> StoreKey:
        key = self.store.key
        if key is None:
            if self._locked:
                raise StoreLockedError("LeadDesk is locked: unlock it first.")
            raise StoreError("This store was opened without a key LeadDesk can reuse.")
        return key

    def _backup_key(self, backup_file: Path) -> StoreKey:
        """The key of a backup: its own keychain entry (found by its salt: a backup made before
        the key was changed keeps the old one), else the store's key."""
        own = keychain_key(backup_file, legacy=False)
        return own if own is not None else self._open_key()

    def restore_backup(self, path: Path) -> Restored:
        """Replace the store's data with the backup at `path`; the current data is kept first
        as a pre-restore backup. Afterwards this Desk shows the restored data, opened with the
        backup's key (the key it was made with, which may predate a key change)."""
        source = Path(path).expanduser()
        current = self._open_key()
        key = self._backup_key(source)
        contents = restore.inspect(source, key, self.store.path)  # before anything is closed
        with _BACKUP_LOCK:
            store_path = self._lend_store("A backup is being restored: try again in a moment.")
            try:
                kept = restore.restore(
                    source, store_path, key, now=self.backup_now_utc(), current_key=current
                )
            except BaseException:
                self._take_back_store(current)  # the store was not replaced
                raise
            # The restored file opens with the backup's key, which becomes the store's key.
            if self._take_back_store(key):
                self._store_key = key
            self._key_source = key.source
            self._forget_everything()
        self._ensure_focus_start()
        change = Change(ChangeArea.RESTORE)
        for listener in list(self._listeners):
            listener(change)
        return Restored(kept, _summary(contents))

    def _forget_everything(self) -> None:
        """Drop every cache and the undo history: they describe the data that was replaced."""
        with self._cache_lock:
            self._generation += 1
            self._cache.clear()
            self._evidence.clear()
            self._folds.clear()
        undo = getattr(self, "_undo_stack", None)
        if isinstance(undo, list):
            undo.clear()


def restore_store(
    store: Path,
    source: Path,
    prompt: PassphrasePrompt | None = None,
    now: datetime | None = None,
    confirm: Callable[[BackupSummary], bool] | None = None,
) -> Restored | None:
    """Restore `source` in place of the store at `store`, which may be missing or damaged.

    The key is the store's keychain key, else its passphrase (LEADDESK_PASSPHRASE or `prompt`).
    The backup is checked first; `confirm` (shown what it holds) may still decline, and then
    nothing is changed and None is returned. The store is opened once afterwards, so a backup
    from an older version is migrated (after its own pre-upgrade backup).
    """
    store, source = Path(store).expanduser(), Path(source).expanduser()
    if store.is_dir():
        raise StoreError(f"{store} is a folder, not a store file.")
    if not source.exists():
        raise StoreError(f"There is no file {source}.")
    key = _restore_key(store, source, prompt)
    contents = _summary(restore.inspect(source, key, store))
    if confirm is not None and not confirm(contents):
        return None
    current = keychain_key(store) if store.exists() else None
    with _BACKUP_LOCK:
        kept = restore.restore(source, store, key, now=now, current_key=current)
        open_store(store, key).close()
    return Restored(kept, contents)


def _restore_key(store: Path, source: Path, prompt: PassphrasePrompt | None) -> StoreKey:
    """What opens the backup: its own keychain entry (by its salt), the store's, else a
    passphrase (LEADDESK_PASSPHRASE or `prompt`)."""
    own = keychain_key(source, legacy=False)
    if own is not None:
        return own
    key = keychain_key(store) if store.exists() else None
    return key if key is not None else resolve_key(source, prompt)
