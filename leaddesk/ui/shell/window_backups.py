"""Backups started from the window: now (File › Back up now) and the daily one when it is due.

Both run in the background (a backup of a big store takes seconds); only what the user needs
to know is said: where the copy went, or why it failed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from leaddesk.ui.context import explain
from leaddesk.ui.ops import BackgroundOp

if TYPE_CHECKING:
    from leaddesk.ui.main_window import MainWindow


def backup_now(window: MainWindow) -> None:
    """Write an encrypted copy in the background."""
    window.statusBar().showMessage("Backing up…")
    desk = window.ctx.desk
    backup = BackgroundOp(window, lambda _progress: desk.backup())
    backup.success(lambda made: window.statusBar().showMessage(f"Backed up to {made}", 10000))
    backup.failure(lambda error: _warn(window, f"Backup failed: {explain(error)}")).run()


def backup_if_due(window: MainWindow) -> None:
    """The daily automatic backup; nothing is shown while locked (the next hourly check
    catches up)."""
    if window.idle.locked:
        return

    def done(made: Path | None) -> None:
        if made is not None:
            window.statusBar().showMessage(f"Automatic backup written to {made}", 8000)

    desk = window.ctx.desk
    backup = BackgroundOp(window, lambda _progress: desk.backup_if_due()).success(done)
    backup.failure(lambda error: _warn(window, f"The automatic backup failed: {explain(error)}"))
    backup.run()


def _warn(window: MainWindow, text: str) -> None:
    QMessageBox.warning(window, "LeadDesk", text)
