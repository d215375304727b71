"""Files that are either complete or absent: written beside the target, then renamed into place."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from leaddesk.domain.errors import UserError


class ExportError(UserError):
    """An export could not be written; the message says why and what to do."""


STORE_SIDE_FILES = ("", "-wal", "-shm", "-journal", ".lock")


def check_target(target: Path, protect: Path | None = None) -> Path:
    """The absolute target, or a clear error when its folder is missing, it is a folder, or it
    is the open store `protect` (or one of its side files): an export must never replace that."""
    target = Path(target).expanduser().absolute()
    if protect is not None:
        store = Path(protect).expanduser().absolute()
        if any(target.resolve() == Path(f"{store}{s}").resolve() for s in STORE_SIDE_FILES):
            raise ExportError(
                f"{target.name} is your LeadDesk store (or one of its files); an export must not "
                "replace it. Choose another file name."
            )
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give a file name to write to.")
    if not target.parent.is_dir():
        raise ExportError(
            f"The folder {target.parent} does not exist; create it or choose another."
        )
    return target


@contextmanager
def atomic_path(target: Path, protect: Path | None = None) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target`, else it vanishes.

    A crash, a bad row or a full disk never leaves a half-written export under the user's name:
    the old file (if any) stays until the new one is complete and flushed. `protect` is the open
    store, which no export may replace. A failed write (disk full, file locked by a viewer) is an
    ExportError saying so.
    """
    target = check_target(target, protect)
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".partial", dir=target.parent
        )
    except OSError as error:
        raise ExportError(f"Cannot write in {target.parent}: {error.strerror}.") from error
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with temporary.open("rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        reason = error.strerror or str(error)
        raise ExportError(f"Cannot write {target}: {reason}. Nothing was written.") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
