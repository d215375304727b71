"""Finding the key of a store: a random key in the OS keychain, or a passphrase.

The keychain holds 32 random bytes per store (service 'LeadDesk'). The entry is named after the
store's SQLCipher salt (the file's first 16 bytes, random per store and kept by every
`VACUUM INTO` backup), not after its path: a moved or renamed store, a backup or a restored store
opens with the key it was made with. A new keychain store gets a salt chosen here (SQLCipher
takes a raw key followed by the salt), so its entry exists before the file does. Stores made
before keys followed the salt have their entry under the absolute path; it is still read, and
copied to the salt name once the store opened with it (`adopt_legacy_entry`).

Where keyring has no usable backend, the user chooses a passphrase (SQLCipher derives the key);
automation passes it as LEADDESK_PASSPHRASE, which is removed from the environment once read so
child processes never inherit it. A plaintext keyring file is never used silently.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from leaddesk.domain.errors import UserError

SERVICE = "LeadDesk"
PASSPHRASE_ENV = "LEADDESK_PASSPHRASE"
NEW_PASSPHRASE_ENV = "LEADDESK_NEW_PASSPHRASE"
# Keychain entries that belong to a store beside its key, named `<entry name><suffix>`; they
# follow the key when it moves to a new salt (the unlock PIN's verifier, see unlock_pin.py).
COMPANION_SUFFIXES = (":unlock-pin",)
MIN_PASSPHRASE = 8

# Asked for a passphrase: `new` is True when the store does not exist yet (so confirm it).
PassphrasePrompt = Callable[[bool], str]


class KeyUnavailableError(UserError):
    """No key could be found or asked for (no keychain entry, no passphrase given)."""


@dataclass(frozen=True)
class StoreKey:
    """The secret that opens one store; its repr never shows the secret."""

    secret: str = field(repr=False)
    source: Literal["keychain", "passphrase", "derived"]
    # The keychain entry it was read from or kept under (None: a passphrase, or memory only).
    entry: str | None = field(default=None, compare=False)

    def pragma_literal(self) -> str:
        """The right-hand side of `PRAGMA key = ...` (a raw key skips SQLCipher's slow KDF)."""
        if self.source in ("keychain", "derived"):
            return f"\"x'{self.secret}'\""
        return "'" + self.secret.replace("'", "''") + "'"


# SQLCipher 4's defaults: PBKDF2-HMAC-SHA512, 256,000 iterations, 32-byte key, 16-byte file salt.
KDF_ITERATIONS = 256_000
SALT_BYTES = 16


def derive_key(passphrase: StoreKey, store: Path) -> StoreKey | None:
    """The raw key SQLCipher derives from a passphrase, with the store's salt, computed once.

    Every pooled connection then opens with the raw key instead of paying the KDF again
    (ARCHITECTURE: derive once). None when the file has no salt yet (a store being created).
    """
    salt = store_salt(store)
    if salt is None:
        return None
    raw = hashlib.pbkdf2_hmac("sha512", passphrase.secret.encode(), salt, KDF_ITERATIONS, 32)
    return StoreKey(raw.hex() + salt.hex(), "derived")


def store_salt(path: Path) -> bytes | None:
    """The store's SQLCipher salt (its first 16 bytes); None when there is no such file yet."""
    try:
        with open(path, "rb") as handle:
            salt = handle.read(SALT_BYTES)
    except OSError:
        return None
    if len(salt) < SALT_BYTES or not any(salt):
        return None
    return salt


def _is_plaintext(backend: KeyringBackend) -> bool:
    name = type(backend).__module__ + "." + type(backend).__name__
    return "keyrings.alt" in name or "Plaintext" in name


def _is_usable(backend: KeyringBackend) -> bool:
    if _is_plaintext(backend) or type(backend).__module__ == "keyring.backends.fail":
        return False
    try:
        return float(getattr(backend, "priority", 1)) > 0
    except Exception:
        return False


def keyring_backend() -> KeyringBackend | None:
    """The usable keyring backend, or None where there is none (headless, or plaintext only)."""
    backend = keyring.get_keyring()
    # A chain writes to its first (highest-priority) member: that one must be a real keychain,
    # or the key would land in a plaintext file behind the user's back.
    chain = list(getattr(backend, "backends", [backend]))
    if not chain or not _is_usable(chain[0]):
        return None
    return backend


# -- entry names ------------------------------------------------------------------------------


def salt_entry_name(salt: bytes) -> str:
    """The keychain user name of the store whose SQLCipher salt is `salt`."""
    return f"store-salt:{salt.hex()}"


def store_entry_name(path: Path) -> str | None:
    """The keychain entry name of the store file at `path`, wherever it lies.

    Public for the store's companion entries (e.g. `<name>:unlock-pin`). It is the same for the
    store's backups and after a move or rename, and changes only when the key is changed (a
    rekey writes a new file with a new salt). None when there is no store file there yet.
    """
    salt = store_salt(path)
    return salt_entry_name(salt) if salt is not None else None


def legacy_entry_name(path: Path) -> str:
    """Where stores made before keys followed the salt keep their key: the absolute path."""
    return str(Path(path).expanduser().resolve())


def entry_name(path: Path) -> str:
    """The entry looked up first for the file at `path`: by salt, else (no file) by path."""
    return store_entry_name(path) or legacy_entry_name(path)


# -- the keychain -----------------------------------------------------------------------------


def _get(name: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, name)
    except keyring.errors.KeyringError:
        return None


def keychain_key(path: Path, legacy: bool = True) -> StoreKey | None:
    """The key kept in the keychain for the store at `path`: by its salt, else by its path."""
    if keyring_backend() is None:
        return None
    names = [store_entry_name(path)]
    if legacy:
        names.append(legacy_entry_name(path))
    for name in names:
        if name is not None and (secret := _get(name)) is not None:
            return StoreKey(secret, "keychain", entry=name)
    return None


def _keep(name: str, secret: str) -> None:
    try:
        keyring.set_password(SERVICE, name, secret)
    except keyring.errors.KeyringError:
        # The backend's message is not shown: it is not written for the user.
        raise KeyUnavailableError(
            "The OS keychain refused to keep the store's key (is it locked?). Unlock it and "
            f"try again, or set {PASSPHRASE_ENV} to use a passphrase instead."
        ) from None


def create_keychain_key() -> StoreKey:
    """32 random bytes and a random salt for a new store file, the key kept in the keychain.

    The returned secret is key and salt together, so the file SQLCipher creates with it carries
    that salt, and its keychain entry is known (and written) before the file exists.
    """
    key, salt = secrets.token_hex(32), secrets.token_bytes(SALT_BYTES)
    name = salt_entry_name(salt)
    _keep(name, key)
    return StoreKey(key + salt.hex(), "keychain", entry=name)


def forget_keychain_key(key: StoreKey) -> None:
    """Remove a fresh key and its companions from the keychain (its store was never made)."""
    if key.entry is None:
        return
    for name in (key.entry, *(key.entry + suffix for suffix in COMPANION_SUFFIXES)):
        with contextlib.suppress(keyring.errors.KeyringError):
            if _get(name) is not None:
                keyring.delete_password(SERVICE, name)


def adopt_legacy_entry(path: Path, key: StoreKey) -> None:
    """A key read from a path entry that just opened its store is kept under its salt too.

    The path entry stays, for an older LeadDesk; backups share the salt, so they follow.
    """
    name = store_entry_name(path)
    if key.entry == legacy_entry_name(path) and name is not None and _get(name) is None:
        with contextlib.suppress(KeyUnavailableError):  # it still opens by path next time
            _keep(name, key.secret)


def forget_legacy_entry(path: Path) -> None:
    """Remove a path entry (after a rekey the file at that path has another key)."""
    with contextlib.suppress(keyring.errors.KeyringError):
        if _get(legacy_entry_name(path)) is not None:
            keyring.delete_password(SERVICE, legacy_entry_name(path))


def carry_companions(old: str, new: str) -> None:
    """Copy a store's companion entries (unlock PIN) from entry `old` to entry `new`.

    Copied, not moved: a backup made before the rekey still has the old salt and keeps them.
    """
    for suffix in COMPANION_SUFFIXES:
        value = _get(old + suffix)
        if value is not None:
            _keep(new + suffix, value)


# -- passphrases ------------------------------------------------------------------------------


def take_env_passphrase(name: str = PASSPHRASE_ENV) -> str | None:
    """The passphrase given in environment variable `name`, removed from the environment.

    Removed once read so no child process (a browser opened for help, a PDF viewer) inherits it.
    """
    return os.environ.pop(name, None) or None


def check_new_passphrase(passphrase: str) -> None:
    """A new passphrase must be at least 8 characters long."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise KeyUnavailableError(
            f"The passphrase must be at least {MIN_PASSPHRASE} characters long."
        )


def resolve_key(
    path: Path, prompt: PassphrasePrompt | None = None, legacy: bool = True
) -> StoreKey:
    """The key for the store at `path`, creating one when the store is new.

    Order: an existing keychain entry (by salt, then, with `legacy`, by path);
    LEADDESK_PASSPHRASE; for a new store a fresh keychain key when a keychain exists;
    otherwise a passphrase from `prompt`.
    """
    exists = Path(path).exists()
    stored = keychain_key(path, legacy) if exists else None
    if stored is not None:
        return stored
    env = take_env_passphrase()
    if env:
        if not exists:
            check_new_passphrase(env)
        return StoreKey(env, "passphrase")
    if not exists and keyring_backend() is not None:
        return create_keychain_key()
    if prompt is None:
        raise KeyUnavailableError(
            "This store needs a passphrase: no key for it is in the OS keychain. "
            f"Run interactively, or set {PASSPHRASE_ENV}."
        )
    passphrase = prompt(not exists)
    if not passphrase:
        raise KeyUnavailableError("No passphrase was given; the store stays locked.")
    if not exists:
        check_new_passphrase(passphrase)
    return StoreKey(passphrase, "passphrase")
