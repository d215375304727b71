"""Closing the app while background work runs: the work finishes, the process exits cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from leaddesk.security.keys import StoreKey
from leaddesk.services.desk import Desk
from leaddesk.store.store import open_store

# Closes the main window on its first paint: the daily backup (due on a store never backed up)
# and the first reads of This week are still running in worker threads.
CLOSE_AT_ONCE = """
import sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from leaddesk.ui.app import make_application, run_app
app = make_application(sys.argv[:1])
class CloseAtOnce(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj.objectName() == "mainWindow":
            obj.close()
        return False
closer = CloseAtOnce()
app.installEventFilter(closer)
sys.exit(run_app(Path(sys.argv[1])))
"""


def test_closing_during_the_automatic_backup_exits_cleanly(tmp_path: Path) -> None:
    store = tmp_path / "leaddesk.db"
    desk = Desk(open_store(store, StoreKey("exit test passphrase", "passphrase")))
    desk.add_person("Ada Example", role="Head of Data")
    desk.close()
    env = {
        **os.environ,
        "LEADDESK_PASSPHRASE": "exit test passphrase",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    done = subprocess.run(
        [sys.executable, "-c", CLOSE_AT_ONCE, str(store)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    backups = list((tmp_path / "backups").glob("*.db"))
    assert len(backups) == 1  # the backup ran to its end, renamed into place
    assert not list(tmp_path.rglob("*.partial"))
