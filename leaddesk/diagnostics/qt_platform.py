"""The Qt check: Qt starts (offscreen), and the platform plugins a window needs are installed
and can load. A missing xcb plugin, or a system library it needs, is the most common reason a
Qt app does not open on Linux, and offscreen hides it: so it is checked apart."""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from leaddesk.diagnostics.result import CheckFailed

# The platform a desktop window needs on each system.
WINDOW_PLATFORM = {"linux": "xcb", "darwin": "cocoa", "win32": "windows"}
DISPLAY_VARIABLE = {"xcb": "DISPLAY", "wayland": "WAYLAND_DISPLAY"}
SHOWN_FIRST = ("offscreen", "xcb", "wayland", "cocoa", "windows")
REINSTALL = "reinstall LeadDesk (a packager must bundle Qt's plugins/platforms folder)"
LDD_TIMEOUT_S = 20
# Libraries LeadDesk ships itself (inside PySide6): missing, they mean a broken installation.
_OWN_LIBRARY = re.compile(r"^lib(Qt6|icu|pyside6|shiboken6)")
_CANNOT_OPEN = re.compile(r"([^\s:/]+\.so[.\d]*): cannot open shared object file")
_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)

_app: QGuiApplication | None = None  # kept referenced: Qt must not lose its application


def plugin_folders() -> list[Path]:
    """The folders Qt searches for platform plugins, in the order it searches them."""
    folders = [Path(p) for p in os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep)]
    installed = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    roots = [installed, *(Path(p) for p in QCoreApplication.libraryPaths())]
    folders += [root / "platforms" for root in roots]
    unique: list[Path] = []
    for folder in folders:
        if str(folder) not in ("", ".", "platforms") and folder.is_dir() and folder not in unique:
            unique.append(folder)
    return unique


def platform_key(file: Path) -> str | None:
    """The platform a plugin file provides: libqxcb.so -> xcb, qwindows.dll -> windows."""
    if file.suffix not in (".so", ".dylib", ".dll"):
        return None
    stem = file.stem.removeprefix("lib")
    if not stem.startswith("q"):
        return None
    return stem[1:].split("-")[0]  # wayland-generic, wayland-egl: both are Wayland


def platform_plugins() -> dict[str, Path]:
    """Each platform plugin found, by platform, as Qt would load it (the first one found)."""
    found: dict[str, Path] = {}
    for folder in plugin_folders():
        for file in sorted(folder.iterdir()):
            key = platform_key(file)
            if key is not None and key not in found:
                found[key] = file
    return found


def shown(plugins: dict[str, Path]) -> str:
    """The plugins that matter first, then how many others."""
    names = [name for name in SHOWN_FIRST if name in plugins]
    others = len(plugins) - len(names)
    text = ", ".join(names) if names else "none"
    return f"{text} (+{others} more)" if others else text


def requested_platforms() -> list[str]:
    """The platforms Qt will try, from QT_QPA_PLATFORM ("wayland;xcb", "offscreen:fontengine=x")."""
    value = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    return [item.split(":")[0].strip() for item in value.split(";") if item.strip()]


def _has_display(platform: str) -> bool:
    """Whether a display the platform draws on is there (Qt would abort without one)."""
    needs = DISPLAY_VARIABLE.get(platform)
    return needs is None or bool(os.environ.get(needs))


def ensure_app() -> QGuiApplication:
    """The running Qt application, or a new one on the requested platform.

    A missing platform plugin makes Qt abort the whole process, so its presence is checked
    before the application is created: the failure is then a line, not a crash.
    """
    global _app
    existing = QCoreApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if existing is not None:
        raise CheckFailed("a console Qt application is already running; Qt cannot draw here")
    plugins = platform_plugins()
    wanted = requested_platforms()
    if not any(name in plugins for name in wanted):
        raise CheckFailed(
            f"Qt cannot start: no '{';'.join(wanted)}' platform plugin "
            f"(platform plugins: {shown(plugins)})",
            "unset QT_QPA_PLATFORM or set it to offscreen; if it is unset, " + REINSTALL,
        )
    if not any(name in plugins and _has_display(name) for name in wanted):
        raise CheckFailed(
            f"QT_QPA_PLATFORM asks for '{';'.join(wanted)}', but there is no display",
            "unset QT_QPA_PLATFORM: the self-test then runs offscreen",
        )
    _app = QApplication([sys.argv[0] or "leaddesk"])
    return _app


