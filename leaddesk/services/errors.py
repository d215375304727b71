"""The errors callers of the service layer may catch, so they never import the store."""

from __future__ import annotations

from leaddesk.security.keys import KeyUnavailableError
from leaddesk.services.lock import WrongUnlockSecretError
from leaddesk.store.errors import (
    EmptyStoreFileError,
    NewerStoreError,
    StoreDamagedError,
    StoreError,
    WrongKeyError,
)
from leaddesk.store.locked import StoreLockedError

__all__ = [
    "EmptyStoreFileError",
    "KeyUnavailableError",
    "NewerStoreError",
    "StoreDamagedError",
    "StoreError",
    "StoreLockedError",
    "WrongKeyError",
    "WrongUnlockSecretError",
]
