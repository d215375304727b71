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

from sqlalchemy.exc import OperationalError

from leaddesk.security.keys import (
    PassphrasePrompt,
    StoreKey,
    forget_keychain_key,
    store_entry_name,
)
from leaddesk.services.desk import Desk
from leaddesk.store.errors import DiskFullError, StoreError

SIDE_FILES = ("", "-wal", "-shm", "-journal")


def building_path(target: Path) -> Path:
    """Where the store for `target` is built: hidden, in the same folder (so the rename is
    atomic), and always the same name (so a killed build's leftovers are found and removed)."""
    return target.with_name(f".{target.name}.building")


def remove_leftovers(target: Path) -> None:
    """Remove what a killed build for `target` left: the half-built store and its key."""
    building = building_path(target)
    entry = store_entry_name(building)  # read from the file's salt, so before it goes
    for suffix in SIDE_FILES:
        leftover = Path(f"{building}{suffix}")
        if leftover.exists():  # unlink(missing_ok) still fails in a read-only folder
            leftover.unlink()
    if entry is not None:
        forget_keychain_key(StoreKey("", "keychain", entry=entry))


@contextmanager
def store_beside(
    target: Path,
    prompt: PassphrasePrompt | None = None,
    today: Callable[[], date] = date.today,
    failed: str = "Nothing was imported.",
) -> Iterator[Desk]:
    """A new Desk to fill inside the block; at its end the store appears at `target` whole.

    On any failure (or a kill) nothing is at `target` and the next build cleans what is left;
    `failed` ends the message that says so.
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
            f"choose another folder. {failed}"
        ) from None
    except DiskFullError:  # said of the hidden file being built: say it of the folder chosen
        raise StoreError(
            f"Cannot build the new store in {target.parent} (database or disk is full); free "
            f"some space or choose another folder. {failed}"
        ) from None
    try:
        _place(building, target, failed)
    except OSError as error:  # the folder became read-only, the disk full, the file vanished
        remove_leftovers(target)
        raise StoreError(
            f"Cannot put the new store at {target}: {error.strerror or error}. {failed}"
        ) from None
    except BaseException:
        remove_leftovers(target)
        raise


def _place(building: Path, target: Path, failed: str) -> None:
    if any(Path(f"{building}{suffix}").exists() for suffix in SIDE_FILES[1:]):
        # Closing the last connection folds the WAL into the file; if it is still there the
        # file alone is not the whole store, and renaming it would lose data.
        raise StoreError(f"The new store was not closed cleanly. {failed}")
    with building.open("rb+") as handle:
        os.fsync(handle.fileno())
    # Keychain entries are named by the file's salt, which the rename keeps: nothing to move.
    try:
        os.link(building, target)  # fails if target exists: an import never replaces
    except FileExistsError:
        raise StoreError(
            f"{target} appeared meanwhile; it was kept. Choose a new file. {failed}"
        ) from None
    except OSError:  # no hard links here (e.g. FAT): a rename after the check above
        if target.exists():
            raise StoreError(f"{target} appeared meanwhile; it was kept. {failed}") from None
        os.rename(building, target)
    building.unlink(missing_ok=True)
    _fsync_folder(target.parent)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
