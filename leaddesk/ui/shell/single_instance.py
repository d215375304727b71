"""One LeadDesk per store, found by the store's resolved path, and a second start that brings the
first window forward instead of opening the same file twice.

The lock (`QLockFile` beside the store) is what keeps two writers apart; the local socket, named
after a hash of the resolved path and the user, only carries "show yourself" to the first one.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject

# The logger by name: leaddesk.logs (and logging.handlers) loads after the first window shows.
log = logging.getLogger("leaddesk")

SHOW = b"show\n"
SHOWN = b"shown\n"
WAIT_MS = 2_000


def store_identity(path: Path) -> Path:
    """The path every start on one store agrees on: absolute, symlinks and '..' resolved."""
    return Path(path).expanduser().resolve()


def server_name(path: Path) -> str:
    """A short local-socket name for this store and this user (the path itself may be long)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        user = "user"
    raw = f"{user}\0{store_identity(path)}".encode("utf-8", "surrogateescape")
    return "leaddesk-" + hashlib.sha256(raw).hexdigest()[:24]


def lock_for(path: Path) -> QLockFile:
    """The lock file beside the store, by its resolved path."""
    lock = QLockFile(f"{store_identity(path)}.lock")
    lock.setStaleLockTime(0)  # a lock left by a crash is taken over (QLockFile checks the pid)
    return lock


def ask_first_to_show(path: Path) -> bool:
    """Tell the LeadDesk already open on `path` to come forward; True when it answered."""
    from PySide6.QtNetwork import QLocalSocket  # only on a second start: not on the way up

    socket = QLocalSocket()
    socket.connectToServer(server_name(path))
    if not socket.waitForConnected(WAIT_MS):
        return False
    socket.write(SHOW)
    socket.waitForBytesWritten(WAIT_MS)
    answered = socket.waitForReadyRead(WAIT_MS) and bytes(socket.readAll().data()) == SHOWN
    socket.disconnectFromServer()
    return answered


class ShowRequests(QObject):
    """Listens for later starts on the same store and calls `show` for each."""

    def __init__(self, path: Path, show: Callable[[], None], parent: QObject | None = None):
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self._show = show
        self.server = QLocalServer(self)
        name = server_name(path)
        QLocalServer.removeServer(name)  # a socket left by a crash; the lock says we own it
        if not self.server.listen(name):
            log.warning("The single-instance socket could not listen; second starts will say so")
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if socket.waitForReadyRead(WAIT_MS) and bytes(socket.readAll().data()) == SHOW:
                log.info("A second start on this store brought the open window forward")
                self._show()
                socket.write(SHOWN)
                socket.waitForBytesWritten(WAIT_MS)
            socket.disconnectFromServer()
            socket.deleteLater()

    def close(self) -> None:
        """Stop listening (the socket file is removed)."""
        self.server.close()
