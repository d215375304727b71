"""`leaddesk init`: a new, empty store from the terminal, and what a missing store's hint says."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from helpers.cli import run
from helpers.environment import read_only_folder
from keyring.backends import fail

from leaddesk.security.keys import SERVICE, StoreKey, entry_name
from leaddesk.services.desk import Desk
from leaddesk.store.store import open_store


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user data folder platformdirs gives on Linux: where the app keeps its store."""
    home = tmp_path / "data-home"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home / "LeadDesk" / "leaddesk.db"


def one_line(code: int, out: str, err: str) -> str:
    assert (code, out) == (2, ""), err
    assert err.startswith("leaddesk: ") and err.count("\n") == 1 and "Traceback" not in err
    return err


def test_init_creates_an_empty_store_where_the_app_keeps_it_keyed_in_the_keychain(
    data_home: Path, capsys, memory_keyring
) -> None:
    code, out, err = run(capsys, "init")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"Created an empty LeadDesk store at {data_home} (its key is in the OS keychain).",
        "Next: leaddesk add person NAME, or open it with: leaddesk",
    ]
    secret = memory_keyring.get_password(SERVICE, entry_name(data_home))
    desk = Desk(open_store(data_home, StoreKey(secret, "keychain")))
    assert desk.people(include_archived=True) == []
    desk.close()
    assert [p.name for p in data_home.parent.iterdir()] == ["leaddesk.db"]  # nothing beside it


def test_init_then_add_person_then_people_from_the_terminal(tmp_path: Path, capsys) -> None:
    path = tmp_path / "team.db"
    code, out, _ = run(capsys, "--db", str(path), "init")
    assert code == 0
    assert f"Next: leaddesk --db {path} add person NAME" in out
    assert run(capsys, "--db", str(path), "add", "person", "Ada", "Lovelace")[0] == 0
    code, out, _ = run(capsys, "--db", str(path), "people")
    assert (code, out) == (0, "Ada Lovelace\n")


def test_init_never_replaces_a_store(store_path: Path, desk: Desk, capsys) -> None:
    desk.add_person("Ada Lovelace")
    desk.close()
    before = store_path.read_bytes()
    err = one_line(*run(capsys, "--db", str(store_path), "init"))
    assert f"A LeadDesk store already exists at {store_path}; init never replaces one." in err
    assert store_path.read_bytes() == before


def test_init_on_a_folder_says_to_name_a_file(tmp_path: Path, capsys) -> None:
    err = one_line(*run(capsys, "--db", str(tmp_path), "init"))
    assert "is a folder; give --db the file name for the new store" in err


def test_without_a_keychain_init_takes_the_passphrase_from_the_environment(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setenv("LEADDESK_PASSPHRASE", "correct horse battery")
    path = tmp_path / "team.db"
    code, out, _ = run(capsys, "--db", str(path), "init")
    assert code == 0
    assert "(protected by your passphrase)" in out
    desk = Desk(open_store(path, StoreKey("correct horse battery", "passphrase")))
    assert desk.people() == []
    desk.close()


def test_without_a_keychain_nor_a_terminal_nor_a_passphrase_nothing_is_created(
    tmp_path: Path, capsys
) -> None:
    keyring.set_keyring(fail.Keyring())
    path = tmp_path / "team.db"
    err = one_line(*run(capsys, "--db", str(path), "init"))
    assert "set LEADDESK_PASSPHRASE (8+ characters)" in err
    assert list(tmp_path.iterdir()) == []


def test_a_too_short_passphrase_creates_nothing(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setenv("LEADDESK_PASSPHRASE", "short")
    err = one_line(*run(capsys, "--db", str(tmp_path / "team.db"), "init"))
    assert "at least 8 characters" in err
    assert list(tmp_path.iterdir()) == []


def test_init_in_a_read_only_folder_is_one_line_and_leaves_nothing(
    tmp_path: Path, capsys, memory_keyring
) -> None:
    with read_only_folder(tmp_path / "locked") as folder:
        err = one_line(*run(capsys, "--db", str(folder / "team.db"), "init"))
        assert list(folder.iterdir()) == []
    assert "is read-only" in err and "Nothing was written" in err


def test_the_missing_store_hint_says_init_and_a_separate_demo_file(data_home: Path, capsys) -> None:
    err = one_line(*run(capsys, "people"))
    assert err == (
        f"leaddesk: There is no LeadDesk store at {data_home}. Create it with `leaddesk init` "
        "(or open the app), or try demo data in a separate file: `leaddesk demo --db "
        f"{data_home.with_name('leaddesk-demo.db')}`.\n"
    )
    assert not data_home.exists()


def test_the_missing_store_hint_keeps_the_db_given(tmp_path: Path, capsys) -> None:
    path = tmp_path / "my team.db"
    err = one_line(*run(capsys, "--db", str(path), "week"))
    assert f"Create it with `leaddesk --db '{path}' init`" in err
    assert f"`leaddesk demo --db {tmp_path / 'leaddesk-demo.db'}`" in err


def test_demo_without_its_own_db_never_lands_where_the_real_store_belongs(
    data_home: Path, capsys
) -> None:
    err = one_line(*run(capsys, "demo", "--people", "2"))
    assert "name its file with --db" in err
    assert not data_home.parent.exists()
