"""What every view shares: the service facade, presenter mode, undo, messages, navigation."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from leaddesk.domain.errors import UserError
from leaddesk.logs import record_fault
from leaddesk.reports import wording
from leaddesk.services.changes import Change
from leaddesk.services.desk import Desk
from leaddesk.services.undo import Deletable, Deleted

T = TypeVar("T")


def explain(error: BaseException) -> str:
    """What to tell the user about an error: its own words when it is theirs to fix; otherwise
    that it is a fault, its type and frames written to LeadDesk's log (never its message, which
    could quote private text), whose path is named."""
    if isinstance(error, UserError):
        return str(error)
    path = record_fault(error)
    return (
        "an unexpected fault, not your doing (your data is safe). Its details, without any "
        f"private text, are in {path}"
    )


class AppContext(QObject):
    """One per window: views get data from `desk` and tell the user through this object."""

    changed = Signal(object)  # a services Change (with its initiator), after every committed write
    settled = Signal()  # a user action's writes are all made: views re-read once, now
    presenter_changed = Signal(bool)
    navigate = Signal(str, object)  # view name ("week", "person", "board"...), argument
    message = Signal(str)  # for the status bar
    undo_available = Signal(str)  # label of what undo would restore ('' when nothing)

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._presenter = False
        self._acting: list[object | None] = []  # initiators of the user actions under way
        self._gui_thread = threading.get_ident()
        self._unsubscribe = desk.subscribe(self._relay)

    # -- presenter mode ----------------------------------------------------------------------
    @property
    def presenter(self) -> bool:
        """True while the screen may be shared: private fields are hidden everywhere."""
        return self._presenter

    def set_presenter(self, on: bool) -> None:
        """Switch presenter mode; every view re-renders without private fields."""
        if on != self._presenter:
            self._presenter = on
            self.presenter_changed.emit(on)

    # -- change notices ----------------------------------------------------------------------
    @contextmanager
    def acting(self, initiator: object | None) -> Iterator[None]:
        """Run one user action's writes: their changes carry `initiator`, and views hold their
        refresh until the outermost action ends (`settled`), so they re-read once, not per write."""
        self._acting.append(initiator)
        try:
            yield
        finally:
            self._acting.pop()
            if not self._acting:
                self.settled.emit()

    @property
    def in_action(self) -> bool:
        """True while a user action's writes are under way (views wait for `settled`)."""
        return bool(self._acting)

    def _relay(self, change: Change) -> None:
        # A worker's write is no user action here, even while one runs on the GUI thread.
        if self._acting and change.initiator is None and threading.get_ident() == self._gui_thread:
            change = change.made_by(self._acting[-1])
        self.changed.emit(change)

    # -- writes ------------------------------------------------------------------------------
    def attempt(self, parent: QWidget | None, action: Callable[[], object], done: str = "") -> bool:
        """Run a service write; a user error becomes a message box, success a status message."""
        return self._run(parent, action, done)[0]

    def result(self, parent: QWidget | None, action: Callable[[], T], done: str = "") -> T | None:
        """Like attempt, returning what the write returned (None when it failed)."""
        ok, value = self._run(parent, action, done)
        return value if ok else None

    def _run(
        self, parent: QWidget | None, action: Callable[[], T], done: str
    ) -> tuple[bool, T | None]:
        try:
            with self.acting(parent):
                value = action()
        except UserError as error:
            QMessageBox.warning(parent, "LeadDesk", str(error))
            return False, None
        if done:
            self.message.emit(done)
        return True, value

    def delete(self, parent: QWidget | None, kind: Deletable, ident: int) -> Deleted | None:
        """Delete with undo: the status bar offers Undo (Ctrl+Z) right away."""
        deleted = self.result(parent, lambda: self.desk.delete(kind, ident))
        if isinstance(deleted, Deleted):
            said = f"Deleted {self._what(deleted)}"
            self.message.emit(f"{said}. Press Ctrl+Z to undo.")
            self.undo_available.emit(said)
        return deleted

    def undo(self) -> None:
        """Restore the latest deletion."""
        restored = self.result(None, self.desk.undo)
        nxt = self.desk.can_undo()
        self.undo_available.emit(f"Deleted {self._what(nxt)}" if nxt else "")
        if not isinstance(restored, Deleted):
            self.message.emit("Nothing to undo.")
        else:
            self.message.emit(f"Restored {self._what(restored)}.")

    def _what(self, deleted: Deleted) -> str:
        """'promise “Send the budget”', 'relationship note of 3 May': dates as everywhere."""
        today = self.desk.today()
        return deleted.what_with(lambda on: wording.day(on, today))

    def go(self, view: str, argument: Any = None) -> None:
        """Ask the main window to show a view."""
        self.navigate.emit(view, argument)

    def close(self) -> None:
        """Stop listening to the desk."""
        self._unsubscribe()
