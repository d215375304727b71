"""The base of every screen: refresh from services when shown, on changes, on presenter mode."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from leaddesk.services.readmodels import Change
from leaddesk.ui.context import AppContext


class BaseView(QWidget):
    """A screen. Subclasses implement `load()`; refreshing is lazy while hidden."""

    title = ""
    #: Change areas this view cares about; empty means every change.
    areas: frozenset[str] = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._dirty = True
        ctx.changed.connect(self._on_change)
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

    def _on_change(self, change: Change) -> None:
        # A restore replaced all the data: every view shows it afresh.
        if not self.areas or change.area in self.areas or change.area == "restore":
            self.refresh()

    def _on_presenter(self, _on: bool) -> None:
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self._dirty = False
            self.load()
