"""Changing a store's key atomically: an encrypted copy under the new key, renamed over the store.

A SIGKILL (or power cut) at any moment leaves a store that opens with the old key or the new
one, never neither, and no plaintext copy anywhere. The steps, and why this order:

1. One connection to the store in EXCLUSIVE locking mode, set before its first read, so it takes
   an exclusive lock on the file: it fails (busy) while any other connection, in this process
   or another, has the store open, and keeps everyone else out until the very end. Nobody can
   write to the old file after it was copied, nor leave a WAL of it behind.
2. `wal_checkpoint(TRUNCATE)`: everything committed is now in the main file and the WAL is
   empty. A kill here is an ordinary interrupted checkpoint: SQLite recovers, old key.
3. `ATTACH` a new, empty 0600 file beside the store with the new key, `sqlcipher_export` into
   it, `DETACH`; check that it opens with the new key and passes `integrity_check`; fsync it.
   SQLCipher encrypts every page it writes, also those of the copy's rollback journal, and
   temporary tables are kept in memory (`temp_store`), so nothing is ever written in clear.
   A kill leaves the old store untouched plus a stray `.rekey` file, removed by the next try.
4. When the new key is a keychain key, it is already in the keychain (the caller put it there
   before step 1): once the copy takes the store's name, its key must be findable.
5. Remove the store's `-shm` and its now empty `-wal`. They must not survive the rename: a
   WAL beside the new file would be replayed into it (SQLite checks the WAL's own checksums,
   not which file it belongs to), turning pages into ones encrypted with the old key. Since
   step 2 emptied the WAL, removing it loses nothing; a kill before the rename leaves the old
   store complete in its main file.
6. `os.replace` the copy over the store (atomic), then fsync the folder so the rename
   survives a power cut. From here on the store opens with the new key only.
7. Close the old connection last: its file no longer has a name, and it holds no WAL content
   that could be written anywhere.

One more hazard: a program that opened the store's path while the rekey held it would wait on
the old file's lock and, once it is released, read and write a file that no longer has a name,
through the `-wal`/`-shm` names that now belong to the new file. So LeadDesk opens a store
inside `key_change_guard` (shared), and a rekey runs inside it (exclusive): an open waits
until the rekey is done, then opens whatever file has the name.

Old keychain entries are kept: backups made before the change still need the old key.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from leaddesk.security.keys import StoreKey
from leaddesk.store.errors import StoreError, WrongKeyError

BUSY_TIMEOUT_MS = 2_000
GUARD_TIMEOUT_S = 60.0

try:
    import fcntl
except ImportError:  # Windows: a file open elsewhere cannot be renamed over there anyway
    fcntl = None  # type: ignore[assignment]
REKEY_SUFFIX = ".rekey"
SIDE_FILES = ("-shm", "-wal")


@contextlib.contextmanager
def key_change_guard(store: Path, exclusive: bool = False) -> Iterator[None]:
    """Opening a store (shared) waits while its key is being changed (exclusive), and back.

    An advisory lock on the store's folder, so no lock file is left beside the store; where
    the folder cannot be locked (read-only media, Windows) there is no guard and no wait.
    """
    if fcntl is None:
        yield
        return
    try:
        fd = os.open(Path(store).parent, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        deadline = time.monotonic() + GUARD_TIMEOUT_S
        while True:
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StoreError(
                        f"{store} is busy: its key is being changed. Try again in a moment."
                    ) from None
                time.sleep(0.02)
            except OSError:
                break  # a file system without locks: no guard
        yield
    finally:
        os.close(fd)  # releases the lock


def rekey_file(store: Path) -> Path:
    """Where the copy under the new key is built: beside the store, same folder (same disk)."""
    return store.with_name(f".{store.name}{REKEY_SUFFIX}")


def remove_leftovers(store: Path) -> None:
    """Remove what an interrupted rekey left: a partial copy (always encrypted) and its journal."""
    copy = rekey_file(store)
    for leftover in (copy, copy.with_name(copy.name + "-journal")):
        leftover.unlink(missing_ok=True)


def _exclusive(store: Path, key: StoreKey) -> Any:
    """A connection holding the store's file exclusively, or a StoreError if others have it."""
    try:
        conn = sqlcipher.connect(str(store), check_same_thread=False, isolation_level=None)
    except sqlcipher.Error:
        raise StoreError(f"Could not open {store} to change its key.") from None
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")  # before the first read: see step 1
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"PRAGMA key = {key.pragma_literal()}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")
    except (sqlcipher.Error, sqlcipher.Warning) as error:
        conn.close()
        name = str(getattr(error, "sqlite_errorname", ""))
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            raise StoreError(
                f"{store} is open in another LeadDesk window or command: close it and try "
                "again. The key was not changed."
            ) from None
        raise WrongKeyError(
            f"Could not open {store} with its current key. The key was not changed."
        ) from None
    return conn


