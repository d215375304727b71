"""What third_party_notices.py says about native code inside wheels: Qt, SQLCipher, OpenSSL.

A wheel's metadata names the Python package's licence, not the C libraries it carries (auditwheel
copies them into `<name>.libs/`, delocate into `.dylibs/`, or they are linked in statically).
These notes find them and say what they are, which version, and under which licence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

QT_SOURCE = "https://download.qt.io/official_releases/qt/"
PYSIDE_SOURCE = "https://code.qt.io/cgit/pyside/pyside-setup.git/"
QT_THIRD_PARTY = "https://doc.qt.io/qt-6/licenses-used-in-qt.html"
SQLCIPHER_LICENCE = "https://github.com/sqlcipher/sqlcipher/blob/master/LICENSE.md"
OPENSSL_LICENCE = "https://www.openssl.org/source/license.html"
SHARED = re.compile(r"\.(so|dylib|dll)(\.|$)")


def qt_version() -> str:
    """The version of the Qt libraries PySide6 loads (they can differ from PySide6's own)."""
    from PySide6.QtCore import qVersion

    return str(qVersion())


def qt_notice(pyside_version: str) -> str:
    """The LGPL-3.0 notice for Qt and PySide6: unmodified, dynamically linked, replaceable."""
    qt = qt_version()
    minor = ".".join(qt.split(".")[:2])
    return (
        f"LeadDesk uses Qt {qt} and PySide6 {pyside_version} (Qt for Python) under the GNU "
        "Lesser General Public License version 3 (LGPL-3.0).\n"
        "They are used unmodified (on Linux, stripped of debug symbols) and dynamically linked: "
        "they are separate shared libraries in "
        "the bundle's _internal/PySide6/ folder (Qt's own libraries in _internal/PySide6/Qt/lib/, "
        "shiboken6 in _internal/shiboken6/), "
        "and you may replace them with your own build of the same or a compatible version. "
        "LeadDesk's own licence (MIT) places no restriction on doing so.\n"
        "Source code:\n"
        f"  Qt {qt}: {QT_SOURCE}{minor}/{qt}/\n"
        f"  PySide6 and shiboken6 {pyside_version}: {PYSIDE_SOURCE} (tag v{pyside_version})\n"
        "Qt itself contains third-party components under their own licences, listed at "
        f"{QT_THIRD_PARTY}."
    )


def wheel_libraries(dist: metadata.Distribution) -> list[Path]:
    """Shared libraries a repaired wheel vendors (`<name>.libs/`, `.dylibs/`)."""
    return sorted(
        Path(str(f))
        for f in dist.files or []
        if (Path(str(f)).parts[0].endswith(".libs") or ".dylibs" in Path(str(f)).parts)
        and SHARED.search(Path(str(f)).name)
    )


def openssl_version(library: Path) -> str:
    """The version string compiled into a libcrypto or libssl ("" when not found)."""
    found = re.search(
        rb"OpenSSL (\d+\.\d+\.\d+[a-z]?) +\d{1,2} [A-Z][a-z]{2} \d{4}", library.read_bytes()
    )
    return found.group(1).decode() if found else ""


def sqlcipher_versions() -> tuple[str, str]:
    """(SQLCipher, SQLite) versions of the statically linked library sqlcipher3 loads."""
    try:
        import sqlcipher3

        connection = sqlcipher3.connect(":memory:")
        try:
            cipher = connection.execute("PRAGMA cipher_version").fetchone()
            sqlite = connection.execute("SELECT sqlite_version()").fetchone()
        finally:
            connection.close()
    except Exception:  # a broken driver still gets its notice, without the versions
        return "", ""
    return (cipher[0] if cipher else ""), (sqlite[0] if sqlite else "")


def native_notes(
    dist: metadata.Distribution, read_text: Callable[[str], str]
) -> tuple[list[str], list[tuple[str, str]]]:
    """Notes and extra licence texts for the native libraries inside this distribution's wheel."""
    notes: list[str] = []
    texts: list[tuple[str, str]] = []
    name = re.sub(r"[-_.]+", "-", dist.metadata["Name"]).lower()
    if name in ("sqlcipher3-binary", "sqlcipher3"):
        cipher, sqlite = sqlcipher_versions()
        notes.append(
            f"This wheel links SQLCipher {cipher or '(version unknown)'} by Zetetic LLC "
            f"statically into sqlcipher3/_sqlite3 (SQLCipher is built on SQLite "
            f"{sqlite or '(version unknown)'}, which is in the public domain: "
            "https://www.sqlite.org/copyright.html).\n"
            "SQLCipher's licence: BSD-3-Clause, Copyright (c) ZETETIC LLC. The wheel does not "
            f"carry its text; it follows below, as published at {SQLCIPHER_LICENCE}.\n"
            "The licence file the wheel does carry (below) is that of pysqlite, the Python "
            "driver sqlcipher3 derives from."
        )
    if name == "pyside6-essentials":
        others = sorted(
            Path(str(f)).name
            for f in dist.files or []
            if str(f).startswith("PySide6/Qt/lib/")
            and not Path(str(f)).name.startswith("libQt6")
            and SHARED.search(Path(str(f)).name)
        )
        if others:
            notes.append(
                f"The wheel also ships {', '.join(others)} in PySide6/Qt/lib/ "
                f"(ICU, under the Unicode licence), listed with Qt's third-party components at "
                f"{QT_THIRD_PARTY}."
                if all(o.startswith("libicu") for o in others)
                else f"The wheel also ships {', '.join(others)} in PySide6/Qt/lib/, listed with "
                f"Qt's third-party components at {QT_THIRD_PARTY}."
            )
    libraries = wheel_libraries(dist)
    own_text = "\n".join(
        (Path(str(dist.locate_file(f))).read_text(errors="replace"))
        for f in dist.files or []
        if Path(str(f)).parts[0].endswith(".dist-info") and "licen" in str(f).lower()
    ).lower()
    for library in libraries:
        located = Path(str(dist.locate_file(library)))
        stem = re.sub(r"[\d_]+$", "", re.split(r"[-.]", library.name)[0])
        if stem in ("libcrypto", "libssl"):
            version = openssl_version(located) if located.is_file() else ""
            modern = version[:1].isdigit() and int(version.split(".")[0]) >= 3
            notes.append(
                f"{library} is OpenSSL {version or '(version unknown)'}, licensed under "
                f"{'Apache-2.0' if modern else 'the OpenSSL and SSLeay licences'} "
                f"({OPENSSL_LICENCE})." + (" Its text (Apache-2.0.txt) follows." if modern else "")
            )
            if modern and all(title != "Apache-2.0.txt (OpenSSL)" for title, _ in texts):
                texts.append(("Apache-2.0.txt (OpenSSL)", read_text("Apache-2.0.txt")))
        elif stem.lower() in own_text:
            notes.append(f"{library} is covered by the package's licence file below.")
        else:
            notes.append(
                f"{library} is a native library this wheel bundles; the package's metadata "
                "does not name its licence."
            )
    return notes, texts
