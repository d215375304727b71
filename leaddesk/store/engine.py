"""The SQLAlchemy engine over SQLCipher: key first, then the pragmas, on every pooled connection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from leaddesk.security.keys import StoreKey
from leaddesk.store.errors import WrongKeyError

BUSY_TIMEOUT_MS = 10_000


def _wrong_key(path: Path) -> WrongKeyError:
    return WrongKeyError(
        f"Could not open {path}: the key or passphrase is wrong, or the file is not a LeadDesk "
        "store. The file was not changed."
    )


def connect(path: Path, key: StoreKey) -> Any:
    """One keyed SQLCipher connection; raises WrongKeyError before anything can write."""
    conn = sqlcipher.connect(str(path), check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {key.pragma_literal()}")
        # The first read decrypts page 1: a wrong key fails here, before any pragma writes.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError:
        conn.close()
        raise _wrong_key(path) from None
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def make_engine(path: Path, key: StoreKey, pool_size: int = 4) -> Engine:
    """An engine whose pooled connections are opened (and keyed) once, then reused."""
    engine = create_engine(
        "sqlite+pysqlite://",
        module=sqlcipher,
        creator=lambda: connect(path, key),
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
        conn.exec_driver_sql("BEGIN")

    return engine
