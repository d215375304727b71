"""In a bundle, give the programs LeadDesk starts the user's own library path, not the bundle's.

PyInstaller's bootloader puts the bundle's `_internal/` first on `LD_LIBRARY_PATH` (keeping the
user's value in `LD_LIBRARY_PATH_ORIG`), and every child inherits it: `xdg-open` behind "Show in
folder", the file manager or PDF viewer it starts, `pdftotext` in the self-test. Those would load
the bundle's Qt and its copies of glib or libstdc++ and can fail on a newer system. LeadDesk itself
is unaffected by the change: the loader reads the variable once, when the process starts.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping


def restore_library_path(environ: MutableMapping[str, str] = os.environ) -> None:
    """Put back the library path the user started LeadDesk with (only in a Linux bundle)."""
    if not getattr(sys, "frozen", False) or not sys.platform.startswith("linux"):
        return
    original = environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original:
        environ["LD_LIBRARY_PATH"] = original
    else:
        environ.pop("LD_LIBRARY_PATH", None)
