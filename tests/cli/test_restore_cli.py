"""`leaddesk restore BACKUP [--yes]`: asks, checks the backup first, keeps the store first."""

from __future__ import annotations

import hashlib
import io
import shutil
import sys
from pathlib import Path

import keyring
import pytest
from helpers.cli import run
from keyring.backends.fail import Keyring as FailKeyring

from leaddesk.security.keys import StoreKey, forget_keychain_key, store_entry_name
from leaddesk.services.desk import Desk

PASSPHRASE = "correct horse battery staple"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def backups_of(store: Path) -> list[str]:
    return sorted(p.name for p in (store.parent / "backups").iterdir())


@pytest.fixture
def backed_up(desk: Desk, store_path: Path) -> Path:
    """The test store holds Ada and Grace; its one backup holds only Ada. The Desk is closed."""
    desk.add_person("Ada Lovelace")
    made = desk.backup()
    desk.add_person("Grace Hopper")
    desk.close()
    return made


def people(store: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    code, out, err = run(capsys, "--db", str(store), "people")
    assert code == 0, err
    return [line.split("\t")[0].split("  ")[0] for line in out.splitlines()]


def test_restore_with_yes_replaces_the_data_and_keeps_the_store_first(
    backed_up: Path, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", str(store_path), "restore", str(backed_up), "--yes")
    assert code == 0, err
    assert f"Restored {backed_up} into {store_path}: 1 person, 0 delegations" in out
    kept = [n for n in backups_of(store_path) if n.startswith("leaddesk-pre-restore-")]
    assert len(kept) == 1 and kept[0] in out
    assert people(store_path, capsys) == ["Ada Lovelace"]

    # ... and the pre-restore copy brings the replaced data back.
    kept_path = store_path.parent / "backups" / kept[0]
    code, _, err = run(capsys, "--db", str(store_path), "restore", str(kept_path), "--yes")
    assert code == 0, err
    assert people(store_path, capsys) == ["Ada Lovelace", "Grace Hopper"]


def test_without_yes_and_without_a_terminal_it_says_to_pass_yes(
    backed_up: Path, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(store_path)
    code, out, err = run(capsys, "--db", str(store_path), "restore", str(backed_up))
    assert code == 2
    assert err.count("\n") == 1 and "pass --yes" in err and "Nothing was changed" in err
    assert out == ""
    assert digest(store_path) == before
    assert backups_of(store_path) == [backed_up.name]


class Terminal(io.StringIO):
    """What the user types, on a stdin that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("answer", "restored"), [("y\n", True), ("n\n", False), ("\n", False)])
def test_at_a_terminal_it_asks_first(
    backed_up: Path,
    store_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    restored: bool,
) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal(answer))
    code, _, err = run(capsys, "--db", str(store_path), "restore", str(backed_up))
    assert "This replaces the data in the store" in err
    assert "kept first as a pre-restore backup" in err
    assert "1 person, 0 delegations" in err, "it says what the backup holds before asking"
    if restored:
        assert code == 0
        assert people(store_path, capsys) == ["Ada Lovelace"]
    else:
        assert code == 1 and "nothing was changed" in err
        assert people(store_path, capsys) == ["Ada Lovelace", "Grace Hopper"]


def bad_inputs(backed_up: Path, store_path: Path, tmp_path: Path) -> dict[str, tuple[Path, str]]:
    text = tmp_path / "notes.txt"
    text.write_text("not a store\n" * 200)
    damaged = tmp_path / "damaged.db"
    shutil.copyfile(backed_up, damaged)
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 64] = bytes(64)
    damaged.write_bytes(bytes(data))
    other = tmp_path / "other" / "other.db"
    other.parent.mkdir()
    with Desk.create(other) as desk:  # another store: another key
        desk.add_person("Someone Else")
    # ...and one whose key is not here (a file whose key is in the keychain opens with it:
    # that is how a backup made before a key change is restored).
    forget_keychain_key(StoreKey("", "keychain", entry=store_entry_name(other)))
    return {
        "missing file": (tmp_path / "missing.db", "There is no file"),
        "a folder": (tmp_path / "other", "is not a file"),
        "not a store": (text, "the file is not a LeadDesk store"),
        "another store's (wrong key)": (other, "the key or passphrase is wrong"),
        "damaged": (damaged, "is damaged"),
        "the store itself": (store_path, "is the store itself"),
    }


def test_bad_input_is_one_line_exit_2_and_the_store_is_unchanged(
    backed_up: Path, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = bad_inputs(backed_up, store_path, tmp_path)
    before = digest(store_path)
    for what, (source, message) in cases.items():
        code, out, err = run(capsys, "--db", str(store_path), "restore", str(source), "--yes")
        assert code == 2, what
        assert err.startswith("leaddesk: ") and err.count("\n") == 1, (what, err)
        assert message in err, (what, err)
        assert "Traceback" not in err and out == ""
        assert digest(store_path) == before, what
        assert backups_of(store_path) == [backed_up.name], what


def test_restore_works_when_the_store_is_missing(
    backed_up: Path, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store_path.unlink()
    code, out, err = run(capsys, "--db", str(store_path), "restore", str(backed_up), "--yes")
    assert code == 0, err
    assert "kept in" not in out, "there was nothing to keep"
    assert people(store_path, capsys) == ["Ada Lovelace"]


def test_restore_works_when_the_store_is_damaged(
    backed_up: Path, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store_path.write_bytes(b"\0" * 8192)
    code, _, err = run(capsys, "--db", str(store_path), "restore", str(backed_up), "--yes")
    assert code == 0, err
    kept = [n for n in backups_of(store_path) if "pre-restore" in n]
    assert len(kept) == 1, "even a damaged store is kept before it is replaced"
    assert people(store_path, capsys) == ["Ada Lovelace"]
    code, _, _ = run(capsys, "--db", str(store_path), "check")
    assert code == 0


def test_a_passphrase_store_restores_with_its_passphrase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADDESK_PASSPHRASE", PASSPHRASE)
    keyring.set_keyring(FailKeyring())  # no keychain here (the fixture puts its own back)
    store = tmp_path / "pass.db"
    with Desk.create(store) as desk:
        assert desk.needs_passphrase
        desk.add_person("Ada Lovelace")
        made = desk.backup()
        desk.add_person("Grace Hopper")
    monkeypatch.setenv("LEADDESK_PASSPHRASE", PASSPHRASE)  # each process reads it once
    code, _, err = run(capsys, "--db", str(store), "restore", str(made), "--yes")
    assert code == 0, err
    monkeypatch.setenv("LEADDESK_PASSPHRASE", PASSPHRASE)
    assert people(store, capsys) == ["Ada Lovelace"]
    monkeypatch.setenv("LEADDESK_PASSPHRASE", "not the passphrase")
    code, _, err = run(capsys, "--db", str(store), "restore", str(made), "--yes")
    assert code == 2 and "the key or passphrase is wrong" in err
