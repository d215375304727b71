"""Locking the desk: the store is closed and every cache dropped until the user proves who they are.

Unlock asks for something only the user knows: the passphrase of a passphrase store, or the unlock
PIN of a keychain store where one is set (security.unlock_pin). Without a PIN a keychain store
unlocks with a click, and the lock screen says so.
"""

from __future__ import annotations

from typing import Literal

from leaddesk.domain.errors import UserError
from leaddesk.security import unlock_pin
from leaddesk.security.keys import KeyUnavailableError, StoreKey, keychain_key
from leaddesk.services.base import DeskBase
from leaddesk.store.engine import check_key
from leaddesk.store.errors import WrongKeyError
from leaddesk.store.locked import locked_store
from leaddesk.store.store import open_store

UnlockWith = Literal["passphrase", "pin", "nothing"]


class WrongUnlockSecretError(UserError):
    """The passphrase or PIN given to unlock is not the right one."""


class LockMixin(DeskBase):
    """lock() / unlock(secret) and what the lock screen needs to know."""

    _key_source: str
    _store_key: StoreKey | None
    #: A throwaway (demo) store's key lives only in memory: it is what unlocks it again.
    _memory_key: StoreKey | None = None

    @property
    def locked(self) -> bool:
        """True between lock() and a successful unlock()."""
        return self._locked

    def unlock_with(self) -> UnlockWith:
        """What the lock screen must ask for."""
        if self._key_source == "passphrase":
            return "passphrase"
        return "pin" if unlock_pin.has_pin(self.store.path) else "nothing"

    def lock(self) -> None:
        """Close the store (its key leaves memory with the engine) and drop every cached read."""
        with self._swap_lock:  # a rekey or restore running now does not reopen it behind us
            if self._locked:
                return
            path = self.store.path
            self.store.close()
            self.store = locked_store(path)
            self._store_key = None  # a passphrase or key held for rekeying goes too
            with self._cache_lock:
                self._generation += 1
                self._cache.clear()
                self._evidence.clear()
                self._folds.clear()
            self._locked = True

    def unlock(self, secret: str = "") -> None:
        """Reopen the store if `secret` is what unlock_with() asks for; else raise, still locked."""
        if not self._locked:
            return
        path = self.store.path
        wrong = {
            "passphrase": "That passphrase does not open this store. Try again.",
            "pin": "That is not your unlock PIN. Try again.",
        }
        ask = self.unlock_with()
        if ask == "passphrase":
            key = StoreKey(secret, "passphrase")
            try:
                check_key(path, key)
            except (WrongKeyError, ValueError):  # ValueError: a NUL or lone surrogate typed
                raise WrongUnlockSecretError(wrong[ask]) from None
        else:
            if ask == "pin" and not unlock_pin.verify_pin(path, secret):
                raise WrongUnlockSecretError(wrong[ask])
            key = self._memory_key or self._keychain_key()
        with self._swap_lock:
            if not self._locked:  # unlocked meanwhile (from another cover): already open
                return
            self.store = open_store(path, key)
            if self._memory_key is None:
                self._store_key = key
            self._locked = False

    def _keychain_key(self) -> StoreKey:
        key = keychain_key(self.store.path)
        if key is None:
            raise KeyUnavailableError(
                "This store's key is no longer in the OS keychain (was the keychain reset?). "
                "Restart LeadDesk to open it with its passphrase, if it has one."
            )
        return key

    # -- the unlock PIN (keychain stores) -----------------------------------------------------
    def has_unlock_pin(self) -> bool:
        """Whether unlocking this keychain store asks for a PIN."""
        return unlock_pin.has_pin(self.store.path)

    def check_unlock_pin(self, pin: str) -> bool:
        """Whether `pin` is this store's unlock PIN."""
        return unlock_pin.verify_pin(self.store.path, pin)

    def set_unlock_pin(self, pin: str) -> None:
        """Require `pin` to unlock (keychain stores; a passphrase store asks its passphrase)."""
        if self._key_source == "passphrase":
            raise UserError("This store unlocks with its passphrase; it needs no PIN.")
        unlock_pin.set_pin(self.store.path, pin)

    def clear_unlock_pin(self, current: str) -> None:
        """Stop asking for a PIN, once the current one is given."""
        if not unlock_pin.verify_pin(self.store.path, current):
            raise WrongUnlockSecretError("That is not your unlock PIN; it was kept.")
        unlock_pin.clear_pin(self.store.path)
