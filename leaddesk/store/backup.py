"""Encrypted, timestamped copies of the store, what kind each is, and their rotation.

A backup is `VACUUM INTO` a file created empty with mode 0600 in a 0700 folder: a consistent
snapshot (WAL included) that keeps the store's key and its SQLCipher salt, so it opens with the
store's own key. It is written as `NAME.partial`, synced, then renamed, so a backup either exists
whole or not at all; a `.partial` left by a killed backup is removed later (`clean_partials`).
"""

from __future__ import annotations

import contextlib
import enum
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine

from leaddesk.store.errors import StoreError

STAMP = "%Y%m%dT%H%M%S%fZ"
PARTIAL = ".partial"
FOLDER_MODE = 0o700
FILE_MODE = 0o600
# Pre-upgrade and pre-restore copies are not rotated by the daily rule: the newest this many of
# each kind are kept, whatever their age, so the copy made before a change is there to go back to.
KEEP_SPECIAL = 5
# A .partial nobody wrote to for this long belongs to a backup that was killed (a running
# VACUUM INTO keeps writing to its file, so a live one is never this old).
STALE_PARTIAL_SECONDS = 300


class BackupKind(enum.Enum):
    """Why a backup was made (it is part of its file name)."""

    DAILY = "daily"
    MANUAL = "manual"
    PRE_UPGRADE = "pre-upgrade"
    PRE_RESTORE = "pre-restore"

    @property
    def label(self) -> str:
        """How the kind is shown to the user."""
        return self.value


ROTATED = (BackupKind.DAILY, BackupKind.MANUAL)
# The word in the file name; pre-upgrade copies name the revision they were at ("pre-0004").
_LABELS = {
    BackupKind.DAILY: "daily",
    BackupKind.MANUAL: "manual",
    BackupKind.PRE_RESTORE: "pre-restore",
}
_LEGACY_DAILY = "backup"  # what earlier versions called every rotating backup


