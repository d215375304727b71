"""The command line on a failure: one line saying what happened and what to do, exit 2 (exit 1
for `check` finding damage), no traceback, no note text, nothing written."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import keyring
import pytest
import sqlcipher3.dbapi2 as sqlcipher
from helpers.cli import run
from helpers.environment import damage, fingerprint, read_only_folder

from leaddesk.cli import commands
from leaddesk.security.keys import SERVICE, entry_name
from leaddesk.services.desk import Desk
from leaddesk.store import engine as store_engine

NOTE = "Priya is interviewing at Globex; keep this between us"


@pytest.fixture
def team(desk: Desk) -> Iterator[Path]:
    """A closed store holding one person with some notes."""
    person = desk.add_person("Priya Raman", role="Head of Platform")
    for i in range(40):
        desk.add_relationship_note(person, f"Ordinary note number {i} " + "x" * 400)
    path = desk.path
    desk.close()
    yield path


def one_line(code: int, out: str, err: str, expected: int = 2) -> str:
    """Assert the shape every failure has; return the line."""
    assert code == expected, err
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("leaddesk: ")
    assert "Traceback" not in err and NOTE not in err + out
    return err


def test_invalid_utf8_in_an_argument_is_refused(team: Path, capsys) -> None:
    before = fingerprint(team)
    bad = "Priya said \udcff\udcfe"  # how Python hands over bytes that are not UTF-8
    err = one_line(*run(capsys, "--db", str(team), "add", "note", "--person", "Priya", bad))
    assert "not valid UTF-8" in err
    assert fingerprint(team) == before


def test_another_writer_holding_the_lock_is_said_plainly(
    team: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_MS", 100)
    before = fingerprint(team)
    key = keyring.get_password(SERVICE, entry_name(team))
    with closing(sqlcipher.connect(str(team), isolation_level=None)) as holder:
        holder.execute(f"PRAGMA key = \"x'{key}'\"")
        holder.execute("BEGIN IMMEDIATE")
        result = run(capsys, "--db", str(team), "add", "note", "--person", "Priya", NOTE)
        holder.execute("ROLLBACK")
    err = one_line(*result)
    assert "another LeadDesk or program is writing" in err and "try again" in err
    assert "INSERT" not in err and "BEGIN" not in err
    assert fingerprint(team) == before


def test_backup_to_a_read_only_folder(team: Path, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "usb"
    with read_only_folder(folder):
        err = one_line(*run(capsys, "--db", str(team), "backup", "--to", str(folder)))
        assert f"Could not write a backup into {folder}" in err
        assert list(folder.iterdir()) == []


def test_a_new_store_in_a_read_only_folder(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "ro"
    with read_only_folder(folder):
        err = one_line(*run(capsys, "demo", "--db", str(folder / "d.db"), "--people", "2"))
        assert "read-only" in err
        assert list(folder.iterdir()) == []


def test_a_store_in_a_read_only_folder_is_not_a_wrong_key(
    team: Path, tmp_path: Path, capsys
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    shutil.copyfile(team, folder / "leaddesk.db")
    keyring.set_password(
        SERVICE, entry_name(folder / "leaddesk.db"), keyring.get_password(SERVICE, entry_name(team))
    )
    with read_only_folder(folder):
        err = one_line(*run(capsys, "--db", str(folder / "leaddesk.db"), "people"))
    assert "read-only" in err and "wrong" not in err


def test_an_empty_file_is_not_made_a_store(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("LEADDESK_PASSPHRASE", "short")
    empty = tmp_path / "leaddesk.db"
    empty.write_bytes(b"")
    err = one_line(*run(capsys, "--db", str(empty), "people"))
    assert "empty file (0 bytes)" in err
    assert empty.stat().st_size == 0


def test_a_damaged_store_is_reported_by_check_and_refused_by_the_rest(team: Path, capsys) -> None:
    desk = Desk.open(team)
    good = desk.backup()
    desk.close()
    damage(team, page=team.stat().st_size // 4096 // 2)
    before = fingerprint(team)

    code, out, err = run(capsys, "--db", str(team), "check")
    assert (code, err) == (1, "")
    assert "HMAC verification failed" in out and str(good) in out

    for command in (["add", "note", "--person", "Priya", NOTE], ["people"], ["backup"]):
        line = one_line(*run(capsys, "--db", str(team), *command))
        assert "is damaged" in line and f"leaddesk restore {good}" in line
    assert fingerprint(team) == before


def test_an_unexpected_fault_is_one_line_naming_the_log(
    team: Path, capsys, log_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> int:
        raise RuntimeError(f"a bug that quotes {NOTE}")

    monkeypatch.setattr(commands, "people", broken)
    err = one_line(*run(capsys, "--db", str(team), "people"))
    assert "internal fault" in err and str(log_dir / "leaddesk.log") in err
    logged = (log_dir / "leaddesk.log").read_text()
    assert "builtins.RuntimeError" in logged and "in broken" in logged
    assert NOTE not in logged
