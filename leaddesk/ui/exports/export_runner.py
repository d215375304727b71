"""Exports from the GUI: pick a file, write it in the background with progress, say where it went.

The file is written by the reports layer through `atomic_path`, so a cancel or a failure leaves
nothing under the chosen name; the last folder used is remembered for the next export.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from leaddesk.ui.context import AppContext, explain
from leaddesk.ui.ops import BackgroundOp, CancelledError, Progress

FOLDER_KEY = "exports/folder"


def default_folder() -> Path:
    """The folder of the last export, else Documents, else home."""
    remembered = QSettings().value(FOLDER_KEY)
    if isinstance(remembered, str) and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def choose_target(
    parent: QWidget | None, title: str, name: str, kind: str, suffix: str
) -> Path | None:
    """Ask where to save (None when cancelled); the suffix is added when the name has none."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, title, str(default_folder() / name), f"{kind} (*{suffix});;All files (*)"
    )
    if not chosen:
        return None
    path = Path(chosen)
    if not path.suffix:
        path = path.with_suffix(suffix)
    QSettings().setValue(FOLDER_KEY, str(path.parent))
    return path


def show_in_folder(path: Path) -> None:
    """Open the file manager on the folder that holds `path`."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def safe_name(text: str) -> str:
    """A file-name-friendly version of a person's name."""
    kept = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in text)
    return "-".join(kept.split()) or "export"


class ExportJob(QObject):
    """One export in a worker: a progress dialog (cancellable when the work can stop between its
    steps, e.g. an import that rolls back), then a 'saved' box or an error.

    `finished` carries the written path, or None when it failed or was cancelled.
    """

    finished = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget,
        label: str,
        work: Callable[[Progress], Path],
        opener: Callable[[Path], None] = show_in_folder,
        done_title: str = "Export saved",
        also: tuple[str, Callable[[Path], None]] | None = None,
        failure_text: str = "The export could not be written: {}\nNothing was saved.",
        cancellable: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.parent_widget = parent
        self.opener = opener
        self.done_title = done_title
        self.also = also  # a further button on the 'saved' box: (label, action on the path)
        self.failure_text = failure_text
        self.saved_box: QMessageBox | None = None
        self.progress = QProgressDialog(label, "Cancel", 0, 100, parent)
        self.progress.setObjectName("exportProgress")
        self.progress.setWindowTitle("LeadDesk export")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(400)  # quick exports never flash a dialog
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setValue(0)
        op = BackgroundOp(self, work).success(self._done).failure(self._failed).progress(self._step)
        op.run()
        if cancellable:
            self.progress.canceled.connect(op.cancel)
        else:
            # Only work that checks for a cancel between its steps offers one; a Cancel that
            # could not stop the write would be a promise broken.
            self.progress.setCancelButton(None)

    def _step(self, done: int, total: int) -> None:
        if not self.progress.wasCanceled():
            self.progress.setValue(int(100 * done / max(total, 1)))

    def _done(self, path: Path) -> None:
        self.progress.close()
        self.ctx.message.emit(f"Saved {path.name} in {path.parent}.")
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.done_title,
            f"Saved <b>{path.name}</b><br>in {path.parent}",
            QMessageBox.StandardButton.Close,
            self.parent_widget,
        )
        box.setObjectName("exportSaved")
        show = box.addButton("Show in folder", QMessageBox.ButtonRole.ActionRole)
        show.setObjectName("exportShowInFolder")
        show.clicked.connect(lambda: self.opener(path))
        box.setDefaultButton(show)
        if self.also is not None:
            label, action = self.also
            extra = box.addButton(label, QMessageBox.ButtonRole.AcceptRole)
            extra.setObjectName("exportAlso")
            extra.clicked.connect(lambda: action(path))
            box.setDefaultButton(extra)
        box.open()  # not exec(): the caller is not held while the box is up
        self.saved_box = box
        self.finished.emit(path)

    def _failed(self, error: BaseException) -> None:
        self.progress.close()
        if isinstance(error, CancelledError):
            self.ctx.message.emit("Cancelled; nothing was written.")
        else:
            QMessageBox.warning(
                self.parent_widget, "LeadDesk", self.failure_text.format(explain(error))
            )
        self.finished.emit(None)


def percent(report: Progress) -> Callable[[int], None]:
    """Adapt a worker's progress(done, total) to the PDF writers' progress(percent)."""
    return lambda value: report(value, 100)
