"""The demo says what is true of its key, and keeps its window settings apart from the real
store's: trying the demo never reshapes the window a leader knows."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.qt import press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from leaddesk.services.desk import Desk
from leaddesk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


@pytest.fixture
def demo_window(tmp_path: Path, qtbot) -> Iterator[MainWindow]:
    """The window as `leaddesk --demo` opens it: a throwaway store whose key is in memory."""
    desk = Desk.open_throwaway(tmp_path / "demo.db")
    desk.add_person("Ana Lima", role="Head of Data")
    window = MainWindow(desk, demo=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    desk.close()


def test_demo_settings_never_claim_the_keychain(demo_window: MainWindow, qtbot) -> None:
    press(qtbot, demo_window, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    settings = demo_window.view("settings")
    qtbot.waitUntil(settings.isVisible)
    where = settings.findChild(QLabel, "keyLocation").text()
    unlock = settings.findChild(QLabel, "unlockState").text()
    assert where == "Key kept in memory only (demo)"
    assert "memory only" in unlock and "is in your keychain" not in unlock
    # A PIN would be written to the real keychain for a store gone at the window's close.
    assert not settings.findChild(QPushButton, "setUnlockPin").isVisible()


def test_the_locked_demo_does_not_claim_the_keychain(demo_window: MainWindow, qtbot) -> None:
    press(qtbot, demo_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    hint = demo_window.findChild(QLabel, "unlockHint")
    qtbot.waitUntil(hint.isVisible)
    assert "memory only" in hint.text()
    assert "keychain" not in hint.text()


# Starts `leaddesk --demo` as the command line does (a smaller demo world, to be quick); once
# its window shows, moves to the board and reshapes the window, then closes it.
DEMO_RUN = """
import functools, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
import leaddesk.demo
leaddesk.demo.build_demo = functools.partial(leaddesk.demo.build_demo, people=2, years=1)
from leaddesk.ui.app import make_application, run_app
app = make_application(sys.argv[:1])
class Reshape(QObject):
    done = False
    def eventFilter(self, obj, event):
        if obj.objectName() == "mainWindow" and event.type() == QEvent.Type.Show and not self.done:
            self.done = True
            def walk():
                obj.show_view("board")
                obj.resize(777, 555)
                QTimer.singleShot(50, obj.close)
            QTimer.singleShot(0, walk)
        return False
reshape = Reshape()
app.installEventFilter(reshape)
sys.exit(run_app(Path("unused.db"), demo=True))
"""


def test_a_demo_run_leaves_the_real_window_settings_alone(tmp_path: Path, log_dir: Path) -> None:
    config = tmp_path / "config"
    real = config / "LeadDesk" / "LeadDesk.conf"
    real.parent.mkdir(parents=True)
    real.write_text("[window]\nlastView=people\n")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(config),
        "HOME": str(tmp_path),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "LEADDESK_LOG_DIR": str(log_dir),
    }
    run = subprocess.run(
        [sys.executable, "-c", DEMO_RUN],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert real.read_text() == "[window]\nlastView=people\n"
    demo = (config / "LeadDesk" / "LeadDesk Demo.conf").read_text()
    assert "lastView=board" in demo and "geometry=" in demo
