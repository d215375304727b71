"""LeadDesk in the system tray: the number due today, Open, Quick capture, Lock and Quit.

The tray icon lives beside the window, not inside it: locking freezes every action of the
window, but the tray's Open, Lock and Quit must keep working while locked. Each menu entry does
what the window's own action does (Quick capture and Lock are the window's actions), so the lock
rules hold here too: capture while locked shows the lock screen, which asks to unlock first.

Closing the window keeps LeadDesk running here when "Keep running in the tray when the window is
closed" is on (the first time, a notification says so). Quit, from the tray or File ▸ Quit,
always quits.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from leaddesk.domain.notices import STILL_IN_TRAY, tray_tooltip
from leaddesk.services.changes import Change, ChangeArea
from leaddesk.ui.shell.due_notices import DueNotices, local_now
from leaddesk.ui.shell.notification_sender import NotificationSender, desktop_sender
from leaddesk.ui.shell.quitting import is_quitting, quit_for_good
from leaddesk.ui.shell.tray_badge import badge_icon
from leaddesk.ui.theme import app_icon

if TYPE_CHECKING:
    from leaddesk.ui.main_window import MainWindow


class LeadDeskTray(QObject):
    """The tray icon, its menu, and closing the window into it."""

    def __init__(
        self, window: MainWindow, quit_app: Callable[[], None] = QApplication.quit
    ) -> None:
        super().__init__()  # no parent: the window's lock must not reach these actions
        self.window = window
        self._quit_app = quit_app
        self._explained: bool | None = None  # read from the store on the first close
        self._quit_called = False
        self._keep = True
        self.icon = QSystemTrayIcon(app_icon())
        self.icon.setObjectName("trayIcon")
        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")
        self.open_action = self._action("&Open LeadDesk", self.open_window)
        self.capture_action = self._action("&Quick capture…", self.quick_capture)
        self.menu.addSeparator()
        self.lock_action = self._action("&Lock", self.lock)
        self.menu.addSeparator()
        self.quit_action = self._action("&Quit LeadDesk", self.quit)
        self.menu.aboutToShow.connect(self._sync_menu)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self.set_count(None)
        self.notification_sender: NotificationSender | None = None
        window.installEventFilter(self)
        window.ctx.changed.connect(self._on_change)
        self._read_settings()

    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.menu)
        action.setObjectName(f"tray{text.replace('&', '').split()[0].replace('…', '')}")
        action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action

    # -- what it shows -----------------------------------------------------------------------
    def set_count(self, count: int | None) -> None:
        """The number due today or overdue on the icon; the tooltip says only the count."""
        self.icon.setIcon(badge_icon(app_icon(), count))
        self.icon.setToolTip(tray_tooltip(count))

    def _sync_menu(self) -> None:
        locked = self.window.ctx.desk.locked
        self.lock_action.setEnabled(not locked)
        self.capture_action.setText(
            "&Quick capture… (unlock first)" if locked else "&Quick capture…"
        )

    # -- the menu ----------------------------------------------------------------------------
    def open_window(self) -> None:
        """Show the window (as it was left: locked stays locked)."""
        from leaddesk.ui.app import bring_forward

        bring_forward(self.window)

    def quick_capture(self) -> None:
        """The window's Quick capture; while locked, the lock screen asks to unlock first."""
        if self.window.ctx.desk.locked or not self.window.capture_action.isEnabled():
            self.open_window()
            return
        self.window.capture_action.trigger()

    def lock(self) -> None:
        """The window's Lock (File ▸ Lock): everything hidden, the store closed."""
        self.window.lock_action.trigger()

    def quit(self) -> None:
        """Quit for good, even when closing the window keeps LeadDesk in the tray."""
        if quit_for_good(self.window):
            self.icon.hide()
            self._quit_once()

    def _quit_once(self) -> None:
        if not self._quit_called:
            self._quit_called = True
            self._quit_app()

    def _quit_if_closed(self) -> None:
        """After a close that was not into the tray: quit, unless the close was cancelled."""
        if not self.window.isVisible():
            self._quit_once()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason is QSystemTrayIcon.ActivationReason.Trigger:  # a click: show, or back to tray
            window = self.window
            # Not "is it active": a click on the panel takes the focus from the window first.
            if window.isVisible() and not window.isMinimized() and self.keeps_running():
                window.hide()  # never a quit: a click on the icon only hides what it shows
            else:
                self.open_window()

    # -- closing into the tray ---------------------------------------------------------------
    def _read_settings(self) -> None:
        if not self.window.ctx.desk.locked:
            self._keep = self.window.ctx.desk.settings().keep_in_tray

    def _on_change(self, change: Change) -> None:
        if change.area in (ChangeArea.SETTINGS, ChangeArea.RESTORE):
            self._read_settings()

    def keeps_running(self) -> bool:
        """Whether closing the window leaves LeadDesk running in the tray."""
        return self._keep and self.icon.isVisible() and not is_quitting(self.window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.window
            and event.type() == QEvent.Type.Close
            and isinstance(event, QCloseEvent)
            and self.keeps_running()
        ):
            event.ignore()
            self.window.hide()
            self._explain_once()
            return True
        if watched is self.window and event.type() == QEvent.Type.Close:
            QTimer.singleShot(0, self._quit_if_closed)  # Qt no longer quits with the last window
        return False

    def _explain_once(self) -> None:
        desk = self.window.ctx.desk
        if self._explained is None and not desk.locked:
            self._explained = desk.tray_explained()
        if self._explained:
            return
        if self.notification_sender is not None:
            self.notification_sender.send(STILL_IN_TRAY)
        self._explained = True
        if not desk.locked:
            desk.mark_tray_explained()


