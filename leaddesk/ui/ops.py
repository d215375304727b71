"""Slow work off the GUI thread as one typed operation tied to a widget (Anki's QueryOp, reduced).

    BackgroundOp(self, read, key="load").success(self._show).failure(self._failed).run()

`read(progress)` runs on `QThreadPool.globalInstance()` and must not touch widgets; its result,
failure and progress come back on the GUI thread. Nothing is delivered once the parent is
destroyed, and an operation started with the same `key` on the same parent supersedes the older
one, whose result is dropped: no caller keeps a generation counter or asks shiboken6.

Garbage is collected on the GUI thread only (gui_thread_gc.py): so the operation, its parent
and its callbacks are held here, on the GUI thread, and a worker holds only the work, its
`Progress` and a serial number. The work must therefore capture no widget and return plain data
(read models, paths, a QImage), never a QObject.
"""

from __future__ import annotations

import contextlib
import itertools
import sys
import threading
import traceback
from collections.abc import Callable
from enum import Enum
from typing import Generic, TypeVar, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

T = TypeVar("T")


class CancelledError(Exception):
    """Raised inside the work, at its next progress step, once the operation was cancelled."""


class _Kind(Enum):
    PROGRESS = "progress"
    DONE = "done"
    FAILED = "failed"


_Message = tuple[int, _Kind, object]  # serial of the operation, what happened, its value


class _Relay(QObject):
    """Lives on the GUI thread; whatever a worker sends through it is handled there."""

    send = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.send.connect(self._receive, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _receive(self, message: _Message) -> None:
        serial, kind, value = message
        op = _RUNNING.get(serial)
        if op is None:
            return
        if kind is not _Kind.PROGRESS:
            del _RUNNING[serial]
            op._finished = True
        op._receive(kind, value)


_relay: _Relay | None = None
_RUNNING: dict[int, BackgroundOp[object]] = {}  # started, not yet finished; GUI thread only
_serials = itertools.count(1)


def _the_relay() -> _Relay:
    global _relay
    if _relay is None or not shiboken6.isValid(_relay):
        _relay = _Relay()
        app = QCoreApplication.instance()
        if app is not None:
            _relay.moveToThread(app.thread())
    return _relay


def _send(relay: _Relay, message: _Message) -> None:
    # At shutdown the application may have taken the relay with it: nothing to tell.
    with contextlib.suppress(RuntimeError):
        relay.send.emit(message)


class Progress:
    """What the work gets: call it with (done, total) to report progress; it raises
    `CancelledError` once the operation was cancelled or superseded."""

    def __init__(self, serial: int, relay: _Relay) -> None:
        self._serial = serial
        self._relay = relay
        self._stop = threading.Event()

    def __call__(self, done: int, total: int) -> None:
        if self._stop.is_set():
            raise CancelledError
        _send(self._relay, (self._serial, _Kind.PROGRESS, (done, total)))

    @property
    def cancelled(self) -> bool:
        """Whether the work should stop (for work that would rather return early than raise)."""
        return self._stop.is_set()


class _Job(QRunnable):
    """The worker's side: the work, its Progress and the serial, nothing of the GUI's."""

    def __init__(self, work: Callable[[Progress], object], progress: Progress) -> None:
        super().__init__()
        self.work = work
        self.progress = progress

    def run(self) -> None:
        progress = self.progress
        try:
            result = self.work(progress)
        except BaseException as error:
            # Kept for the error dialog path: the frames as text, whatever happens to the frames.
            error.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            _send(progress._relay, (progress._serial, _Kind.FAILED, error))
            return
        _send(progress._relay, (progress._serial, _Kind.DONE, result))


class BackgroundOp(Generic[T]):
    """One piece of work on the thread pool whose outcome is delivered to `parent`'s side.

    `key` names what the work is for ("load", "preview"): running an operation with the same
    key on the same parent drops the older one. Without a key nothing is superseded.
    """

    def __init__(
        self, parent: QObject, work: Callable[[Progress], T], *, key: str | None = None
    ) -> None:
        self.parent = parent
        self.key = key
        self._work = work
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._on_progress: Callable[[int, int], None] | None = None
        self._progress: Progress | None = None
        self._dropped = False
        self._finished = False

    def success(self, callback: Callable[[T], None]) -> BackgroundOp[T]:
        """Call `callback` with the work's result, on the GUI thread."""
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> BackgroundOp[T]:
        """Call `callback` with what the work raised (without one: `sys.excepthook`, the app's
        'something went wrong' dialog)."""
        self._on_failure = callback
        return self

    def progress(self, callback: Callable[[int, int], None]) -> BackgroundOp[T]:
        """Call `callback(done, total)` whenever the work reports progress."""
        self._on_progress = callback
        return self

    def run(self) -> BackgroundOp[T]:
        """Start the work (from the GUI thread), superseding an older one with the same key."""
        if self._progress is not None:
            raise RuntimeError("This operation was already started.")
        if self.key is not None:
            drop_op(self.parent, self.key)
        serial = next(_serials)
        self._progress = Progress(serial, _the_relay())
        _RUNNING[serial] = cast(BackgroundOp[object], self)
        QThreadPool.globalInstance().start(_Job(self._work, self._progress))
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next progress step. Its outcome is still delivered: a
        failure with `CancelledError` if it stopped, its result if it had got past its last step
        (an export that was written says so)."""
        if self._progress is not None:
            self._progress._stop.set()

    def drop(self) -> None:
        """The result is no longer wanted: cancel, and deliver nothing more."""
        self._dropped = True
        self.cancel()

    @property
    def finished(self) -> bool:
        """Whether the work's outcome came back to the GUI thread (delivered or dropped)."""
        return self._finished

    @property
    def dropped(self) -> bool:
        """Whether nothing more will be delivered (superseded, dropped, or its parent is gone)."""
        return self._dropped or not shiboken6.isValid(self.parent)

    def _receive(self, kind: _Kind, value: object) -> None:
        if self.dropped:
            return
        if kind is _Kind.PROGRESS:
            if self._on_progress is not None:
                done, total = cast(tuple[int, int], value)
                self._on_progress(done, total)
        elif kind is _Kind.DONE:
            if self._on_success is not None:
                self._on_success(cast(T, value))
        else:
            error = cast(BaseException, value)
            if self._on_failure is not None:
                self._on_failure(error)
            else:
                sys.excepthook(type(error), error, error.__traceback__)


def drop_op(parent: QObject, key: str) -> None:
    """Drop the running operations started on `parent` with `key`: their results are no longer
    wanted (a choice changed before the next operation starts)."""
    for op in list(_RUNNING.values()):
        if op.parent is parent and op.key == key:
            op.drop()
