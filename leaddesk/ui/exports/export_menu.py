"""File menu entries for exports and the roster import; each runs through the reports layer."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from leaddesk.domain import clock
from leaddesk.reports.pdf_layout import PageSizeName
from leaddesk.ui.common.action_slots import on_triggered
from leaddesk.ui.common.relaunch import start_leaddesk
from leaddesk.ui.context import AppContext
from leaddesk.ui.exports.export_runner import ExportJob, choose_target, default_folder, percent
from leaddesk.ui.ops import Progress
from leaddesk.ui.theme import icon

JSON_WARNING = (
    "The JSON file holds everything — relationship notes, private 1:1 notes, assessments — "
    "<b>unencrypted</b>. Keep it somewhere only you can read, and delete it once it has been "
    "imported on the new machine."
)


class ExportActions:
    """Export one-pager / team one-pager / JSON / calendar, and Import roster, for a window."""

    def __init__(
        self, ctx: AppContext, window: QWidget, current_person: Callable[[], int | None]
    ) -> None:
        self.ctx = ctx
        self.window = window
        self.current_person = current_person
        self.jobs: list[ExportJob] = []

        def action(text: str, slot: Callable[[], object], tip: str, keys: str = "") -> QAction:
            made = QAction(icon("import" if "Import" in text else "export"), text, window)
            made.setStatusTip(tip)
            made.setToolTip(tip)
            if keys:
                made.setShortcut(QKeySequence(keys))
            on_triggered(made, slot)
            window.addAction(made)
            return made

        self.person_pdf = action(
            "Export &one-pager…",
            self.export_person,
            "A person's one page: private, or the agreement sheet to hand to them",
            "Ctrl+E",
        )
        self.team_pdf = action(
            "Export &team one-pager…", self.export_team, "Every direct report on one page (PDF)"
        )
        self.json = action(
            "Export all data (&JSON)…",
            self.export_json,
            "Everything, to move to another machine (leaddesk import json reads it)",
        )
        self.ics = action(
            "Export &calendar (ICS)…",
            self.export_ics,
            "Checkpoints, promise due dates (with alarms) and next 1:1s for your calendar "
            "app; no private notes",
        )
        self.import_json_action = action(
            "Import all data into a &new store (JSON)…",
            self.import_json,
            "Make a new store from a LeadDesk JSON export (e.g. from your old computer)",
        )
        self.roster = action(
            "Import &roster (CSV)…",
            self.import_roster,
            "Add or update people from a spreadsheet; you see what changes before anything does",
        )

    def add_to(self, menu: QMenu) -> None:
        """Put the entries in a menu, exports then the import."""
        for entry in (self.person_pdf, self.team_pdf, self.json, self.ics):
            menu.addAction(entry)
        menu.addSeparator()
        menu.addAction(self.roster)
        menu.addAction(self.import_json_action)

    def _run(self, label: str, work: Callable[[Progress], Path], **options: Any) -> ExportJob:
        job = ExportJob(self.ctx, self.window, label, work, **options)
        self.jobs.append(job)
        job.finished.connect(lambda _path, j=job: self.jobs.remove(j))
        return job

    # -- exports -----------------------------------------------------------------------------
    def export_person(self) -> None:
        """The one-pager of the person on screen (or one chosen in the dialog)."""
        from leaddesk.ui.exports.export_person_dialog import ExportPersonDialog

        if not self.ctx.desk.people():
            self._nobody()
            return
        dialog = ExportPersonDialog(self.ctx, self.window, self.current_person())
        dialog.exec()
        dialog.deleteLater()

    def export_team(self) -> ExportJob | None:
        """Every direct report on one page."""
        desk = self.ctx.desk
        if not desk.direct_reports():
            self._nobody()
            return None
        if self.ctx.presenter and not self._confirm_private(
            "The team one-pager shows trust scores."
        ):
            return None
        target = choose_target(
            self.window,
            "Save the team one-pager",
            f"team-{clock.today().isoformat()}.pdf",
            "PDF",
            ".pdf",
        )
        if target is None:
            return None
        size = desk.settings().page_size

        def write(report: Progress) -> Path:
            from leaddesk.reports.pdf_team import write_team_pdf

            return write_team_pdf(
                desk, target, page_size=cast(PageSizeName, size), progress=percent(report)
            )

        return self._run("Writing the team one-pager…", write)

    def export_json(self) -> ExportJob | None:
        """Every table, for `leaddesk import json` on another machine."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Export all data", JSON_WARNING, parent=self.window
        )
        box.setObjectName("jsonWarning")
        go = box.addButton("Choose where to save…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not go:
            return None
        target = choose_target(
            self.window,
            "Export all data",
            f"leaddesk-{clock.today().isoformat()}.json",
            "JSON",
            ".json",
        )
        if target is None:
            return None
        desk = self.ctx.desk

        def write(_report: Progress) -> Path:
            from leaddesk.reports.exchange_json import export_json

            return export_json(desk, target).path

        return self._run("Exporting all data…", write)

    def export_ics(self) -> ExportJob | None:
        """Open checkpoints and promise due dates; to-dos, alarms and notes as chosen."""
        from leaddesk.ui.exports.calendar_export_dialog import CalendarExportDialog

        desk = self.ctx.desk
        dialog = CalendarExportDialog(self.window, desk.settings().ics_alarm_lead_minutes)
        accepted = dialog.exec() == CalendarExportDialog.DialogCode.Accepted
        choice = dialog.choice()
        dialog.deleteLater()
        if not accepted:
            return None
        target = choose_target(
            self.window, "Export to your calendar", "leaddesk.ics", "Calendar", ".ics"
        )
        if target is None:
            return None

        def write(_report: Progress) -> Path:
            from leaddesk.reports.calendar_ics import export_ics

            return export_ics(
                desk,
                target,
                include_notes=choice.include_notes,
                todos=choice.todos,
                alarm_minutes=choice.alarm_minutes,
            ).path

        return self._run("Writing the calendar…", write)

    # -- import ------------------------------------------------------------------------------
    def import_roster(self) -> None:
        """People from a CSV roster, after a preview of what changes."""
        from leaddesk.ui.exports.roster_import_dialog import RosterImportDialog

        RosterImportDialog.run(self.ctx, self.window)

    def import_json(self) -> ExportJob | None:
        """A new store from a JSON export; this window's store is not touched."""
        source, _filter = QFileDialog.getOpenFileName(
            self.window,
            "Choose a LeadDesk JSON export",
            str(default_folder()),
            "JSON (*.json);;All files (*)",
        )
        if not source:
            return None
        target = choose_target(
            self.window,
            "Where should the new store go?",
            "leaddesk-imported.db",
            "LeadDesk store",
            ".db",
        )
        if target is None:
            return None
        if target.exists():  # the save dialog asked to replace it; an import never does
            QMessageBox.warning(
                self.window,
                "LeadDesk",
                f"{target.name} already exists. An import makes a new store: choose a new name.",
            )
            return None
        passphrase = self._new_store_passphrase(target)
        if passphrase is None:
            return None

        def load(report: Progress) -> Path:
            from leaddesk.reports.exchange_json import import_json

            prompt = (lambda _new: passphrase) if passphrase else None
            return import_json(Path(source), target, prompt, progress=report).path

        return self._run(
            "Importing into a new store…",
            load,
            done_title="Import done",
            also=("Open it now", open_store_window),
            failure_text="The import did not happen: {}\nNo store was created.",
            cancellable=True,  # the load checks between batches and rolls back
        )

    def _new_store_passphrase(self, target: Path) -> str | None:
        """'' when the OS keychain (or LEADDESK_PASSPHRASE) will key the new store; else the
        passphrase typed (None when cancelled), asked here because the import runs in a worker."""
        from leaddesk.security.keys import PASSPHRASE_ENV, keyring_backend
        from leaddesk.ui.common.passphrase_dialog import PassphraseDialog

        if keyring_backend() is not None or os.environ.get(PASSPHRASE_ENV):
            return ""
        dialog = PassphraseDialog(True, str(target), parent=self.window)
        accepted = dialog.exec() == PassphraseDialog.DialogCode.Accepted
        return dialog.value() if accepted else None

    # -- helpers -----------------------------------------------------------------------------
    def _nobody(self) -> None:
        QMessageBox.information(
            self.window,
            "LeadDesk",
            "There is nobody to export yet. Add a direct report first (People, or Ctrl+N).",
        )

    def _confirm_private(self, what: str) -> bool:
        answer = QMessageBox.question(
            self.window,
            "Presenter mode is on",
            f"{what} Export it anyway? (The file is not shown on screen.)",
        )
        return answer == QMessageBox.StandardButton.Yes


def open_store_window(path: Path) -> None:
    """Open another LeadDesk window on the store at `path` (its own process and lock)."""
    start_leaddesk("--db", str(path))
