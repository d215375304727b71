"""One LeadDesk per store by its resolved path: a second start through a symlink or a relative
path brings the first window forward and exits, without opening the store a second time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from leaddesk.security.keys import StoreKey
from leaddesk.services.desk import Desk
from leaddesk.store.store import open_store

PASSPHRASE = "single instance passphrase"

# The first LeadDesk: prints READY when its main window is up, then lets a decoy window take
# the focus; each time the main window is activated again it prints ACTIVATED and hands the focus
# back to the decoy; after `wanted` activations it closes (and the process exits).
FIRST = """
import sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from leaddesk.ui.app import make_application, run_app
app = make_application(sys.argv[:1])
wanted = int(sys.argv[2])
decoy = QWidget()
decoy.setObjectName("decoy")
class Watch(QObject):
    shown = False
    armed = False
    activations = 0
    def eventFilter(self, obj, event):
        if obj.objectName() != "mainWindow":
            return False
        if event.type() == QEvent.Type.Show and not self.shown:
            self.shown = True
            QTimer.singleShot(0, self.step_aside)
        elif event.type() == QEvent.Type.WindowActivate and self.armed:
            self.armed = False
            self.activations += 1
            print("ACTIVATED", flush=True)
            if self.activations >= wanted:
                decoy.close()
                QTimer.singleShot(0, obj.close)
            else:
                QTimer.singleShot(0, self.step_aside)
        return False
    def step_aside(self):
        decoy.show()
        decoy.activateWindow()
        QTimer.singleShot(100, self.arm)
    def arm(self):
        if QApplication.activeWindow() is not decoy:
            self.step_aside()
            return
        self.armed = True
        print("READY", flush=True)
watch = Watch()
app.installEventFilter(watch)
code = run_app(Path(sys.argv[1]))
decoy.close()
sys.exit(code)
"""


def environment(tmp_path: Path, log_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "LEADDESK_PASSPHRASE": PASSPHRASE,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "LEADDESK_LOG_DIR": str(log_dir),
    }


def wait_for(process: subprocess.Popen[str], line: str) -> None:
    assert process.stdout is not None
    for got in process.stdout:
        if got.strip() == line:
            return
    raise AssertionError(f"the first LeadDesk ended before printing {line}")


def test_a_second_start_through_a_symlink_or_relative_path_brings_the_first_forward(
    tmp_path: Path, log_dir: Path
) -> None:
    store = tmp_path / "data" / "leaddesk.db"
    store.parent.mkdir()
    Desk(open_store(store, StoreKey(PASSPHRASE, "passphrase"))).close()
    link = tmp_path / "link.db"
    link.symlink_to(store)
    env = environment(tmp_path, log_dir)

    first = subprocess.Popen(
        [sys.executable, "-c", FIRST, str(store), "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(first, "READY")
        through_link = subprocess.run(
            [sys.executable, "-m", "leaddesk", "--db", str(link)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert (through_link.returncode, through_link.stderr) == (0, "")
        wait_for(first, "ACTIVATED")
        wait_for(first, "READY")
        relative = subprocess.run(
            [sys.executable, "-m", "leaddesk", "--db", "leaddesk.db"],
            env=env,
            cwd=store.parent,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert (relative.returncode, relative.stderr) == (0, "")
        wait_for(first, "ACTIVATED")
        assert first.wait(timeout=60) == 0
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    logged = (log_dir / "leaddesk.log").read_text()
    assert logged.count("A second start on this store brought the open window forward") == 2
    assert not Path(f"{link}.lock").exists() and not Path(f"{store}.lock").exists()
