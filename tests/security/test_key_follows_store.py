"""The keychain entry follows the store (its SQLCipher salt), not the path it lies at."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from leaddesk.security.keys import (
    SERVICE,
    StoreKey,
    legacy_entry_name,
    salt_entry_name,
    store_entry_name,
)
from leaddesk.services.desk import Desk
from leaddesk.store.store import open_store

PASSPHRASE = "correct horse battery staple"


def never_asked(new: bool) -> str:
    """A prompt that fails the test: the key must come from the keychain."""
    raise AssertionError("asked for a passphrase")


def make_store(path: Path) -> None:
    """A new keychain store at `path` with one person, closed."""
    desk = Desk.open(path, never_asked)
    desk.add_person("Ada Lovelace")
    desk.close()


def names(path: Path, prompt: Any = never_asked) -> list[str]:
    desk = Desk.open(path, prompt)
    try:
        return [p.name for p in desk.people()]
    finally:
        desk.close()


def test_a_new_store_is_filed_under_the_salt_it_was_made_with(
    store_path: Path, memory_keyring: Any
) -> None:
    make_store(store_path)
    salt = store_path.read_bytes()[:16]
    assert store_entry_name(store_path) == salt_entry_name(salt)
    [(service, name)] = memory_keyring.secrets
    assert (service, name) == (SERVICE, salt_entry_name(salt))
    assert str(store_path) not in name, "the entry does not depend on where the file lies"


def test_a_moved_store_opens_with_its_keychain_key(tmp_path: Path) -> None:
    first = tmp_path / "a" / "leaddesk.db"
    make_store(first)
    moved = tmp_path / "elsewhere" / "deeper" / "leaddesk.db"
    moved.parent.mkdir(parents=True)
    first.rename(moved)
    assert names(moved) == ["Ada Lovelace"]


def test_a_renamed_store_opens_with_its_keychain_key(tmp_path: Path) -> None:
    first = tmp_path / "leaddesk.db"
    make_store(first)
    renamed = first.with_name("team 2026.db")
    first.rename(renamed)
    assert names(renamed) == ["Ada Lovelace"]


def test_two_stores_have_two_entries(tmp_path: Path, memory_keyring: Any) -> None:
    make_store(tmp_path / "a.db")
    make_store(tmp_path / "b.db")
    assert store_entry_name(tmp_path / "a.db") != store_entry_name(tmp_path / "b.db")
    assert len(memory_keyring.secrets) == 2


def test_a_backup_keeps_the_salt_and_opens_in_place_with_the_same_key(
    store_path: Path, memory_keyring: Any
) -> None:
    desk = Desk.open(store_path, never_asked)
    desk.add_person("Ada Lovelace")
    desk.add_relationship_note(desk.people()[0].id, "still in the WAL")
    backup = desk.backup()  # VACUUM INTO, while the edits are still in the WAL
    desk.close()
    assert backup.read_bytes()[:16] == store_path.read_bytes()[:16]
    assert store_entry_name(backup) == store_entry_name(store_path)
    assert names(backup) == ["Ada Lovelace"]  # opened where it lies, in backups/
    assert len(memory_keyring.secrets) == 1, "no entry was made for the copy"


def test_a_restored_backup_opens_with_the_key_it_was_made_with(tmp_path: Path) -> None:
    store = tmp_path / "leaddesk.db"
    desk = Desk.open(store, never_asked)
    desk.add_person("Ada Lovelace")
    backup = desk.backup()
    desk.add_person("Later Person")
    desk.close()
    store.unlink()
    shutil.copyfile(backup, store)
    assert names(store) == ["Ada Lovelace"]


def test_a_passphrase_store_backup_keeps_the_salt_and_the_passphrase(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADDESK_PASSPHRASE", PASSPHRASE)
    desk = Desk.open(store_path)
    desk.add_person("Ada Lovelace")
    backup = desk.backup()
    desk.close()
    assert backup.read_bytes()[:16] == store_path.read_bytes()[:16]
    assert names(backup, lambda new: PASSPHRASE) == ["Ada Lovelace"]


# -- stores made before keys followed the salt ------------------------------------------------


def legacy_store(path: Path, memory_keyring: Any) -> str:
    """A store keyed the old way: a raw key (SQLCipher picks the salt), filed under the path."""
    raw = secrets.token_hex(32)
    store = open_store(path, StoreKey(raw, "keychain"))
    Desk(store).close()
    memory_keyring.set_password(SERVICE, legacy_entry_name(path), raw)
    return raw


def test_a_store_filed_under_its_path_still_opens_and_its_entry_is_copied_to_the_salt(
    store_path: Path, tmp_path: Path, memory_keyring: Any
) -> None:
    raw = legacy_store(store_path, memory_keyring)
    assert memory_keyring.get_password(SERVICE, store_entry_name(store_path)) is None
    desk = Desk.open(store_path, never_asked)
    desk.add_person("Ada Lovelace")
    desk.close()
    assert memory_keyring.get_password(SERVICE, store_entry_name(store_path)) == raw
    # The path entry stays for an older LeadDesk; from now on the store may move.
    assert memory_keyring.get_password(SERVICE, legacy_entry_name(store_path)) == raw
    moved = tmp_path / "moved.db"
    store_path.rename(moved)
    assert names(moved) == ["Ada Lovelace"]


def test_a_path_entry_left_by_another_store_does_not_lock_out_the_one_there_now(
    store_path: Path, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An old keychain store lay here; a passphrase store lies here now.
    memory_keyring.set_password(SERVICE, legacy_entry_name(store_path), secrets.token_hex(32))
    monkeypatch.setenv("LEADDESK_PASSPHRASE", PASSPHRASE)
    Desk.open(store_path).close()
    asked: list[bool] = []

    def prompt(new: bool) -> str:
        asked.append(new)
        return PASSPHRASE

    desk = Desk.open(store_path, prompt)
    assert desk.key_location().value == "passphrase"
    desk.close()
    assert asked == [False]
    assert memory_keyring.get_password(SERVICE, store_entry_name(store_path)) is None


def test_store_entry_name_is_none_where_there_is_no_store(tmp_path: Path) -> None:
    assert store_entry_name(tmp_path / "nothing.db") is None
    (tmp_path / "empty.db").write_bytes(b"")
    assert store_entry_name(tmp_path / "empty.db") is None


# -- the passphrase variable is not inherited ---------------------------------------------------


def child_sees(variable: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", f"import os; print(os.environ.get({variable!r}, '<unset>'))"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout.strip()


def test_the_passphrase_variable_is_removed_once_read(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADDESK_PASSPHRASE", PASSPHRASE)
    assert child_sees("LEADDESK_PASSPHRASE") == PASSPHRASE  # the check can see it at all
    desk = Desk.open(store_path)
    try:
        assert "LEADDESK_PASSPHRASE" not in os.environ
        assert child_sees("LEADDESK_PASSPHRASE") == "<unset>"
        assert desk.key_location().value == "passphrase"
    finally:
        desk.close()


def test_after_a_rekey_the_old_path_entry_no_longer_stands_for_the_file(
    store_path: Path, memory_keyring: Any
) -> None:
    raw = legacy_store(store_path, memory_keyring)
    desk = Desk.open(store_path, never_asked)
    old_entry = store_entry_name(store_path)
    desk.change_passphrase(PASSPHRASE)
    desk.close()
    assert memory_keyring.get_password(SERVICE, legacy_entry_name(store_path)) is None
    assert memory_keyring.get_password(SERVICE, old_entry) == raw  # backups made before
    assert names(store_path, lambda new: PASSPHRASE) == []
