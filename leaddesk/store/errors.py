"""Errors of opening and keeping the store, each with a message for the user."""

from __future__ import annotations

from leaddesk.domain.errors import UserError


class StoreError(UserError):
    """The store cannot be used as asked; the file is left as it was."""


class WrongKeyError(StoreError):
    """The key or passphrase does not open this file (or it is not a LeadDesk store)."""


class NewerStoreError(StoreError):
    """The store was written by a newer LeadDesk; this version refuses to touch it."""
