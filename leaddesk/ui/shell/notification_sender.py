"""Where a notification goes: the desktop's notification service, else the tray's balloon.

On Linux the freedesktop notification service (org.freedesktop.Notifications, over D-Bus) shows
notifications the desktop's way, kept in its history and shown even where there is no tray
(GNOME). Elsewhere, or with no such service on the session bus, the tray icon's own message is
used. Senders only carry a `Notice`; what it says is decided in leaddesk.domain.notices.
"""

from __future__ import annotations

import sys
from typing import Protocol

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QMetaObject, Qt
from PySide6.QtDBus import QDBusConnection, QDBusInterface
from PySide6.QtWidgets import QSystemTrayIcon

from leaddesk.domain.notices import Notice

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
DESKTOP_ENTRY = "io.leaddesk.LeadDesk"  # the .desktop file: the desktop shows our name and icon
CALL_TIMEOUT_MS = 2000  # a hung notification service must not freeze the window for long
SHOW_MS = 10_000


class NotificationSender(Protocol):
    """Shows one notice to the user, outside the window."""

    def send(self, notice: Notice) -> bool:
        """Show `notice`; False when it could not be shown."""
        ...


class FreedesktopSender:
    """Notify over D-Bus. Each notice replaces the one before it: one LeadDesk notice at a time.

    The call goes through QDBusInterface's introspected method, so Qt marshals each argument with
    the type the service declares (`replaces_id` as a D-Bus uint32, actions as a string array):
    a Python int would otherwise go out as int32, which strict services (GNOME's) refuse.
    """

    def __init__(self, connection: QDBusConnection | None = None) -> None:
        self.connection = connection if connection is not None else QDBusConnection.sessionBus()
        self._interface: QDBusInterface | None = None
        self._last_id = 0

    def available(self) -> bool:
        """Whether a notification service runs on this bus."""
        connection = self.connection
        if not connection.isConnected():
            return False
        reply = connection.interface().isServiceRegistered(SERVICE)
        return bool(reply.isValid() and reply.value())

    def send(self, notice: Notice) -> bool:
        if self._interface is None:
            interface = QDBusInterface(SERVICE, PATH, SERVICE, self.connection)
            interface.setTimeout(CALL_TIMEOUT_MS)
            if not interface.isValid():
                return False
            self._interface = interface
        try:
            new_id = QMetaObject.invokeMethod(
                self._interface,
                "Notify",
                Qt.ConnectionType.DirectConnection,
                Q_RETURN_ARG("uint"),
                Q_ARG(str, notice.title),  # app_name
                Q_ARG("uint", self._last_id),  # replaces_id
                Q_ARG(str, DESKTOP_ENTRY),  # app_icon (a themed icon name)
                Q_ARG(str, notice.title),  # summary
                Q_ARG(str, notice.body),  # body
                Q_ARG("QStringList", []),  # actions
                Q_ARG("QVariantMap", {"desktop-entry": DESKTOP_ENTRY}),  # hints
                Q_ARG(int, -1),  # expire_timeout: the service's default
            )
        except RuntimeError:  # the method vanished (the service went away meanwhile)
            self._interface = None
            return False
        if not isinstance(new_id, int) or new_id == 0:
            self._interface = None  # asked again next time: the service may have restarted
            return False
        self._last_id = new_id
        return True


class TraySender:
    """The tray icon's own message (macOS, Windows, or Linux with no notification service)."""

    def __init__(self, tray: QSystemTrayIcon) -> None:
        self.tray = tray

    def send(self, notice: Notice) -> bool:
        if not self.tray.isVisible() or not QSystemTrayIcon.supportsMessages():
            return False
        self.tray.showMessage(
            notice.title, notice.body, QSystemTrayIcon.MessageIcon.Information, SHOW_MS
        )
        return True


class FirstThatWorks:
    """The desktop's notification service where there is one, else the tray's message."""

    def __init__(self, *senders: NotificationSender) -> None:
        self.senders = senders

    def send(self, notice: Notice) -> bool:
        return any(sender.send(notice) for sender in self.senders)


def desktop_sender(tray: QSystemTrayIcon | None) -> NotificationSender:
    """The sender for this desktop: D-Bus notifications on Linux when the service runs, the
    tray's message otherwise (or as a fallback)."""
    senders: list[NotificationSender] = []
    if sys.platform.startswith("linux"):
        dbus = FreedesktopSender()
        if dbus.available():
            senders.append(dbus)
    if tray is not None:
        senders.append(TraySender(tray))
    return FirstThatWorks(*senders)