class LockWatcher(QObject):
    """Calls `changed` when the window locks or unlocks (its lock screen shows or hides), so the
    tray's number goes at once and comes back on unlock, not at the next half-minute look."""

    def __init__(self, overlay: QObject, changed: Callable[[], None]) -> None:
        super().__init__(overlay)
        self.changed = changed
        overlay.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            QTimer.singleShot(0, self.changed)  # after the lock or unlock has finished
        return False


class TrayShell:
    """What runs beside the window: the tray icon (where the desktop has a tray) and the
    notifications (everywhere: GNOME shows them without a tray)."""

    def __init__(
        self,
        window: MainWindow,
        tray: LeadDeskTray | None,
        sender: NotificationSender,
        notices: DueNotices,
    ) -> None:
        self.window = window
        self.tray = tray
        self.sender = sender
        self.notices = notices

    def keeps_running(self) -> bool:
        """Whether LeadDesk runs on in the tray without its window (a tray, and the setting)."""
        return self.tray is not None and self.tray.keeps_running()

    def close(self) -> None:
        """Stop announcing and take the icon out of the tray (LeadDesk is quitting)."""
        self.notices.timer.stop()
        if self.tray is not None:
            self.window.removeEventFilter(self.tray)
            self.tray.icon.hide()
            QApplication.setQuitOnLastWindowClosed(True)


def install_tray(
    window: MainWindow,
    tray_available: bool | None = None,
    sender: NotificationSender | None = None,
    now: Callable[[], datetime] = local_now,
    quit_app: Callable[[], None] = QApplication.quit,
) -> TrayShell:
    """Put LeadDesk in the tray if the desktop has one, and start the notifications.

    The defaults are the desktop's own (its tray, its notification service, the clock, the
    application's quit); tests give a fixed clock and a sender that records what is shown.
    """
    if tray_available is None:
        tray_available = QSystemTrayIcon.isSystemTrayAvailable()
    tray = LeadDeskTray(window, quit_app) if tray_available else None
    if sender is None:
        sender = desktop_sender(tray.icon if tray is not None else None)
    notices = DueNotices(
        window.ctx, sender, now, parent=window, lock_if_idle=window.idle_watcher.check
    )
    LockWatcher(window.lock_overlay, notices.recount)
    if tray is not None:
        # LeadDesk runs on with its window hidden: a message box closing then (the last window
        # Qt sees) must not end it; the tray quits when the window really closes.
        QApplication.setQuitOnLastWindowClosed(False)
        tray.notification_sender = sender
        notices.count_changed.connect(tray.set_count)
        tray.icon.show()
    notices.start()
    return TrayShell(window, tray, sender, notices)