def missing_libraries(ldd_output: str) -> list[str]:
    """The libraries `ldd` reported as "not found"."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def debian_package(library: str) -> str:
    """The Debian/Ubuntu package that usually ships `library` (libxcb-cursor.so.0 ->
    libxcb-cursor0, libxkbcommon-x11.so.0 -> libxkbcommon-x11-0): Debian's naming policy."""
    name, _, version = library.partition(".so")
    version = version.lstrip(".").split(".")[0]
    if not version:
        return name.lower()
    joiner = "-" if name[-1:].isdigit() else ""
    return f"{name}{joiner}{version}".lower()


def load_problem(plugin: Path) -> str | None:
    """Why the plugin cannot be loaded into this process (as Qt would load it); None if it can.

    The verdict comes from the system's own loader, with the libraries this process already
    has, so a bundle whose Qt libraries sit elsewhere is judged as Qt itself would judge it.
    """
    try:
        ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY | os.RTLD_LOCAL)
    except OSError as error:
        return str(error).replace(str(plugin) + ": ", "")
    return None


def ldd_missing(plugin: Path) -> list[str] | None:
    """Every library `ldd` cannot find for the plugin (the loader names only the first);
    None without ldd. Qt's own library folder is searched too: this process has it loaded."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    env = dict(os.environ)
    own = [QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath)]
    if getattr(sys, "frozen", False):
        own.append(getattr(sys, "_MEIPASS", ""))
    env["LD_LIBRARY_PATH"] = os.pathsep.join(
        [p for p in [*own, env.get("LD_LIBRARY_PATH", "")] if p]
    )
    done = subprocess.run(
        [ldd, str(plugin)], capture_output=True, text=True, env=env, timeout=LDD_TIMEOUT_S
    )
    return missing_libraries(done.stdout + done.stderr)


def unresolved_libraries(plugin: Path) -> list[str]:
    """The libraries that keep the plugin from loading; empty when it loads."""
    problem = load_problem(plugin)
    if problem is None:
        return []
    named = _CANNOT_OPEN.findall(problem)
    missing = list(dict.fromkeys([*named, *(ldd_missing(plugin) or [])]))
    if not missing:
        raise CheckFailed(f"the xcb platform plugin cannot be loaded: {problem}", REINSTALL)
    return missing


def _library_problem(missing: list[str]) -> CheckFailed:
    own = [name for name in missing if _OWN_LIBRARY.match(name)]
    system = [name for name in missing if name not in own]
    reason = f"the xcb platform plugin needs libraries that are not found: {', '.join(missing)}"
    if own:
        return CheckFailed(reason, REINSTALL)
    packages = " ".join(debian_package(name) for name in system)
    return CheckFailed(
        reason,
        f"install them (Debian/Ubuntu: sudo apt install {packages}); "
        "without them the window cannot open on X11",
    )


def qt_platform() -> str:
    """Qt starts offscreen; the window's platform plugin is there and its libraries resolve."""
    app = ensure_app()
    plugins = platform_plugins()
    version = f"{qVersion()} (PySide6 {PySide6.__version__}) on {app.platformName()}"
    system = next((s for s in WINDOW_PLATFORM if sys.platform.startswith(s)), None)
    needed = WINDOW_PLATFORM.get(system or "")
    if needed is not None and needed not in plugins:
        raise CheckFailed(
            f"{version}, but the {needed} platform plugin is missing, so no window can open "
            f"(platform plugins: {shown(plugins)})",
            REINSTALL,
        )
    if needed == "xcb":
        missing = unresolved_libraries(plugins["xcb"])
        if missing:
            raise _library_problem(missing)
    return f"{version}, platform plugins: {shown(plugins)}"
