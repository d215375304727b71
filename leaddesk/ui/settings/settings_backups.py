"""Settings > Backups: the list of backups, Back up now, Restore…, Show in folder.

The list is read from the folder at once (names and sizes); what each backup holds is read by a
worker, since that opens and checks every backup. A restore runs in a worker behind a modal
progress dialog; the Desk then continues on the restored data and every view refreshes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QItemSelectionModel, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.errors import UserError
from leaddesk.reports import wording
from leaddesk.services.backups import BackupSummary, Restored
from leaddesk.services.changes import Change, ChangeArea
from leaddesk.services.errors import StoreLockedError
from leaddesk.ui import theme
from leaddesk.ui.context import AppContext, explain
from leaddesk.ui.ops import BackgroundOp, Progress
from leaddesk.ui.settings.backup_table_model import BackupRow, BackupTableModel, made_text

Counted = dict[Path, tuple[BackupSummary | None, str]]


def _open_url(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)


class BackupsPanel(QWidget):
    """The backups of the store, newest first, and what can be done with them."""

    #: Opens a folder in the file manager (replaced in tests: there is no file manager there).
    opener: Callable[[QUrl], bool] = staticmethod(_open_url)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupsPanel")
        self.ctx = ctx
        self._known: dict[Path, BackupRow] = {}
        self._progress: QProgressDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel()
        self.empty.setObjectName("backupsEmpty")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.model = BackupTableModel()
        self.table = QTableView()
        self.table.setObjectName("backupsTable")
        self.table.setAccessibleName("Backups")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(200)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        layout.addWidget(self.table)
        layout.addLayout(self._buttons())
        self.result = QLabel()
        self.result.setObjectName("backupResult")
        self.result.setAccessibleName("Last backup or restore")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result)
        ctx.changed.connect(self._on_change)

    def _buttons(self) -> QHBoxLayout:
        self.backup_button = self._button(
            "archive", "&Back up now", "backupNow", "Write an encrypted copy of the store now."
        )
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button = self._button(
            "undo",
            "&Restore…",
            "restoreBackup",
            "Replace your data with the selected backup (your current data is kept first).",
        )
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button = self._button(
            "export", "Show in &folder", "showBackupsFolder", "Open the backups folder."
        )
        self.folder_button.clicked.connect(self.show_folder)
        self.busy = QProgressBar()
        self.busy.setObjectName("backupProgress")
        self.busy.setRange(0, 0)  # busy: SQLite reports no steps
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        row = QHBoxLayout()
        for widget in (self.backup_button, self.restore_button, self.folder_button, self.busy):
            row.addWidget(widget)
        row.addStretch(1)
        return row

    @staticmethod
    def _button(icon_name: str, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(theme.icon(icon_name), text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setToolTip(tip)
        return button

    # -- the list ------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()  # a backup may have been written since (daily, CLI)

    def _on_change(self, change: Change) -> None:
        if change.area is ChangeArea.RESTORE and shiboken6.isValid(self):
            self.refresh()

    def refresh(self) -> None:
        """List the backups (cheap), then read what each holds in the background."""
        desk = self.ctx.desk
        selected = self.selected()
        backups = desk.backups()
        self.model.show_backups(backups, self._known)
        self.table.setVisible(bool(backups))
        self.empty.setText(
            "No backups yet. LeadDesk writes an encrypted backup once a day while it runs, one "
            "before every upgrade and one before every restore; Back up now writes one at once. "
            f"They are kept in {desk.backups_folder}."
            if not backups
            else f"Encrypted with your store's key, in {desk.backups_folder}. Daily and manual "
            "backups are rotated as set above; pre-upgrade and pre-restore ones are kept apart."
        )
        if selected is not None:
            for row, record in enumerate(self.model.records):
                if record.info.path == selected.info.path:
                    self.table.selectionModel().select(
                        self.model.index(row, 0),
                        QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows,
                    )
        self._enable()
        self._read_counts()

    def selected(self) -> BackupRow | None:
        """The backup selected in the list, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _read_counts(self) -> None:
        todo = [r.info.path for r in self.model.records if r.summary is None and not r.problem]
        if not todo:
            return
        desk = self.ctx.desk

        def work(_progress: Progress) -> Counted:
            counted: Counted = {}
            for path in todo:
                try:
                    counted[path] = (desk.backup_summary(path), "")
                except StoreLockedError:
                    continue  # locked or busy meanwhile: read again when next shown, not cached
                except UserError as error:
                    counted[path] = (None, str(error))
                except Exception:  # a backup the checks could not even read
                    counted[path] = (None, f"{path} cannot be read.")
            return counted

        # A newer listing's read supersedes this one (it counts what this one would have).
        BackgroundOp(self, work, key="counts").success(self._counted).failure(self._failed).run()

    def _counted(self, counted: Counted) -> None:
        for path, (summary, problem) in counted.items():
            self.model.fill(path, summary, problem)
        for record in self.model.records:
            if record.summary is not None or record.problem:
                self._known[record.info.path] = record

    def _enable(self) -> None:
        idle = self._progress is None and not self.busy.isVisible()
        self.backup_button.setEnabled(idle)
        self.restore_button.setEnabled(idle and self.selected() is not None)

    # -- back up -------------------------------------------------------------------------------
    def back_up(self) -> None:
        """Write an encrypted copy in the background; show where it went."""
        self.busy.show()
        self._enable()
        self._say("Backing up…")
        desk = self.ctx.desk
        made = BackgroundOp(self, lambda _progress: desk.backup())
        made.success(self._backed_up).failure(self._failed).run()

    def _backed_up(self, made: Path) -> None:
        self.busy.hide()
        self._say(f"Backed up to {made}")
        self.ctx.message.emit(f"Backed up to {made}")
        self.refresh()

    # -- restore -------------------------------------------------------------------------------
    def restore_selected(self) -> None:
        """Ask, saying what will happen; then restore the selected backup in the background."""
        row = self.selected()
        if row is None:
            return
        if not self._confirm(row):
            return
        self._progress = QProgressDialog("Restoring the backup…", "", 0, 0, self.window())
        self._progress.setObjectName("restoreProgress")
        self._progress.setWindowTitle("LeadDesk")
        self._progress.setCancelButton(None)  # no cancelling a swap
        self._progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        self._progress.setMinimumDuration(0)
        self.destroyed.connect(self._progress.deleteLater)  # nothing comes back to a gone panel
        self._progress.show()
        self._enable()
        self._say("Restoring…")
        desk, path = self.ctx.desk, row.info.path
        restore = BackgroundOp(self, lambda _progress: desk.restore_backup(path))
        restore.success(lambda done: self._restored(row, done)).failure(self._failed).run()

    def _confirm(self, row: BackupRow) -> bool:
        held = row.summary
        holds = (
            f"It holds {wording.count(held.people, 'person', 'people')}, "
            f"{wording.count(held.delegations, 'delegation')}, "
            f"{wording.count(held.promises, 'promise')} and "
            f"{wording.count(held.one_on_ones, '1:1')}."
            if held is not None
            else ""
        )
        box = QMessageBox(self.window())
        box.setObjectName("confirmRestore")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Restore a backup")
        box.setText(f"Restore the backup made {made_text(row)}?")
        box.setInformativeText(
            f"Your data will be replaced by this backup's. {holds}\n\n"
            "Your current data is kept first, as a pre-restore backup in the same list, "
            "so you can go back to it by restoring that one."
        )
        restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("confirmRestoreButton")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is restore

    def _restored(self, row: BackupRow, done: Restored) -> None:
        self._close_progress()
        text = f"Restored the backup made {made_text(row)}."
        if done.kept is not None:
            text += " Your previous data is kept as a pre-restore backup."
        self._say(text)
        self.ctx.message.emit(text)
        self.ctx.undo_available.emit("")  # the undo history described the replaced data
        self.refresh()

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
        self._progress = None

    # -- folder, messages ------------------------------------------------------------------------
    def show_folder(self) -> None:
        """Open the backups folder in the file manager."""
        folder = self.ctx.desk.backups_folder
        if not folder.is_dir():
            self._say("There is no backups folder yet: Back up now makes the first backup.")
            return
        if not self.opener(QUrl.fromLocalFile(str(folder))):
            self._say(f"Could not open a file manager. The backups are in {folder}", bad=True)

    def _failed(self, error: BaseException) -> None:
        self._close_progress()
        self.busy.hide()
        self._say(f"That did not work: {explain(error)}", bad=True)
        self.refresh()

    def _say(self, text: str, bad: bool = False) -> None:
        self.result.setStyleSheet(f"color: {theme.bad().name()};" if bad else "")
        self.result.setText(text)
        self._enable()
