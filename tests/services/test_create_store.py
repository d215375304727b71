"""Desk.create: a new store filled in one go, or no trace of it at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaddesk.security.keys import SERVICE, entry_name
from leaddesk.services.desk import Desk
from leaddesk.services.errors import StoreError


def test_a_failure_while_filling_leaves_no_file_and_no_key(tmp_path: Path, memory_keyring) -> None:
    path = tmp_path / "new.db"
    with pytest.raises(RuntimeError, match="half-way"), Desk.create(path) as desk:
        desk.add_person("Ada")
        assert memory_keyring.get_password(SERVICE, entry_name(path))
        raise RuntimeError("half-way")
    assert list(tmp_path.iterdir()) == []
    assert memory_keyring.secrets == {}


def test_a_filled_store_is_closed_and_opens_again(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with Desk.create(path) as desk:
        desk.add_person("Ada")
    reopened = Desk.open(path)
    assert [p.name for p in reopened.people()] == ["Ada"]
    reopened.close()


def test_an_existing_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "taken.db"
    path.write_bytes(b"not mine")
    with pytest.raises(StoreError, match="already exists"), Desk.create(path):
        pass
    assert path.read_bytes() == b"not mine"
