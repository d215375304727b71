"""The SQLAlchemy engine over SQLCipher: key first, then the pragmas, on every pooled connection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from leaddesk.security.keys import StoreKey, derive_key
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
        raise StoreError(f"Could not open {path}: {error}.") from None


def _unlock(conn: Any, path: Path, key: StoreKey) -> None:
    """Key `conn` and read page 1; on failure close it and say why (never with the secret)."""
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        # Before the first read, so a store busy in another process is waited for, not misread.
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute(f"PRAGMA key = {key.pragma_literal()}")
        # The first read decrypts page 1: a wrong key fails here, before any pragma writes.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except (sqlcipher.Error, sqlcipher.Warning) as error:
        conn.close()
        name = str(getattr(error, "sqlite_errorname", ""))
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            raise StoreError(
                f"Could not open {path}: another program keeps it busy. Try again in a moment."
            ) from None
        # Any other message could quote part of a malformed key: none is passed on.
        raise _wrong_key(path) from None


def check_key(path: Path, key: StoreKey) -> None:
    """Raise WrongKeyError unless `key` opens the existing store, on a read-only connection.

    Needed where a WAL is present (after a crash or while another process has the store open):
    a read-write connection with a wrong key would still checkpoint that WAL into the file as it
    closes, changing a file it could not read.
    """
    conn = _open(path, Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    _unlock(conn, path, key)
    conn.close()


def connect_read_only(path: Path, key: StoreKey) -> Any:
    """A keyed connection that cannot write: to inspect a backup without touching it."""
    conn = _open(path, Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    _unlock(conn, path, key)
    return conn


def connect(path: Path, key: StoreKey) -> Any:
    """One keyed SQLCipher connection; raises WrongKeyError before anything can write."""
    conn = _open(path, str(path))
    _unlock(conn, path, key)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
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
