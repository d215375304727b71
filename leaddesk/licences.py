"""Where this installation keeps the licence texts Help > About points to.

The PyInstaller bundle carries them in `<bundle>/_internal/licenses/` (`sys._MEIPASS` when frozen):
THIRD-PARTY-NOTICES.txt, generated at build time by packaging/third_party_notices.py, the
LGPL-3.0 and GPL-3.0 texts Qt and PySide6 are used under, and LeadDesk's own LICENSE. A pip, pipx
or source install has no generated file: each library's licence is in its own package metadata.
"""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import leaddesk

NOTICES = "THIRD-PARTY-NOTICES.txt"
FOLDER = "licenses"
LICENCE = "MIT"
COPYRIGHT = "Copyright (c) 2026 The LeadDesk developers"


def bundle_licences_dir() -> Path | None:
    """`<bundle>/_internal/licenses` when running from the PyInstaller bundle, else None."""
    if not getattr(sys, "frozen", False):
        return None
    base = getattr(sys, "_MEIPASS", None)
    return (Path(base) if base else Path(sys.executable).resolve().parent) / FOLDER


def notices_path() -> Path | None:
    """THIRD-PARTY-NOTICES.txt of this installation, or None where there is none (pip, source)."""
    folder = bundle_licences_dir()
    if folder is None:
        return None
    path = folder / NOTICES
    return path if path.is_file() else None


def licence_text() -> str:
    """LeadDesk's own licence text from wherever this installation keeps it ("" when nowhere)."""
    folder = bundle_licences_dir()
    checkout = Path(leaddesk.__file__).resolve().parents[1]
    candidates = [folder / "LICENSE"] if folder is not None else []
    if (checkout / "pyproject.toml").is_file():  # a source checkout or an editable install
        candidates.append(checkout / "LICENSE")
    for path in candidates:
        if path.is_file():
            return path.read_text(encoding="utf-8")
    try:
        dist = metadata.distribution("leaddesk")
    except metadata.PackageNotFoundError:
        return ""
    for name in ("licenses/LICENSE", "license_files/LICENSE", "LICENSE"):  # wheel layouts
        text = dist.read_text(name)
        if text:
            return text
    return ""
