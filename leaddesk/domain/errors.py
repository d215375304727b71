"""Errors a user can act on. Anything else raised is a bug."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can act on; str(error) is a message written for the user."""


class ValidationError(UserError, ValueError):
    """Input the user can fix; the message is written for the user, not for a developer."""
