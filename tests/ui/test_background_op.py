"""A background operation delivers on the GUI thread, to a live parent, only while it is wanted."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import ClassVar

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QWidget

from leaddesk.ui.ops import BackgroundOp, CancelledError, Progress, drop_op

WAIT = 10  # seconds a worker waits for the test to let it go (only reached when a test fails)


class Outcome:
    """What an operation delivered, and on which thread."""

    def __init__(self) -> None:
        self.results: list[object] = []
        self.errors: list[BaseException] = []
        self.steps: list[tuple[int, int]] = []
        self.threads: list[str] = []

    def success(self, value: object) -> None:
        self.results.append(value)
        self.threads.append(threading.current_thread().name)

    def failure(self, error: BaseException) -> None:
        self.errors.append(error)
        self.threads.append(threading.current_thread().name)

    def step(self, done: int, total: int) -> None:
        self.steps.append((done, total))

    def watch(self, op: BackgroundOp[str]) -> BackgroundOp[str]:
        return op.success(self.success).failure(self.failure).progress(self.step)


def test_the_result_is_delivered_on_the_gui_thread(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    ran_in: list[str] = []

    def work(_progress: Progress) -> str:
        ran_in.append(threading.current_thread().name)
        return "read"

    outcome = Outcome()
    op = outcome.watch(BackgroundOp(parent, work)).run()
    qtbot.waitUntil(lambda: op.finished)
    assert outcome.results == ["read"] and outcome.errors == []
    assert ran_in != [threading.main_thread().name]  # the work ran off the GUI thread...
    assert outcome.threads == [threading.main_thread().name]  # ...its result came back to it


def test_a_failure_is_delivered_with_the_error_and_its_traceback(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def broken_read(_progress: Progress) -> str:
        raise ValueError("the store said no")

    outcome = Outcome()
    op = outcome.watch(BackgroundOp(parent, broken_read)).run()
    qtbot.waitUntil(lambda: op.finished)
    assert outcome.results == []
    [error] = outcome.errors
    assert isinstance(error, ValueError) and str(error) == "the store said no"
    assert isinstance(error.__traceback__, TracebackType)
    assert "broken_read" in error.__traceback_text__  # type: ignore[attr-defined]
    assert outcome.threads == [threading.main_thread().name]


def test_without_a_failure_callback_the_error_goes_to_the_excepthook(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _kind, error, _tb: hooked.append(error))

    def broken(_progress: Progress) -> str:
        raise KeyError("fault")

    op = BackgroundOp(parent, broken).run()
    qtbot.waitUntil(lambda: op.finished)
    assert [type(error) for error in hooked] == [KeyError]


def test_progress_arrives_in_order_before_the_result(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen_at_success: list[list[tuple[int, int]]] = []

    def work(progress: Progress) -> str:
        for done in range(1, 4):
            progress(done, 3)
        return "written"

    outcome = Outcome()
    op = outcome.watch(BackgroundOp(parent, work))
    op.success(lambda value: seen_at_success.append(list(outcome.steps))).run()
    qtbot.waitUntil(lambda: op.finished)
    assert outcome.steps == [(1, 3), (2, 3), (3, 3)]
    assert seen_at_success == [[(1, 3), (2, 3), (3, 3)]]


def test_a_superseded_operations_late_result_is_dropped(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    hold_first = threading.Event()
    first_returned = threading.Event()

    def first_read(_progress: Progress) -> str:
        hold_first.wait(WAIT)
        first_returned.set()
        return "old"

    outcome = Outcome()
    first = outcome.watch(BackgroundOp(parent, first_read, key="load")).run()
    second = outcome.watch(BackgroundOp(parent, lambda _progress: "new", key="load")).run()
    qtbot.waitUntil(lambda: second.finished)
    assert outcome.results == ["new"]
    hold_first.set()  # the older read ends only now, after the newer one was shown
    qtbot.waitUntil(lambda: first.finished)
    assert first_returned.is_set()  # it did return a result...
    assert outcome.results == ["new"] and outcome.errors == []  # ...which was dropped
    assert first.dropped and not second.dropped


def test_only_the_same_key_on_the_same_parent_supersedes(qtbot) -> None:
    parent, other = QWidget(), QWidget()
    qtbot.addWidget(parent)
    qtbot.addWidget(other)
    hold = threading.Event()

    def held(value: str) -> Callable[[Progress], str]:
        def work(_progress: Progress) -> str:
            hold.wait(WAIT)
            return value

        return work

    outcome = Outcome()
    ops = [
        outcome.watch(BackgroundOp(parent, held("week"), key="week")).run(),
        outcome.watch(BackgroundOp(parent, held("team"), key="team")).run(),
        outcome.watch(BackgroundOp(other, held("other's week"), key="week")).run(),
        outcome.watch(BackgroundOp(parent, held("no key"))).run(),
        outcome.watch(BackgroundOp(parent, held("no key again"))).run(),
    ]
    hold.set()
    qtbot.waitUntil(lambda: all(op.finished for op in ops))
    assert sorted(map(str, outcome.results)) == sorted(
        ["week", "team", "other's week", "no key", "no key again"]
    )


def test_a_result_for_a_destroyed_parent_is_dropped(qtbot) -> None:
    parent = QWidget()
    hold = threading.Event()

    def read(_progress: Progress) -> str:
        hold.wait(WAIT)
        return "too late"

    outcome = Outcome()
    op = outcome.watch(BackgroundOp(parent, read)).run()
    shiboken6.delete(parent)  # the view was closed while its read ran
    hold.set()
    qtbot.waitUntil(lambda: op.finished)
    assert op.dropped
    assert outcome.results == [] and outcome.errors == [] and outcome.steps == []


class Owner(QObject):
    """A parent only the operation still holds; records the thread its wrapper dies in."""

    died_in: ClassVar[list[str]] = []

    def __del__(self) -> None:
        Owner.died_in.append(threading.current_thread().name)


def test_the_parent_and_callbacks_are_let_go_on_the_gui_thread(qtbot) -> None:
    """Qt objects die where they live: a worker never drops the last reference to the parent."""
    Owner.died_in.clear()
    hold = threading.Event()

    def read(_progress: Progress) -> str:
        hold.wait(WAIT)
        return "read"

    delivered: list[str] = []
    BackgroundOp(Owner(), read).success(delivered.append).run()  # nobody here keeps either
    hold.set()
    qtbot.waitUntil(lambda: delivered == ["read"])
    QThreadPool.globalInstance().waitForDone()  # the worker let go of all it held
    qtbot.waitUntil(lambda: bool(Owner.died_in))
    assert Owner.died_in == [threading.main_thread().name]


def test_cancel_stops_the_work_at_its_next_step_and_says_so(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    at_step = threading.Event()
    go_on = threading.Event()
    steps_done: list[int] = []

    def export(progress: Progress) -> str:
        progress(1, 3)
        steps_done.append(1)
        at_step.set()
        go_on.wait(WAIT)
        progress(2, 3)  # raises: the user cancelled meanwhile
        steps_done.append(2)
        return "written"

    outcome = Outcome()
    op = outcome.watch(BackgroundOp(parent, export)).run()
    assert at_step.wait(WAIT)
    op.cancel()
    go_on.set()
    qtbot.waitUntil(lambda: op.finished)
    assert steps_done == [1]
    assert outcome.results == []
    assert [type(error) for error in outcome.errors] == [CancelledError]
    assert not op.dropped  # a cancel is answered: the caller says "nothing was written"


def test_a_cancel_after_the_last_step_still_reports_the_result(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    past_last_step = threading.Event()
    go_on = threading.Event()

    def export(progress: Progress) -> str:
        progress(1, 1)
        past_last_step.set()
        go_on.wait(WAIT)
        return "written"  # the file is there: saying "cancelled" would be untrue

    outcome = Outcome()
    op = outcome.watch(BackgroundOp(parent, export)).run()
    assert past_last_step.wait(WAIT)
    op.cancel()
    go_on.set()
    qtbot.waitUntil(lambda: op.finished)
    assert outcome.results == ["written"] and outcome.errors == []


def test_a_dropped_operation_sees_it_and_delivers_nothing(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    waiting = threading.Event()
    go_on = threading.Event()
    saw_cancelled: list[bool] = []

    def draw(progress: Progress) -> str:
        waiting.set()
        go_on.wait(WAIT)
        saw_cancelled.append(progress.cancelled)
        return "page"

    outcome = Outcome()
    op = outcome.watch(BackgroundOp(parent, draw, key="preview")).run()
    assert waiting.wait(WAIT)
    drop_op(parent, "preview")  # the choice changed before the next drawing starts
    go_on.set()
    qtbot.waitUntil(lambda: op.finished)
    assert saw_cancelled == [True]
    assert outcome.results == [] and outcome.errors == []


def test_an_operation_runs_once(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    op = BackgroundOp(parent, lambda _progress: "once").run()
    with pytest.raises(RuntimeError):
        op.run()
    qtbot.waitUntil(lambda: op.finished)
