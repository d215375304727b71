"""Finding a store's key: OS keychain first, LEADDESK_PASSPHRASE, then a prompted passphrase."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.backends.chainer import ChainerBackend

from leaddesk.security.keys import (
    SERVICE,
    KeyUnavailableError,
    StoreKey,
    entry_name,
    keyring_backend,
    legacy_entry_name,
    resolve_key,
    salt_entry_name,
)
from leaddesk.services.desk import Desk
from leaddesk.store import migrate
from leaddesk.store.errors import StoreError

PASSPHRASE = "correct horse battery staple"
SALT = bytes(range(1, 17))


class Prompt:
    """A passphrase prompt that records whether it was asked for a new store."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.asked: list[bool] = []

    def __call__(self, new: bool) -> str:
        self.asked.append(new)
        return self.answer


class PlaintextKeyring(KeyringBackend):
    """Looks like keyrings.alt's plaintext file backend; records what it was asked to keep."""

    priority = 20  # type: ignore[assignment]  # keyring declares it as a class property
    viable = False  # hidden from keyring's own backend discovery: only installed by hand here

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


PlaintextKeyring.__module__ = "keyrings.alt.file"


def chain_of(*members: KeyringBackend) -> ChainerBackend:
    """A real keyring chainer over exactly `members` (highest priority first, as keyring sorts)."""
    chain_type: Any = type("Chain", (ChainerBackend,), {"backends": list(members), "viable": False})
    return chain_type()  # type: ignore[no-any-return]


@pytest.fixture
def no_keychain() -> None:
    """keyring has no usable backend, as on a headless Linux without Secret Service."""
    keyring.set_keyring(fail.Keyring())


@pytest.fixture
def existing(store_path: Path) -> Path:
    """A file standing where the store is, with a salt (all resolve_key reads of it)."""
    store_path.write_bytes(SALT + b"\0" * 16)
    return store_path


# -- keychain ---------------------------------------------------------------------------------


def test_new_store_gets_a_random_32_byte_key_in_the_keychain(
    store_path: Path, memory_keyring: Any
) -> None:
    key = resolve_key(store_path)
    assert key.source == "keychain"
    # The key, then the salt the new file will carry: its entry is named before the file exists.
    raw, salt = bytes.fromhex(key.secret[:64]), bytes.fromhex(key.secret[64:])
    assert (len(raw), len(salt)) == (32, 16)
    assert memory_keyring.secrets == {(SERVICE, salt_entry_name(salt)): raw.hex()}
    assert key.entry == salt_entry_name(salt)
    assert SERVICE == "LeadDesk"


def test_each_new_store_gets_its_own_key(tmp_path: Path) -> None:
    assert resolve_key(tmp_path / "a.db").secret != resolve_key(tmp_path / "b.db").secret


def test_existing_store_uses_its_keychain_entry(existing: Path, memory_keyring: Any) -> None:
    memory_keyring.set_password(SERVICE, entry_name(existing), "ab" * 32)
    key = resolve_key(existing, prompt=Prompt("never asked"))
    assert key == StoreKey("ab" * 32, "keychain")
    assert key.entry == salt_entry_name(SALT) == entry_name(existing)


