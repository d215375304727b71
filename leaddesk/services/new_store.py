"""A new store built beside its final name and renamed into place only once it is complete.

An import that is killed, fails or is cancelled never leaves a store under the user's name: only
a hidden `.NAME.building` file beside it, which the next build for that name removes (with its
keychain key). The rename is atomic, and refuses to replace a file that appeared meanwhile.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import keyring
import keyring.errors
from sqlalchemy.exc import OperationalError

from leaddesk.security.keys import (
    SERVICE,
    PassphrasePrompt,
    entry_name,
    forget_keychain_key,
    keychain_key,
)
from leaddesk.services.desk import Desk
from leaddesk.store.errors import StoreError

SIDE_FILES = ("", "-wal", "-shm", "-journal")


def building_path(target: Path) -> Path:
    """Where the store for `target` is built: hidden, in the same folder (so the rename is
    atomic), and always the same name (so a killed build's leftovers are found and removed)."""
    return target.with_name(f".{target.name}.building")


def remove_leftovers(target: Path) -> None:
    """Remove what a killed build for `target` left: the half-built store and its key."""
    building = building_path(target)
    for suffix in SIDE_FILES:
        Path(f"{building}{suffix}").unlink(missing_ok=True)
    forget_keychain_key(building)


@contextmanager
def store_beside(
    target: Path,
    prompt: PassphrasePrompt | None = None,
    today: Callable[[], date] = date.today,
) -> Iterator[Desk]:
    """A new Desk to fill inside the block; at its end the store appears at `target` whole.

    On any failure (or a kill) nothing is at `target` and the next build cleans what is left.
    """
    target = Path(target).expanduser().absolute()
    if target.exists():
        raise StoreError(f"{target} already exists; choose a new file for the new store.")
    remove_leftovers(target)
    building = building_path(target)
    try:
        with Desk.create(building, prompt, today) as desk:  # it removes itself on failure
            yield desk
    except OperationalError as error:  # SQLite's own words only: parameters hold private text
        raise StoreError(
            f"Cannot build the new store in {target.parent} ({error.orig}); free some space or "
            "choose another folder. Nothing was imported."
        ) from None
    try:
        _place(building, target)
    except OSError as error:  # the folder became read-only, the disk full, the file vanished
        remove_leftovers(target)
        raise StoreError(
            f"Cannot put the new store at {target}: {error.strerror or error}. Nothing was "
            "imported."
        ) from None
    except BaseException:
        remove_leftovers(target)
        raise


def _place(building: Path, target: Path) -> None:
    if any(Path(f"{building}{suffix}").exists() for suffix in SIDE_FILES[1:]):
        # Closing the last connection folds the WAL into the file; if it is still there the
        # file alone is not the whole store, and renaming it would lose data.
        raise StoreError("The new store was not closed cleanly; nothing was imported.")
    with building.open("rb+") as handle:
        os.fsync(handle.fileno())
    moved = _copy_key(building, target)
    try:
        try:
            os.link(building, target)  # fails if target exists: an import never replaces
        except FileExistsError:
            raise StoreError(
                f"{target} appeared while importing; it was kept. Choose a new file."
            ) from None
        except OSError:  # no hard links here (e.g. FAT): a rename after the check above
            if target.exists():
                raise StoreError(f"{target} appeared while importing; it was kept.") from None
            os.rename(building, target)
        building.unlink(missing_ok=True)
        _fsync_folder(target.parent)
    except BaseException:
        if moved:
            forget_keychain_key(target)
        raise
    forget_keychain_key(building)


def _copy_key(building: Path, target: Path) -> bool:
    """Give the store's keychain key to its final name (keys are named by path today).

    The one place that knows how keychain entries are named: when they are named by something
    the file carries (its SQLCipher salt), this becomes a no-op. True when a key was copied.
    """
    key = keychain_key(building)
    if key is None:  # a passphrase store: the passphrase opens it wherever it lies
        return False
    try:
        keyring.set_password(SERVICE, entry_name(target), key)
    except keyring.errors.KeyringError:
        raise StoreError(
            "The OS keychain refused to keep the new store's key (is it locked?); nothing was "
            "imported."
        ) from None
    return True


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
