"""Export a person's one-pager: choose the flavour and paper, see the page, then save the PDF.

The shareable agreement sheet is what the report will read, so the page is previewed exactly as
it will print before anything is saved. While presenting, only the shareable flavour is offered:
the private page would put scores and notes on a shared screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk.reports.pdf_layout import PageSizeName
from leaddesk.ui.context import AppContext, explain
from leaddesk.ui.exports.export_runner import ExportJob, choose_target, percent, safe_name
from leaddesk.ui.exports.page_preview import RENDER_DPI, PagePreview
from leaddesk.ui.ops import BackgroundOp, CancelledError, Progress, drop_op

PREVIEW_WIDTH = 430


class ExportPersonDialog(QDialog):
    """Person, flavour (private / shareable agreement), paper; a live page preview; Save PDF…"""

    def __init__(self, ctx: AppContext, parent: QWidget | None, person_id: int | None) -> None:
        super().__init__(parent)
        self.setObjectName("exportPersonDialog")
        self.setWindowTitle("Export a one-pager")
        self.ctx = ctx
        self.job: ExportJob | None = None
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(150)
        self._preview_timer.timeout.connect(self._draw_preview)
        settings = ctx.desk.settings()
        self.leader_name = settings.your_name
        self.person = QComboBox()
        self.person.setObjectName("exportPerson")
        self.person.setAccessibleName("Person")
        for p in ctx.desk.people():
            self.person.addItem(p.name, p.id)
        if person_id is not None and self.person.findData(person_id) >= 0:
            self.person.setCurrentIndex(self.person.findData(person_id))
        self.private = QRadioButton("&Private one-pager — for you: trust, assessments, notes")
        self.private.setObjectName("exportPrivate")
        self.shareable = QRadioButton("&Shareable agreement sheet — to hand to them")
        self.shareable.setObjectName("exportShareable")
        self.shareable.setToolTip(
            "Delegations with levels and involve-me-when, success factors, open promises both "
            "ways, next checkpoints. No scores, assessments or notes."
        )
        flavours = QButtonGroup(self)
        flavours.addButton(self.private)
        flavours.addButton(self.shareable)
        if ctx.presenter:
            self._follow_presenter(True)
        else:
            self.private.setChecked(True)
        ctx.presenter_changed.connect(self._follow_presenter)
        self.paper = QComboBox()
        self.paper.setObjectName("exportPaper")
        self.paper.setAccessibleName("Paper size")
        self.paper.addItems(["A4", "Letter"])
        self.paper.setCurrentText(settings.page_size)
        form = QFormLayout()
        form.addRow("P&erson", self.person)
        form.addRow("Flavour", self.private)
        form.addRow("", self.shareable)
        form.addRow("P&aper", self.paper)
        self.page_view = PagePreview()
        self.page_view.setMinimumSize(PREVIEW_WIDTH + 40, int(PREVIEW_WIDTH * 1.42) + 16)
        self.preview = self.page_view.label
        self.caption = QLabel()
        self.caption.setObjectName("exportPreviewCaption")
        self.caption.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton("Save PDF…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("exportSave")
        self.save_button.setDefault(True)
        self.save_button.setToolTip("Choose where to save the PDF (Ctrl+S)")
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.caption)
        left.addStretch(1)
        left.addWidget(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addWidget(self.page_view, 3)
        for signal in (self.person.currentIndexChanged, self.paper.currentIndexChanged):
            signal.connect(self.refresh_preview)
        self.shareable.toggled.connect(self.refresh_preview)  # one toggle per flavour change
        self.save_button.setEnabled(self.person.count() > 0)
        self.resize(980, 760)
        self.refresh_preview()

    # -- choices -----------------------------------------------------------------------------
    def person_id(self) -> int | None:
        value = self.person.currentData()
        return value if isinstance(value, int) else None

    def page_size(self) -> PageSizeName:
        return cast(PageSizeName, self.paper.currentText())

    def is_shareable(self) -> bool:
        return self.shareable.isChecked()

    # -- preview -----------------------------------------------------------------------------
    def _follow_presenter(self, on: bool) -> None:
        """While presenting only the shareable sheet is offered (and previewed), even when
        presenter mode comes on with the private page already on screen."""
        self.private.setEnabled(not on)
        self.private.setToolTip(
            "Not while presenting: it shows scores and private notes." if on else ""
        )
        if on:
            self.shareable.setChecked(True)

    def refresh_preview(self) -> None:
        """Draw the page as it will print, shortly after the last change of choice (arrowing
        through people must not queue a page per person)."""
        drop_op(self, "preview")  # a drawing of the previous choice is moot
        self.caption.setText(
            "This is exactly what they will read."
            if self.is_shareable()
            else "Private: for your eyes only."
        )
        self._preview_timer.start()

    def _draw_preview(self) -> None:
        """Draw the page off the GUI thread; a newer choice makes an older drawing moot."""
        pid = self.person_id()
        if pid is None:
            self.preview.setText("Add a person first: there is nobody to export.")
            return
        shareable, size, desk, leader = (
            self.is_shareable(),
            self.page_size(),
            self.ctx.desk,
            self.leader_name,
        )

        def draw(progress: Progress) -> QImage:
            from leaddesk.reports.pdf_person import person_page_image, read_person_sheet

            if progress.cancelled:
                raise CancelledError  # the choice changed while this waited for a thread
            sheet = read_person_sheet(desk, pid, shareable=shareable, leader_name=leader)
            return person_page_image(sheet, size, dpi=RENDER_DPI)

        preview = BackgroundOp(self, draw, key="preview")
        preview.success(self._show_preview).failure(self._preview_failed).run()

    def _show_preview(self, image: QImage) -> None:
        self.page_view.set_image(image)

    def _preview_failed(self, error: BaseException) -> None:
        self.preview.setText(f"The page could not be drawn: {explain(error)}")

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> None:
        """Ask where, then write the PDF in the background; the dialog closes when it is done."""
        pid = self.person_id()
        if pid is None or self.job is not None:
            return
        shareable, size, desk, leader = (
            self.is_shareable(),
            self.page_size(),
            self.ctx.desk,
            self.leader_name,
        )
        kind = "agreement" if shareable else "one-pager"
        target = choose_target(
            self,
            "Save the one-pager",
            f"{safe_name(self.person.currentText())}-{kind}.pdf",
            "PDF",
            ".pdf",
        )
        if target is None:
            return

        def write(report: Progress) -> Path:
            from leaddesk.reports.pdf_person import write_person_pdf

            return write_person_pdf(
                desk,
                pid,
                target,
                shareable=shareable,
                page_size=size,
                leader_name=leader,
                progress=percent(report),
            )

        owner = self.parentWidget() or self  # the 'saved' box outlives this dialog
        self.job = ExportJob(self.ctx, owner, "Writing the one-pager…", write)
        self.job.finished.connect(self._written)
        self.save_button.setEnabled(False)

    def _written(self, path: object) -> None:
        if path is None:
            self.job = None
            self.save_button.setEnabled(True)  # failed or cancelled: choose again
        else:
            self.accept()
