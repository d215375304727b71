"""`leaddesk key passphrase` / `key keychain`: every direction, and bad input leaves the store."""

from __future__ import annotations

import os
import pty
import resource
import select
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from helpers.cli import run
from keyring.backends import fail

from leaddesk.security.keys import SERVICE, StoreKey, store_entry_name
from leaddesk.services.desk import Desk
from leaddesk.services.keys import KeyLocation
from leaddesk.store.engine import check_key
from leaddesk.store.errors import WrongKeyError

OLD = "old horse battery staple"
NEW = "new horse battery staple"
NOTE = "Ada wants the platform roadmap"


def fill(desk: Desk) -> None:
    ada = desk.add_person("Ada Lovelace")
    desk.add_relationship_note(ada, NOTE)


def opens_with(path: Path, key: StoreKey) -> bool:
    try:
        check_key(path, key)
    except WrongKeyError:
        return False
    return True


def contents(path: Path, passphrase: str | None = None) -> list[str]:
    """Names and notes, opened with the keychain (no passphrase) or with `passphrase`."""

    def prompt(new: bool) -> str:
        if passphrase is None:
            raise AssertionError("asked for a passphrase")
        return passphrase

    desk = Desk.open(path, prompt)
    try:
        people = desk.people()
        notes = [n.text for p in people for n in desk.relationship_notes(p.id)]
        assert desk.integrity_problems() == []
        return [p.name for p in people] + notes
    finally:
        desk.close()


