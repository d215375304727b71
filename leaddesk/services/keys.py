"""Key management as use cases: where the store's key is kept, and changing or moving it.

Changing the passphrase and moving the key between a passphrase and the OS keychain are one
operation, a rekey (store/rekey.py: atomic, the old key or the new one opens the store after any
crash). The open Desk keeps working afterwards: its engine is reopened on the rekeyed file.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from leaddesk.domain.errors import UserError
from leaddesk.security.keys import (
    PassphrasePrompt,
    StoreKey,
    adopt_legacy_entry,
    carry_companions,
    check_new_passphrase,
    create_keychain_key,
    forget_keychain_key,
    forget_legacy_entry,
    keyring_backend,
    legacy_entry_name,
    resolve_key,
    store_entry_name,
)
from leaddesk.services.base import DeskBase
from leaddesk.services.changes import Change, ChangeArea
from leaddesk.store.engine import check_key
from leaddesk.store.errors import WrongKeyError
from leaddesk.store.rekey import key_change_guard, rekey
from leaddesk.store.store import Store, open_store


class KeyLocation(Enum):
    """Where the key that opens the store is kept."""

    KEYCHAIN = "keychain"
    PASSPHRASE = "passphrase"
    MEMORY = "memory"  # a throwaway demo store: the key dies with the window


class NoKeychainError(UserError):
    """The key cannot go into the OS keychain: there is no usable one here."""


def open_keyed(path: Path, prompt: PassphrasePrompt | None) -> tuple[Store, StoreKey]:
    """Open (or create) the store at `path` with its key; the key's keychain entry follows.

    A fresh keychain key of a store that could not be made is forgotten. A key found under the
    store's old path entry is filed under its salt once it opened the store; one that does not
    open it (another store lay at that path before) is ignored, as if there were none.
    """
    existed = path.exists()
    key = resolve_key(path, prompt)
    try:
        with key_change_guard(path):
            store = open_store(path, key)
    except WrongKeyError:
        if not existed or key.entry != legacy_entry_name(path):
            raise
        key = resolve_key(path, prompt, legacy=False)
        with key_change_guard(path):
            store = open_store(path, key)
    except BaseException:
        if not existed:
            forget_keychain_key(key)
        raise
    adopt_legacy_entry(path, key)
    return store, key


class KeysMixin(DeskBase):
    """Where the key is, changing the passphrase, moving the key in or out of the keychain."""

    _store_key: StoreKey | None = None  # set by Desk.open; None for a throwaway store
    _key_source: str = "keychain"

    def _remember_key(self, key: StoreKey) -> None:
        self._store_key = key
        self._key_source = key.source

    def key_location(self) -> KeyLocation:
        """Where this store's key is kept."""
        if self._store_key is None:
            return KeyLocation.MEMORY
        if self._key_source == "passphrase":
            return KeyLocation.PASSPHRASE
        return KeyLocation.KEYCHAIN

    @staticmethod
    def keychain_available() -> bool:
        """Whether a usable OS keychain exists here (never a plaintext keyring file)."""
        return keyring_backend() is not None

    def change_passphrase(self, new_passphrase: str) -> None:
        """Protect the store with `new_passphrase` from now on (its key leaves the keychain).

        The old keychain entry, if any, stays: backups made before still need it.
        """
        check_new_passphrase(new_passphrase)
        self._rekey(StoreKey(new_passphrase, "passphrase"))

    def move_key_to_keychain(self) -> None:
        """Replace the passphrase by a random key kept in the OS keychain."""
        if keyring_backend() is None:
            raise NoKeychainError(
                "There is no usable OS keychain here (or it offers only a plaintext file), so "
                "the store keeps its passphrase."
            )
        if self.key_location() is KeyLocation.KEYCHAIN:
            return
        self._rekey(None)

    def _rekey(self, new_key: StoreKey | None) -> None:
        """Re-encrypt the store under `new_key` (None: a fresh keychain key), then reopen it."""
        old = self._store_key
        if old is None:
            raise UserError("This demo store's key lives only in memory; it cannot be changed.")
        path = Path(self.store.path)
        old_entry = store_entry_name(path)
        # A keychain key must be findable before the file keyed with it takes the store's name.
        key = create_keychain_key() if new_key is None else new_key
        if old_entry is not None and key.entry is not None:
            carry_companions(old_entry, key.entry)
        try:
            self._lend_store("The store's key is being changed: try again in a moment.")
        except BaseException:
            forget_keychain_key(key)
            raise
        try:
            rekey(path, old, key)
        except BaseException:
            forget_keychain_key(key)
            self._take_back_store(old)  # the file was not replaced: it opens with the old key
            raise
        # The path entry of a store made before keys followed the salt no longer fits the file.
        forget_legacy_entry(path)
        new_entry = store_entry_name(path)
        if old_entry is not None and new_entry is not None and key.entry is None:
            carry_companions(old_entry, new_entry)
        if self._take_back_store(key):
            self._remember_key(key)
        else:  # locked meanwhile: unlocking asks for what now opens the store
            self._key_source = key.source
        for listener in list(self._listeners):
            listener(Change(ChangeArea.SETTINGS))

    @property
    def needs_passphrase(self) -> bool:
        """Whether this store is protected by a passphrase (not by a keychain key)."""
        return self._key_source == "passphrase"

    def check_passphrase(self, passphrase: str) -> bool:
        """Whether `passphrase` opens this store (to unlock after auto-lock)."""
        try:
            check_key(self.store.path, StoreKey(passphrase, "passphrase"))
        except (WrongKeyError, ValueError):  # ValueError: a NUL or a lone surrogate in it
            return False
        return True
