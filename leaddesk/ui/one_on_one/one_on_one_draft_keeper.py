"""The 1:1 in progress saved to the store while it goes on, so a crash loses no note."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from leaddesk.domain.errors import UserError
from leaddesk.reports import wording
from leaddesk.ui.context import AppContext
from leaddesk.ui.one_on_one.one_on_one_session import OneOnOneSession

#: Saved this long after the last keystroke or tick: once per pause, not once per key.
DEBOUNCE_MS = 800


class OneOnOneDraftKeeper(QObject):
    """Saves the drafts that changed once typing pauses (or at once on `flush`); restores them."""

    def __init__(
        self, ctx: AppContext, sessions: dict[int, OneOnOneSession], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sessions = sessions
        self._pending: set[int] = set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.flush)

    def changed(self, person_id: int) -> None:
        """The 1:1 with this person changed: save it when the leader pauses."""
        self._pending.add(person_id)
        self.timer.start()  # restarted by every change

    def flush(self) -> None:
        """Save every changed draft now (leaving 1:1 mode, switching person, the timer)."""
        self.timer.stop()
        pending, self._pending = self._pending, set()
        for person_id in sorted(pending):
            session = self.sessions.get(person_id)
            if session is None:
                continue  # ended or discarded in the meantime
            try:
                session.save_draft(self.ctx.desk)
            except UserError as error:
                # Not a dialog: this runs while the leader types. The notes stay in memory.
                self.ctx.message.emit(f"Your 1:1 notes could not be kept as a draft: {error}")

    def forget(self, person_id: int, stored: bool = False) -> None:
        """Stop saving this person's draft; with `stored`, throw away the saved one too."""
        self._pending.discard(person_id)
        if stored:
            self.ctx.desk.discard_one_on_one_draft(person_id)

    def restore(self, person_id: int, person_name: str) -> OneOnOneSession | None:
        """The meeting from its saved draft, if a crash or restart left one; says so."""
        draft = self.ctx.desk.one_on_one_draft(person_id)
        if draft is None:
            return None
        when = wording.day(draft.started_on, self.ctx.desk.today())
        self.ctx.message.emit(f"Restored your unsaved 1:1 notes from {when}.")
        return OneOnOneSession.from_draft(draft, person_name)