def _export(conn: Any, copy: Path, new_key: StoreKey) -> None:
    # Created empty and private first: SQLite would make it with the umask's permissions.
    os.close(os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    # The key goes in as a bound value: a raw key "x'…'" is recognised as such, a passphrase
    # is taken as it is, with no quoting to get wrong.
    attach_key = f"x'{new_key.secret}'" if new_key.source != "passphrase" else new_key.secret
    conn.execute("ATTACH DATABASE ? AS rekeyed KEY ?", (str(copy), attach_key))
    try:
        conn.execute("SELECT sqlcipher_export('rekeyed')")
    finally:
        conn.execute("DETACH DATABASE rekeyed")


def _verify(copy: Path, new_key: StoreKey) -> None:
    """The copy opens with the new key and is whole, or the rekey stops before the rename."""
    conn = sqlcipher.connect(str(copy), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {new_key.pragma_literal()}")
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    except (sqlcipher.Error, sqlcipher.Warning):
        rows = ["unreadable"]
    finally:
        conn.close()
    if rows != ["ok"]:
        raise StoreError("The copy under the new key did not verify; the key was not changed.")


def _remove_side_files(store: Path) -> None:
    """Step 5: the WAL is empty (checkpointed) and nobody else has the file open."""
    for end in SIDE_FILES:
        store.with_name(store.name + end).unlink(missing_ok=True)


def _fsync(path: Path, directory: bool = False) -> None:
    flags = os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        if directory:
            return  # Windows cannot open a folder; its rename is durable on its own
        raise
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def rekey(store: Path, old_key: StoreKey, new_key: StoreKey) -> None:
    """Re-encrypt the (closed) store at `store` from `old_key` to `new_key`, atomically.

    Every connection to the store must be closed first (this one needs it exclusively). A new
    keychain key must already be in the keychain. Raises a StoreError (file unchanged) when the
    store is open elsewhere, the old key is wrong, or the disk refuses the copy.
    """
    store = Path(store)
    with key_change_guard(store, exclusive=True):
        _rekey(store, old_key, new_key)


def _rekey(store: Path, old_key: StoreKey, new_key: StoreKey) -> None:
    copy = rekey_file(store)
    remove_leftovers(store)
    conn = _exclusive(store, old_key)
    try:
        try:
            busy, _frames, _moved = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if busy:
                raise StoreError(f"{store} is busy: try again. The key was not changed.")
            _export(conn, copy, new_key)
            _verify(copy, new_key)
            _fsync(copy)
            _remove_side_files(store)
            os.replace(copy, store)
        except (sqlcipher.Error, OSError) as error:
            remove_leftovers(store)
            reason = getattr(error, "strerror", None) or "the copy could not be written"
            # sqlcipher_export reports a full disk as a plain SQLITE_ERROR: only its text says so.
            if "disk is full" in str(error) or getattr(error, "errno", None) == errno.ENOSPC:
                reason = "the disk is full (the copy needs as much room as the store)"
            raise StoreError(
                f"Could not change the key of {store}: {reason}. The key was not changed."
            ) from None
        except BaseException:
            remove_leftovers(store)
            raise
    finally:
        with contextlib.suppress(sqlcipher.Error):
            conn.close()
    with contextlib.suppress(OSError):  # the rename is done; only its durability is at stake
        _fsync(store.parent, directory=True)
