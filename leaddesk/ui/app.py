"""Start the desktop app: one instance per store, unlock (keychain or passphrase), main window."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from leaddesk.domain.errors import UserError

if TYPE_CHECKING:
    from leaddesk.services.desk import Desk

# Only what the opening window needs is imported up front; the services (SQLAlchemy, keyring,
# SQLCipher), the icons and the dialogs come after it is on screen: a leader opening LeadDesk
# before a 1:1 sees it respond at once. Even PySide6's `Qt` namespace waits: building its
# hundreds of enums costs ~25 ms, so the opening window centres its line with stretches.


class Cancelled(Exception):
    """The user closed the passphrase dialog."""


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with LeadDesk's names (QSettings uses them)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("LeadDesk")
    app.setOrganizationName("LeadDesk")
    app.setApplicationDisplayName("LeadDesk")
    return app


def _report_unexpected(kind: type[BaseException], error: BaseException, tb: object) -> None:
    """A bug in a slot: logged with its traceback, and said plainly, never silently dropped."""
    from PySide6.QtWidgets import QMessageBox

    from leaddesk.ui.context import explain

    QMessageBox.warning(None, "LeadDesk", f"Something went wrong: {explain(error)}.")


class OpeningWindow(QWidget):
    """The first thing on screen: the window's frame with 'Opening your store…' while it opens."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("openingWindow")
        self.setWindowTitle("LeadDesk")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(QLabel("Opening your encrypted LeadDesk store…"))
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        geometry = QSettings().value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)


def unlock(path: Path) -> Desk:
    """Open the store, asking for the passphrase in a dialog (with retry) where one is needed."""
    from PySide6.QtWidgets import QDialog

    from leaddesk.services.desk import Desk
    from leaddesk.services.errors import KeyUnavailableError, WrongKeyError
    from leaddesk.ui.dialogs.passphrase_dialog import PassphraseDialog

    error = ""
    while True:

        def prompt(new: bool, message: str = error) -> str:
            dialog = PassphraseDialog(new, str(path), message)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                raise Cancelled
            return dialog.value()

        try:
            return Desk.open(path, prompt)
        except WrongKeyError:
            error = "That passphrase does not open this store. Try again."
        except KeyUnavailableError as failure:
            error = str(failure)


def build_demo_store(parent_dir: Path) -> Desk | None:
    """A throwaway demo store, generated in the background behind a progress dialog."""
    from PySide6.QtCore import Qt, QThreadPool
    from PySide6.QtWidgets import QMessageBox, QProgressDialog

    from leaddesk.demo import build_demo
    from leaddesk.services.desk import Desk
    from leaddesk.ui.ops import CancelledError, run_in_background

    desk = Desk.open_throwaway(parent_dir / "demo.db")
    progress = QProgressDialog("Generating a demo team…", "Cancel", 0, 100)
    progress.setWindowTitle("LeadDesk demo")
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)
    # Reaching 100% must not close the dialog: the result arrives just after the last step.
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    outcome: dict[str, object] = {}

    def done(_result: object) -> None:
        outcome["ok"] = True
        progress.close()

    def failed(error: BaseException) -> None:
        outcome["error"] = error
        progress.close()

    def step(done_count: int, total: int) -> None:
        progress.setValue(int(100 * done_count / max(total, 1)))

    cancel = run_in_background(lambda report: build_demo(desk, progress=report), done, failed, step)
    progress.canceled.connect(cancel)
    progress.exec()
    if "ok" not in outcome:
        QThreadPool.globalInstance().waitForDone()  # a cancelled build stops at its next step
        desk.close()
        error = outcome.get("error")
        if isinstance(error, BaseException) and not isinstance(error, CancelledError):
            from leaddesk.ui.context import explain

            QMessageBox.warning(None, "LeadDesk", f"The demo could not be built: {explain(error)}")
        return None
    return desk


def run_app(path: Path, demo: bool = False, argv: list[str] | None = None) -> int:
    """Run the GUI until the window closes; returns the exit code."""
    app = make_application(argv)
    opening = OpeningWindow()
    opening.show()
    app.processEvents()
    from PySide6.QtCore import QLockFile, QThreadPool
    from PySide6.QtWidgets import QMessageBox

    from leaddesk.ui.main_window import MainWindow
    from leaddesk.ui.theme import app_icon

    app.setWindowIcon(app_icon())
    sys.excepthook = _report_unexpected

    workdir = None
    if demo:
        import tempfile  # ~20 ms of imports (shutil, random) a normal start does not need

        workdir = tempfile.TemporaryDirectory(prefix="leaddesk-demo-")
    if workdir is not None:
        path = Path(workdir.name) / "demo.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(f"{path}.lock")
    lock.setStaleLockTime(0)
    if not lock.tryLock(200):
        QMessageBox.information(
            None, "LeadDesk", f"LeadDesk is already open on {path}. Switch to that window."
        )
        return 1
    try:
        if workdir is not None:
            desk = build_demo_store(Path(workdir.name))
            if desk is None:
                return 0
        else:
            desk = unlock(path)
    except Cancelled:
        return 0
    except UserError as error:
        opening.close()
        QMessageBox.critical(None, "LeadDesk", str(error))
        return 2
    window = MainWindow(desk, demo=demo)
    window.show()
    opening.close()
    if workdir is None:
        window.backup_if_due()
    code = app.exec()
    # A background read or the automatic backup may still run: let it finish before the store
    # closes under it (closing right after start-up used to abort the process mid-backup).
    QThreadPool.globalInstance().waitForDone()
    desk.close()
    lock.unlock()
    if workdir is not None:
        workdir.cleanup()
    return code
