"""`leaddesk --self-test` run for real, as a user or a packager runs it: a subprocess with no
display, one line per check, exit 0 when all pass and 1 when one fails (made to fail for real:
a broken Qt plugin, a broken icon, an unknown platform), nothing left behind, no store touched."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.cli import run
from helpers.environment import fingerprint
from PySide6.QtCore import QLibraryInfo

import leaddesk
from leaddesk.services.desk import Desk
from leaddesk.store.migrate import head_revision

TITLES = ["Qt", "SQLCipher", "Keychain", "Migrations", "PDF", "ICS", "Resources", "App modules"]
ENTRY_POINT = Path(sys.executable).with_name("leaddesk")
REPO = Path(__file__).resolve().parents[2]
TIMEOUT_S = 120


def self_test_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a headless machine: no display, no Qt platform chosen, no keychain
    (keyring's own fail backend), its own TMPDIR, and a LEADDESK_DB that must stay untouched."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "PYTHONPATH")
    }
    temporary = tmp_path / "tmp"
    temporary.mkdir(exist_ok=True)
    env.update(
        TMPDIR=str(temporary),
        LEADDESK_DB=str(tmp_path / "store" / "leaddesk.db"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    env.update(extra)
    return env


def self_test(
    env: dict[str, str], *command: str, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run COMMAND --self-test (the installed entry point unless told otherwise)."""
    argv = list(command) or [str(ENTRY_POINT)]
    return subprocess.run(
        [*argv, "--self-test"],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )


def lines_by_title(stdout: str) -> dict[str, str]:
    """Each check's line by its title; asserts there is exactly one line per check, in order."""
    lines = stdout.splitlines()
    assert len(lines) == len(TITLES) + 1, stdout
    found = {}
    for title, line in zip(TITLES, lines, strict=False):
        assert line[6:].startswith(f"{title}: "), stdout
        found[title] = line
    return found


def assert_passed(done: subprocess.CompletedProcess[str]) -> dict[str, str]:
    assert done.returncode == 0, done.stdout + done.stderr
    lines = lines_by_title(done.stdout)
    assert all(line.startswith("ok    ") for line in lines.values()), done.stdout
    assert done.stdout.splitlines()[-1].startswith("Self-test passed: all 8 checks ok")
    assert done.stderr == ""
    return lines


def assert_failed(done: subprocess.CompletedProcess[str], failing: set[str]) -> dict[str, str]:
    """Exit 1, FAIL exactly on `failing` (each with what to do), ok elsewhere, no traceback."""
    assert done.returncode == 1, done.stdout + done.stderr
    lines = lines_by_title(done.stdout)
    for title, line in lines.items():
        if title in failing:
            assert line.startswith("FAIL  ") and " — " in line, line
        else:
            assert line.startswith("ok    "), line
    assert done.stdout.splitlines()[-1].startswith(f"Self-test FAILED: {len(failing)} of 8")
    assert "Traceback" not in done.stdout + done.stderr
    return lines


def test_installed_command_passes_every_check_without_a_display(tmp_path: Path) -> None:
    env = self_test_env(tmp_path)
    lines = assert_passed(self_test(env))
    assert "platform plugins: offscreen" in lines["Qt"] and "xcb" in lines["Qt"]
    assert "on offscreen" in lines["Qt"]  # chosen by the self-test: nothing was set
    assert "a wrong key is refused" in lines["SQLCipher"]
    assert "passphrase fallback will be used" in lines["Keychain"]
    assert f"head {head_revision()}" in lines["Migrations"]
    assert "text read back" in lines["PDF"]
    assert "19 icons" in lines["Resources"]
    # Nothing left in its temporary folder, and the store LEADDESK_DB names was not created.
    assert list(Path(env["TMPDIR"]).iterdir()) == []
    assert not (tmp_path / "store").exists()


def test_python_dash_m_leaddesk_passes_too(tmp_path: Path) -> None:
    assert_passed(self_test(self_test_env(tmp_path), sys.executable, "-m", "leaddesk"))


