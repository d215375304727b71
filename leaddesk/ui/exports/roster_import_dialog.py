"""Import people from a roster CSV: a dry-run preview first, then one transaction on Import.

The file is read and planned on the GUI thread (a few hundred lines take milliseconds). Every
problem of the file and of the plan is listed at once; nothing is written until the file is fixed.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from leaddesk.reports import wording
from leaddesk.reports.roster_csv import RosterFile, read_roster
from leaddesk.services.roster import RosterAction, RosterPlan, RosterProblem
from leaddesk.ui import theme
from leaddesk.ui.common.column_table_model import ColumnTableModel
from leaddesk.ui.context import AppContext, explain
from leaddesk.ui.exports.roster_plan_model import RosterPlanModel, people_count, problem_model
from leaddesk.ui.exports.roster_table import RosterTable

FILE_FILTER = "CSV files (*.csv);;All files (*)"
_FOLDER_KEY = "roster/lastFolder"
_GEOMETRY_KEY = "roster/dialogGeometry"


def ask_roster_path(parent: QWidget | None, start: Path | None = None) -> Path | None:
    """Ask which roster CSV to import (starting where the last one was); None when cancelled."""
    settings = QSettings()
    folder = str(start) if start else str(settings.value(_FOLDER_KEY, str(Path.home())))
    name, _ = QFileDialog.getOpenFileName(
        parent, "Import people from a roster", folder, FILE_FILTER
    )
    if not name:
        return None
    settings.setValue(_FOLDER_KEY, str(Path(name).parent))
    return Path(name)


class RosterImportDialog(QDialog):
    """What importing a roster would do, its problems if any, and Import once the user agrees."""

    def __init__(self, ctx: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterImportDialog")
        self.setWindowTitle("Import people from a roster")
        self.setMinimumSize(640, 420)
        self.ctx = ctx
        self.path = path
        self.roster: RosterFile | None = None
        self.plan: RosterPlan | None = None
        self.problems: tuple[RosterProblem, ...] = ()
        self.imported: RosterPlan | None = None
        self._build()
        geometry = QSettings().value(_GEOMETRY_KEY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(900, 560)
        self.load(path)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.file_label = QLabel()
        self.file_label.setObjectName("rosterFile")
        self.file_label.setAccessibleName("Roster file")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.file_label, 1)
        self.choose_button = QPushButton("C&hoose another file…")
        self.choose_button.setObjectName("rosterChooseFile")
        self.choose_button.setAccessibleName("Choose another file")
        self.choose_button.setToolTip("Preview another roster CSV instead of this one")
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_file)
        self.reload_button = QPushButton("Check &again")
        self.reload_button.setObjectName("rosterCheckAgain")
        self.reload_button.setAccessibleName("Check the file again")
        self.reload_button.setToolTip("Read the file again, e.g. after fixing it (F5)")
        self.reload_button.setAutoDefault(False)
        self.reload_button.clicked.connect(lambda: self.load(self.path))
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Refresh), self, lambda: self.load(self.path)
        )
        top.addWidget(self.reload_button)
        top.addWidget(self.choose_button)
        layout.addLayout(top)
        layout.addSpacing(4)

        self.intro = QLabel(
            "Nothing is written until you press Import. People are matched by name; an empty "
            "cell keeps what LeadDesk already has."
        )
        self.intro.setObjectName("rosterIntro")
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet(f"color: {theme.muted_color().name()};")
        layout.addWidget(self.intro)

        line = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("rosterSummary")
        self.summary.setAccessibleName("What the import would do")
        self.summary.setWordWrap(True)
        line.addWidget(self.summary, 1)
        self.show_unchanged = QCheckBox("Show &unchanged")
        self.show_unchanged.setObjectName("rosterShowUnchanged")
        self.show_unchanged.setAccessibleName("Show unchanged people")
        self.show_unchanged.setToolTip("Also list the people the roster leaves as they are")
        self.show_unchanged.toggled.connect(self._fill_preview)
        line.addWidget(self.show_unchanged)
        layout.addLayout(line)
        self.ignored = QLabel()
        self.ignored.setObjectName("rosterIgnoredColumns")
        self.ignored.setAccessibleName("Ignored columns")
        self.ignored.setWordWrap(True)
        self.ignored.setTextFormat(Qt.TextFormat.PlainText)  # column names come from the file
        self.ignored.setStyleSheet(f"color: {theme.muted_color().name()};")
        layout.addWidget(self.ignored)

        self.pages = QStackedWidget()
        self.model = RosterPlanModel()
        self.preview = RosterTable(
            "rosterPreview", "People in the roster", "What the import does to each person"
        )
        self.preview.setModel(self.model)
        self.preview.fit(3, {0: "0000", 1: "Firstname Lastname-Long", 2: "+ Unchanged"})
        self.pages.addWidget(self.preview)
        self.problem_model: ColumnTableModel[RosterProblem] = problem_model()
        self.problem_list = RosterTable(
            "rosterProblems", "Problems in the roster", "Fix these in the file, then check again"
        )
        self.problem_list.setModel(self.problem_model)
        self.problem_list.fit(2, {0: "0000", 1: "in-role-since"})
        self.pages.addWidget(self.problem_list)
        layout.addWidget(self.pages, 1)

        self.notice = QLabel()
        self.notice.setObjectName("rosterNotice")
        self.notice.setAccessibleName("Notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(f"color: {theme.warn().name()}; font-weight: 600;")
        self.notice.hide()
        layout.addWidget(self.notice)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("rosterImport")
        self.import_button.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("rosterCancel")
        cancel.setAccessibleName("Cancel")
        cancel.setToolTip("Close without importing anything (Esc)")
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.import_roster)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.import_roster)
        self.setTabOrder(self.reload_button, self.choose_button)
        self.setTabOrder(self.choose_button, self.show_unchanged)
        self.setTabOrder(self.show_unchanged, self.preview)
        self.setTabOrder(self.preview, self.problem_list)
        self.setTabOrder(self.problem_list, self.import_button)
        self.setTabOrder(self.import_button, cancel)

    # -- reading and planning ----------------------------------------------------------------
    def load(self, path: Path) -> None:
        """Read and plan the roster at `path` and show the preview or its problems."""
        self.path = path
        self.roster, self.plan, self.problems = None, None, ()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.roster = read_roster(path)
            self.plan = self.ctx.desk.plan_roster(self.roster.rows) if self.roster.rows else None
            self.problems = (*self.roster.problems, *(self.plan.problems if self.plan else ()))
        except Exception as error:  # a user error, or a bug explain() logs
            self.problems = (RosterProblem(None, None, explain(error)),)
        finally:
            QApplication.restoreOverrideCursor()
        self.notice.hide()
        self._show()

    def choose_file(self) -> None:
        """Ask for another roster and preview it; the dialog stays open either way."""
        path = ask_roster_path(self, self.path.parent)
        if path is not None:
            self.load(path)

    @property
    def to_write(self) -> int:
        """How many people Import adds or updates."""
        if self.plan is None or self.problems:
            return 0
        return self.plan.count(RosterAction.ADDED) + self.plan.count(RosterAction.UPDATED)

    def _show(self) -> None:
        folder = html.escape(str(self.path.parent))
        self.file_label.setText(
            f"<b>{html.escape(self.path.name)}</b>&nbsp;&nbsp;"
            f"<span style='color:{theme.muted_color().name()}'>in {folder}</span>"
        )
        self.file_label.setToolTip(str(self.path))
        ignored = self.roster.ignored_columns if self.roster else ()
        self.ignored.setText(f"Ignored columns: {', '.join(ignored)}" if ignored else "")
        self.ignored.setVisible(bool(ignored) and not self.problems)
        self.intro.setVisible(not self.problems)
        if self.problems:
            count = len(self.problems)
            self.summary.setText(
                f"<span style='color:{theme.bad().name()}'><b>{wording.count(count, 'problem')}"
                " in this file.</b></span> Nothing will be imported "
                "until the file is fixed: fix it, then press Check again."
            )
            self.problem_model.set_records(sorted(self.problems, key=lambda p: p.line or 0))
            self.pages.setCurrentWidget(self.problem_list)
            self.show_unchanged.hide()
        else:
            assert self.plan is not None
            added, updated, unchanged = (self.plan.count(action) for action in RosterAction)
            text = (
                f"<b style='color:{theme.good().name()}'>{added:,} to add</b> · "
                f"<b style='color:{theme.accent().name()}'>{updated:,} to update</b> · "
                f"{unchanged:,} unchanged"
            )
            if not self.to_write:
                text += " — everyone in the roster is already up to date."
            self.summary.setText(text)
            self.show_unchanged.show()
            self.show_unchanged.blockSignals(True)
            self.show_unchanged.setChecked(not self.to_write)
            self.show_unchanged.blockSignals(False)
            self._fill_preview()
            self.pages.setCurrentWidget(self.preview)
        count = self.to_write
        self.import_button.setEnabled(bool(count))
        self.import_button.setText(f"&Import {people_count(count)}" if count else "&Import")
        self.import_button.setAccessibleName(self.import_button.text().replace("&", ""))
        self.import_button.setToolTip(
            "Add and update these people in one step (Ctrl+Enter)"
            if count
            else "Nothing to import: fix the problems first"
            if self.problems
            else "Nothing to import: everyone is already up to date"
        )

    def _fill_preview(self) -> None:
        self.model.set_plan(self.plan, self.show_unchanged.isChecked())

    # -- importing ---------------------------------------------------------------------------
    def import_roster(self) -> None:
        """Apply the previewed plan; if the store changed meanwhile, show the fresh preview."""
        plan = self.plan
        if plan is None or not self.to_write:
            return
        done = self.ctx.result(self, lambda: self.ctx.desk.apply_roster(plan))
        if done is None:
            self._replan(plan)
            return
        self.imported = done
        added, updated = done.count(RosterAction.ADDED), done.count(RosterAction.UPDATED)
        self.ctx.message.emit(f"Imported roster: {added:,} added, {updated:,} updated.")
        self.accept()

    def _replan(self, refused: RosterPlan) -> None:
        """After a refusal: the roster planned again against the store as it is now."""
        self.load(self.path)
        if self.plan is not None and self.plan.entries != refused.entries:
            self.notice.setText(
                "The people in LeadDesk changed since this preview, so nothing was imported. "
                "This is the preview again, as things are now: check it and import again."
            )
            self.notice.show()

    def done(self, result: int) -> None:
        QSettings().setValue(_GEOMETRY_KEY, self.saveGeometry())
        super().done(result)

    @classmethod
    def run(cls, ctx: AppContext, parent: QWidget | None, path: Path | None = None) -> bool:
        """Ask for a roster file (unless given), preview it, import; True when people were."""
        if path is None:
            path = ask_roster_path(parent)
            if path is None:
                return False
        dialog = cls(ctx, path, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted and dialog.imported is not None
        finally:
            dialog.deleteLater()
