"""Restore at the store level: a backup is checked read-only, then swapped in atomically."""

from __future__ import annotations

import hashlib
import secrets
import shutil
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command

from leaddesk.security.keys import StoreKey
from leaddesk.services.desk import Desk
from leaddesk.store import backup, migrate, restore
from leaddesk.store.engine import connect, make_engine
from leaddesk.store.errors import NewerStoreError, StoreError, WrongKeyError
from leaddesk.store.restore import DamagedBackupError
from leaddesk.store.store import open_store

NOW = datetime(2026, 11, 25, 9, tzinfo=UTC)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage(path: Path) -> None:
    """Overwrite part of a page past the first: the file still opens, a page no longer reads."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = secrets.token_bytes(64)
    path.write_bytes(bytes(data))


@pytest.fixture
def key() -> StoreKey:
    return StoreKey(secrets.token_hex(32), "keychain")


@pytest.fixture
def filled(store_path: Path, key: StoreKey) -> Path:
    """A store with two people; a backup of it with one."""
    desk = Desk(open_store(store_path, key))
    desk.add_person("Ada Lovelace")
    desk.set_backup_clock(lambda: NOW)
    made = desk.backup()
    desk.add_person("Grace Hopper")
    desk.close()
    return made


def names(path: Path, key: StoreKey) -> list[str]:
    desk = Desk(open_store(path, key))
    try:
        return sorted(p.name for p in desk.people())
    finally:
        desk.close()


def test_inspect_reads_what_a_backup_holds_without_touching_it(
    filled: Path, key: StoreKey, store_path: Path
) -> None:
    before = digest(filled)
    contents = restore.inspect(filled, key, store_path)
    assert (contents.people, contents.delegations, contents.promises) == (1, 0, 0)
    assert digest(filled) == before
    assert sorted(p.name for p in filled.parent.iterdir()) == [filled.name], "no side files"


def test_restore_swaps_the_backup_in_and_keeps_the_store_first(
    filled: Path, key: StoreKey, store_path: Path
) -> None:
    kept = restore.restore(filled, store_path, key, now=NOW)
    assert kept is not None and kept.name.startswith("leaddesk-pre-restore-")
    assert backup.parse(kept, store_path) is not None
    assert names(store_path, key) == ["Ada Lovelace"]
    assert names(kept, key) == ["Ada Lovelace", "Grace Hopper"]
    assert not Path(f"{store_path}{restore.RESTORING}").exists()


def test_a_stale_wal_is_folded_in_before_and_never_replayed_onto_the_restored_file(
    filled: Path, key: StoreKey, store_path: Path
) -> None:
    # A store left with a WAL (a crash): its last edit lives only in the WAL.
    desk = Desk(open_store(store_path, key))
    desk.add_person("Katherine Johnson")
    crashed = store_path.with_name("crashed.db")
    shutil.copyfile(store_path, crashed)
    shutil.copyfile(f"{store_path}-wal", f"{crashed}-wal")
    desk.close()
    crashed.replace(store_path)
    Path(f"{crashed}-wal").replace(f"{store_path}-wal")
    assert Path(f"{store_path}-wal").stat().st_size > 0

    kept = restore.restore(filled, store_path, key, now=NOW)

    assert names(store_path, key) == ["Ada Lovelace"]
    assert kept is not None
    assert "Katherine Johnson" in names(kept, key), "the WAL's edit is in the pre-restore copy"


def test_restore_refuses_while_another_connection_holds_the_store(
    filled: Path, key: StoreKey, store_path: Path
) -> None:
    holder = connect(store_path, key)
    holder.execute("SELECT count(*) FROM person").fetchone()
    try:
        before = digest(store_path)
        with pytest.raises(StoreError, match="is open in LeadDesk or another program"):
            restore.restore(filled, store_path, key, now=NOW)
        assert digest(store_path) == before
        assert not Path(f"{store_path}{restore.RESTORING}").exists()
        assert [b.path for b in backup.list_backups(filled.parent, store_path)] == [filled]
    finally:
        holder.close()
    assert names(store_path, key) == ["Ada Lovelace", "Grace Hopper"]


def test_restore_into_a_missing_store(filled: Path, key: StoreKey, store_path: Path) -> None:
    store_path.unlink()
    assert restore.restore(filled, store_path, key, now=NOW) is None
    assert names(store_path, key) == ["Ada Lovelace"]


def test_a_damaged_store_is_kept_byte_for_byte_then_replaced(
    filled: Path, key: StoreKey, store_path: Path
) -> None:
    store_path.write_bytes(b"garbage " * 4096)
    kept = restore.restore(filled, store_path, key, now=NOW)
    assert kept is not None and kept.read_bytes() == b"garbage " * 4096
    assert names(store_path, key) == ["Ada Lovelace"]


def test_a_leftover_of_a_killed_restore_is_replaced(
    filled: Path, key: StoreKey, store_path: Path
) -> None:
    staged = Path(f"{store_path}{restore.RESTORING}")
    staged.write_bytes(b"half a copy")
    restore.restore(filled, store_path, key, now=NOW)
    assert not staged.exists()
    assert names(store_path, key) == ["Ada Lovelace"]


def test_bad_backups_are_refused_and_nothing_changes(
    filled: Path, key: StoreKey, store_path: Path, tmp_path: Path
) -> None:
    damaged = tmp_path / "damaged.db"
    shutil.copyfile(filled, damaged)
    damage(damaged)
    text = tmp_path / "notes.txt"
    text.write_text("not a store\n" * 500)
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    cases: list[tuple[Path, StoreKey, type[Exception], str]] = [
        (tmp_path / "missing.db", key, StoreError, "There is no file"),
        (tmp_path, key, StoreError, "is not a file"),
        (store_path, key, StoreError, "is the store itself"),
        (text, key, WrongKeyError, "key or passphrase is wrong, or the file is not"),
        (empty, key, DamagedBackupError, "is empty"),
        (filled, StoreKey(secrets.token_hex(32), "keychain"), WrongKeyError, "is wrong"),
        (damaged, key, DamagedBackupError, "is damaged"),
    ]
    before = digest(store_path)
    for source, used, error, message in cases:
        with pytest.raises(error, match=message):
            restore.restore(source, store_path, used, now=NOW)
        assert digest(store_path) == before
    assert [b.kind for b in backup.list_backups(filled.parent, store_path)] == [
        backup.BackupKind.MANUAL
    ], "no pre-restore copy for a refused restore"


def test_a_backup_from_a_newer_version_is_refused(
    filled: Path, key: StoreKey, store_path: Path
) -> None:
    conn = connect(filled, key)
    conn.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    conn.commit()
    conn.close()
    with pytest.raises(NewerStoreError, match="newer version of LeadDesk"):
        restore.restore(filled, store_path, key, now=NOW)
    assert names(store_path, key) == ["Ada Lovelace", "Grace Hopper"]


def test_a_backup_from_an_older_version_is_restored_then_upgraded(
    filled: Path, key: StoreKey, store_path: Path, tmp_path: Path
) -> None:
    old = tmp_path / "old" / "leaddesk.db"
    old.parent.mkdir()
    engine = make_engine(old, key)
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0004")
        conn.exec_driver_sql(
            "INSERT INTO person (name, role, area, email, archived, created_at) "
            "VALUES ('Old Timer', '', '', '', 0, '2025-01-01 00:00:00')"
        )
    engine.dispose()
    shutil.move(old, filled.parent / "leaddesk-daily-20250101T090000000000Z.db")
    source = filled.parent / "leaddesk-daily-20250101T090000000000Z.db"

    restore.restore(source, store_path, key, now=NOW)
    assert names(store_path, key) == ["Old Timer"]  # opening migrated it
    store = open_store(store_path, key)
    try:
        assert store.revision() == migrate.head_revision()
    finally:
        store.close()
    kinds = sorted(b.kind.value for b in backup.list_backups(filled.parent, store_path))
    assert kinds == ["daily", "manual", "pre-restore", "pre-upgrade"]


def test_the_restored_store_and_the_kept_copy_are_private(
    filled: Path, key: StoreKey, store_path: Path
) -> None:
    kept = restore.restore(filled, store_path, key, now=NOW)
    assert kept is not None
    assert stat.S_IMODE(store_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(kept.parent.stat().st_mode) == 0o700
