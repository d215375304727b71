"""Locking closes the store and drops every cache; only the user's secret opens it again."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.memory_keyring import MemoryKeyring

from leaddesk.domain.promises import PromiseDirection
from leaddesk.security.unlock_pin import PIN_SUFFIX, UnlockPinError
from leaddesk.services.desk import Desk
from leaddesk.services.errors import StoreLockedError, WrongUnlockSecretError


def test_locked_desk_reads_and_writes_nothing(desk: Desk) -> None:
    ada = desk.add_person("Ada Lovelace")
    desk.lock()
    assert desk.locked
    with pytest.raises(StoreLockedError, match="unlock it"):
        desk.people()
    with pytest.raises(StoreLockedError):
        desk.add_promise(ada, PromiseDirection.MINE, "Send the intro")
    desk.unlock()
    assert [p.name for p in desk.people()] == ["Ada Lovelace"]


def test_lock_drops_the_read_caches_and_the_engine(desk: Desk) -> None:
    ada = desk.add_person("Ada Lovelace")
    desk.person_overview(ada)
    desk.team_overview()
    engine = desk.store.engine
    desk.lock()
    assert desk._cache == {} and desk._evidence == {} and desk._folds == {}
    assert desk.store.engine is not engine  # the keyed engine is gone with its connections
    assert engine.pool.checkedin() == 0


def test_keychain_store_without_pin_unlocks_with_nothing(desk: Desk) -> None:
    assert desk.unlock_with() == "nothing"
    desk.lock()
    desk.unlock("")
    assert not desk.locked


def test_keychain_store_with_pin_needs_the_pin(desk: Desk, memory_keyring: MemoryKeyring) -> None:
    desk.set_unlock_pin("4711")
    stored = [v for (_s, user), v in memory_keyring.secrets.items() if user.endswith(PIN_SUFFIX)]
    assert len(stored) == 1 and "4711" not in stored[0] and stored[0].startswith("scrypt$")
    assert desk.unlock_with() == "pin"
    desk.lock()
    with pytest.raises(WrongUnlockSecretError, match="not your unlock PIN"):
        desk.unlock("1234")
    with pytest.raises(WrongUnlockSecretError):
        desk.unlock("")
    assert desk.locked
    desk.unlock("4711")
    assert not desk.locked and list(desk.people()) == []


def test_pin_rules_and_removal(desk: Desk) -> None:
    with pytest.raises(UnlockPinError, match="4 to 256 characters"):
        desk.set_unlock_pin("12")
    desk.set_unlock_pin("2468")
    with pytest.raises(WrongUnlockSecretError, match="it was kept"):
        desk.clear_unlock_pin("0000")
    assert desk.has_unlock_pin()
    desk.clear_unlock_pin("2468")
    assert not desk.has_unlock_pin() and desk.unlock_with() == "nothing"


def test_passphrase_store_unlocks_only_with_its_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    monkeypatch.setenv("LEADDESK_PASSPHRASE", "the right passphrase")
    desk = Desk.open(tmp_path / "p.db")
    monkeypatch.delenv("LEADDESK_PASSPHRASE", raising=False)
    desk.add_person("Grace Hopper")
    assert desk.unlock_with() == "passphrase"
    with pytest.raises(Exception, match="needs no PIN"):
        desk.set_unlock_pin("1234")
    desk.lock()
    with pytest.raises(WrongUnlockSecretError, match="does not open this store"):
        desk.unlock("a wrong passphrase")
    with pytest.raises(WrongUnlockSecretError):
        desk.unlock("")
    assert desk.locked
    desk.unlock("the right passphrase")
    assert [p.name for p in desk.people()] == ["Grace Hopper"]
    desk.close()


def test_a_demo_store_unlocks_with_its_in_memory_key(tmp_path: Path) -> None:
    desk = Desk.open_throwaway(tmp_path / "demo.db")
    desk.add_person("Katherine Johnson")
    desk.lock()
    desk.unlock()
    assert [p.name for p in desk.people()] == ["Katherine Johnson"]
    desk.close()
