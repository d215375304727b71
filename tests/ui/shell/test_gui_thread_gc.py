"""Garbage is collected on the GUI thread: a worker that allocates never destroys Qt objects."""

from __future__ import annotations

import gc
import threading
from typing import ClassVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from leaddesk.ui.app import make_application
from leaddesk.ui.shell.gui_thread_gc import GuiThreadCollector


class Cycle(QObject):
    """A QObject in a reference cycle: only the cyclic collector frees it."""

    destroyed_in: ClassVar[list[str]] = []

    def __init__(self) -> None:
        super().__init__()
        self.me = self

    def __del__(self) -> None:
        Cycle.destroyed_in.append(threading.current_thread().name)


def test_the_app_collects_on_its_own_thread_and_a_worker_never_does(qtbot) -> None:
    gc.enable()  # as in any Python process before LeadDesk's application is made
    app = make_application([])
    assert isinstance(app, QApplication)
    collector = app.findChild(GuiThreadCollector)
    assert collector is not None and not gc.isenabled()
    assert make_application([]).findChildren(GuiThreadCollector) == [collector]  # installed once

    Cycle.destroyed_in.clear()
    Cycle()  # garbage now, in a cycle

    def allocate() -> None:  # far past the threshold of generation 0
        for _ in range(20 * gc.get_threshold()[0]):
            _ = [[], {}]

    worker = threading.Thread(target=allocate, name="worker")
    worker.start()
    worker.join()
    assert Cycle.destroyed_in == []  # the worker allocated, yet nothing was collected there
    gc.collect()  # what the GUI thread's timer does when a collection is due
    assert Cycle.destroyed_in == [threading.current_thread().name]