@pytest.fixture
def passphrase_store(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A store protected by OLD, with a person and a note."""
    monkeypatch.setenv("LEADDESK_PASSPHRASE", OLD)
    desk = Desk.open(store_path)
    fill(desk)
    desk.close()
    yield store_path


@pytest.fixture
def keychain_store(store_path: Path) -> Iterator[Path]:
    """A store whose key is in the (test) keychain, with a person and a note."""
    desk = Desk.open(store_path)
    fill(desk)
    desk.close()
    yield store_path


def key_env(monkeypatch: pytest.MonkeyPatch, current: str | None, new: str | None) -> None:
    for name, value in (("LEADDESK_PASSPHRASE", current), ("LEADDESK_NEW_PASSPHRASE", new)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)


# -- every direction --------------------------------------------------------------------------


def test_key_passphrase_changes_the_passphrase(
    passphrase_store: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_env(monkeypatch, OLD, NEW)
    code, out, err = run(capsys, "key", "passphrase", "--db", str(passphrase_store))
    assert (code, err) == (0, "")
    assert "new passphrase" in out
    assert "LEADDESK_PASSPHRASE" not in os.environ and "LEADDESK_NEW_PASSPHRASE" not in os.environ
    assert not opens_with(passphrase_store, StoreKey(OLD, "passphrase"))
    assert contents(passphrase_store, NEW) == ["Ada Lovelace", NOTE]
    assert sorted(p.name for p in passphrase_store.parent.iterdir()) == [passphrase_store.name]
    assert stat.S_IMODE(passphrase_store.stat().st_mode) == 0o600, "the new file is private"


def test_key_passphrase_moves_a_keychain_key_out_and_keeps_the_old_entry(
    keychain_store: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch, memory_keyring: Any
) -> None:
    old_entry = store_entry_name(keychain_store)
    old_secret = memory_keyring.get_password(SERVICE, old_entry)
    key_env(monkeypatch, None, NEW)
    code, out, err = run(capsys, "key", "passphrase", "--db", str(keychain_store))
    assert (code, err) == (0, "")
    assert "backups made before" in out
    assert store_entry_name(keychain_store) != old_entry, "a new file, a new salt"
    assert memory_keyring.get_password(SERVICE, store_entry_name(keychain_store)) is None
    assert memory_keyring.get_password(SERVICE, old_entry) == old_secret  # for old backups
    assert not opens_with(keychain_store, StoreKey(old_secret, "keychain"))
    assert contents(keychain_store, NEW) == ["Ada Lovelace", NOTE]


def test_key_keychain_moves_a_passphrase_store_into_the_keychain(
    passphrase_store: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch, memory_keyring: Any
) -> None:
    key_env(monkeypatch, OLD, None)
    code, out, err = run(capsys, "key", "keychain", "--db", str(passphrase_store))
    assert (code, err) == (0, "")
    assert "OS keychain" in out
    secret = memory_keyring.get_password(SERVICE, store_entry_name(passphrase_store))
    assert secret is not None and len(bytes.fromhex(secret)) == 32
    assert not opens_with(passphrase_store, StoreKey(OLD, "passphrase"))
    assert contents(passphrase_store) == ["Ada Lovelace", NOTE]  # no passphrase asked


def test_key_keychain_on_a_keychain_store_changes_nothing(
    keychain_store: Path, capsys: Any, memory_keyring: Any
) -> None:
    before = keychain_store.read_bytes()
    code, out, _ = run(capsys, "key", "keychain", "--db", str(keychain_store))
    assert code == 0 and "already" in out
    assert keychain_store.read_bytes() == before


def test_there_and_back_again_through_the_desk(keychain_store: Path, memory_keyring: Any) -> None:
    desk = Desk.open(keychain_store)
    try:
        desk.change_passphrase(NEW)
        assert desk.key_location() is KeyLocation.PASSPHRASE and desk.needs_passphrase
        desk.add_person("Added After The Rekey")  # the open Desk keeps working
        desk.move_key_to_keychain()
        assert desk.key_location() is KeyLocation.KEYCHAIN and not desk.needs_passphrase
        assert len(desk.people()) == 2
    finally:
        desk.close()
    assert sorted(contents(keychain_store)[:2]) == ["Ada Lovelace", "Added After The Rekey"]
    assert len(memory_keyring.secrets) == 2, "the first key stays for backups made with it"


def test_the_unlock_pin_entry_follows_the_key(keychain_store: Path, memory_keyring: Any) -> None:
    old_entry = store_entry_name(keychain_store)
    memory_keyring.set_password(SERVICE, f"{old_entry}:unlock-pin", "scrypt$verifier")
    desk = Desk.open(keychain_store)
    try:
        desk.change_passphrase(NEW)
        after_passphrase = store_entry_name(keychain_store)
        desk.move_key_to_keychain()
    finally:
        desk.close()
    for entry in (after_passphrase, store_entry_name(keychain_store)):
        assert memory_keyring.get_password(SERVICE, f"{entry}:unlock-pin") == "scrypt$verifier"


# -- bad input: one line, exit 2, the store unchanged -----------------------------------------


def assert_refused(code: int, out: str, err: str, store: Path, before: bytes, says: str) -> None:
    assert (code, out) == (2, "")
    assert err.startswith("leaddesk: ") and err.count("\n") == 1
    assert says in err
    assert OLD not in err and NEW not in err
    assert store.read_bytes() == before
    assert sorted(p.name for p in store.parent.iterdir()) == [store.name]


def test_wrong_current_passphrase_is_refused(
    passphrase_store: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = passphrase_store.read_bytes()
    key_env(monkeypatch, "wrong horse battery", NEW)
    code, out, err = run(capsys, "key", "passphrase", "--db", str(passphrase_store))
    assert_refused(code, out, err, passphrase_store, before, "wrong")
    assert contents(passphrase_store, OLD) == ["Ada Lovelace", NOTE]


def test_too_short_new_passphrase_is_refused(
    passphrase_store: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = passphrase_store.read_bytes()
    key_env(monkeypatch, OLD, "short")
    code, out, err = run(capsys, "key", "passphrase", "--db", str(passphrase_store))
    assert_refused(code, out, err, passphrase_store, before, "at least 8")
    assert "LEADDESK_NEW_PASSPHRASE" not in os.environ
    assert contents(passphrase_store, OLD) == ["Ada Lovelace", NOTE]


def test_no_new_passphrase_without_a_terminal_is_refused(
    keychain_store: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = keychain_store.read_bytes()
    key_env(monkeypatch, None, None)
    code, out, err = run(capsys, "key", "passphrase", "--db", str(keychain_store))
    assert_refused(code, out, err, keychain_store, before, "LEADDESK_NEW_PASSPHRASE")


def test_key_keychain_without_a_keychain_is_refused(
    passphrase_store: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = passphrase_store.read_bytes()
    keyring.set_keyring(fail.Keyring())
    key_env(monkeypatch, OLD, None)
    code, out, err = run(capsys, "key", "keychain", "--db", str(passphrase_store))
    assert_refused(code, out, err, passphrase_store, before, "no usable OS keychain")
    assert contents(passphrase_store, OLD) == ["Ada Lovelace", NOTE]


def test_a_store_open_elsewhere_is_refused(
    passphrase_store: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_env(monkeypatch, OLD, None)
    other = Desk.open(passphrase_store)  # e.g. the app's window, still open
    try:
        other.people()
        key_env(monkeypatch, OLD, NEW)
        code, out, err = run(capsys, "key", "passphrase", "--db", str(passphrase_store))
        assert (code, out) == (2, "")
        assert "open in another LeadDesk window" in err and err.count("\n") == 1
        assert [p.name for p in other.people()] == ["Ada Lovelace"]
    finally:
        other.close()
    assert contents(passphrase_store, OLD) == ["Ada Lovelace", NOTE]


# -- in a real process ------------------------------------------------------------------------


def test_key_passphrase_in_a_real_process(tmp_path: Path) -> None:
    path = tmp_path / "pass.db"
    env = {
        **os.environ,
        "LEADDESK_PASSPHRASE": OLD,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    create = (
        "from pathlib import Path; from leaddesk.services.desk import Desk; "
        f"d = Desk.open(Path({str(path)!r})); d.add_person('Zebulon'); d.close()"
    )
    subprocess.run([sys.executable, "-c", create], env=env, check=True, timeout=60)

    def leaddesk(*argv: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "leaddesk", "--db", str(path), *argv],
            env={**env, **extra},
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )

    done = leaddesk("key", "passphrase", LEADDESK_NEW_PASSPHRASE=NEW)
    assert (done.returncode, done.stderr) == (0, "")
    assert leaddesk("people", LEADDESK_PASSPHRASE=NEW).stdout.strip() == "Zebulon"
    refused = leaddesk("people", LEADDESK_PASSPHRASE=OLD)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    no_keychain = leaddesk("key", "keychain", LEADDESK_PASSPHRASE=NEW)
    assert no_keychain.returncode == 2
    assert no_keychain.stderr.startswith("leaddesk: There is no usable OS keychain")
    assert no_keychain.stderr.count("\n") == 1


def converse(argv: list[str], env: dict[str, str], answers: list[tuple[str, str]]) -> str:
    """Run `argv` on a real terminal (a pty), typing each answer after its prompt appears."""
    pid, terminal = pty.fork()
    if pid == 0:  # the child: the pty is its controlling terminal, as in a shell
        os.execve(sys.executable, [sys.executable, *argv], env)
    seen = b""

    def read_until(text: bytes) -> None:
        nonlocal seen
        while text not in seen:
            ready, _, _ = select.select([terminal], [], [], 60)
            assert ready, f"no {text!r} on the terminal; it showed {seen!r}"
            try:
                chunk = os.read(terminal, 1024)
            except OSError:  # the child closed the terminal
                chunk = b""
            assert chunk, f"the command ended before {text!r}; it showed {seen!r}"
            seen += chunk

    for prompt, answer in answers:
        read_until(prompt.encode())
        os.write(terminal, answer.encode() + b"\n")
    while True:
        try:
            chunk = os.read(terminal, 1024)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    _, status = os.waitpid(pid, 0)
    os.close(terminal)
    assert os.waitstatus_to_exitcode(status) == 0, seen
    return seen.decode(errors="replace")


@pytest.mark.skipif(sys.platform == "win32", reason="a pty is POSIX")
def test_key_passphrase_on_a_terminal_asks_the_current_then_the_new_one_twice(
    tmp_path: Path,
) -> None:
    path = tmp_path / "pass.db"
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    env.pop("LEADDESK_PASSPHRASE", None)
    create = (
        "from pathlib import Path; from leaddesk.services.desk import Desk; "
        f"d = Desk.open(Path({str(path)!r})); d.add_person('Zebulon'); d.close()"
    )
    subprocess.run(
        [sys.executable, "-c", create],
        env={**env, "LEADDESK_PASSPHRASE": OLD},
        check=True,
        timeout=60,
    )
    shown = converse(
        ["-m", "leaddesk", "--db", str(path), "key", "passphrase"],
        env,
        [
            ("Passphrase for this LeadDesk store: ", OLD),
            ("New passphrase (8+ characters): ", NEW),
            ("Repeat it: ", NEW),
        ],
    )
    assert "is now protected by the new passphrase" in shown
    assert OLD not in shown and NEW not in shown, "nothing typed is echoed"
    assert opens_with(path, StoreKey(NEW, "passphrase"))
    assert not opens_with(path, StoreKey(OLD, "passphrase"))


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_copy_that_cannot_be_written_leaves_the_store_and_nothing_else(tmp_path: Path) -> None:
    # No file may grow past half the store's size: the copy under the new key fails midway,
    # as on a full disk.
    path = tmp_path / "pass.db"
    env = {
        **os.environ,
        "LEADDESK_PASSPHRASE": OLD,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    create = (
        "from pathlib import Path; from leaddesk.services.desk import Desk; "
        f"d = Desk.open(Path({str(path)!r})); "
        "[d.add_person(f'Person {i}', role='x' * 150) for i in range(300)]; d.close()"
    )
    subprocess.run([sys.executable, "-c", create], env=env, check=True, timeout=120)
    before = path.read_bytes()

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (len(before) // 2, len(before) // 2))

    done = subprocess.run(
        [sys.executable, "-m", "leaddesk", "--db", str(path), "key", "passphrase"],
        env={**env, "LEADDESK_NEW_PASSPHRASE": NEW},
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        preexec_fn=limit_file_size,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(f"leaddesk: Could not change the key of {path}")
    assert done.stderr.endswith("The key was not changed.\n") and done.stderr.count("\n") == 1
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    assert opens_with(path, StoreKey(OLD, "passphrase"))
