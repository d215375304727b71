"""`leaddesk key passphrase` and `leaddesk key keychain`: change or move the store's key."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from leaddesk.domain.errors import UserError
from leaddesk.security.keys import (
    MIN_PASSPHRASE,
    NEW_PASSPHRASE_ENV,
    PassphrasePrompt,
    check_new_passphrase,
    keyring_backend,
    take_env_passphrase,
)
from leaddesk.services.desk import Desk
from leaddesk.services.keys import KeyLocation

KEPT_ENTRIES = (
    "The old key stays in the OS keychain: backups made before this change still open with it."
)


def run(args: argparse.Namespace, path: Path, prompt: PassphrasePrompt) -> int:
    """Dispatch `leaddesk key WHAT` on the existing store at `path`."""
    if args.what == "passphrase":
        return use_passphrase(path, prompt)
    return use_keychain(path, prompt)


def use_passphrase(path: Path, prompt: PassphrasePrompt) -> int:
    """Re-encrypt the store under a new passphrase (from a passphrase or from the keychain)."""
    new = take_env_passphrase(NEW_PASSPHRASE_ENV)  # read (and removed) before anything else
    if new is not None:
        check_new_passphrase(new)
    desk = Desk.open(path, prompt)  # asks the current passphrase of a passphrase store
    try:
        before = desk.key_location()
        desk.change_passphrase(new if new is not None else _ask_new())
    finally:
        desk.close()
    print(f"{path} is now protected by the new passphrase; it cannot be recovered if forgotten.")
    if before is KeyLocation.KEYCHAIN:
        print(f"Its key is no longer taken from the OS keychain. {KEPT_ENTRIES}")
    return 0


def use_keychain(path: Path, prompt: PassphrasePrompt) -> int:
    """Re-encrypt a passphrase store under a random key kept in the OS keychain."""
    if keyring_backend() is None:
        raise UserError(
            "There is no usable OS keychain here (or only a plaintext file), so the store keeps "
            "its passphrase. Nothing was changed."
        )
    desk = Desk.open(path, prompt)
    try:
        if desk.key_location() is KeyLocation.KEYCHAIN:
            print(f"The key of {path} is already in the OS keychain; nothing was changed.")
            return 0
        desk.move_key_to_keychain()
    finally:
        desk.close()
    print(
        f"The key of {path} is now a random key in the OS keychain: it opens without a "
        "passphrase while you are logged in. Copies of the store (backups) made before keep "
        "their old passphrase."
    )
    return 0


def _ask_new() -> str:
    """The new passphrase, typed twice on the terminal."""
    if not sys.stdin.isatty():
        raise UserError(
            f"No terminal to ask the new passphrase on: set {NEW_PASSPHRASE_ENV}. "
            "Nothing was changed."
        )
    first = getpass.getpass(f"New passphrase ({MIN_PASSPHRASE}+ characters): ")
    check_new_passphrase(first)
    if getpass.getpass("Repeat it: ") != first:
        raise UserError("The two passphrases differ; nothing was changed.")
    return first
