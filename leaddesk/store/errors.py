"""Errors of opening and keeping the store, each with a message for the user.

`translate` turns what SQLite or the file system raised into one of them. SQLite's message is
never passed on: SQLAlchemy's text of an error carries the SQL and its parameters (a note's text),
and the driver's own words are not written for the user.
"""

from __future__ import annotations

import errno
from pathlib import Path

from leaddesk.domain.errors import UserError


class StoreError(UserError):
    """The store cannot be used as asked; the file is left as it was."""


class WrongKeyError(StoreError):
    """The key or passphrase does not open this file (or it is not a LeadDesk store)."""


class NewerStoreError(StoreError):
    """The store was written by a newer LeadDesk; this version refuses to touch it."""


class StoreUnreachableError(StoreError):
    """The file or its folder cannot be read or written (read-only, permissions, disk error)."""


class StoreBusyError(StoreError):
    """Another LeadDesk or program kept the store's write lock past the busy timeout."""


class DiskFullError(StoreError):
    """The disk (or the user's quota) is full; nothing was saved."""


class EmptyStoreFileError(StoreError):
    """The store file exists but holds nothing (0 bytes): it is not silently made a new store."""


class StoreDamagedError(StoreError):
    """The store's pages fail their checks; LeadDesk will not write into it."""

    def __init__(self, message: str, problems: list[str], backup: Path | None) -> None:
        super().__init__(message)
        self.problems = problems
        self.backup = backup


# SQLite's primary result codes (the low byte of an extended code).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26
_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}
_DENIED_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def sqlite_code(error: BaseException) -> int | None:
    """SQLite's primary result code behind `error` (unwrapping SQLAlchemy), if it has one."""
    original = getattr(error, "orig", None) or error
    code = getattr(original, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def busy(path: Path) -> StoreBusyError:
    """Another writer held the lock for longer than LeadDesk waits."""
    return StoreBusyError(
        f"{path} is busy: another LeadDesk or program is writing to it. Nothing was saved; "
        "try again in a moment."
    )


def disk_full(where: Path) -> DiskFullError:
    """The disk holding `where` is full."""
    return DiskFullError(
        f"The disk holding {where} is full, so nothing was saved. Free some space and try again."
    )


def unreachable(path: Path, writing: bool = True) -> StoreUnreachableError:
    """A read-only or forbidden file or folder (not a wrong key)."""
    if writing:
        return StoreUnreachableError(
            f"LeadDesk cannot write to {path}: it or its folder is read-only or not yours to "
            "change. Nothing was written; use a writable folder, or fix the permissions."
        )
    return StoreUnreachableError(
        f"LeadDesk cannot open {path}: the file or its folder is read-only or not yours to "
        "change (LeadDesk writes beside its store even to read it). Copy it to a writable "
        "folder, or fix the permissions."
    )


def io_error(path: Path) -> StoreError:
    """The disk reported an error reading or writing."""
    return StoreError(
        f"The disk reported an error on {path}; nothing was saved. Check the disk, then run "
        f"`leaddesk check --db {path}`."
    )


def translate(error: BaseException, path: Path) -> StoreError | None:
    """The StoreError a user should see for `error` raised while using the store at `path`.

    None when it is not an environment failure (a bug: the caller logs it as a fault).
    """
    if isinstance(error, StoreError):
        return error
    if isinstance(error, OSError) and not hasattr(error, "sqlite_errorcode"):
        target = Path(error.filename) if error.filename else path
        if error.errno in _FULL_ERRNOS:
            return disk_full(target)
        if error.errno in _DENIED_ERRNOS:
            return unreachable(target)
        if error.errno == errno.EIO:
            return io_error(target)
        return None
    code = sqlite_code(error)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return busy(path)
    if code == SQLITE_FULL:
        return disk_full(path)
    if code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN):
        return unreachable(path)
    if code == SQLITE_IOERR:
        return io_error(path)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return StoreDamagedError(
            f"{path} is damaged; nothing was saved. Run `leaddesk check --db {path}` and "
            "restore a backup (`leaddesk restore BACKUP`).",
            ["SQLite reports the file is damaged"],
            None,
        )
    return None
