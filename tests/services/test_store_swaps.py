"""Rekey and restore replace the store file under an open Desk: meanwhile nothing else may reach
it (a write would land in a file losing its name and damage the new one), a lock that comes
meanwhile holds, and backups made before a key change still open with the key they were made
with."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import leaddesk.store.rekey as rekey_module
import leaddesk.store.restore as restore_module
from leaddesk.services.desk import Desk
from leaddesk.services.errors import StoreLockedError


def during(
    monkeypatch: pytest.MonkeyPatch, module: Any, name: str, act: Callable[[], None]
) -> None:
    """Run `act` in another thread (as the window's saves run) while `module.name` runs."""
    original = getattr(module, name)

    def hooked(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        worker = threading.Thread(target=act)
        worker.start()
        worker.join(timeout=30)
        return result

    monkeypatch.setattr(module, name, hooked)


def test_a_save_during_a_rekey_is_refused_and_the_store_stays_whole(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(20):
        desk.add_person(f"Person {i:02d}")
    outcome: list[str] = []

    def save() -> None:
        try:
            desk.add_person("Written during the rekey")
            outcome.append("acknowledged")
        except StoreLockedError as error:
            outcome.append(str(error))

    during(monkeypatch, rekey_module, "_export", save)
    desk.change_passphrase("a new passphrase")
    assert outcome == ["The store's key is being changed: try again in a moment."]
    assert desk.integrity_problems() == []
    assert len(desk.people()) == 20
    desk.add_person("After the rekey")  # the Desk carries on with the new key
    assert len(desk.people()) == 21


def test_a_save_during_a_restore_is_refused_and_the_store_stays_whole(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk.add_person("Ada Lovelace")
    made = desk.backup()
    desk.add_person("Grace Hopper")
    outcome: list[str] = []

    def save() -> None:
        try:
            desk.add_person("Written during the restore")
            outcome.append("acknowledged")
        except StoreLockedError as error:
            outcome.append(str(error))

    during(monkeypatch, restore_module, "keep_current", save)
    desk.restore_backup(made)
    assert outcome == ["A backup is being restored: try again in a moment."]
    assert desk.integrity_problems() == []
    assert [p.name for p in desk.people()] == ["Ada Lovelace"]


def test_a_lock_during_a_rekey_holds_and_unlock_takes_the_new_passphrase(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk.add_person("Ada Lovelace")
    during(monkeypatch, rekey_module, "_export", desk.lock)
    desk.change_passphrase("the new passphrase")
    assert desk.locked
    assert desk.store.key is None  # not reopened behind the lock
    with pytest.raises(StoreLockedError):
        desk.people()
    assert desk.unlock_with() == "passphrase"
    desk.unlock("the new passphrase")
    assert [p.name for p in desk.people()] == ["Ada Lovelace"]


def test_backups_made_before_a_key_change_open_and_restore_with_their_own_key(
    desk: Desk,
) -> None:
    desk.add_person("Ada Lovelace")
    before = desk.backup()  # under the keychain key
    desk.add_person("Grace Hopper")
    desk.change_passphrase("a passphrase now")
    summary = desk.backup_summary(before)
    assert summary.people == 1
    desk.restore_backup(before)
    assert [p.name for p in desk.people()] == ["Ada Lovelace"]
    assert desk.unlock_with() != "passphrase"  # the restored file opens with its keychain key
    desk.lock()
    desk.unlock("")
    assert [p.name for p in desk.people()] == ["Ada Lovelace"]
    assert any(b.kind == "pre-restore" for b in desk.backups())


def test_unlock_with_a_nul_in_the_passphrase_is_just_wrong(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring
    from keyring.backends import fail

    from leaddesk.services.errors import WrongUnlockSecretError

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    monkeypatch.setenv("LEADDESK_PASSPHRASE", "the right passphrase")
    desk = Desk.open(tmp_path / "p.db")
    desk.lock()
    for typed in ("with\x00nul", "lone \ud800 surrogate"):
        with pytest.raises(WrongUnlockSecretError):
            desk.unlock(typed)
    desk.unlock("the right passphrase")
    desk.close()
