"""The engine over SQLCipher: keyed, durable pragmas on every pooled connection, reused."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import event

from leaddesk.security.keys import StoreKey
from leaddesk.services.desk import Desk
from leaddesk.store import engine as store_engine
from leaddesk.store.errors import StoreError, WrongKeyError
from leaddesk.store.store import Store, open_store


@pytest.fixture
def key() -> StoreKey:
    """A raw keychain-style key: no key derivation, so opening is fast."""
    return StoreKey(secrets.token_hex(32), "keychain")


@pytest.fixture
def store(store_path: Path, key: StoreKey) -> Iterator[Store]:
    opened = open_store(store_path, key)
    yield opened
    opened.close()


def pragma(conn: Any, name: str) -> Any:
    return conn.exec_driver_sql(f"PRAGMA {name}").scalar()


def test_every_pooled_connection_has_the_durable_pragmas(desk: Desk) -> None:
    engine = desk.store.engine
    with ExitStack() as stack:
        # Held at once, so the pool must open (and key) four distinct connections.
        conns = [stack.enter_context(engine.connect()) for _ in range(4)]
        assert len({id(c.connection.dbapi_connection) for c in conns}) == 4
        for conn in conns:
            assert pragma(conn, "foreign_keys") == 1
            assert pragma(conn, "journal_mode") == "wal"
            assert pragma(conn, "synchronous") == 2  # FULL: a commit survives power loss
            assert pragma(conn, "busy_timeout") == store_engine.BUSY_TIMEOUT_MS > 0


def test_foreign_keys_are_enforced(store: Store) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), store.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO promise (person_id, direction, text, made_on, state) "
            "VALUES (999, 'mine', 'orphan', '2026-11-25', 'open')"
        )


def test_connections_are_opened_once_and_reused(desk: Desk) -> None:
    # Keying a connection costs a key derivation with a passphrase: never one per operation.
    opened: list[object] = []
    event.listen(desk.store.engine, "connect", lambda conn, record: opened.append(conn))
    for i in range(20):
        person = desk.add_person(f"Person {i}")
        assert desk.person(person).name == f"Person {i}"
    desk.counts()
    assert opened == []


def test_session_rolls_back_on_error(store: Store) -> None:
    with pytest.raises(RuntimeError), store.session() as session:
        session.connection().exec_driver_sql("INSERT INTO setting VALUES ('k', 'v')")
        raise RuntimeError("undo it")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM setting").scalar() == 0


def test_store_busy_in_another_process_is_not_called_a_wrong_key(
    store_path: Path, key: StoreKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_store(store_path, key).close()
    holder = sqlcipher.connect(str(store_path), isolation_level=None)
    try:
        holder.execute(f"PRAGMA key = {key.pragma_literal()}")
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("INSERT INTO setting VALUES ('held', 'by another program')")
        monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_MS", 50)
        with pytest.raises(StoreError, match="busy") as caught:
            open_store(store_path, key)
        assert not isinstance(caught.value, WrongKeyError)
    finally:
        holder.close()
    open_store(store_path, key).close()


def test_file_that_cannot_be_opened_is_a_store_error_not_a_wrong_key(
    store_path: Path, key: StoreKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise sqlcipher.OperationalError("unable to open database file")

    monkeypatch.setattr(sqlcipher, "connect", refuse)
    with pytest.raises(StoreError, match="cannot open") as caught:
        open_store(store_path, key)
    assert not isinstance(caught.value, WrongKeyError)
