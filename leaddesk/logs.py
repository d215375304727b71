"""LeadDesk's own log: a rotating file in the user's log folder that never holds private text.

An exception's message can quote a note, a name, SQL parameters or a key, so the log keeps only
what locates a fault: the exception's type and its frames (file:line in function). Records are
written only by LeadDesk's own code with constant messages. Nothing is printed to the terminal:
the CLI and the GUI tell the user in their own words and point at this file.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import traceback
from io import TextIOWrapper
from pathlib import Path
from types import TracebackType

LOG_DIR_ENV = "LEADDESK_LOG_DIR"  # tests point it at a temporary folder
LOG_NAME = "leaddesk.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
LOGGER = "leaddesk"

log = logging.getLogger(LOGGER)


def log_dir() -> Path:
    """$LEADDESK_LOG_DIR, else the platform's user log folder for LeadDesk."""
    env = os.environ.get(LOG_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_log_dir

    return Path(user_log_dir("LeadDesk", appauthor=False))


def log_path() -> Path:
    """The file errors are written to."""
    return log_dir() / LOG_NAME


def _frames(tb: TracebackType | None) -> list[str]:
    return [f"  {f.filename}:{f.lineno} in {f.name}" for f in traceback.extract_tb(tb)]


def describe_exception(error: BaseException) -> str:
    """Type and frames of `error` and of the exceptions it was raised from; never a message."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        kind = type(current)
        lines.append(f"{kind.__module__}.{kind.__qualname__} (message withheld)")
        lines.extend(_frames(current.__traceback__))
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
        if current is not None:
            lines.append(" raised while handling or from:")
    return "\n".join(lines)


class PrivateFormatter(logging.Formatter):
    """Time, level, logger, LeadDesk's own message; exceptions as type and frames only."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        """The record without any exception message or stack-info text."""
        # Arguments are dropped: a format argument could carry user text.
        safe = logging.makeLogRecord(
            {
                "name": record.name,
                "levelno": record.levelno,
                "levelname": record.levelname,
                "msg": str(record.msg),
                "args": None,
                "created": record.created,
                "msecs": record.msecs,
            }
        )
        line = super().format(safe)
        if record.exc_info and record.exc_info[1] is not None:
            line += "\n" + describe_exception(record.exc_info[1])
        return line


class PrivateFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose folder is made 0700 and whose files are created 0600, lazily.

    A log that cannot be written (full disk, read-only home) is silently skipped: the logging
    module's default would print a traceback on stderr, the very thing this log replaces.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )

    def _open(self) -> TextIOWrapper:
        folder = Path(self.baseFilename).parent
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.fchmod(fd, 0o600)  # a file left by an older version keeps no wider mode
        return open(fd, "a", encoding="utf-8")  # the handler owns and closes it

    def handleError(self, record: logging.LogRecord) -> None:
        """Drop the record: nothing may reach stderr, and a failed log must not fail the app."""


def setup_logging() -> Path:
    """Send LeadDesk's log records to the private log file (idempotent); returns its path.

    Called by the CLI and the GUI at start. The file is created only when a record is written.
    """
    path = log_path()
    for handler in list(log.handlers):
        if isinstance(handler, PrivateFileHandler):
            if Path(handler.baseFilename) == path.absolute():
                return path
            log.removeHandler(handler)
            handler.close()
    handler = PrivateFileHandler(path)
    handler.setFormatter(PrivateFormatter())
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False  # never to the root logger's stderr handler
    return path


def record_fault(error: BaseException, what: str = "Unexpected error") -> Path:
    """Log a fault (a bug, not the user's doing) with its frames; returns the log's path."""
    path = setup_logging()
    log.error(what, exc_info=(type(error), error, error.__traceback__))
    return path
