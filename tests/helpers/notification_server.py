"""A minimal freedesktop notification service for tests: owns org.freedesktop.Notifications on
the bus in DBUS_SESSION_BUS_ADDRESS and appends each Notify call, as JSON, to the file given.

Run as `python notification_server.py OUT`; it prints "ready" once the name is owned.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection


@ClassInfo({"D-Bus Interface": "org.freedesktop.Notifications"})
class NotificationService(QObject):
    """Answers Notify (with the spec's exact signature, susssasa{sv}i) and GetCapabilities."""

    def __init__(self, out: Path) -> None:
        super().__init__()
        self.out = out
        self.next_id = 0

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(  # named as the D-Bus method
        self,
        app_name: str,
        replaces_id: int,
        app_icon: str,
        summary: str,
        body: str,
        actions: list[str],
        hints: dict[str, object],
        timeout: int,
    ) -> int:
        self.next_id += 1
        call = {
            "app_name": app_name,
            "replaces_id": replaces_id,
            "app_icon": app_icon,
            "summary": summary,
            "body": body,
            "actions": list(actions),
            "hints": {k: str(v) for k, v in dict(hints).items()},
            "timeout": timeout,
        }
        with self.out.open("a", encoding="utf-8") as log:
            log.write(json.dumps(call) + "\n")
        return self.next_id

    @Slot(result="QStringList")
    def GetCapabilities(self) -> list[str]:
        return ["body"]


def main() -> int:
    app = QCoreApplication(sys.argv)
    bus = QDBusConnection.sessionBus()
    service = NotificationService(Path(sys.argv[1]))
    options = QDBusConnection.RegisterOption.ExportAllSlots
    if not bus.registerObject("/org/freedesktop/Notifications", service, options):
        return 1
    if not bus.registerService("org.freedesktop.Notifications"):
        return 1
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
