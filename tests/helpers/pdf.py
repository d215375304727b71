"""Reading real PDFs back with poppler's command-line tools, as a user's viewer would."""

from __future__ import annotations

import subprocess
from pathlib import Path


def pdf_text(path: Path) -> str:
    """The selectable text of a PDF, whitespace collapsed so wrapped lines still match."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def pdf_info(path: Path, *extra: str) -> dict[str, str]:
    """pdfinfo's fields (Title, Creator, Pages, Page size, ...)."""
    out = subprocess.run(
        ["pdfinfo", *extra, str(path)], capture_output=True, text=True, check=True
    ).stdout
    fields = {}
    for line in out.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip()] = value.strip()
    fields["_raw"] = out
    return fields
