"""Start LeadDesk at login: an XDG autostart entry on Linux; not offered on macOS or Windows yet.

The entry is $XDG_CONFIG_HOME/autostart/leaddesk.desktop (~/.config by default), the place every
freedesktop session (GNOME, KDE, Xfce…) reads at login. Its presence is the setting: nothing is
kept elsewhere, so removing the file by hand turns it off too. It is written atomically.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from leaddesk.reports.atomic import ExportError, atomic_path

FILE_NAME = "leaddesk.desktop"
NOT_AVAILABLE = (
    "Starting at login is not available on this system yet: on macOS add LeadDesk under "
    "System Settings ▸ General ▸ Login Items, on Windows put a shortcut in shell:startup."
)


def autostart_supported() -> bool:
    """Whether LeadDesk can set itself to start at login here (Linux and other XDG desktops)."""
    return not sys.platform.startswith(("darwin", "win32", "cygwin"))


def autostart_file() -> Path:
    """Where the login entry lives ($XDG_CONFIG_HOME/autostart/leaddesk.desktop)."""
    config = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(config) / "autostart" / FILE_NAME


def autostart_enabled() -> bool:
    """Whether LeadDesk starts at login (its entry exists and is not hidden)."""
    entry = autostart_file()
    try:
        text = entry.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return "Hidden=true" not in text


def _quoted(argument: str) -> str:
    """An Exec argument, quoted as the Desktop Entry spec asks when it needs it."""
    if argument and not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`%"):
        return argument
    escaped = "".join(f"\\{c}" if c in '"`$\\' else c for c in argument)
    return f'"{escaped.replace("%", "%%")}"'


def launcher() -> list[str]:
    """The command that starts this LeadDesk (the installed script, or a bundled executable)."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    found = shutil.which("leaddesk")
    if found:
        return [found]
    return [sys.executable, "-m", "leaddesk"]


def desktop_entry(store: Path | None) -> str:
    """The autostart entry's text; `store` is named when it is not the default one."""
    command = launcher() + (["--db", str(store)] if store is not None else [])
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=LeadDesk\n"
        "Comment=Your leadership notebook: what is due today, in the tray\n"
        f"Exec={' '.join(_quoted(part) for part in command)}\n"
        "Icon=io.leaddesk.LeadDesk\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def set_autostart(on: bool, store: Path | None = None) -> Path:
    """Write (on) or remove (off) the login entry; returns its path. A failure is one line
    (an ExportError, a UserError) naming the file or folder."""
    entry = autostart_file()
    if not on:
        entry.unlink(missing_ok=True)
        return entry
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(
            f"Cannot create {entry.parent}: {error.strerror or error}. LeadDesk was not set to "
            "start at login."
        ) from None
    with atomic_path(entry) as partial:
        partial.write_text(desktop_entry(store), encoding="utf-8")
    return entry
