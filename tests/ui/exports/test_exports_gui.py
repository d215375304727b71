"""Exports from the GUI: the one-pager dialog with its preview, the File menu exports, the
'saved' box with Show in folder. Real file dialogs, real files read back."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from helpers.qt import on_modal
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QWidget

from leaddesk.services.desk import Desk
from leaddesk.ui.context import AppContext
from leaddesk.ui.exports.export_menu import ExportActions
from leaddesk.ui.exports.export_person_dialog import ExportPersonDialog
from leaddesk.ui.exports.export_runner import FOLDER_KEY, ExportJob

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


def save_as(path: Path) -> None:
    """Answer the next save dialog with `path`, as a user typing the name and pressing Save."""

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(path))
        dialog.accept()

    on_modal(answer)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def finished_job(qtbot, job: ExportJob | None) -> Path:
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=20_000) as signal:
        pass
    path = signal.args[0]
    assert isinstance(path, Path)
    return path


@pytest.fixture
def busiest(demo_desk: Desk) -> int:
    """The direct report with the most delegations and at least one relationship note."""
    people = [p for p in demo_desk.direct_reports() if demo_desk.relationship_notes(p.id)]
    return max(people, key=lambda p: len(demo_desk.delegations(p.id, active_only=True))).id


def test_shareable_sheet_is_previewed_then_saved_without_private_text(
    qtbot, demo_ctx: AppContext, demo_desk: Desk, busiest: int, tmp_path: Path
) -> None:
    dialog = ExportPersonDialog(demo_ctx, None, busiest)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(
        lambda: dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull(),
        timeout=10_000,
    )
    private_preview = dialog.preview.pixmap().toImage()
    dialog.shareable.setChecked(True)
    assert dialog.caption.text() == "This is exactly what they will read."
    qtbot.waitUntil(lambda: dialog.preview.pixmap().toImage() != private_preview, timeout=10_000)

    target = tmp_path / "agreement.pdf"
    save_as(target)
    dialog.save_button.click()
    assert dialog.job is not None
    assert finished_job(qtbot, dialog.job) == target
    text = pdf_text(target)
    person = demo_desk.person(busiest)
    assert person.name in text
    assert demo_desk.delegations(busiest, active_only=True)[0].title[:20] in text
    for note in demo_desk.relationship_notes(busiest):
        assert note.text[:25] not in text
    saved = dialog.job.saved_box
    assert saved is not None and "agreement.pdf" in saved.text()
    assert not list(tmp_path.glob("*.partial"))


def test_show_in_folder_opens_the_folder_of_the_file(
    qtbot, demo_ctx: AppContext, tmp_path: Path
) -> None:
    opened: list[Path] = []
    target = tmp_path / "x.txt"
    window = QWidget()
    qtbot.addWidget(window)

    def work(_report) -> Path:
        target.write_text("done")
        return target

    job = ExportJob(demo_ctx, window, "Writing…", work, opener=opened.append)
    assert finished_job(qtbot, job) == target
    assert job.saved_box is not None
    show = job.saved_box.findChild(QWidget, "exportShowInFolder")
    show.click()
    assert opened == [target]


def test_presenting_offers_only_the_shareable_sheet(
    qtbot, demo_ctx: AppContext, busiest: int
) -> None:
    demo_ctx.set_presenter(True)
    dialog = ExportPersonDialog(demo_ctx, None, busiest)
    qtbot.addWidget(dialog)
    assert dialog.shareable.isChecked()
    assert not dialog.private.isEnabled()


def test_team_one_pager_from_the_file_menu(
    qtbot, demo_ctx: AppContext, demo_desk: Desk, tmp_path: Path
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    actions = ExportActions(demo_ctx, window, lambda: None)
    save_as(tmp_path / "team")  # no suffix typed: .pdf is added
    path = finished_job(qtbot, actions.export_team())
    assert path == tmp_path / "team.pdf"
    text = pdf_text(path)
    assert all(p.name in text for p in demo_desk.direct_reports()[:5])


def test_json_export_warns_that_the_file_is_not_encrypted(
    qtbot, demo_ctx: AppContext, tmp_path: Path
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    actions = ExportActions(demo_ctx, window, lambda: None)

    def accept_warning(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and "unencrypted" in box.text()
        save_as(tmp_path / "all.json")
        next(b for b in box.buttons() if b.text().startswith("Choose")).click()

    on_modal(accept_warning)
    path = finished_job(qtbot, actions.export_json())
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "leaddesk" and data["tables"]["person"]


def test_cancelled_save_dialog_writes_nothing(qtbot, demo_ctx: AppContext, tmp_path: Path) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    actions = ExportActions(demo_ctx, window, lambda: None)
    QSettings().setValue(FOLDER_KEY, str(tmp_path))  # the dialog opens here: Cancel must not write

    def past_the_choices(choices: QWidget) -> None:  # Save calendar…, then Cancel the save dialog
        on_modal(lambda dialog: dialog.reject())
        choices.accept()

    on_modal(past_the_choices)
    assert actions.export_ics() is None
    assert QApplication.activeModalWidget() is None
    assert list(tmp_path.glob("*.ics")) == []


def choose_file(path: Path) -> None:
    """Answer the next file dialog (open or save) with `path`."""
    save_as(path)


def test_import_json_into_a_new_store_then_offer_to_open_it(
    qtbot, demo_ctx: AppContext, demo_desk: Desk, tmp_path: Path
) -> None:
    from leaddesk.reports.exchange_json import export_json

    source = export_json(demo_desk, tmp_path / "all.json").path
    window = QWidget()
    qtbot.addWidget(window)
    actions = ExportActions(demo_ctx, window, lambda: None)
    target = tmp_path / "new-machine.db"

    def pick_source(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(source))
        choose_file(target)  # the next dialog asks where the new store goes
        dialog.accept()

    on_modal(pick_source)
    job = actions.import_json()
    assert finished_job(qtbot, job) == target
    assert job is not None and job.saved_box is not None
    assert job.saved_box.windowTitle() == "Import done"
    assert job.saved_box.findChild(QWidget, "exportAlso").text() == "Open it now"
    copy = Desk.open(target)
    try:
        assert [p.name for p in copy.people()] == [p.name for p in demo_desk.people()]
    finally:
        copy.close()


def test_import_of_a_broken_file_says_why_and_leaves_no_store(
    qtbot, demo_ctx: AppContext, tmp_path: Path
) -> None:
    broken = tmp_path / "cut.json"
    broken.write_text('{"format": "leaddesk", "version": 1, "tables": {"person": [', "utf-8")
    window = QWidget()
    qtbot.addWidget(window)
    actions = ExportActions(demo_ctx, window, lambda: None)
    target = tmp_path / "new.db"
    said: list[str] = []

    def pick_source(dialog: QWidget) -> None:
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(broken))

        def close_warning(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            said.append(box.text())
            box.accept()

        def then_target(save: QWidget) -> None:
            save.findChild(QLineEdit, "fileNameEdit").setText(str(target))
            on_modal(close_warning)
            save.accept()

        on_modal(then_target)
        dialog.accept()

    on_modal(pick_source)
    job = actions.import_json()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=20_000) as signal:
        pass
    assert signal.args == [None]
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert "The import did not happen" in said[0] and "No store was created" in said[0]
    assert not target.exists() and not list(tmp_path.glob("new.db*"))
