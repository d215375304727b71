"""Opening and writing the store tells the truth: read-only is not a wrong key, an empty file is
not a new store, a newer store is peeked at read-only, damage is found and a whole backup named,
and no failure quotes the SQL or its parameters."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from helpers.environment import damage, fill, fingerprint, read_only_folder, small_disk
from sqlalchemy import text

from leaddesk.security.keys import SERVICE, StoreKey, entry_name
from leaddesk.services.desk import Desk
from leaddesk.services.recovery import newest_good_backup
from leaddesk.store import backup
from leaddesk.store import engine as store_engine
from leaddesk.store.errors import (
    DiskFullError,
    EmptyStoreFileError,
    NewerStoreError,
    StoreBusyError,
    StoreDamagedError,
    StoreError,
    StoreUnreachableError,
    WrongKeyError,
)
from leaddesk.store.store import open_store

NOTE = "Priya is interviewing at Globex; keep this between us"


def never_asked(new: bool) -> str:
    raise AssertionError("no passphrase may be asked for")


@pytest.fixture
def team(desk: Desk) -> Iterator[Desk]:
    """The test store with one person and a note, so damage has rows to hit."""
    person = desk.add_person("Priya Raman", role="Head of Platform")
    for i in range(40):
        desk.add_relationship_note(person, f"Ordinary note number {i} " + "x" * 400)
    yield desk


def test_sql_parameters_never_appear_in_an_error(desk: Desk) -> None:
    engine = desk.store.engine
    with pytest.raises(Exception) as caught, engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO promise (person_id, direction, text, made_on, state) "
                "VALUES (999, 'mine', :text, '2026-11-25', 'open')"
            ),
            {"text": NOTE},
        )
    assert "FOREIGN KEY" in str(caught.value)
    assert NOTE not in str(caught.value)


def test_a_failed_write_is_a_store_error_without_sql_or_text(desk: Desk, log_dir: Path) -> None:
    with pytest.raises(StoreError) as caught, desk.store.session(write=True) as session:
        session.execute(
            text(
                "INSERT INTO promise (person_id, direction, text, made_on, state) "
                "VALUES (999, 'mine', :text, '2026-11-25', 'open')"
            ),
            {"text": NOTE},
        )
    message = str(caught.value)
    assert "fault" in message and str(log_dir) in message
    assert NOTE not in message and "INSERT" not in message and "\n" not in message
    logged = (log_dir / "leaddesk.log").read_text()
    assert "IntegrityError" in logged
    assert NOTE not in logged and "INSERT" not in logged


def test_a_writer_holding_the_lock_past_the_timeout_is_said_plainly(
    team: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_MS", 100)
    path = team.path
    team.close()
    desk = Desk.open(path)  # its connections wait 100 ms for a lock
    person = desk.people()[0].id
    holder = sqlcipher.connect(str(path), isolation_level=None)
    try:
        holder.execute(f"PRAGMA key = \"x'{key_of(path)}'\"")
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreBusyError) as caught:
            desk.add_relationship_note(person, NOTE)
    finally:
        holder.close()
    message = str(caught.value)
    assert "another LeadDesk or program is writing" in message and "try again" in message
    assert NOTE not in message and "BEGIN" not in message
    assert NOTE not in [n.text for n in desk.relationship_notes(person)]
    desk.close()


def key_of(path: Path) -> str:
    import keyring

    secret = keyring.get_password(SERVICE, entry_name(path))
    assert secret is not None
    return secret


def test_a_read_only_folder_is_not_a_wrong_key(team: Desk, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    shutil.copyfile(team.path, folder / "leaddesk.db")
    key = StoreKey(key_of(team.path), "keychain")
    with read_only_folder(folder):
        before = fingerprint(folder / "leaddesk.db")
        with pytest.raises(StoreUnreachableError) as caught:
            open_store(folder / "leaddesk.db", key)
        assert not isinstance(caught.value, WrongKeyError)
        assert "read-only" in str(caught.value)
        assert fingerprint(folder / "leaddesk.db") == before


def test_a_new_store_in_a_read_only_folder_says_so(tmp_path: Path, memory_keyring) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    with read_only_folder(folder):
        with pytest.raises(StoreUnreachableError, match="read-only"):
            Desk.open(folder / "new.db")
        assert os.listdir(folder) == []
    assert memory_keyring.secrets == {}, "no key is kept for a store that was not made"


@pytest.mark.parametrize("passphrase", [None, "short"])
def test_an_empty_file_is_refused_before_any_key_is_asked_for(
    store_path: Path, memory_keyring, monkeypatch: pytest.MonkeyPatch, passphrase: str | None
) -> None:
    if passphrase:
        monkeypatch.setenv("LEADDESK_PASSPHRASE", passphrase)
    store_path.write_bytes(b"")
    with pytest.raises(EmptyStoreFileError) as caught:
        Desk.open(store_path, never_asked)
    assert "empty file (0 bytes)" in str(caught.value)
    assert store_path.stat().st_size == 0
    assert os.listdir(store_path.parent) == [store_path.name]
    assert memory_keyring.secrets == {}


def test_a_newer_store_and_its_wal_are_left_untouched(
    team: Desk, tmp_path: Path, memory_keyring
) -> None:
    path = team.path
    team.close()
    copy = tmp_path / "copy" / "leaddesk.db"
    copy.parent.mkdir()
    key = key_of(path)
    # A writer that marks the store as written by a newer version and has not checkpointed:
    # the newer revision lives only in its WAL, as after a crash.
    with closing(sqlcipher.connect(str(path), isolation_level=None)) as writer:
        writer.execute(f"PRAGMA key = \"x'{key}'\"")
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute("UPDATE alembic_version SET version_num = 'f00dcafe9999'")
        shutil.copy2(path, copy)
        shutil.copy2(f"{path}-wal", f"{copy}-wal")
    memory_keyring.set_password(SERVICE, entry_name(copy), key)
    wal = Path(f"{copy}-wal")
    assert wal.stat().st_size > 0
    before = (fingerprint(copy), fingerprint(wal))

    with pytest.raises(NewerStoreError, match="f00dcafe9999"):
        Desk.open(copy)
    assert (fingerprint(copy), fingerprint(wal)) == before
    assert not (copy.parent / "backups").exists()


def test_the_store_and_its_side_files_are_created_private(store_path: Path) -> None:
    desk = Desk.open(store_path)
    try:
        desk.add_person("Ada Example")
        for suffix in ("", "-wal", "-shm"):
            mode = stat.S_IMODE(Path(f"{store_path}{suffix}").stat().st_mode)
            assert mode == 0o600, f"{suffix or 'store'} is {oct(mode)}"
    finally:
        desk.close()


def test_damage_is_found_and_the_newest_whole_backup_named(team: Desk) -> None:
    good = team.backup()
    later = datetime.now(UTC) + timedelta(hours=1)
    newer = good.with_name(backup.backup_name(team.path, "manual", later))
    shutil.copyfile(good, newer)
    damage(newer, page=20)  # the newest backup is damaged too: the older whole one is named
    assert team.damage() == []
    path = team.path
    key = StoreKey(key_of(path), "keychain")
    people = len(team.people())
    team.close()
    size_pages = path.stat().st_size // 4096
    damage(path, page=size_pages // 2)

    desk = Desk.open(path)  # opening reads little: the damage is found by the check
    try:
        problems = desk.damage()
        assert problems and "HMAC" in problems[0]
        assert desk.integrity_problems()
        with pytest.raises(StoreDamagedError) as caught:
            desk.refuse_if_damaged()
    finally:
        desk.close()
    assert caught.value.backup == good
    message = str(caught.value)
    assert "damaged" in message and str(good) in message and "leaddesk restore" in message
    assert newest_good_backup(path) == good
    restored = Desk(open_store(good, key))
    assert len(restored.people()) == people
    restored.close()


def test_a_full_disk_during_a_write_saves_nothing_and_says_so(team: Desk, tmp_path: Path) -> None:
    key = key_of(team.path)
    team.close()
    with small_disk(tmp_path / "disk", 1024) as disk:
        path = disk / "leaddesk.db"
        shutil.copyfile(team.path, path)
        import keyring

        keyring.set_password(SERVICE, entry_name(path), key)
        desk = Desk.open(path)
        person = desk.people()[0].id
        notes = len(desk.relationship_notes(person))
        fill(disk, leave_kb=8)
        with pytest.raises(DiskFullError) as caught:
            desk.add_relationship_note(person, NOTE + " " + "y" * 20_000)
        assert NOTE not in str(caught.value) and "INSERT" not in str(caught.value)
        (disk / "filler").unlink()
        assert len(desk.relationship_notes(person)) == notes
        assert desk.integrity_problems() == []
        desk.close()


@pytest.mark.parametrize("page", [1, 2])
def test_damage_where_opening_reads_is_not_a_wrong_key(team: Desk, page: int) -> None:
    good = team.backup()
    path = team.path
    team.close()
    damage(path, page=page)  # page 1 holds the header, page 2 the schema's first pages
    before = fingerprint(path)
    with pytest.raises(StoreDamagedError) as caught:
        Desk.open(path)
    assert not isinstance(caught.value, WrongKeyError)
    assert caught.value.backup == good and str(good) in str(caught.value)
    assert fingerprint(path) == before