@dataclass(frozen=True, slots=True)
class Retention:
    """How many rotating backups to keep: the newest of each of the last N days, weeks, months."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12


@dataclass(frozen=True, slots=True)
class BackupFile:
    """One backup found in the backups folder."""

    path: Path
    kind: BackupKind
    made_at: datetime  # UTC, from the file name
    size: int


def default_folder(store: Path) -> Path:
    """The 'backups' folder beside the store."""
    return Path(store).parent / "backups"


def label_for(kind: BackupKind, revision: str | None = None) -> str:
    """The word a backup of `kind` carries in its file name."""
    if kind is BackupKind.PRE_UPGRADE:
        return f"pre-{revision or 'upgrade'}"
    return _LABELS[kind]


def backup_name(store: Path, label: str, now: datetime) -> str:
    """e.g. leaddesk-daily-20261125T091500123456Z.db: sorts by time, says what it is."""
    stamp = now.astimezone(UTC).strftime(STAMP)
    return f"{store.stem}-{label}-{stamp}{store.suffix or '.db'}"


def parse(path: Path, store: Path) -> tuple[BackupKind, datetime] | None:
    """The kind and time of a backup of `store` from its file name; None for any other file."""
    suffix = store.suffix or ".db"
    prefix = f"{store.stem}-"
    name = path.name
    if not name.startswith(prefix) or not name.endswith(suffix):
        return None
    label, _, stamp = name[len(prefix) : len(name) - len(suffix)].rpartition("-")
    try:
        made_at = datetime.strptime(stamp, STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None
    if label in (_LEGACY_DAILY, "daily"):
        return BackupKind.DAILY, made_at
    if label == "manual":
        return BackupKind.MANUAL, made_at
    if label == "pre-restore":
        return BackupKind.PRE_RESTORE, made_at
    if label.startswith("pre-") and "-" not in label[4:]:
        return BackupKind.PRE_UPGRADE, made_at
    return None


def list_backups(folder: Path, store: Path) -> list[BackupFile]:
    """The backups of `store` in `folder`, newest first (other files are ignored)."""
    found: list[BackupFile] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        parsed = parse(path, store)
        if parsed is None:
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue  # removed while we looked
        found.append(BackupFile(path, parsed[0], parsed[1], size))
    found.sort(key=lambda b: (b.made_at, b.path.name), reverse=True)
    return found


def newest(folder: Path, store: Path, kinds: tuple[BackupKind, ...] = ROTATED) -> datetime | None:
    """When the newest backup of one of `kinds` was made (UTC), if any."""
    times = [b.made_at for b in list_backups(folder, store) if b.kind in kinds]
    return max(times, default=None)


def ensure_folder(folder: Path) -> None:
    """Create the backups folder 0700, or tighten an existing one to 0700."""
    try:
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        if folder.stat().st_mode & 0o777 != FOLDER_MODE:
            os.chmod(folder, FOLDER_MODE)
    except OSError as error:
        raise cannot_write(folder, error) from None


def fsync_folder(folder: Path) -> None:
    """Make a rename or unlink in `folder` durable (a no-op where folders cannot be opened)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def create_private_file(path: Path) -> None:
    """An empty file only its owner can read (VACUUM INTO accepts an empty target)."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(handle)
    os.chmod(path, FILE_MODE)  # whatever the umask


def fsync_file(path: Path) -> None:
    """Flush a written file to the disk."""
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def vacuum_into(connection: object, target: Path) -> None:
    """`VACUUM INTO target` through a keyed DB-API connection, as a private, synced file.

    On any failure (a full disk, a kill of the thread's work) the half-written file is removed.
    """
    create_private_file(target)
    try:
        connection.execute("VACUUM INTO ?", (str(target),))  # type: ignore[attr-defined]
        fsync_file(target)
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def backup_to(
    engine: Engine,
    store: Path,
    folder: Path,
    label: str = "manual",
    now: datetime | None = None,
) -> Path:
    """Write a consistent encrypted copy into `folder` and return its path."""
    ensure_folder(folder)
    clean_partials(folder, store)
    when = now or datetime.now(UTC)
    target = folder / backup_name(store, label, when)
    while target.exists() or target.with_name(target.name + PARTIAL).exists():
        when += timedelta(microseconds=1)  # two backups in one microsecond (an injected clock)
        target = folder / backup_name(store, label, when)
    partial = target.with_name(target.name + PARTIAL)
    raw = engine.raw_connection()
    try:
        vacuum_into(raw, partial)
        partial.replace(target)
    except (OSError, sqlcipher.Error) as error:
        raise cannot_write(folder, error) from None
    finally:
        raw.close()
    fsync_folder(folder)
    return target


def cannot_write(folder: Path, error: BaseException) -> StoreError:
    """One line for a backup that could not be written (a full disk, a read-only folder)."""
    reason = getattr(error, "strerror", None) or str(error)  # SQLite's own words hold no data
    return StoreError(f"Could not write a backup into {folder}: {reason}. Nothing was changed.")


def clean_partials(
    folder: Path, store: Path, stale_after: float = STALE_PARTIAL_SECONDS
) -> list[Path]:
    """Remove `.partial` files of `store` in `folder` that nobody has written to lately.

    They are what a backup killed half-way leaves; one still being written (by a `leaddesk
    backup` in another process) is recent, so it is left alone.
    """
    removed: list[Path] = []
    limit = time.time() - stale_after
    for path in folder.glob(f"{store.stem}-*{PARTIAL}"):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime <= limit:
                path.unlink()
                removed.append(path)
    return removed


def keep_set(backups: list[BackupFile], retention: Retention) -> set[Path]:
    """Which rotating backups the retention keeps (each rule counted on its own, as restic does).

    For each of the last `daily` days that have a backup, its newest; likewise for ISO weeks and
    calendar months (UTC). A backup kept by one rule also counts for the others.
    """
    ordered = sorted(backups, key=lambda b: b.made_at, reverse=True)
    keep: set[Path] = set()
    rules: tuple[tuple[int, Callable[[date], object]], ...] = (
        (retention.daily, lambda d: d),
        (retention.weekly, lambda d: tuple(d.isocalendar())[:2]),
        (retention.monthly, lambda d: (d.year, d.month)),
    )
    for count, period_of in rules:
        seen: list[object] = []
        for item in ordered:
            if len(seen) >= count:
                break
            period = period_of(item.made_at.date())
            if period not in seen:
                seen.append(period)
                keep.add(item.path)
    return keep


def rotate(
    folder: Path,
    store: Path,
    retention: Retention | None = None,
    keep_special: int = KEEP_SPECIAL,
) -> list[Path]:
    """Delete the backups of `store` in `folder` the retention does not keep; return them.

    Daily and manual backups follow `retention`; pre-upgrade and pre-restore backups are not
    touched by it: the newest `keep_special` of each of those two kinds are kept.
    """
    found = list_backups(folder, store)
    keep = keep_set([b for b in found if b.kind in ROTATED], retention or Retention())
    for kind in (BackupKind.PRE_UPGRADE, BackupKind.PRE_RESTORE):
        keep.update(b.path for b in [b for b in found if b.kind is kind][:keep_special])
    old = [b.path for b in found if b.path not in keep]
    for path in old:
        delete(path)
    if old:
        fsync_folder(folder)
    return sorted(old)


def delete(path: Path) -> None:
    """Remove a backup and any side file it has (a raw pre-restore copy keeps its WAL)."""
    for end in ("", "-wal", "-shm"):
        Path(f"{path}{end}").unlink(missing_ok=True)
