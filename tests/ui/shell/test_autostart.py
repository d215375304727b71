"""Start at login: the XDG autostart entry written and removed, in a temporary XDG_CONFIG_HOME."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaddesk.ui.shell import autostart

pytestmark = pytest.mark.skipif(not autostart.autostart_supported(), reason="XDG desktops only")


@pytest.fixture(autouse=True)
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home


def test_the_entry_is_written_where_the_session_reads_it(config_home: Path, tmp_path: Path) -> None:
    store = tmp_path / "my store" / "leaddesk.db"
    entry = autostart.set_autostart(True, store)
    assert entry == config_home / "autostart" / "leaddesk.desktop"
    text = entry.read_text("utf-8")
    assert text.startswith("[Desktop Entry]\nType=Application\n")
    [exec_line] = [line for line in text.splitlines() if line.startswith("Exec=")]
    assert exec_line.endswith(f'--db "{store}" --tray')  # quoted: the path has a space
    assert autostart.autostart_enabled()
    assert [p.name for p in entry.parent.iterdir()] == ["leaddesk.desktop"]  # no temp file left


def test_turning_it_off_removes_the_entry(config_home: Path, tmp_path: Path) -> None:
    entry = autostart.set_autostart(True, tmp_path / "leaddesk.db")
    autostart.set_autostart(False)
    assert not entry.exists()
    assert not autostart.autostart_enabled()
    autostart.set_autostart(False)  # already off: nothing to do, no error


def test_a_hidden_entry_is_off(config_home: Path) -> None:
    entry = config_home / "autostart" / "leaddesk.desktop"
    entry.parent.mkdir(parents=True)
    entry.write_text("[Desktop Entry]\nHidden=true\n", "utf-8")
    assert not autostart.autostart_enabled()


def test_a_folder_that_cannot_be_made_is_one_clear_error(config_home: Path) -> None:
    from leaddesk.domain.errors import UserError

    config_home.mkdir(parents=True)
    (config_home / "autostart").write_text("a file where the folder belongs", "utf-8")
    with pytest.raises(UserError, match=r"Cannot create .*autostart") as failure:
        autostart.set_autostart(True, config_home / "x.db")
    assert "\n" not in str(failure.value)


# The start path of the login entry's command: the main window's visibility once the event loop
# runs. The offscreen platform has no tray; "tray" makes the desktop say it has one.
START = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon
from leaddesk.cli.main import main
from leaddesk.ui.app import make_application
if sys.argv[1] == "tray":
    QSystemTrayIcon.isSystemTrayAvailable = staticmethod(lambda: True)
app = make_application(sys.argv[:1])
class Shown(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Show and watched.isWidgetType() and watched.isWindow():
            if watched.objectName() == "openingWindow":
                print("opening window shown", flush=True)
        return False
shown = Shown()
app.installEventFilter(shown)
def look():
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "mainWindow" and not watch.property("seen"):
            watch.setProperty("seen", True)
            print("window shown" if widget.isVisible() else "window hidden", flush=True)
            if widget.isVisible():
                QApplication.quit()
                return
            # in the tray: a box (an error, a prompt) closing must not end LeadDesk
            QTimer.singleShot(400, lambda: (print("still running", flush=True), app.quit()))
            QTimer.singleShot(50, lambda: QApplication.activeModalWidget().close())
            QMessageBox.warning(None, "LeadDesk", "Something went wrong")  # as an error is said
watch = QTimer()
watch.timeout.connect(look)
watch.start(20)
sys.exit(main(sys.argv[2:]))
"""


def _login_start(tmp_path: Path, desktop: str, keep_in_tray: bool) -> str:
    """Start LeadDesk with the arguments of its login entry's Exec line; what became of it."""
    import os
    import shlex
    import subprocess
    import sys

    from leaddesk.security.keys import StoreKey
    from leaddesk.services.desk import Desk
    from leaddesk.store.store import open_store

    store = tmp_path / "leaddesk.db"
    desk = Desk(open_store(store, StoreKey("login test passphrase", "passphrase")))
    desk.update_settings(keep_in_tray=keep_in_tray)
    desk.close()
    entry = autostart.set_autostart(True, store).read_text("utf-8")
    [exec_line] = [line for line in entry.splitlines() if line.startswith("Exec=")]
    command = shlex.split(exec_line.removeprefix("Exec="))
    arguments = command[command.index("--db") :]
    env = {
        **os.environ,
        "LEADDESK_PASSPHRASE": "login test passphrase",
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    done = subprocess.run(
        [sys.executable, "-c", START, desktop, *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_at_login_it_starts_in_the_tray_without_the_window(tmp_path: Path) -> None:
    # Nothing pops up at login (no opening window), and a box closing later does not end it.
    assert _login_start(tmp_path, "tray", keep_in_tray=True) == "window hidden\nstill running"


def test_at_login_the_window_opens_where_there_is_no_tray(tmp_path: Path) -> None:
    assert _login_start(tmp_path, "no tray", keep_in_tray=True) == "window shown"


def test_at_login_the_window_opens_when_not_kept_in_the_tray(tmp_path: Path) -> None:
    assert _login_start(tmp_path, "tray", keep_in_tray=False) == "window shown"