def test_keychain_entry_wins_over_the_passphrase_variable_for_an_existing_store(
    existing: Path, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADDESK_PASSPHRASE", PASSPHRASE)
    memory_keyring.set_password(SERVICE, entry_name(existing), "cd" * 32)
    assert resolve_key(existing).source == "keychain"


def test_legacy_entry_name_is_the_absolute_path_whatever_the_spelling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert legacy_entry_name(Path("leaddesk.db")) == str(tmp_path.resolve() / "leaddesk.db")
    assert legacy_entry_name(Path("sub/../leaddesk.db")) == legacy_entry_name(
        tmp_path / "leaddesk.db"
    )


def test_existing_store_without_keychain_entry_and_no_prompt_is_unavailable(
    existing: Path, memory_keyring: Any
) -> None:
    with pytest.raises(KeyUnavailableError, match="LEADDESK_PASSPHRASE"):
        resolve_key(existing)
    assert memory_keyring.secrets == {}, "an existing store never gets a fresh key"


def test_keychain_refusing_the_new_key_is_a_user_error(
    store_path: Path, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("collection is locked")

    monkeypatch.setattr(memory_keyring, "set_password", locked)
    with pytest.raises(KeyUnavailableError, match="keychain") as caught:
        resolve_key(store_path)
    assert "\n" not in str(caught.value)


def test_unreadable_keychain_counts_as_no_entry(
    existing: Path, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")

    monkeypatch.setattr(memory_keyring, "get_password", locked)
    prompt = Prompt(PASSPHRASE)
    assert resolve_key(existing, prompt) == StoreKey(PASSPHRASE, "passphrase")
    assert prompt.asked == [False]


# -- LEADDESK_PASSPHRASE ----------------------------------------------------------------------


def test_passphrase_variable_wins_for_a_new_store_even_with_a_keychain(
    store_path: Path, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADDESK_PASSPHRASE", PASSPHRASE)
    assert resolve_key(store_path) == StoreKey(PASSPHRASE, "passphrase")
    assert memory_keyring.secrets == {}, "no keychain key is made for a passphrase store"


def test_passphrase_variable_opens_an_existing_store_without_keychain_entry(
    existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADDESK_PASSPHRASE", PASSPHRASE)
    prompt = Prompt("never asked")
    assert resolve_key(existing, prompt) == StoreKey(PASSPHRASE, "passphrase")
    assert prompt.asked == []


def test_short_passphrase_variable_is_refused_for_a_new_store(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADDESK_PASSPHRASE", "short")
    with pytest.raises(KeyUnavailableError, match="at least 8"):
        resolve_key(store_path)


# -- no usable keychain: the prompt ------------------------------------------------------------


@pytest.mark.usefixtures("no_keychain")
def test_without_keychain_a_new_store_asks_for_a_new_passphrase(store_path: Path) -> None:
    prompt = Prompt(PASSPHRASE)
    assert resolve_key(store_path, prompt) == StoreKey(PASSPHRASE, "passphrase")
    assert prompt.asked == [True]


@pytest.mark.usefixtures("no_keychain")
def test_without_keychain_an_existing_store_asks_for_its_passphrase(existing: Path) -> None:
    prompt = Prompt("any length")
    assert resolve_key(existing, prompt).secret == "any length"
    assert prompt.asked == [False]


@pytest.mark.usefixtures("no_keychain")
def test_short_existing_passphrase_is_tried_not_refused(existing: Path) -> None:
    # Only a *new* passphrase has a minimum length; a wrong one is caught by the store on open.
    assert resolve_key(existing, Prompt("short")).secret == "short"


@pytest.mark.usefixtures("no_keychain")
def test_without_keychain_and_without_prompt_the_key_is_unavailable(store_path: Path) -> None:
    with pytest.raises(KeyUnavailableError, match="passphrase"):
        resolve_key(store_path)


@pytest.mark.usefixtures("no_keychain")
@pytest.mark.parametrize("answer", ["", "1234567"])
def test_empty_or_short_new_passphrase_is_refused(store_path: Path, answer: str) -> None:
    with pytest.raises(KeyUnavailableError):
        resolve_key(store_path, Prompt(answer))


@pytest.mark.usefixtures("no_keychain")
def test_empty_passphrase_for_existing_store_keeps_it_locked(existing: Path) -> None:
    with pytest.raises(KeyUnavailableError, match="locked"):
        resolve_key(existing, Prompt(""))


@pytest.mark.usefixtures("no_keychain")
def test_desk_with_prompted_passphrase_reopens_with_the_same_passphrase(
    store_path: Path,
) -> None:
    created = Prompt(PASSPHRASE)
    desk = Desk.open(store_path, prompt=created)
    person = desk.add_person("Ada Lovelace")
    desk.close()
    reopened = Prompt(PASSPHRASE)
    desk = Desk.open(store_path, prompt=reopened)
    try:
        assert [p.id for p in desk.people()] == [person]
    finally:
        desk.close()
    assert (created.asked, reopened.asked) == ([True], [False])


# -- which backends count as a keychain -------------------------------------------------------


def test_the_test_keyring_is_a_usable_keychain(memory_keyring: Any) -> None:
    assert keyring_backend() is memory_keyring


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_fail_and_null_backends_are_no_keychain(backend: KeyringBackend) -> None:
    keyring.set_keyring(backend)
    assert keyring_backend() is None


def test_plaintext_file_backend_is_never_used(store_path: Path) -> None:
    plaintext = PlaintextKeyring()
    keyring.set_keyring(plaintext)
    assert keyring_backend() is None
    with pytest.raises(KeyUnavailableError):
        resolve_key(store_path)
    assert plaintext.kept == {}


def test_any_keyrings_alt_backend_is_never_used() -> None:
    encrypted_file: Any = type("EncryptedKeyring", (PlaintextKeyring,), {})
    encrypted_file.__module__ = "keyrings.alt.file"
    keyring.set_keyring(encrypted_file())
    assert keyring_backend() is None


def test_chain_whose_first_member_is_plaintext_is_never_used(
    store_path: Path, memory_keyring: Any
) -> None:
    # A chainer writes to its first member: the key would land in the plaintext file.
    plaintext = PlaintextKeyring()
    keyring.set_keyring(chain_of(plaintext, memory_keyring))
    assert keyring_backend() is None
    prompt = Prompt(PASSPHRASE)
    assert resolve_key(store_path, prompt).source == "passphrase"
    assert plaintext.kept == {} and memory_keyring.secrets == {}


def test_chain_led_by_a_real_keychain_is_used(store_path: Path, memory_keyring: Any) -> None:
    plaintext = PlaintextKeyring()
    keyring.set_keyring(chain_of(memory_keyring, plaintext))
    assert keyring_backend() is not None
    key = resolve_key(store_path)
    assert memory_keyring.secrets == {(SERVICE, key.entry): key.secret[:64]}
    assert plaintext.kept == {}


def test_empty_chain_is_no_keychain() -> None:
    keyring.set_keyring(chain_of())
    assert keyring_backend() is None


# -- the key object ---------------------------------------------------------------------------


@pytest.mark.parametrize("source", ["keychain", "passphrase"])
def test_store_key_repr_hides_the_secret(source: Any) -> None:
    key = StoreKey("0f1e2d3c4b5a69788796a5b4c3d2e1f0" * 2, source)
    assert key.secret not in repr(key)
    assert key.secret not in str(key)
    assert key.secret not in f"{key!r} {key}"


def test_pragma_literal_quotes_a_passphrase() -> None:
    assert StoreKey("it's mine", "passphrase").pragma_literal() == "'it''s mine'"
    assert StoreKey("ab" * 32, "keychain").pragma_literal() == f"\"x'{'ab' * 32}'\""


def test_passphrase_with_quotes_and_accents_round_trips(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADDESK_PASSPHRASE", "l'été \"d'Zoë\" -- ; x'00'")
    desk = Desk.open(store_path)
    person = desk.add_person("Ada Lovelace")
    desk.close()
    monkeypatch.setenv("LEADDESK_PASSPHRASE", "l'été \"d'Zoë\" -- ; x'00'")  # taken when read
    desk = Desk.open(store_path)
    try:
        assert desk.person(person).name == "Ada Lovelace"
    finally:
        desk.close()


# -- a store that could not be created keeps no key -------------------------------------------


def test_failed_creation_forgets_the_fresh_keychain_key(
    tmp_path: Path, memory_keyring: Any
) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("I am a file")
    with pytest.raises(StoreError):
        Desk.open(not_a_folder / "leaddesk.db")
    assert memory_keyring.secrets == {}
    assert not_a_folder.read_text() == "I am a file"


def test_failed_migration_of_a_new_store_forgets_its_key_and_file(
    store_path: Path, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(engine: Any) -> None:
        raise RuntimeError("migration failed")

    working = migrate.upgrade
    monkeypatch.setattr(migrate, "upgrade", broken)
    with pytest.raises(RuntimeError, match="migration failed"):
        Desk.open(store_path)
    assert memory_keyring.secrets == {}
    # Leaving the half-made file would make the next open ask for a passphrase it never had.
    assert list(store_path.parent.iterdir()) == []
    monkeypatch.setattr(migrate, "upgrade", working)
    Desk.open(store_path).close()


def test_failed_open_of_an_existing_store_keeps_its_keychain_key(
    store_path: Path, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    Desk.open(store_path).close()
    secrets_before = dict(memory_keyring.secrets)

    def broken(path: Path, revision: str | None) -> None:
        raise StoreError("refused for the test")

    monkeypatch.setattr(migrate, "check_not_newer", broken)
    with pytest.raises(StoreError):
        Desk.open(store_path)
    assert memory_keyring.secrets == secrets_before
    assert store_path.exists()
