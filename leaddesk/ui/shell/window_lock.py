"""Locking the window: everything hidden and disabled, the store closed, until the user unlocks.

Locked means locked: every action of the window and of any open dialog is disabled (so no
shortcut, menu or toolbar reaches private data), the content is hidden, the services are closed
and their caches dropped. A dialog open over the window (a one-pager preview, a note half typed)
is covered too, with its own Unlock: nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

import shiboken6
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QToolBar, QWidget

from leaddesk.domain.errors import UserError
from leaddesk.reports import wording
from leaddesk.security.lock import IdleLock
from leaddesk.services.keys import KeyLocation
from leaddesk.ui.common.base_view import BaseView
from leaddesk.ui.context import AppContext, explain
from leaddesk.ui.shell.lock_overlay import LockOverlay


class WindowLock:
    """Locks a main window and the dialogs over it; unlocking restores exactly what it hid."""

    def __init__(
        self,
        window: QMainWindow,
        ctx: AppContext,
        idle: IdleLock,
        content: QWidget,
        views: Callable[[], Iterable[BaseView]],
    ) -> None:
        self.window = window
        self.ctx = ctx
        self.idle = idle
        self.content = content
        self.views = views
        self.overlay = LockOverlay(window, self.try_unlock)
        self._dialog_covers: list[LockOverlay] = []
        self._frozen: list[QAction | QShortcut] = []
        self._hidden_children: list[QWidget] = []

    def lock(self, reason: str = "") -> None:
        """Hide everything and close the store until the user unlocks (File > Lock, auto-lock)."""
        desk = self.ctx.desk
        if desk.locked:
            return
        self.idle.lock()
        for shown in QApplication.topLevelWidgets():  # a search window holds nothing typed
            if isinstance(shown, QDialog) and shown.isVisible() and shown.property("closesOnLock"):
                shown.reject()  # that is worth keeping: it closes instead of waiting under a cover
        self.content.hide()  # first: hiding 1:1 mode saves its draft
        for view in self.views():
            view.flush_pending()
        QThreadPool.globalInstance().waitForDone(3000)  # a background read ends before the close
        ask = desk.unlock_with()
        demo = desk.key_location() is KeyLocation.MEMORY  # asked while its key is still known
        desk.lock()
        dialogs = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
        ]
        # QShortcuts too: a dialog's own Ctrl+S or Ctrl+Enter must not save over the lock.
        owners: tuple[QWidget, ...] = (self.window, *dialogs)
        keys: list[QAction | QShortcut] = [a for o in owners for a in o.findChildren(QAction)]
        keys += [s for o in owners for s in o.findChildren(QShortcut)]
        self._frozen = [key for key in keys if key.isEnabled()]
        for action in self._frozen:
            action.setEnabled(False)
        self._enable_bars(False)
        self.window.statusBar().clearMessage()
        self.overlay.cover(reason or self._locked_by_you(), ask, demo)
        for dialog in dialogs:
            cover = LockOverlay(dialog, self.try_unlock)
            cover.setObjectName("dialogLockOverlay")
            for child in dialog.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
            ):
                if child is not cover and child.isVisible():
                    child.hide()  # not merely covered: hidden, out of focus and key reach
                    self._hidden_children.append(child)
            cover.cover(reason or self._locked_by_you(), ask, demo)
            self._dialog_covers.append(cover)

    def lock_when_idle(self) -> None:
        """Auto-lock: says why, so a user coming back knows nothing went wrong."""
        self.lock(
            f"Locked after {wording.count(self.idle.minutes, 'minute')} without activity, so "
            "nobody passing by reads your notes. Nothing was lost."
        )

    def try_unlock(self, secret: str) -> str | None:
        """Unlock with what the user typed: None when unlocked, else what went wrong."""
        try:
            self.ctx.desk.unlock(secret)
        except UserError as error:
            return str(error)
        except Exception as error:  # a fault: said plainly, and the window stays locked
            return f"Could not unlock: {explain(error)}"
        self.idle.unlock()
        self.overlay.hide()  # unlocking from a dialog's cover unlocks everything
        # A dialog closed while locked took its cover, actions and children with it.
        for cover in self._dialog_covers:
            if shiboken6.isValid(cover):
                cover.hide()
                cover.deleteLater()
        self._dialog_covers.clear()
        for action in self._frozen:
            if shiboken6.isValid(action):
                action.setEnabled(True)
        for widget in self._hidden_children:
            if shiboken6.isValid(widget):
                widget.show()
        self._frozen.clear()
        self._hidden_children.clear()
        self._enable_bars(True)
        self.content.show()
        for view in self.views():
            view.refresh()  # the caches went with the lock
        return None

    def _enable_bars(self, on: bool) -> None:
        window = self.window
        for bar in (window.menuBar(), window.statusBar(), *window.findChildren(QToolBar)):
            bar.setEnabled(on)

    @staticmethod
    def _locked_by_you() -> str:
        return f"Locked by you at {wording.clock(datetime.now())}. Nothing was lost."
