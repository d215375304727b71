"""The app on a failure: a dialog that says what happened (a damaged store names its newest whole
backup; a fault names the log), the log keeps no private text, and nothing reaches stderr."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.environment import damage
from helpers.qt import on_modal
from PySide6.QtWidgets import QMessageBox, QWidget

from leaddesk.services.desk import Desk
from leaddesk.ui import app as app_module
from leaddesk.ui.context import explain

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NOTE = "Priya is interviewing at Globex; keep this between us"


def read_and_close(seen: list[str]) -> object:
    def handler(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        seen.append(widget.text())
        widget.accept()

    return handler


def test_opening_a_damaged_store_says_so_and_names_the_newest_whole_backup(
    qapp, desk: Desk, capfd
) -> None:
    person = desk.add_person("Priya Raman")
    for i in range(40):
        desk.add_relationship_note(person, f"Ordinary note {i} " + "x" * 400)
    good = desk.backup()
    path = desk.path
    desk.close()
    damage(path, page=path.stat().st_size // 4096 // 2)

    seen: list[str] = []
    on_modal(read_and_close(seen))  # type: ignore[arg-type]
    opening = QWidget()
    with pytest.raises(app_module._Failed):
        app_module._open_desk(path, False, opening)
    assert len(seen) == 1
    assert "is damaged" in seen[0] and str(good) in seen[0] and "leaddesk restore" in seen[0]
    assert capfd.readouterr().err == ""


def test_a_damaged_store_is_replaced_by_its_backup_when_the_user_says_so(qapp, desk: Desk) -> None:
    person = desk.add_person("Priya Raman")
    for i in range(40):
        desk.add_relationship_note(person, f"Ordinary note {i} " + "x" * 400)
    desk.backup()
    desk.add_person("Added After The Backup")
    path = desk.path
    desk.close()
    damage(path, page=path.stat().st_size // 4096 // 2)

    def restore(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox) and "is damaged" in widget.text()
        [button] = [b for b in widget.buttons() if b.text() == "&Restore the backup"]
        button.click()

    on_modal(restore)
    opened = app_module._open_desk(path, False, QWidget())
    assert opened is not None
    try:
        assert [p.name for p in opened.people()] == ["Priya Raman"]
        assert opened.integrity_problems() == []
        assert any(b.kind == "pre-restore" for b in opened.backups())  # the damaged one, kept
    finally:
        opened.close()


def test_damage_where_opening_reads_is_said_and_its_backup_offered(qapp, desk: Desk) -> None:
    person = desk.add_person("Priya Raman")
    for i in range(40):
        desk.add_relationship_note(person, f"Ordinary note {i} " + "x" * 400)
    desk.backup()
    path = desk.path
    desk.close()
    damage(path, page=1)  # the header: found while opening, before any Desk exists
    seen: list[str] = []

    def restore(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        seen.append(widget.text())
        [button] = [b for b in widget.buttons() if b.text() == "&Restore the backup"]
        button.click()

    on_modal(restore)
    opened = app_module._open_desk(path, False, QWidget())
    assert len(seen) == 1 and "is damaged" in seen[0]
    assert opened is not None
    try:
        assert [p.name for p in opened.people()] == ["Priya Raman"]
    finally:
        opened.close()


def test_a_fault_names_the_log_which_keeps_no_private_text(qapp, log_dir: Path, capfd) -> None:
    try:
        raise RuntimeError(f"failed while saving {NOTE}")
    except RuntimeError as error:
        said = explain(error)
    log = log_dir / "leaddesk.log"
    assert str(log) in said and NOTE not in said
    text = log.read_text()
    assert "builtins.RuntimeError" in text and "test_app_failures.py" in text
    assert NOTE not in text
    assert capfd.readouterr().err == ""


def test_a_bug_in_a_slot_is_a_dialog_naming_the_log(qapp, log_dir: Path, capfd) -> None:
    seen: list[str] = []
    on_modal(read_and_close(seen))  # type: ignore[arg-type]
    try:
        raise KeyError(NOTE)
    except KeyError as error:
        app_module._report_unexpected(KeyError, error, error.__traceback__)
    assert len(seen) == 1 and str(log_dir / "leaddesk.log") in seen[0]
    assert NOTE not in seen[0] and NOTE not in (log_dir / "leaddesk.log").read_text()
    assert capfd.readouterr().err == ""
