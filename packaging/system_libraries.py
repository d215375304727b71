"""The system libraries PyInstaller copies into a built bundle, and their Debian licences.

No wheel names them: PyInstaller follows the interpreter's and the extensions' shared-library
dependencies (OpenSSL for `_ssl`, libffi for `_ctypes`, zlib, liblzma, ...) and copies them from
the build machine into the top of `_internal/`. On a Debian build machine dpkg knows which package
each came from, and that package's /usr/share/doc/<package>/copyright holds its licence.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

SHARED = re.compile(r"\.(so(\.\d+)*|dylib|dll)$")
SYSTEM_FOLDERS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")


@dataclass(slots=True)
class SystemLibrary:
    """One Debian package and the bundled files that came from it ('' when none is known)."""

    package: str
    files: list[str] = field(default_factory=list)


def top_level_libraries(internal: Path, covered: Iterable[str]) -> list[str]:
    """Shared libraries directly in `_internal/` that no bundled wheel accounts for."""
    known = set(covered)
    internal = internal.resolve()  # a relative path would make every file look like a link
    names = []
    for path in sorted(internal.iterdir()):
        if not path.is_file() or not SHARED.search(path.name):
            continue
        target = path.resolve()
        if target != path and internal.resolve() in target.parents and target.parent != internal:
            continue  # a link into a package folder (PySide6/, numpy.libs/): a wheel's file
        if path.name in known or path.name.startswith("libpython"):
            continue  # listed with its wheel, or CPython itself
        names.append(path.name)
    return names


def owners(names: list[str]) -> dict[str, str]:
    """file name -> Debian package that installed it (names dpkg does not know are absent)."""
    if not names or shutil.which("dpkg") is None:
        return {}
    done = subprocess.run(
        ["dpkg", "-S", *(f"*/{name}" for name in names)],
        capture_output=True,
        text=True,
        check=False,
    )
    found: dict[str, str] = {}
    for line in done.stdout.splitlines():
        package, _, path = line.partition(": ")
        path = path.strip()
        name = Path(path).name
        if name not in names or ", " in package:  # "diversion by" lines have no single owner
            continue
        # Only the system's own library folders: a LeadDesk .deb installed on the build machine
        # owns /opt/LeadDesk/_internal/<the same names>, and must not be credited with them.
        if package.split(":")[0] == "leaddesk" or not path.startswith(SYSTEM_FOLDERS):
            continue
        found.setdefault(name, package.split(":")[0])
    return found


def group(names: list[str]) -> list[SystemLibrary]:
    """The bundled system libraries by owning package; unknown ones under package ''."""
    by_package: dict[str, SystemLibrary] = {}
    found = owners(names)
    for name in names:
        package = found.get(name, "")
        by_package.setdefault(package, SystemLibrary(package)).files.append(name)
    return sorted(by_package.values(), key=lambda lib: (lib.package == "", lib.package))


def package_facts(package: str) -> tuple[str, str]:
    """(version, homepage) of an installed Debian package."""
    done = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}|${Homepage}", package],
        capture_output=True,
        text=True,
        check=False,
    )
    version, _, homepage = done.stdout.partition("|")
    return version.strip(), homepage.strip()


def copyright_text(package: str) -> str:
    """/usr/share/doc/<package>/copyright ('' when the package has none)."""
    path = Path("/usr/share/doc") / package / "copyright"
    return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""


def declared_licence(copyright: str) -> str:
    """The licences a machine-readable (DEP-5) copyright file declares, '' for free-form files.

    One package often holds files under several licences (util-linux: GPL-2+ for `Files: *`,
    BSD-3-clause for libuuid), so all are named; the full file follows in the notice anyway.
    """
    if not copyright.startswith("Format:"):
        return ""
    names: list[str] = []
    for found in re.finditer(r"^License:[ \t]*(\S[^\n]*)$", copyright, re.MULTILINE):
        name = found.group(1).strip()
        if name not in names:
            names.append(name)
    return names[0] if len(names) == 1 else "; ".join(names[:6]) + ("; …" if names[6:] else "")
