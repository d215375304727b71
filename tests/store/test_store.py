"""Opening a store file: where it may live, and what a failed open leaves behind."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

import pytest

from leaddesk.security.keys import StoreKey
from leaddesk.services.desk import Desk
from leaddesk.store import migrate
from leaddesk.store.errors import StoreError
from leaddesk.store.store import open_store


@pytest.fixture
def key() -> StoreKey:
    """A raw keychain-style key: no key derivation, so opening is fast."""
    return StoreKey(secrets.token_hex(32), "keychain")


def test_store_path_that_is_a_folder_is_refused(tmp_path: Path, key: StoreKey) -> None:
    folder = tmp_path / "leaddesk.db"
    folder.mkdir()
    with pytest.raises(StoreError, match="is a folder"):
        open_store(folder, key)
    assert os.listdir(folder) == []


def test_store_path_that_is_a_folder_is_refused_by_the_desk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "leaddesk.db"
    folder.mkdir()
    monkeypatch.setenv("LEADDESK_PASSPHRASE", "correct horse battery staple")
    with pytest.raises(StoreError, match="is a folder"):
        Desk.open(folder)


def test_missing_folders_are_created(tmp_path: Path, key: StoreKey) -> None:
    path = tmp_path / "not" / "yet" / "there" / "leaddesk.db"
    store = open_store(path, key)
    try:
        assert path.is_file()
        assert store.revision() == migrate.head_revision()
    finally:
        store.close()


def test_user_folder_is_expanded(
    tmp_path: Path, key: StoreKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    store = open_store(Path("~/notes/leaddesk.db"), key)
    try:
        assert store.path == tmp_path / "notes" / "leaddesk.db"
        assert store.path.is_file()
    finally:
        store.close()


@pytest.mark.parametrize("below", ["leaddesk.db", "sub/leaddesk.db"])
def test_folder_that_is_a_file_is_a_store_error(tmp_path: Path, key: StoreKey, below: str) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    with pytest.raises(StoreError, match="blocker"):
        open_store(blocker / below, key)
    assert blocker.read_text() == "a file, not a folder"


def test_failed_creation_leaves_no_file_behind(
    store_path: Path, key: StoreKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(engine: Any) -> None:
        raise RuntimeError("migration failed")

    monkeypatch.setattr(migrate, "upgrade", broken)
    with pytest.raises(RuntimeError):
        open_store(store_path, key)
    assert os.listdir(store_path.parent) == []


def test_reopening_keeps_the_data(store_path: Path) -> None:
    desk = Desk.open(store_path)
    ada = desk.add_person("Ada Lovelace", role="VP Engineering")
    desk.close()
    desk = Desk.open(store_path)
    try:
        assert desk.person(ada).role == "VP Engineering"
        assert desk.integrity_problems() == []
    finally:
        desk.close()
