"""Run slow work off the GUI thread: a QRunnable whose result comes back by signal.

Anki's QueryOp, reduced: `run_in_background(work, on_done, on_error, on_progress)`.
The work function receives a `progress(done, total)` callable and must not touch widgets.
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Progress = Callable[[int, int], None]


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals
        self.cancelled = False

    def run(self) -> None:
        try:
            result = self.work(self._progress)
        except BaseException as error:
            error.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._emit(self.signals.failed, error)
            return
        self._emit(self.signals.done, result)

    @staticmethod
    def _emit(signal: Any, value: Any) -> None:
        # At shutdown the application may have taken the receiver with it: nothing to tell.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)

    def _progress(self, done: int, total: int) -> None:
        if self.cancelled:
            raise CancelledError
        self.signals.progress.emit(done, total)


class CancelledError(Exception):
    """Raised inside the worker when the user cancelled."""


_KEEP: set[_Signals] = set()


def run_in_background(
    work: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int, int], None] | None = None,
) -> Callable[[], None]:
    """Start `work` on the global thread pool; returns a function that cancels it."""
    signals = _Signals()
    _KEEP.add(signals)

    def finish(callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def handler(value: Any) -> None:
            _KEEP.discard(signals)
            callback(value)

        return handler

    signals.done.connect(finish(on_done))
    signals.failed.connect(finish(on_error))
    if on_progress is not None:
        signals.progress.connect(on_progress)
    job = _Job(work, signals)
    QThreadPool.globalInstance().start(job)

    def cancel() -> None:
        job.cancelled = True

    return cancel
