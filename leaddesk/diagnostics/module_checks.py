"""The app-modules check: every module of LeadDesk imports, NumPy and the chart library included.

Screens are imported by name when first shown, so a module a bundle left out, or a library that
cannot load in it (a NumPy whose vendored OpenBLAS was damaged by stripping, say), would otherwise
surface only when the user opens that screen.
"""

from __future__ import annotations

import importlib
import pkgutil

from leaddesk.diagnostics.qt_platform import ensure_app
from leaddesk.diagnostics.result import CheckFailed

# Not importable on purpose: running __main__ starts the app; the migrations are Alembic scripts.
SKIPPED = ("leaddesk.__main__", "leaddesk.store.migrations")
REINSTALL = "reinstall LeadDesk (a packager must bundle every leaddesk module and its libraries)"


def app_modules() -> str:
    """Import every LeadDesk module and compute with NumPy, as the trust chart does."""
    ensure_app()
    import leaddesk

    names = [
        info.name
        for info in pkgutil.walk_packages(leaddesk.__path__, "leaddesk.")
        if not info.name.startswith(SKIPPED)
    ]
    failed = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as error:  # each module is reported, not the first one only
            missing = f": no {error.name}" if isinstance(error, ModuleNotFoundError) else ""
            failed.append(f"{name} ({type(error).__name__}{missing})")
    if failed:
        shown = ", ".join(failed[:3]) + (f" and {len(failed) - 3} more" if len(failed) > 3 else "")
        raise CheckFailed(
            f"{len(failed)} of {len(names)} modules do not import: {shown}", REINSTALL
        )
    import numpy
    import pyqtgraph

    if float(numpy.linspace(0.0, 1.0, 5).sum()) != 2.5:
        raise CheckFailed("NumPy computes wrong results", REINSTALL)
    return (
        f"{len(names)} modules import; charts: pyqtgraph {pyqtgraph.__version__}, "
        f"NumPy {numpy.__version__}"
    )
