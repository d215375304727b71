"""Explore with demo data starts LeadDesk again the way this installation runs: `python -m
leaddesk` from source or pip, the executable itself in a bundle (where `-m leaddesk` would be
taken as LeadDesk's own arguments and nothing would open)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers.qt import open_main_window
from PySide6.QtCore import Qt

from leaddesk import __version__
from leaddesk.services.desk import Desk
from leaddesk.ui.common.relaunch import leaddesk_command


def recording_executable(tmp_path: Path) -> tuple[Path, Path]:
    """A stand-in for the interpreter or the bundle's executable that writes down its arguments."""
    log = tmp_path / "arguments.txt"
    executable = tmp_path / "leaddesk-executable"
    executable.write_text(
        f'#!/bin/sh\nprintf "%s\\n" "$@" > "{log}.part" && mv "{log}.part" "{log}"\n'
    )
    executable.chmod(0o755)
    return executable, log


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in executable is a shell script")
@pytest.mark.parametrize(
    ("frozen", "expected"), [(True, ["--demo"]), (False, ["-m", "leaddesk", "--demo"])]
)
def test_explore_with_demo_data_starts_leaddesk_as_this_installation_runs(
    desk: Desk,
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    frozen: bool,
    expected: list[str],
) -> None:
    window = open_main_window(desk, qtbot)
    window.show_view("week")
    week = window.view("week")
    qtbot.waitUntil(lambda: not week.loading)
    executable, log = recording_executable(tmp_path)
    monkeypatch.setattr(sys, "executable", str(executable))
    if frozen:
        monkeypatch.setattr(sys, "frozen", True, raising=False)
    qtbot.mouseClick(week.explore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(log.exists, timeout=5000)
    assert log.read_text().splitlines() == expected


def test_the_command_runs_leaddesk_here() -> None:
    done = subprocess.run(
        leaddesk_command("--version"), capture_output=True, text=True, timeout=60, check=True
    )
    assert __version__ in done.stdout
