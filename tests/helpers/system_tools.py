"""System tools the packaging tests run (desktop-file-validate, appstreamcli, shellcheck, file).

A missing tool fails the test with the Debian package to install, rather than skipping: a
skipped validation would let an invalid desktop entry or metainfo file through CI unnoticed.
"""

from __future__ import annotations

import shutil

import pytest

PACKAGES = {
    "desktop-file-validate": "desktop-file-utils",
    "appstreamcli": "appstream",
    "shellcheck": "shellcheck",
    "file": "file",
}


def require_tool(name: str) -> str:
    """The path of `name`, or the test fails saying which package provides it."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed: apt-get install {PACKAGES.get(name, name)}")
    return path
