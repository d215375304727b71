"""Backups: consistent, still-encrypted, timestamped copies, rotated to the newest N."""

from __future__ import annotations

import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from leaddesk.security.keys import SERVICE, StoreKey, entry_name
from leaddesk.services.desk import Desk
from leaddesk.store import backup
from leaddesk.store.store import open_store

NAME = "Zebulon Quixotefeather"
NOTE = "Dreams of sailing the Kerguelen archipelago alone"


def contains_text(path: Path, *texts: str) -> bool:
    data = path.read_bytes()
    return any(t.encode(c) in data for t in texts for c in ("utf-8", "utf-16-le", "utf-16-be"))


def test_desk_backup_is_an_encrypted_copy_with_the_same_rows(
    desk: Desk, store_path: Path, memory_keyring: Any
) -> None:
    person = desk.add_person(NAME, role="Head of Exploration")
    desk.add_relationship_note(person, NOTE)
    desk.record_one_on_one(person, private_notes=NOTE, energy=3)

    made = desk.backup()  # while the edits are still in the WAL

    assert made.parent == store_path.parent / "backups"
    assert made.name.startswith("leaddesk-backup-") and made.suffix == ".db"
    assert not made.read_bytes().startswith(b"SQLite format 3")
    assert not contains_text(made, NAME, NOTE)
    assert not list(made.parent.glob("*.partial"))

    # Same key opens it: the keychain entry is per path, so file the store's key for the copy.
    secret = memory_keyring.get_password(SERVICE, entry_name(store_path))
    memory_keyring.set_password(SERVICE, entry_name(made), secret)
    copy = Desk.open(made)
    try:
        assert copy.counts() == desk.counts()
        assert copy.people() == desk.people()
        assert copy.relationship_notes(person) == desk.relationship_notes(person)
        assert copy.integrity_problems() == []
    finally:
        copy.close()


def test_backup_into_a_chosen_folder(desk: Desk, tmp_path: Path) -> None:
    desk.add_person(NAME)
    made = desk.backup(tmp_path / "elsewhere" / "copies")
    assert made.parent == tmp_path / "elsewhere" / "copies"
    assert made.is_file()


def test_rotation_keeps_the_newest_backups(desk: Desk, store_path: Path) -> None:
    desk.update_settings(backup_keep=3)
    made = []
    for i in range(5):
        desk.add_person(f"Person {i}")
        made.append(desk.backup())
    kept = sorted((store_path.parent / "backups").iterdir())
    assert kept == made[-3:]
    assert len(set(made)) == 5, "each backup has its own name"


def test_a_backup_of_the_last_state_differs_from_an_earlier_one(
    desk: Desk, store_path: Path, memory_keyring: Any
) -> None:
    desk.add_person("First Person")
    first = desk.backup()
    desk.add_person("Second Person")
    second = desk.backup()
    secret = memory_keyring.get_password(SERVICE, entry_name(store_path))
    counts = []
    for made in (first, second):
        store = open_store(made, StoreKey(secret, "keychain"))
        try:
            with store.engine.connect() as conn:
                counts.append(conn.exec_driver_sql("SELECT count(*) FROM person").scalar())
        finally:
            store.close()
    assert counts == [1, 2]


def test_rotate_deletes_only_older_backups_of_this_store(tmp_path: Path) -> None:
    store = tmp_path / "leaddesk.db"
    folder = tmp_path / "backups"
    folder.mkdir()
    ours = [folder / f"leaddesk-backup-2026010{i}T000000000000Z.db" for i in range(1, 6)]
    others = [
        folder / "leaddesk-pre-0001-20250101T000000000000Z.db",  # before an upgrade: kept
        folder / "other-backup-20250101T000000000000Z.db",  # another store's
        folder / "leaddesk-backup-20250101T000000000000Z.db.partial",  # being written
        folder / "notes.txt",
    ]
    for path in ours + others:
        path.write_bytes(b"x")

    deleted = backup.rotate(folder, store, keep=2)

    assert sorted(deleted) == ours[:3]
    assert sorted(folder.iterdir()) == sorted(ours[3:] + others)


@pytest.mark.parametrize("keep", [3, 10])
def test_rotate_keeps_all_when_there_are_no_more_than_n(tmp_path: Path, keep: int) -> None:
    store = tmp_path / "leaddesk.db"
    ours = [tmp_path / f"leaddesk-backup-2026010{i}T000000000000Z.db" for i in range(1, 4)]
    for path in ours:
        path.write_bytes(b"x")
    deleted = backup.rotate(tmp_path, store, keep=keep)
    assert deleted == []
    assert all(p.exists() for p in ours)


def test_backup_to_names_sort_by_time_and_leave_no_partial(
    store_path: Path, tmp_path: Path
) -> None:
    store = open_store(store_path, StoreKey(secrets.token_hex(32), "keychain"))
    try:
        folder = tmp_path / "copies"
        folder.mkdir()
        stale = folder / "leftover.partial"
        stale.write_bytes(b"from an interrupted backup")
        made = [backup.backup_to(store.engine, store.path, folder) for _ in range(3)]
    finally:
        store.close()
    assert made == sorted(made) and len(set(made)) == 3
    assert all(p.is_file() and p.stat().st_size > 0 for p in made)
    assert sorted(p.name for p in folder.glob("*.partial")) == ["leftover.partial"]


def test_automatic_backup_runs_once_a_day(desk: Desk) -> None:
    first = desk.backup_if_due()
    assert first is not None and first.exists()
    assert desk.backup_if_due() is None  # the newest is younger than a day
    later = desk.backup_if_due(every=timedelta(0))
    assert later is not None and later != first
