"""Notifications over D-Bus, for real: a private bus (dbus-daemon) with a notification service
(tests/helpers/notification_server.py, itself QtDBus) that writes down every Notify it gets."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from helpers.notifications import FixedClock
from helpers.qt import open_main_window
from PySide6.QtDBus import QDBusConnection

from leaddesk.domain.notices import Notice
from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk
from leaddesk.ui.shell.notification_sender import FreedesktopSender
from leaddesk.ui.shell.tray_icon import install_tray

pytestmark = [
    pytest.mark.skipif(shutil.which("dbus-daemon") is None, reason="needs dbus-daemon"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]
SERVER = Path(__file__).resolve().parents[2] / "helpers" / "notification_server.py"


class Service:
    """The notification service on a private bus, and what it was asked to show."""

    def __init__(self, connection: QDBusConnection, log: Path) -> None:
        self.connection = connection
        self.log = log

    def calls(self) -> list[dict[str, object]]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text("utf-8").splitlines()]


@pytest.fixture
def service(tmp_path: Path, qapp) -> Iterator[Service]:
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert bus.stdout is not None
    address = bus.stdout.readline().strip()
    log = tmp_path / "notifications.jsonl"
    server = subprocess.Popen(
        [sys.executable, str(SERVER), str(log)],
        env={"DBUS_SESSION_BUS_ADDRESS": address, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    assert server.stdout.readline().strip() == "ready"
    name = f"leaddesk-test-{tmp_path.name}"
    connection = QDBusConnection.connectToBus(address, name)
    assert connection.isConnected()
    try:
        yield Service(connection, log)
    finally:
        QDBusConnection.disconnectFromBus(name)
        for process in (server, bus):
            process.terminate()
            process.wait(10)


def test_notify_goes_out_with_the_spec_types(service: Service) -> None:
    sender = FreedesktopSender(service.connection)
    assert sender.available()
    assert sender.send(Notice("LeadDesk", "3 things are due today."))
    assert sender.send(Notice("LeadDesk", "Something in LeadDesk is due now."))
    first, second = service.calls()
    assert first["summary"] == "LeadDesk" and first["body"] == "3 things are due today."
    assert first["replaces_id"] == 0 and first["actions"] == [] and first["timeout"] == -1
    assert first["hints"] == {"desktop-entry": "io.leaddesk.LeadDesk"}
    assert second["replaces_id"] == 1  # one LeadDesk notice at a time: the new one replaces it


def test_without_a_bus_it_says_it_cannot() -> None:
    sender = FreedesktopSender(QDBusConnection("not-connected"))
    assert not sender.available()
    assert not sender.send(Notice("LeadDesk", "x"))


def test_the_morning_digest_reaches_the_desktop_without_a_private_word(
    service: Service, desk: Desk, qtbot
) -> None:
    day = date(2026, 11, 25)
    ada = desk.add_person("Ada Lovelace")
    desk.record_one_on_one(ada, held_on=day - timedelta(days=2))
    desk.add_promise(ada, PromiseDirection.MINE, "Send the salary review", due_on=day)
    window = open_main_window(desk, qtbot)
    shell = install_tray(
        window,
        tray_available=False,  # GNOME: notifications without a tray
        sender=FreedesktopSender(service.connection),
        now=FixedClock(datetime(2026, 11, 25, 9, 0)),
    )
    try:
        [call] = service.calls()
    finally:
        shell.close()
    assert call["body"] == "1 thing is due today."
    for word in ("Ada", "Lovelace", "salary", "promise"):
        assert word not in json.dumps(call)
