"""The errors callers of the service layer may catch, so they never import the store."""

from __future__ import annotations

from leaddesk.security.keys import KeyUnavailableError
from leaddesk.store.errors import (
    EmptyStoreFileError,
    NewerStoreError,
    StoreDamagedError,
    StoreError,
    WrongKeyError,
)

__all__ = [
    "EmptyStoreFileError",
    "KeyUnavailableError",
    "NewerStoreError",
    "StoreDamagedError",
    "StoreError",
    "WrongKeyError",
]
