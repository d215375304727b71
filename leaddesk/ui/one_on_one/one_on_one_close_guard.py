"""Never lose 1:1 notes silently: closing the window with a draft asks Save / Discard / Cancel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from leaddesk.ui.one_on_one.one_on_one_session import OneOnOneSession

Button = QMessageBox.StandardButton


class OneOnOneCloseGuard(QObject):
    """An event filter on the top-level window; `confirm` is replaceable (tests)."""

    def __init__(
        self,
        sessions: dict[int, OneOnOneSession],
        save: Callable[[OneOnOneSession], bool],
        forget: Callable[[int], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self.save = save
        self.forget = forget
        self.dialog_parent = parent
        #: Asks Save / Discard / Cancel, given the names of the people with unsaved notes.
        self.confirm: Callable[[str], Button] = self._ask
        self._watched: QWidget | None = None

    def watch(self, window: QWidget) -> None:
        """Guard this window (the view's top-level window once it is shown)."""
        if window is not self._watched:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            window.installEventFilter(self)
            self._watched = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched and event.type() == QEvent.Type.Close and not self.can_close():
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def can_close(self) -> bool:
        """Ask before unsaved 1:1 notes would be lost; True when closing may go on."""
        unsaved = [s for s in self.sessions.values() if s.has_unsaved()]
        if not unsaved:
            return True
        answer = self.confirm(", ".join(s.person_name for s in unsaved))
        if answer == Button.Save:
            return all(self.save(s) for s in unsaved)
        if answer == Button.Discard:
            for session in unsaved:
                self.forget(session.person_id)
            return True
        return False

    def _ask(self, names: str) -> Button:
        return QMessageBox.question(
            self.dialog_parent,
            "Unsaved 1:1 notes",
            f"You have 1:1 notes that are not saved yet ({names}).\nSave them as 1:1s held today?",
            Button.Save | Button.Discard | Button.Cancel,
            Button.Save,
        )
