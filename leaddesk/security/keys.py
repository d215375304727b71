"""Finding the key of a store: a random key in the OS keychain, or a passphrase.

The keychain holds 32 random bytes per store (service 'LeadDesk', user = the store's path).
Where keyring has no usable backend, the user chooses a passphrase (SQLCipher derives the key);
automation passes it as LEADDESK_PASSPHRASE. A plaintext keyring file is never used silently.
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
    try:
        with open(store, "rb") as handle:
            salt = handle.read(SALT_BYTES)
    except OSError:
        return None
    if len(salt) < SALT_BYTES or not any(salt):
        return None
    raw = hashlib.pbkdf2_hmac("sha512", passphrase.secret.encode(), salt, KDF_ITERATIONS, 32)
    return StoreKey(raw.hex() + salt.hex(), "derived")


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


def entry_name(path: Path) -> str:
    """The keychain user name for a store: its absolute path."""
    return str(Path(path).expanduser().resolve())


def keychain_key(path: Path) -> str | None:
    """The hex key stored in the keychain for this store, if any."""
    if keyring_backend() is None:
        return None
    try:
        return keyring.get_password(SERVICE, entry_name(path))
    except keyring.errors.KeyringError:
        return None


def create_keychain_key(path: Path) -> StoreKey:
    """Generate 32 random bytes and keep them in the OS keychain for this store."""
    secret = secrets.token_hex(32)
    try:
        keyring.set_password(SERVICE, entry_name(path), secret)
    except keyring.errors.KeyringError:
        # The backend's message is not shown: it is not written for the user.
        raise KeyUnavailableError(
            "The OS keychain refused to keep the new store's key (is it locked?). Unlock it and "
            f"try again, or set {PASSPHRASE_ENV} to use a passphrase instead."
        ) from None
    return StoreKey(secret, "keychain")


def forget_keychain_key(path: Path) -> None:
    """Remove a store's key from the keychain (used when creating the store failed)."""
    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(SERVICE, entry_name(path))


def check_new_passphrase(passphrase: str) -> None:
    """A new passphrase must be at least 8 characters long."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise KeyUnavailableError(
            f"The passphrase must be at least {MIN_PASSPHRASE} characters long."
        )


def resolve_key(path: Path, prompt: PassphrasePrompt | None = None) -> StoreKey:
    """The key for the store at `path`, creating one when the store is new.

    Order: an existing keychain entry; LEADDESK_PASSPHRASE; for a new store a fresh keychain key
    when a keychain exists; otherwise a passphrase from `prompt`.
    """
    exists = Path(path).exists()
    stored = keychain_key(path)
    if stored is not None and exists:
        return StoreKey(stored, "keychain")
    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        if not exists:
            check_new_passphrase(env)
        return StoreKey(env, "passphrase")
    if not exists and keyring_backend() is not None:
        return create_keychain_key(path)
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
