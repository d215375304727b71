"""File menu entries for exports and the roster import; each runs through the reports layer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import cast

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from leaddesk.reports.pdf_layout import PageSizeName
from leaddesk.ui.context import AppContext
from leaddesk.ui.export_runner import ExportJob, choose_target, percent
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
            made.triggered.connect(lambda _checked=False: slot())
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
            "Checkpoints and promise due dates for your calendar app; no private notes",
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

    def _run(self, label: str, work: Callable[[Progress], Path]) -> ExportJob:
        job = ExportJob(self.ctx, self.window, label, work)
        self.jobs.append(job)
        job.finished.connect(lambda _path, j=job: self.jobs.remove(j))
        return job

    # -- exports -----------------------------------------------------------------------------
    def export_person(self) -> None:
        """The one-pager of the person on screen (or one chosen in the dialog)."""
        from leaddesk.ui.dialogs.export_person_dialog import ExportPersonDialog

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
            f"team-{date.today():%Y-%m-%d}.pdf",
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
            f"leaddesk-{date.today():%Y-%m-%d}.json",
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
        """Open checkpoints and promise due dates, without notes."""
        target = choose_target(
            self.window, "Export to your calendar", "leaddesk.ics", "Calendar", ".ics"
        )
        if target is None:
            return None
        desk = self.ctx.desk

        def write(_report: Progress) -> Path:
            from leaddesk.reports.calendar_ics import export_ics

            return export_ics(desk, target).path

        return self._run("Writing the calendar…", write)

    # -- import ------------------------------------------------------------------------------
    def import_roster(self) -> None:
        """People from a CSV roster, after a preview of what changes."""
        from leaddesk.ui.dialogs.roster_import_dialog import RosterImportDialog

        RosterImportDialog.run(self.ctx, self.window)

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
