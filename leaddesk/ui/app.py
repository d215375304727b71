"""Start the desktop app: one instance per store, unlock (keychain or passphrase), main window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEventLoop, QSettings
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from leaddesk.domain.errors import UserError
from leaddesk.ui.shell.gui_thread_gc import collect_on_gui_thread

if TYPE_CHECKING:
    from leaddesk.services.desk import Desk

# Only what the opening window needs is imported up front; the services (SQLAlchemy, keyring,
# SQLCipher), the icons and the dialogs come after it is on screen: a leader opening LeadDesk
# before a 1:1 sees it respond at once. Even PySide6's `Qt` namespace waits: building its
# hundreds of enums costs ~25 ms, so the opening window centres its line with stretches.


class Cancelled(Exception):
    """The user closed the passphrase dialog."""


DEMO_APPLICATION_NAME = "LeadDesk Demo"


def make_application(argv: list[str] | None = None, demo: bool = False) -> QApplication:
    """The QApplication with LeadDesk's names (QSettings uses them).

    The demo keeps its window settings (geometry, splitters, last screen, export folder) under
    its own name, so trying the demo never moves or reshapes the real store's window.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(DEMO_APPLICATION_NAME if demo else "LeadDesk")
    app.setOrganizationName("LeadDesk")
    app.setApplicationDisplayName("LeadDesk")
    app.setDesktopFileName("io.leaddesk.LeadDesk")  # Wayland app id: docks match the menu entry
    collect_on_gui_thread(app)
    return app


def _report_unexpected(kind: type[BaseException], error: BaseException, tb: object) -> None:
    """A bug in a slot: its type and frames logged (never its message), said plainly in a dialog
    naming the log; nothing on stderr."""
    from PySide6.QtWidgets import QMessageBox

    from leaddesk.ui.context import explain

    if error.__traceback__ is None and isinstance(tb, TracebackType):
        error = error.with_traceback(tb)
    QMessageBox.warning(None, "LeadDesk", f"Something went wrong: {explain(error)}")


def bring_forward(window: QWidget) -> None:
    """Show `window` on top and give it the focus (a second start on the same store asked)."""
    from PySide6.QtCore import Qt

    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


class OpeningWindow(QWidget):
    """The first thing on screen: the window's frame with 'Opening your store…' while it opens."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("openingWindow")
        self.setWindowTitle("LeadDesk")
        row = QHBoxLayout()
        row.addStretch(1)
        self.label = QLabel("Opening your encrypted LeadDesk store…")
        row.addWidget(self.label)
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

    def show_upgrade(self, done: int, total: int) -> None:
        """Progress of a store upgrade's long step (the search index of a store made before it),
        painted at once: the store opens on this thread, so no event loop runs meanwhile."""
        percent = 100 * done // total if total else 100
        self.show()  # also when starting into the tray: an upgrade of seconds is said
        self.label.setText(f"Upgrading your store: building the search index… {percent}%")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


def _passphrase_prompt(path: Path, error: str = "") -> Callable[[bool], str]:
    """Ask for the store's passphrase in a dialog showing `error`; Cancel raises Cancelled."""

    def prompt(new: bool) -> str:
        from PySide6.QtWidgets import QDialog

        from leaddesk.ui.common.passphrase_dialog import PassphraseDialog

        dialog = PassphraseDialog(new, str(path), error)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            raise Cancelled
        return dialog.value()

    return prompt


def unlock(path: Path) -> Desk:
    """Open the store, asking for the passphrase in a dialog (with retry) where one is needed."""
    from leaddesk.services.desk import Desk
    from leaddesk.services.errors import KeyUnavailableError, WrongKeyError

    error = ""
    while True:
        try:
            return Desk.open(path, _passphrase_prompt(path, error))
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
    from leaddesk.ui.ops import BackgroundOp, CancelledError

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

    build = BackgroundOp(progress, lambda report: build_demo(desk, progress=report))
    build.success(done).failure(failed).progress(step).run()
    progress.canceled.connect(build.cancel)
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


def run_app(
    path: Path, demo: bool = False, argv: list[str] | None = None, in_tray: bool = False
) -> int:
    """Run the GUI until the window closes; returns the exit code. `in_tray` (--tray, from
    the login entry) starts hidden in the tray where there is one and the user keeps it there."""
    app = make_application(argv, demo)
    from leaddesk.ui.shell.single_instance import ask_first_to_show, lock_for, store_identity

    workdir = None
    if demo:
        import tempfile  # ~20 ms of imports (shutil, random) a normal start does not need

        workdir = tempfile.TemporaryDirectory(prefix="leaddesk-demo-")
        path = Path(workdir.name) / "demo.db"
    # Through a symlink, a relative path or '..', every start on one store finds the same lock;
    # a second start is settled before any window shows, so it never flashes one.
    path = store_identity(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as failure:
        return _refuse(f"Cannot create the folder {path.parent}: {failure.strerror}.", 2)
    lock = lock_for(path)
    if not lock.tryLock(200):
        if ask_first_to_show(path):
            return 0  # the window already open on this store came forward
        return _refuse(
            f"LeadDesk is already open on {path}, in another window or on another computer "
            "sharing this folder. Switch to it, or close it first.",
            1,
        )
    try:
        return _run_locked(app, path, demo, in_tray)
    finally:
        lock.unlock()
        if workdir is not None:
            workdir.cleanup()


def _refuse(message: str, code: int) -> int:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, "LeadDesk", message)
    return code


