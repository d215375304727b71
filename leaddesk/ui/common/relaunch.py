"""Start another LeadDesk process (a demo window, a window on another store) the way this one runs.

From source or pip, LeadDesk is `python -m leaddesk`; in a bundle (PyInstaller: `sys.frozen`) the
executable is LeadDesk itself and takes LeadDesk's arguments directly.
"""

from __future__ import annotations

import subprocess
import sys


def leaddesk_command(*arguments: str) -> list[str]:
    """The command line that runs LeadDesk with these arguments in this installation."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *arguments]
    return [sys.executable, "-m", "leaddesk", *arguments]


def start_leaddesk(*arguments: str) -> None:
    """Start LeadDesk in its own process and return at once."""
    subprocess.Popen(leaddesk_command(*arguments))
