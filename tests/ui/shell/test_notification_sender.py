"""Notifications over D-Bus, for real: a private bus (dbus-daemon) with a notification service
(tests/helpers/notification_server.py, itself QtDBus) that writes down every Notify it gets."""

from __future__ import annotations

import json
import os
import shutil
import signal
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


def _bus(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[str], str]:
    bus = subprocess.Popen(
        ["dbus-daemon", *args, "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert bus.stdout is not None
    return bus, bus.stdout.readline().strip()


def _serve(tmp_path: Path, *capabilities: str) -> Iterator[Service]:
    bus, address = _bus(tmp_path, "--session")
    log = tmp_path / "notifications.jsonl"
    server = subprocess.Popen(
        [sys.executable, str(SERVER), str(log), *capabilities],
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


@pytest.fixture
def service(tmp_path: Path, qapp) -> Iterator[Service]:
    yield from _serve(tmp_path)


@pytest.fixture
def markup_service(tmp_path: Path, qapp) -> Iterator[Service]:
    yield from _serve(tmp_path, "body,body-markup")


def test_notify_goes_out_with_the_spec_types(service: Service) -> None:
    sender = FreedesktopSender(service.connection)
    assert sender.available()
    assert sender.send(Notice("LeadDesk", "3 things are due today."))
    assert sender.send(Notice("LeadDesk", "Something in LeadDesk is due now."))
    first, second = service.calls()
    assert first["summary"] == "LeadDesk" and first["body"] == "3 things are due today."
    assert first["app_name"] == "LeadDesk"
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


def test_app_name_is_leaddesk_and_markup_is_escaped_where_the_service_reads_it(
    markup_service: Service,
) -> None:
    sender = FreedesktopSender(markup_service.connection)
    assert sender.send(Notice("Due now", "Ada Lovelace: Tom & Jerry <review>"))
    [call] = markup_service.calls()
    assert call["app_name"] == "LeadDesk"  # not the notice's title
    assert call["body"] == "Ada Lovelace: Tom &amp; Jerry &lt;review&gt;"


def test_plain_text_services_get_the_body_as_written(service: Service) -> None:
    sender = FreedesktopSender(service.connection)
    assert sender.send(Notice("Due now", "Tom & Jerry <review>"))
    assert service.calls()[0]["body"] == "Tom & Jerry <review>"


def test_a_service_started_on_demand_is_used(tmp_path: Path, qapp) -> None:
    """As xfce4-notifyd, mako and dunst: D-Bus starts the service at the first call."""
    services = tmp_path / "services"
    services.mkdir()
    log = tmp_path / "notifications.jsonl"
    (services / "org.freedesktop.Notifications.service").write_text(
        "[D-BUS Service]\nName=org.freedesktop.Notifications\n"
        f"Exec={sys.executable} {SERVER} {log}\n",
        "utf-8",
    )
    config = tmp_path / "session.conf"
    config.write_text(
        "<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen>"
        f"<servicedir>{services}</servicedir>"
        '<policy context="default"><allow send_destination="*" eavesdrop="true"/>'
        '<allow eavesdrop="true"/><allow own="*"/></policy></busconfig>',
        "utf-8",
    )
    bus, address = _bus(tmp_path, f"--config-file={config}")
    name = f"leaddesk-activation-{tmp_path.name}"
    connection = QDBusConnection.connectToBus(address, name)
    try:
        assert (
            not connection.interface().isServiceRegistered("org.freedesktop.Notifications").value()
        )
        sender = FreedesktopSender(connection)
        assert sender.available()
        assert sender.send(Notice("LeadDesk", "1 thing is due today."))
        call = json.loads(log.read_text("utf-8").splitlines()[0])
        assert call["body"] == "1 thing is due today."
        started = connection.interface().servicePid("org.freedesktop.Notifications").value()
        os.kill(int(started), signal.SIGTERM)  # the bus started it: it outlives the bus else
    finally:
        QDBusConnection.disconnectFromBus(name)
        bus.terminate()
        bus.wait(10)
