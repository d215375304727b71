"""The desktop entry: valid for desktop-file-validate, and naming what the running app says it is
(the window class docks match on X11, the desktop file name Wayland reports as the app id)."""

from __future__ import annotations

import configparser
import subprocess
from pathlib import Path

from helpers.system_tools import require_tool

from leaddesk.ui.app import make_application

APP_ID = "io.leaddesk.LeadDesk"
DESKTOP_FILE = Path(__file__).resolve().parents[2] / "packaging" / "linux" / f"{APP_ID}.desktop"


def entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_is_valid() -> None:
    done = subprocess.run(
        [require_tool("desktop-file-validate"), str(DESKTOP_FILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout + done.stderr == ""  # not even a hint


def test_desktop_entry_starts_the_leaddesk_command_with_its_icon() -> None:
    values = entry()
    assert values["Type"] == "Application"
    assert values["Name"] == "LeadDesk"
    assert values["Exec"] == "leaddesk"  # install.sh and the .deb point it at the executable
    assert values["TryExec"] == "leaddesk"
    assert values["Icon"] == APP_ID
    assert values["Terminal"] == "false"
    assert "Office" in values["Categories"].split(";")
    assert values["StartupNotify"] == "true"


def test_desktop_entry_matches_the_window_the_app_opens(qapp: object) -> None:
    """Qt's xcb plugin sets the window class (WM_CLASS) to the application name, and reports the
    desktop file name as the Wayland app id: both must name this entry."""
    app = make_application()
    assert entry()["StartupWMClass"] == app.applicationName()
    assert f"{app.desktopFileName()}.desktop" == DESKTOP_FILE.name
