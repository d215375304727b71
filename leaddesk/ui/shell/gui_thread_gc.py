"""Python's cyclic garbage is collected on the GUI thread only, so Qt objects die where they live.

Automatic collection runs in whichever thread happens to allocate: a worker reading the store
could then destroy a dropped widget's QObjects (its timers) off the GUI thread. Qt warns
"QBasicTimer::stop: Failed. Possibly trying to stop from a different thread", and the process can
crash soon after (seen on the person page after an edit). So automatic collection is switched off
and a timer on the GUI thread collects whenever the allocation counts say a collection is due,
generation by generation, as the interpreter would have (Anki's `GarbageCollector` does the same).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 500


class GuiThreadCollector(QObject):
    """Owns the collection schedule while the application runs (made by collect_on_gui_thread,
    which also switches automatic collection off)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect_if_due)
        self.timer.start(CHECK_MS)

    def collect_if_due(self) -> None:
        """Collect what is due, on the GUI thread (the timer's)."""
        collect_if_due(self.threshold)


def collect_if_due(threshold: tuple[int, int, int]) -> None:
    """Collect the generations whose counts passed their thresholds, as the interpreter would."""
    young, middle, old = gc.get_count()
    if young > threshold[0]:
        gc.collect(0)
        if middle > threshold[1]:
            gc.collect(1)
            if old > threshold[2]:
                gc.collect(2)


def collect_on_gui_thread(parent: QObject) -> GuiThreadCollector:
    """Switch automatic collection to the GUI thread for as long as `parent` (the app) lives."""
    gc.disable()
    existing = parent.findChild(GuiThreadCollector)
    return existing if existing is not None else GuiThreadCollector(parent)
