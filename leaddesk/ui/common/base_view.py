"""The base of every screen: refresh from services when shown, on changes, on presenter mode."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from leaddesk.services.changes import Change, ChangeArea
from leaddesk.ui.context import AppContext


class BaseView(QWidget):
    """A screen. Subclasses implement `load()`; refreshing is lazy while hidden.

    Each view re-reads once per user action, however many writes that action made:
    - a change in an area the view shows (`areas`; empty means every area; a restore is always
      one) is queued; while a user action is under way (`AppContext.acting`, which `attempt`,
      `result` and `delete` use) the queue waits for the action's end (`settled`), otherwise it
      is applied at once. `on_changes` gets the whole queue and refreshes once.
    - every change names its initiator (the widget the user acted in). A view whose parts
      re-render themselves after their own writes (the person page's tabs) overrides
      `on_changes` to leave that part alone and re-read only the rest.
    - hidden views only mark themselves stale and read when next shown.
    """

    title = ""
    #: Change areas this view cares about; empty means every change.
    areas: frozenset[ChangeArea] = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._dirty = True
        self._changes: list[Change] = []
        ctx.changed.connect(self._on_change)
        ctx.settled.connect(self._apply_changes)
        ctx.presenter_changed.connect(self._on_presenter)

    def set_argument(self, argument: Any) -> None:
        """Show something else (a person id for the person page); refreshes."""
        self.refresh()

    def refresh(self) -> None:
        """Re-read what the view shows now if visible, else on the next show."""
        if self.isVisible():
            self._dirty = False
            self.load()
        else:
            self._dirty = True

    def load(self) -> None:
        """Read services and fill the widgets (override)."""

    def flush_pending(self) -> None:
        """Save anything typed but not yet saved, now (before the lock closes the store)."""

    def cares(self, change: Change) -> bool:
        """Whether this view shows what `change` changed (a restore replaced everything)."""
        return not self.areas or change.area in self.areas or change.area is ChangeArea.RESTORE

    def on_changes(self, changes: tuple[Change, ...]) -> None:
        """Show what one user action (or one write outside any) changed (override to narrow)."""
        self.refresh()

    def _on_change(self, change: Change) -> None:
        if self.cares(change):
            self._changes.append(change)
            if not self.ctx.in_action:
                self._apply_changes()

    def _apply_changes(self) -> None:
        if self._changes:
            changes = tuple(self._changes)
            self._changes.clear()
            self.on_changes(changes)

    def _on_presenter(self, _on: bool) -> None:
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self._dirty = False
            self.load()