def test_the_users_store_is_not_opened_or_changed(tmp_path: Path, desk: Desk) -> None:
    desk.add_person("Priya Raman", role="Head of Platform")
    store = desk.path
    desk.close()
    before = {side: fingerprint(Path(f"{store}{side}")) for side in ("", "-wal", "-shm")}
    env = self_test_env(tmp_path, LEADDESK_DB=str(store))
    done = self_test(env)
    assert_passed(done)
    assert {side: fingerprint(Path(f"{store}{side}")) for side in ("", "-wal", "-shm")} == before
    assert str(store) not in done.stdout and "Priya" not in done.stdout
    assert not (store.parent / "backups").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")
def test_an_xcb_plugin_that_cannot_load_fails_the_qt_line(tmp_path: Path) -> None:
    # A copy of the xcb plugin away from Qt's libraries, first in Qt's search path: Qt would
    # load this one for a window and fail, as with a library missing on the system.
    installed = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    platforms = tmp_path / "platforms"
    platforms.mkdir()
    shutil.copy2(installed / "libqxcb.so", platforms / "libqxcb.so")
    env = self_test_env(tmp_path, QT_QPA_PLATFORM_PLUGIN_PATH=str(platforms))
    lines = assert_failed(self_test(env), {"Qt"})
    assert "xcb platform plugin needs libraries that are not found" in lines["Qt"]
    assert "libQt6XcbQpa.so.6" in lines["Qt"] and "reinstall LeadDesk" in lines["Qt"]
    assert list(Path(env["TMPDIR"]).iterdir()) == []


def test_a_broken_icon_in_an_installation_fails_the_resources_line(tmp_path: Path) -> None:
    # An installed copy of LeadDesk (package with its resources inside, as the wheel lays it
    # out) whose week icon is damaged.
    site = tmp_path / "site"
    package = Path(leaddesk.__file__).parent
    shutil.copytree(package, site / "leaddesk", ignore=shutil.ignore_patterns("__pycache__"))
    resources = site / "leaddesk" / "resources"
    if not resources.is_dir():  # an editable install keeps resources/ beside the package
        shutil.copytree(REPO / "resources", resources)
    (resources / "icons" / "week.svg").write_text("<svg broken", encoding="utf-8")
    env = self_test_env(tmp_path, PYTHONPATH=str(site))
    done = self_test(env, sys.executable, "-m", "leaddesk", cwd=site)
    lines = assert_failed(done, {"Resources"})
    assert "1 of 19 icons do not load: week" in lines["Resources"]


def test_a_screen_module_that_cannot_load_fails_the_app_modules_line(tmp_path: Path) -> None:
    # An installed copy whose board screen cannot be imported (as when a bundle leaves a module
    # or a library out): the window would fail only when the board is opened; the self-test says
    # it now, naming the module.
    site = tmp_path / "site"
    package = Path(leaddesk.__file__).parent
    shutil.copytree(package, site / "leaddesk", ignore=shutil.ignore_patterns("__pycache__"))
    resources = site / "leaddesk" / "resources"
    if not resources.is_dir():
        shutil.copytree(REPO / "resources", resources)
    board = site / "leaddesk" / "ui" / "board" / "board_view.py"
    board.write_text(board.read_text(encoding="utf-8") + "\nimport leaddesk_missing_library\n")
    env = self_test_env(tmp_path, PYTHONPATH=str(site))
    done = self_test(env, sys.executable, "-m", "leaddesk", cwd=site)
    lines = assert_failed(done, {"App modules"})
    assert "1 of " in lines["App modules"]
    assert (
        "leaddesk.ui.board.board_view (ModuleNotFoundError: no leaddesk_missing_library)"
        in (lines["App modules"])
    )
    assert "reinstall LeadDesk" in lines["App modules"]


def test_an_unknown_qt_platform_is_a_failing_line_not_a_crash(tmp_path: Path) -> None:
    # Qt aborts the process when its platform plugin is missing; the self-test says it instead.
    env = self_test_env(tmp_path, QT_QPA_PLATFORM="nosuchplatform")
    lines = assert_failed(self_test(env), {"Qt", "PDF", "Resources", "App modules"})
    assert "no 'nosuchplatform' platform plugin" in lines["Qt"]
    assert "platform plugins: offscreen" in lines["Qt"]


def test_self_test_goes_alone(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "--self-test", "--db", str(tmp_path / "x.db"))
    assert (code, out) == (2, "") and "use it alone" in err
    assert not (tmp_path / "x.db").exists()
    code, out, err = run(capsys, "--verbose", "people")
    assert (code, out) == (2, "") and "--verbose goes with --self-test" in err
