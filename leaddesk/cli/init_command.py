"""`leaddesk init`: a new, empty store from the terminal, keyed as the app's first run keys it."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path

from leaddesk.domain import clock
from leaddesk.domain.errors import UserError
from leaddesk.security.keys import PASSPHRASE_ENV, PassphrasePrompt, keyring_backend
from leaddesk.services.new_store import store_beside


def init(args: argparse.Namespace, path: Path, prompt: PassphrasePrompt) -> int:
    """Create the store at `path` whole (or nothing at all); never replace one."""
    path = path.expanduser().absolute()
    if path.is_dir():
        raise UserError(f"{path} is a folder; give --db the file name for the new store.")
    if path.exists():
        raise UserError(
            f"A LeadDesk store already exists at {path}; init never replaces one. "
            "Open it with `leaddesk`, or choose another file with --db."
        )
    if keyring_backend() is None and not os.environ.get(PASSPHRASE_ENV) and not sys.stdin.isatty():
        raise UserError(
            "No OS keychain is available to keep the new store's key, and no terminal to ask "
            f"for a passphrase on: set {PASSPHRASE_ENV} (8+ characters) and run "
            "`leaddesk init` again. Nothing was created."
        )
    with store_beside(path, prompt, clock.today, failed="Nothing was created.") as desk:
        passphrase = desk.needs_passphrase
    where = "protected by your passphrase" if passphrase else "its key is in the OS keychain"
    print(f"Created an empty LeadDesk store at {path} ({where}).")
    db = "" if getattr(args, "db", None) is None else f" --db {shlex.quote(str(path))}"
    print(f"Next: leaddesk{db} add person NAME, or open it with: leaddesk{db}")
    return 0
