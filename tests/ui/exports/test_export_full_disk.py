"""A PDF export from the GUI onto a full disk: a message saying so, and no file left behind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.qt import on_modal
from helpers.tmpfs import CAN_MOUNT, tiny_tmpfs
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox, QWidget

from leaddesk.ui.context import AppContext
from leaddesk.ui.exports.export_menu import ExportActions

pytestmark = [
    pytest.mark.qt_log_ignore(
        "This plugin does not support propagateSizeHints", "This plugin does not support raise"
    ),
    pytest.mark.skipif(not CAN_MOUNT, reason="mounts a tmpfs as root (tests/cli: without root)"),
]


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    with tiny_tmpfs(tmp_path / "full", "16k") as where:
        yield where


def test_team_one_pager_on_a_full_disk_says_so_and_leaves_nothing(
    qtbot, demo_ctx: AppContext, full_disk: Path
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    actions = ExportActions(demo_ctx, window, lambda: None)
    said: list[str] = []

    def close_warning(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        box.accept()

    def save_as(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(full_disk / "team.pdf"))
        on_modal(close_warning)
        dialog.accept()

    on_modal(save_as)
    job = actions.export_team()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=30_000) as signal:
        pass
    assert signal.args == [None]
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert "The export could not be written" in said[0]
    assert "the PDF came out incomplete (is the disk full?)" in said[0]
    assert list(full_disk.iterdir()) == []
