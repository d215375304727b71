"""Each environment failure, met by the real `leaddesk` process: exit code 2, one line on stderr,
no traceback, no note text, and the store exactly as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from helpers.environment import fill, fingerprint, read_only_folder, small_disk

from leaddesk.security.keys import StoreKey
from leaddesk.services.desk import Desk
from leaddesk.store.store import open_store

PASSPHRASE = "environment test passphrase"
NOTE = "Priya is interviewing at Globex; keep this between us"


def leaddesk(*args: str | bytes, log_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run the real command line in its own process (passphrase store, no keychain)."""
    env = {
        **os.environ,
        "LEADDESK_PASSPHRASE": PASSPHRASE,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "LEADDESK_LOG_DIR": str(log_dir),
    }
    return subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"leaddesk", *map(os.fsencode, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    """Assert the shape of every failure; return the line."""
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("leaddesk: ") and done.stderr.count("\n") == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert NOTE not in done.stderr + done.stdout and "INSERT" not in done.stderr
    return done.stderr


def make_store(path: Path) -> Path:
    desk = Desk(open_store(path, StoreKey(PASSPHRASE, "passphrase")))
    person = desk.add_person("Priya Raman", role="Head of Platform")
    for i in range(30):
        desk.add_relationship_note(person, f"Ordinary note number {i} " + "x" * 400)
    desk.close()
    return path


def notes_in(path: Path) -> int:
    desk = Desk(open_store(path, StoreKey(PASSPHRASE, "passphrase")))
    try:
        return sum(len(desk.relationship_notes(p.id)) for p in desk.people())
    finally:
        desk.close()


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return make_store(tmp_path / "home" / "leaddesk.db")


def test_disk_full_during_add(store: Path, tmp_path: Path, log_dir: Path) -> None:
    with small_disk(tmp_path / "disk", 1024) as disk:
        path = disk / "leaddesk.db"
        shutil.copyfile(store, path)
        fill(disk, leave_kb=12)
        before = fingerprint(path)
        long_note = NOTE + " " + "y" * 40_000
        done = leaddesk(
            "--db", str(path), "add", "note", "--person", "Priya", long_note, log_dir=log_dir
        )
        assert "is full" in one_line(done) and long_note[-100:] not in done.stderr
        assert fingerprint(path) == before
        (disk / "filler").unlink()
        assert notes_in(path) == 30


def test_disk_full_during_demo(tmp_path: Path, log_dir: Path) -> None:
    with small_disk(tmp_path / "disk", 600) as disk:
        done = leaddesk("demo", "--db", str(disk / "demo.db"), "--people", "50", log_dir=log_dir)
        assert "is full" in one_line(done)
        assert os.listdir(disk) == [], "no half-made store is left"


def test_disk_full_during_backup(store: Path, tmp_path: Path, log_dir: Path) -> None:
    with small_disk(tmp_path / "disk", 1024) as disk:
        path = disk / "leaddesk.db"
        shutil.copyfile(store, path)
        (disk / "backups").mkdir()
        fill(disk, leave_kb=60)
        before = fingerprint(path)
        done = leaddesk("--db", str(path), "backup", log_dir=log_dir)
        assert "is full" in one_line(done)
        assert os.listdir(disk / "backups") == [], "no backup, no .partial"
        assert fingerprint(path) == before


def test_another_writer_holding_the_lock(store: Path, log_dir: Path) -> None:
    before = fingerprint(store)
    with closing(sqlcipher.connect(str(store), isolation_level=None)) as holder:
        holder.execute(f"PRAGMA key = '{PASSPHRASE}'")
        holder.execute("BEGIN IMMEDIATE")  # held past LeadDesk's 10 s busy timeout
        started = time.monotonic()
        done = leaddesk(
            "--db", str(store), "add", "note", "--person", "Priya", NOTE, log_dir=log_dir
        )
        waited = time.monotonic() - started
        holder.execute("ROLLBACK")
    line = one_line(done)
    assert "another LeadDesk or program is writing" in line and "try again" in line
    assert waited >= 5, "it waited for the other writer before giving up"
    assert fingerprint(store) == before


def test_invalid_utf8_in_arguments(store: Path, log_dir: Path) -> None:
    before = fingerprint(store)
    done = leaddesk(
        "--db", str(store), "add", "note", "--person", "Priya", b"caf\xe9 \xff", log_dir=log_dir
    )
    assert "not valid UTF-8" in one_line(done)
    assert fingerprint(store) == before


def test_backup_to_an_unwritable_folder(store: Path, tmp_path: Path, log_dir: Path) -> None:
    folder = tmp_path / "usb"
    with read_only_folder(folder):
        done = leaddesk("--db", str(store), "backup", "--to", str(folder), log_dir=log_dir)
        assert f"Could not write a backup into {folder}" in one_line(done)
        assert os.listdir(folder) == []


def test_a_new_store_on_a_read_only_file_system(tmp_path: Path, log_dir: Path) -> None:
    folder = tmp_path / "ro"
    with read_only_folder(folder):
        done = leaddesk("demo", "--db", str(folder / "new.db"), "--people", "2", log_dir=log_dir)
        assert "read-only" in one_line(done)
        assert os.listdir(folder) == []


def test_a_store_on_a_read_only_file_system_is_not_a_wrong_key(
    store: Path, tmp_path: Path, log_dir: Path
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    shutil.copyfile(store, folder / "leaddesk.db")
    with read_only_folder(folder):
        before = fingerprint(folder / "leaddesk.db")
        done = leaddesk("--db", str(folder / "leaddesk.db"), "people", log_dir=log_dir)
        line = one_line(done)
        assert "read-only" in line and "wrong" not in line
        assert fingerprint(folder / "leaddesk.db") == before


def test_an_empty_file_is_not_made_a_store(tmp_path: Path, log_dir: Path) -> None:
    empty = tmp_path / "leaddesk.db"
    empty.write_bytes(b"")
    done = leaddesk("--db", str(empty), "add", "note", "--person", "Priya", NOTE, log_dir=log_dir)
    assert "empty file" in one_line(done)
    assert empty.stat().st_size == 0 and os.listdir(tmp_path) == ["leaddesk.db"]