def _open_desk(path: Path, demo: bool, opening: QWidget) -> Desk | None:
    """The store to show, or None when the user cancelled; failures are said in a dialog.

    A damaged store is not written into: its newest whole backup is offered, and restored (the
    damaged file kept as a pre-restore backup) if the user says so, then opened.
    """
    from PySide6.QtWidgets import QMessageBox

    from leaddesk.services.backups import restore_store
    from leaddesk.services.errors import StoreDamagedError

    try:
        if demo:
            return build_demo_store(path.parent)
        desk = unlock(path)
        try:
            desk.refuse_if_damaged()  # one read of each page: damage is said before any write
        except StoreDamagedError as damaged:
            opening.close()
            backup = damaged.backup
            if backup is not None and _restore_offered(
                str(damaged),
                partial(desk.restore_backup, backup),  # with the key just used
            ):
                return desk
            desk.close()
            damaged.said = True  # type: ignore[attr-defined]  # the user has been told
            raise
        except BaseException:
            desk.close()
            raise
        return desk
    except Cancelled:
        return None
    except StoreDamagedError as damaged:  # damage where opening reads (header, schema)
        opening.close()
        backup = damaged.backup
        if getattr(damaged, "said", False):
            pass
        elif backup is None:
            QMessageBox.critical(None, "LeadDesk", str(damaged))
        elif _restore_offered(
            str(damaged),
            partial(restore_store, path, backup, _passphrase_prompt(path)),
        ):
            return _open_desk(path, demo, opening)
    except UserError as error:
        opening.close()
        QMessageBox.critical(None, "LeadDesk", str(error))
    except Exception as error:  # a bug while opening: said in the window, logged, not on stderr
        from leaddesk.ui.context import explain

        opening.close()
        QMessageBox.critical(None, "LeadDesk", f"LeadDesk could not open: {explain(error)}")
    raise _Failed


def _restore_offered(message: str, do_restore: Callable[[], object]) -> bool:
    """Say the store is damaged and offer its newest whole backup; True once it is restored."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QCursor, QGuiApplication
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, "LeadDesk", message)
    box.setObjectName("damagedStoreBox")
    box.setInformativeText(
        "Restore that backup now? The damaged store is kept beside it as a pre-restore backup."
    )
    restore = box.addButton("&Restore the backup", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        do_restore()
    except Cancelled:
        return False
    except UserError as error:
        QMessageBox.critical(None, "LeadDesk", f"The backup was not restored: {error}")
        return False
    finally:
        QGuiApplication.restoreOverrideCursor()
    return True


class _Failed(Exception):
    """Opening failed and the user was told."""


def _run_locked(app: QApplication, path: Path, demo: bool, in_tray: bool = False) -> int:
    """The app on a store this process holds the lock of."""
    from leaddesk.ui.common.appearance import apply_appearance

    apply_appearance()  # light, dark or the system's, from the first window on
    opening = OpeningWindow()
    if not in_tray:  # at login into the tray nothing pops up unless it must (a prompt, an upgrade)
        opening.show()
    app.processEvents()
    from PySide6.QtCore import QThreadPool

    from leaddesk.logs import setup_logging
    from leaddesk.ui.main_window import MainWindow
    from leaddesk.ui.shell.single_instance import ShowRequests
    from leaddesk.ui.theme import app_icon

    setup_logging()
    app.setWindowIcon(app_icon())
    sys.excepthook = _report_unexpected
    front: list[QWidget] = [opening]
    requests = ShowRequests(path, lambda: bring_forward(front[0]))
    try:
        from leaddesk.services.search import reporting_upgrade_progress

        try:
            with reporting_upgrade_progress(opening.show_upgrade):
                desk = _open_desk(path, demo, opening)
        except _Failed:
            return 2
        if desk is None:
            return 0
        window = MainWindow(desk, demo=demo)
        front[0] = window
        from leaddesk.ui.shell.tray_icon import install_tray

        shell = install_tray(window)
        if not (in_tray and shell.keeps_running()):  # no tray, or not kept there: the window
            window.show()
        opening.close()
        if not demo:
            window.backup_if_due()
        code = app.exec()
        shell.close()
        # A background read or the automatic backup may still run: let it finish before the
        # store closes under it (closing right after start-up used to abort mid-backup).
        QThreadPool.globalInstance().waitForDone()
        desk.close()
        return code
    finally:
        requests.close()
