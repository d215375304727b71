"""The self-test's checks in-process, as packaging smoke tests reuse them: each passes on this
installation, leaves nothing behind, writes nothing to the keychain, and fails as one line."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from helpers.memory_keyring import MemoryKeyring
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QIcon, QPixmap
from pytestqt.qtbot import QtBot

from leaddesk.diagnostics import (
    Check,
    CheckFailed,
    document_checks,
    qt_platform,
    resource_checks,
    storage_checks,
)
from leaddesk.diagnostics.self_test import all_checks, run_checks
from leaddesk.ui import theme

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6Gui.so.6 => /opt/LeadDesk/_internal/PySide6/Qt/lib/libQt6Gui.so.6 (0x00007f)
\tlibxcb-cursor.so.0 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-cursor.so.0 => not found
"""


@pytest.fixture
def scratch_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder every temporary file goes to while the test runs."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_every_check_passes_in_process_and_leaves_no_file(
    qtbot: QtBot, scratch_tmp: Path, memory_keyring: MemoryKeyring
) -> None:
    results = run_checks()
    assert [r.title for r in results] == [c.title for c in all_checks()]
    assert all(r.ok for r in results), "\n".join(r.line for r in results)
    assert list(scratch_tmp.iterdir()) == []
    assert memory_keyring.secrets == {}  # the keychain was only looked at


def test_a_usable_keychain_is_named_and_nothing_is_written_to_it(
    memory_keyring: MemoryKeyring,
) -> None:
    assert (
        storage_checks.keychain()
        == "memory keyring MemoryKeyring (new stores keep their key there)"
    )
    assert memory_keyring.secrets == {}


class PlaintextKeyring(MemoryKeyring):
    """A keyring keeping secrets in the clear, which LeadDesk never uses."""


def test_a_plaintext_keyring_means_the_passphrase_fallback() -> None:
    import keyring

    keyring.set_keyring(PlaintextKeyring())  # the memory_keyring fixture restores the old one
    assert storage_checks.keychain() == "no OS keychain; the passphrase fallback will be used"


def test_storage_and_calendar_checks_say_what_they_did(scratch_tmp: Path) -> None:
    assert "a wrong key is refused" in storage_checks.sqlcipher_store()
    assert storage_checks.migrations().startswith("an empty store upgraded to head ")
    assert "parsed back" in document_checks.ics_calendar()
    assert list(scratch_tmp.iterdir()) == []


def test_the_pdf_check_reads_its_text_back(qtbot: QtBot, scratch_tmp: Path) -> None:
    assert document_checks.pdf_rendering().startswith("one page written, its text read back")
    assert list(scratch_tmp.iterdir()) == []


def test_an_exception_in_a_check_is_one_failing_line_and_the_trace_is_kept() -> None:
    def broken() -> str:
        return str(1 / 0)

    result = Check("Broken", broken).run()
    assert not result.ok and "\n" not in result.line
    assert result.line.startswith("FAIL  Broken: unexpected ZeroDivisionError: division by zero")
    assert "--verbose" in result.hint and "Traceback" in result.trace


def test_a_failed_check_says_what_to_do() -> None:
    def refuses() -> str:
        raise CheckFailed("the thing is missing", "install the thing")

    assert Check("Thing", refuses).run().line == (
        "FAIL  Thing: the thing is missing — install the thing"
    )


def test_libraries_ldd_cannot_find_are_named_with_their_debian_packages() -> None:
    missing = qt_platform.missing_libraries(LDD)
    assert missing == ["libxcb-cursor.so.0", "libxkbcommon-x11.so.0"]
    assert [qt_platform.debian_package(m) for m in missing] == [
        "libxcb-cursor0",
        "libxkbcommon-x11-0",
    ]
    assert qt_platform.debian_package("libEGL.so.1") == "libegl1"
    assert qt_platform.debian_package("libdbus-1.so.3") == "libdbus-1-3"


def test_platform_plugin_files_are_named_by_their_platform() -> None:
    names = ["libqxcb.so", "libqwayland-egl.so", "libqoffscreen.so", "qwindows.dll", "README"]
    keys = [qt_platform.platform_key(Path(n)) for n in names]
    assert keys == ["xcb", "wayland", "offscreen", "windows", None]


def test_a_broken_svg_does_not_draw_and_a_real_icon_does(qtbot: QtBot) -> None:
    assert resource_checks.draws(theme.icon("week"))
    broken = QPixmap()
    broken.loadFromData(QByteArray(b"<svg broken"))
    assert not resource_checks.draws(QIcon(broken))
    assert not resource_checks.draws(QIcon())
