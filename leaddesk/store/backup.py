"""Encrypted, timestamped, rotated copies of the store (VACUUM INTO keeps the store's key)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

KEEP_BACKUPS = 10


def backup_name(store: Path, label: str = "backup") -> str:
    """e.g. leaddesk-backup-20261125T091500123456Z.db: sorts by time, says what it is."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{store.stem}-{label}-{stamp}{store.suffix or '.db'}"


def backup_to(engine: Engine, store: Path, folder: Path, label: str = "backup") -> Path:
    """Write a consistent encrypted copy into `folder` and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / backup_name(store, label)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    raw = engine.raw_connection()
    try:
        raw.execute("VACUUM INTO ?", (str(partial),))
    except BaseException:
        partial.unlink(missing_ok=True)  # never leave a half-written copy behind
        raise
    finally:
        raw.close()
    partial.replace(target)
    return target


def newest(folder: Path, store: Path, label: str = "backup") -> datetime | None:
    """The time stamped in the name of the newest backup of `store` in `folder` (UTC)."""
    pattern = f"{store.stem}-{label}-*{store.suffix or '.db'}"
    stamps = []
    for path in folder.glob(pattern):
        stamp = path.stem.rsplit("-", 1)[-1]
        try:
            stamps.append(datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC))
        except ValueError:
            continue
    return max(stamps, default=None)


def rotate(
    folder: Path, store: Path, label: str = "backup", keep: int = KEEP_BACKUPS
) -> list[Path]:
    """Delete all but the newest `keep` backups of `store` in `folder`; return the deleted ones."""
    pattern = f"{store.stem}-{label}-*{store.suffix or '.db'}"
    found = sorted(folder.glob(pattern))
    old = found[:-keep] if keep > 0 else found
    for path in old:
        path.unlink(missing_ok=True)
    return old
