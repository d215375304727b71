"""Opening a store made before the search index: the opening window says the index is being built,
with its progress, then the main window shows and search finds what the old store held.

The app runs in its own process, as a user starts it (run_app, its event loop and its quit)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from alembic import command

from leaddesk.domain.promises import PromiseDirection
from leaddesk.security.keys import StoreKey
from leaddesk.services.desk import Desk
from leaddesk.store import migrate
from leaddesk.store.store import open_store

PASSPHRASE = "correct horse battery staple"

# Prints the opening window's line each time it changes (what a user sees), then closes the
# main window as soon as it shows, which ends the app.
WATCH = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from leaddesk.ui.app import OpeningWindow, make_application, run_app
app = make_application(sys.argv[:1])
seen = []
def look():
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, OpeningWindow) and widget.isVisible():
            if not seen or seen[-1] != widget.label.text():
                seen.append(widget.label.text())
                print("SEEN", seen[-1], flush=True)
        if widget.objectName() == "mainWindow" and widget.isVisible():
            print("MAIN WINDOW", flush=True)
            watcher.stop()
            QTimer.singleShot(0, widget.close)
watcher = QTimer()
watcher.timeout.connect(look)
watcher.start(0)
sys.exit(run_app(Path(sys.argv[1])))
"""


def make_store_before_search(path: Path) -> None:
    """A store as the previous version left it: data, and no search index (schema 0005)."""
    desk = Desk(open_store(path, StoreKey(PASSPHRASE, "passphrase")))
    ada = desk.add_person("Ada Lovelace")
    desk.add_promise(ada, PromiseDirection.MINE, "Send the offsite agenda")
    config = migrate.alembic_config()
    with desk.store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0005")
    desk.close()


def test_the_opening_window_shows_the_index_being_built(tmp_path: Path, log_dir: Path) -> None:
    path = tmp_path / "data" / "leaddesk.db"
    path.parent.mkdir()
    make_store_before_search(path)
    env = {
        **os.environ,
        "LEADDESK_PASSPHRASE": PASSPHRASE,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "LEADDESK_LOG_DIR": str(log_dir),
    }
    done = subprocess.run(
        [sys.executable, "-c", WATCH, str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    seen = [line.removeprefix("SEEN ") for line in lines if line.startswith("SEEN ")]
    assert seen[0] == "Opening your encrypted LeadDesk store…"
    upgrading = [
        t for t in seen if t.startswith("Upgrading your store: building the search index…")
    ]
    assert len(upgrading) > 3 and upgrading[-1].endswith("100%")
    assert lines[-1] == "MAIN WINDOW"

    desk = Desk(open_store(path, StoreKey(PASSPHRASE, "passphrase")))
    try:
        assert desk.revision() == migrate.head_revision()
        assert [h.title for h in desk.search("offsite")] == ["I promised: Send the offsite agenda"]
    finally:
        desk.close()
