"""The SQLAlchemy engine over SQLCipher: key first, then the pragmas, on every pooled connection."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from leaddesk.security.keys import StoreKey, derive_key
from leaddesk.store import errors
from leaddesk.store.errors import StoreError, WrongKeyError

BUSY_TIMEOUT_MS = 10_000
# Execution option naming how a transaction begins: "DEFERRED" (reads) or "IMMEDIATE" (writes).
BEGIN_OPTION = "leaddesk_begin"


def _wrong_key(path: Path) -> WrongKeyError:
    return WrongKeyError(
        f"Could not open {path}: the key or passphrase is wrong, or the file is not a LeadDesk "
        "store. The file was not changed."
    )


def _open(path: Path, target: str, uri: bool = False) -> Any:
    try:
        return sqlcipher.connect(target, check_same_thread=False, uri=uri)
    except sqlcipher.Error as error:
        raise _environment_error(error, path) or errors.unreachable(path, writing=False) from None


# The first free bytes below which a failed write is taken for a full disk.
NEARLY_FULL = 256 * 1024


def _environment_error(error: BaseException, path: Path) -> StoreError | None:
    """What a failure to open or read `path` says about its surroundings (not the key)."""
    code = errors.sqlite_code(error)
    if code == errors.SQLITE_IOERR or code == errors.SQLITE_FULL:
        try:
            if shutil.disk_usage(path.parent).free < NEARLY_FULL:
                return errors.disk_full(path)
        except OSError:
            pass
    if code == errors.SQLITE_CANTOPEN:
        return errors.unreachable(path, writing=False)
    return errors.translate(error, path)


def _unlock(conn: Any, path: Path, key: StoreKey) -> None:
    """Key `conn` and read page 1; on failure close it and say why (never with the secret).

    Only "not a database" means the key is wrong: a read-only folder, a full disk or another
    writer is said as such, so nobody retypes a right passphrase or deletes a good store.
    """
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        # Before the first read, so a store busy in another process is waited for, not misread.
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute(f"PRAGMA key = {key.pragma_literal()}")
        # The first read decrypts page 1: a wrong key fails here, before any pragma writes.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except (sqlcipher.Error, sqlcipher.Warning) as error:
        conn.close()
        if errors.sqlite_code(error) != errors.SQLITE_NOTADB:
            found = _environment_error(error, path)
            if found is not None and not isinstance(found, errors.StoreDamagedError):
                raise found from None
        failing = _failing_pages(path, key)
        if failing:
            raise errors.StoreDamagedError(
                f"{path} is damaged; LeadDesk will not write into it.", failing, None
            ) from None
        # Any other message could quote part of a malformed key: none is passed on.
        raise _wrong_key(path) from None


def _failing_pages(path: Path, key: StoreKey) -> list[str]:
    """Pages failing their HMAC when only some do: the key is right and the file is damaged.

    A wrong key fails every page, so an empty list means "wrong key (or not a store)".
    """
    try:
        conn = sqlcipher.connect(Path(path).resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    except sqlcipher.Error:
        return []
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {key.pragma_literal()}")
        failing = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
        pages = path.stat().st_size // PAGE_SIZE
    except (sqlcipher.Error, OSError):
        return []
    finally:
        conn.close()
    return failing if 0 < len(failing) < pages else []


PAGE_SIZE = 4096  # SQLCipher 4's default


def connect_readonly(path: Path, key: StoreKey) -> Any:
    """A keyed connection that cannot write: not the file, and not its WAL (no checkpoint).

    Without a WAL beside the file (no other connection is open, none crashed) it is opened
    immutable, so even the empty -wal and -shm a read-only reader would create stay away.
    """
    wal = path.with_name(path.name + "-wal")
    mode = "?mode=ro" if wal.exists() else "?mode=ro&immutable=1"
    conn = _open(path, Path(path).resolve().as_uri() + mode, uri=True)
    _unlock(conn, path, key)
    return conn


def check_key(path: Path, key: StoreKey) -> None:
    """Raise WrongKeyError unless `key` opens the existing store, on a read-only connection.

    Needed where a WAL is present (after a crash or while another process has the store open):
    a read-write connection with a wrong key would still checkpoint that WAL into the file as it
    closes, changing a file it could not read.
    """
    connect_readonly(path, key).close()


def connect_read_only(path: Path, key: StoreKey) -> Any:
    """A keyed connection that cannot write: to inspect a backup without touching it."""
    conn = _open(path, Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    _unlock(conn, path, key)
    return conn


def connect(path: Path, key: StoreKey) -> Any:
    """One keyed SQLCipher connection; raises WrongKeyError before anything can write."""
    conn = _open(path, str(path))
    _unlock(conn, path, key)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    except sqlcipher.Error as error:
        conn.close()
        raise _environment_error(error, path) or errors.unreachable(path) from None
    return conn


def make_engine(path: Path, key: StoreKey, pool_size: int = 4) -> Engine:
    """An engine whose pooled connections are opened (and keyed) once, then reused.

    With a passphrase, the first connection proves it; the raw key is then derived once so the
    other connections (worker threads) skip SQLCipher's ~0.2 s key derivation.
    """
    current = [key]

    def create() -> Any:
        conn = connect(path, current[0])
        if current[0].source == "passphrase":
            derived = derive_key(current[0], path)
            if derived is not None:
                current[0] = derived
        return conn

    engine = create_engine(
        "sqlite+pysqlite://",
        module=sqlcipher,
        creator=create,
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=4,
        # The SQL parameters of a failed statement (a note's text) stay out of its message.
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def _no_pysqlite_autobegin(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN itself so transactions are explicit (pysqlite's quirk).
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers take the write lock up front, waiting for another writer up to busy_timeout:
        # a deferred transaction that reads, then writes after another connection committed,
        # fails at once with "database is locked", which no busy timeout can help.
        mode = conn.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        if mode not in ("DEFERRED", "IMMEDIATE"):
            raise ValueError(f"Unknown transaction mode {mode!r}.")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine
