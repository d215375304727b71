"""Checking a backup, and putting it in place of the store so that no moment loses both.

The order is what makes a kill at any moment safe:
1. the backup is checked on a read-only connection (key, integrity, schema) and never changed;
2. the current store is kept as a `pre-restore` backup (a consistent copy, or its raw bytes and
   WAL when it is too damaged to copy);
3. the backup is copied beside the store as `NAME.restoring` (0600, synced);
4. the store's WAL is checkpointed into it and removed (a stale WAL would be replayed onto the
   restored file); a WAL that stays means another program has the store open: nothing is swapped
   (this is also checked before step 2, so such a restore is refused before writing anything);
5. `NAME.restoring` is renamed over the store (atomic) and the folder synced.
Until 5 the store holds the old data; after it, the restored data.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from leaddesk.security.keys import StoreKey
from leaddesk.store import backup, migrate
from leaddesk.store.engine import connect, connect_read_only
from leaddesk.store.errors import StoreError

RESTORING = ".restoring"
_SIDE_FILES = ("-wal", "-shm", "-journal")
# What a backup's summary counts: (what, table). Soft-deleted rows are not counted.
COUNTED = (
    ("people", "person"),
    ("delegations", "delegation"),
    ("promises", "promise"),
    ("one_on_ones", "one_on_one"),
)


class DamagedBackupError(StoreError):
    """The backup opens but fails SQLite's integrity check (or cannot be read through)."""


@dataclass(frozen=True, slots=True)
class BackupContents:
    """What a checked backup holds."""

    revision: str
    people: int
    delegations: int
    promises: int
    one_on_ones: int


def inspect(path: Path, key: StoreKey, store: Path | None = None) -> BackupContents:
    """Check that `path` is a whole LeadDesk store that `key` opens and this version can read.

    Read-only: the file is never changed. Raises a StoreError saying what is wrong otherwise.
    """
    path = Path(path).expanduser()
    if not path.exists():
        raise StoreError(f"There is no file {path}.")
    if not path.is_file():
        raise StoreError(f"{path} is not a file.")
    if store is not None and store.exists() and _same_file(path, store):
        raise StoreError(f"{path} is the store itself, not a backup of it; choose a backup.")
    if path.stat().st_size == 0:
        raise DamagedBackupError(f"{path} is empty: it is not a backup (or it is damaged).")
    conn = connect_read_only(path, key)
    try:
        problems = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise DamagedBackupError(
                f"{path} is damaged (SQLite's integrity check failed); choose another backup."
            )
        revision = migrate.raw_revision(conn)
        if revision is None:
            raise StoreError(f"{path} is not a LeadDesk store (it has no schema revision).")
        migrate.check_not_newer(path, revision)
        counts = [_count(conn, table) for _what, table in COUNTED]
    except sqlcipher.DatabaseError:
        raise DamagedBackupError(
            f"{path} is damaged (it cannot be read through); choose another backup."
        ) from None
    finally:
        conn.close()
    return BackupContents(revision, *counts)


def restore(
    source: Path,
    store: Path,
    key: StoreKey,
    folder: Path | None = None,
    now: datetime | None = None,
    current_key: StoreKey | None = None,
) -> Path | None:
    """Put the backup `source` (opened by `key`) in place of `store` (see the module's steps).

    `current_key` opens the store being replaced, when a key change came between the backup and
    now (default: `key`). Returns the pre-restore copy of the store (None when there was no
    store). The caller opens the store afterwards, which migrates a backup from an older version.
    """
    source, store = Path(source).expanduser(), Path(store).expanduser()
    inspect(source, key, store)
    mine = current_key if current_key is not None else key
    target_folder = folder if folder is not None else backup.default_folder(store)
    staged = store.with_name(store.name + RESTORING)
    staged.unlink(missing_ok=True)  # left by a restore killed before its rename
    _settle_wal(store, mine)  # refuse before writing anything when another program has it open
    try:
        kept = keep_current(store, mine, target_folder, now or datetime.now(UTC))
    except OSError as error:
        raise backup.cannot_write(target_folder, error) from None
    try:
        backup.create_private_file(staged)
        with open(source, "rb") as src, open(staged, "wb") as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
            dst.flush()
            os.fsync(dst.fileno())
        _settle_wal(store, mine)
        for end in _SIDE_FILES:
            Path(f"{store}{end}").unlink(missing_ok=True)
        backup.fsync_folder(store.parent)
        os.replace(staged, store)
    except OSError as error:
        staged.unlink(missing_ok=True)
        raise StoreError(
            f"Could not restore into {store}: {error.strerror or error}. The store was not changed."
        ) from None
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    backup.fsync_folder(store.parent)
    return kept


def keep_current(store: Path, key: StoreKey, folder: Path, now: datetime) -> Path | None:
    """Keep the store as a pre-restore backup; None when there is no store to keep.

    A store the key opens is copied consistently (VACUUM INTO, WAL included). One that cannot be
    copied that way (damaged, or not openable with this key) is kept byte for byte with its WAL,
    so nothing it held is lost either.
    """
    if not store.exists():
        return None
    backup.ensure_folder(folder)
    backup.clean_partials(folder, store)
    label = backup.label_for(backup.BackupKind.PRE_RESTORE)
    target = folder / backup.backup_name(store, label, now)
    partial = target.with_name(target.name + backup.PARTIAL)
    try:
        conn = connect_read_only(store, key)
        try:
            backup.vacuum_into(conn, partial)
        finally:
            conn.close()
    except (StoreError, sqlcipher.Error):
        _raw_copy(store, partial, target)
    partial.replace(target)
    backup.fsync_folder(folder)
    return target


def _raw_copy(store: Path, partial: Path, target: Path) -> None:
    """The store's bytes and its WAL, as they are (for a store that cannot be read through)."""
    partial.unlink(missing_ok=True)
    wal, copied_wal = Path(f"{store}-wal"), Path(f"{target}-wal")
    try:
        if wal.exists():
            _copy_private(wal, copied_wal)
        _copy_private(store, partial)
    except BaseException:
        copied_wal.unlink(missing_ok=True)
        raise


def _copy_private(source: Path, target: Path) -> None:
    target.unlink(missing_ok=True)
    backup.create_private_file(target)
    try:
        with open(source, "rb") as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
            dst.flush()
            os.fsync(dst.fileno())
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def _settle_wal(store: Path, key: StoreKey) -> None:
    """Fold the store's WAL into it and let SQLite remove it; refuse if someone holds it open."""
    wal = Path(f"{store}-wal")
    if not wal.exists():
        return
    try:
        conn = connect(store, key)
    except StoreError:
        return  # cannot be opened: its WAL was kept with the raw pre-restore copy
    try:
        with contextlib.suppress(sqlcipher.Error):
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()
    if wal.exists():
        raise StoreError(
            f"{store} is open in LeadDesk or another program: close it, then restore again. "
            "The store was not changed."
        )


def _count(conn: Any, table: str) -> int:
    columns = {str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")}
    if not columns:
        return 0
    live = " WHERE deleted_at IS NULL" if "deleted_at" in columns else ""
    # `table` is one of COUNTED's constants, never input.
    return int(conn.execute(f"SELECT count(*) FROM {table}{live}").fetchone()[0])


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False
