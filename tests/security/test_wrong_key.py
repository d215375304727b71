"""A wrong key or passphrase is reported clearly, never shows a secret, and touches no file."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import traceback
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from leaddesk.security.keys import SERVICE, StoreKey, entry_name
from leaddesk.services.desk import Desk
from leaddesk.store.errors import WrongKeyError
from leaddesk.store.models import Person
from leaddesk.store.store import open_store

RIGHT = "correct horse battery staple"
WRONG = "wrong horse battery staple"


def snapshot(store: Path) -> dict[str, str]:
    """SHA-256 of the store and of its WAL when there is one: what 'unchanged' means.

    The -shm file is left out: it is SQLite's shared-memory index, rebuilt from the WAL, and
    every reader writes its read marks there.
    """
    files = [store, store.with_name(store.name + "-wal")]
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files if p.exists()}


def assert_clear_and_secret_free(error: BaseException, *secrets: str) -> None:
    message = str(error)
    assert "\n" not in message
    assert "key or passphrase is wrong" in message
    assert "not changed" in message
    everything = "".join(traceback.format_exception(error)) + repr(error)
    for secret in secrets:
        assert secret not in everything


@pytest.fixture
def passphrase_store(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A closed store created with LEADDESK_PASSPHRASE=RIGHT holding one person."""
    monkeypatch.setenv("LEADDESK_PASSPHRASE", RIGHT)
    desk = Desk.open(store_path)
    desk.add_person("Ada Lovelace")
    desk.close()
    return store_path


def test_wrong_passphrase_is_refused_and_the_file_untouched(
    passphrase_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(passphrase_store)
    assert list(before) == ["leaddesk.db"], "closed cleanly: no WAL left"
    monkeypatch.setenv("LEADDESK_PASSPHRASE", WRONG)
    with pytest.raises(WrongKeyError) as caught:
        Desk.open(passphrase_store)
    assert_clear_and_secret_free(caught.value, RIGHT, WRONG)
    assert snapshot(passphrase_store) == before
    assert sorted(os.listdir(passphrase_store.parent)) == ["leaddesk.db"]

    monkeypatch.setenv("LEADDESK_PASSPHRASE", RIGHT)
    desk = Desk.open(passphrase_store)
    try:
        assert [p.name for p in desk.people()] == ["Ada Lovelace"]
    finally:
        desk.close()


def test_wrong_passphrase_while_the_store_is_open_leaves_store_and_wal_alone(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADDESK_PASSPHRASE", RIGHT)
    desk = Desk.open(store_path)
    try:
        desk.add_person("Ada Lovelace")
        before = snapshot(store_path)
        assert "leaddesk.db-wal" in before
        monkeypatch.setenv("LEADDESK_PASSPHRASE", WRONG)
        with pytest.raises(WrongKeyError) as caught:
            Desk.open(store_path)
        assert_clear_and_secret_free(caught.value, RIGHT, WRONG)
        assert snapshot(store_path) == before
        assert [p.name for p in desk.people()] == ["Ada Lovelace"]
    finally:
        desk.close()


def test_wrong_key_on_a_store_left_with_a_wal_by_a_crash_keeps_the_wal(
    store_path: Path, tmp_path: Path, memory_keyring: Any
) -> None:
    # A read-write connection, even one that cannot decrypt a page, checkpoints a WAL it finds
    # into the store as it closes: the file would change under a wrong key.
    desk = Desk.open(store_path)
    try:
        desk.add_person("Ada Lovelace")
        crashed = tmp_path / "crashed"
        crashed.mkdir()
        for name in ("leaddesk.db", "leaddesk.db-wal"):  # the files as a power cut leaves them
            shutil.copyfile(store_path.with_name(name), crashed / name)
    finally:
        desk.close()
    copy = crashed / "leaddesk.db"
    secret = memory_keyring.get_password(SERVICE, entry_name(store_path))
    before = snapshot(copy)
    assert list(before) == ["leaddesk.db", "leaddesk.db-wal"]
    with pytest.raises(WrongKeyError) as caught:
        open_store(copy, StoreKey("ab" * 32, "keychain"))
    assert_clear_and_secret_free(caught.value, "ab" * 32, secret)
    assert snapshot(copy) == before

    store = open_store(copy, StoreKey(secret, "keychain"))
    try:
        with store.session() as session:
            assert session.scalar(select(Person.name)) == "Ada Lovelace"
    finally:
        store.close()


def test_replaced_keychain_entry_is_refused_and_entry_kept(
    store_path: Path, memory_keyring: Any
) -> None:
    Desk.open(store_path).close()
    other = "5a" * 32
    memory_keyring.set_password(SERVICE, entry_name(store_path), other)
    before = snapshot(store_path)
    with pytest.raises(WrongKeyError) as caught:
        Desk.open(store_path)
    assert_clear_and_secret_free(caught.value, other)
    assert snapshot(store_path) == before
    # The entry belongs to an existing store: a failed open must not delete it.
    assert memory_keyring.get_password(SERVICE, entry_name(store_path)) == other


def test_garbled_keychain_entry_is_a_wrong_key_not_a_crash(
    store_path: Path, memory_keyring: Any
) -> None:
    Desk.open(store_path).close()
    garbled = "not hex\"'; PRAGMA rekey = 'x"
    memory_keyring.set_password(SERVICE, entry_name(store_path), garbled)
    before = snapshot(store_path)
    with pytest.raises(WrongKeyError) as caught:
        Desk.open(store_path)
    assert_clear_and_secret_free(caught.value, garbled)
    assert snapshot(store_path) == before


def test_passphrase_store_is_not_opened_by_a_raw_key_and_vice_versa(
    passphrase_store: Path, tmp_path: Path
) -> None:
    before = snapshot(passphrase_store)
    with pytest.raises(WrongKeyError):
        open_store(
            passphrase_store, StoreKey(hashlib.sha256(RIGHT.encode()).hexdigest(), "keychain")
        )
    assert snapshot(passphrase_store) == before


def test_random_bytes_file_is_refused_untouched(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(8192))
    before = snapshot(junk)
    with pytest.raises(WrongKeyError) as caught:
        open_store(junk, StoreKey("ab" * 32, "keychain"))
    assert_clear_and_secret_free(caught.value, "ab" * 32)
    assert snapshot(junk) == before
    assert os.listdir(tmp_path) == ["junk.db"]


def test_plaintext_sqlite_database_is_refused_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = tmp_path / "other-app.db"
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE note (text TEXT)")
        conn.execute("INSERT INTO note VALUES ('someone else''s data')")
    conn.close()
    before = snapshot(plain)
    monkeypatch.setenv("LEADDESK_PASSPHRASE", RIGHT)
    with pytest.raises(WrongKeyError, match="not a LeadDesk store") as caught:
        Desk.open(plain)
    assert_clear_and_secret_free(caught.value, RIGHT)
    assert snapshot(plain) == before
    assert os.listdir(tmp_path) == ["other-app.db"]
