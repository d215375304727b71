"""packaging/third_party_notices.py, run for real on this venv: every package the bundle ships is
in THIRD-PARTY-NOTICES.txt with its version and licence, dev tools are not, the LGPL texts and
Qt's source offer are there, and a dependency without any licence stops the build."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from types import ModuleType

import PySide6
import pytest
from PySide6.QtCore import qVersion

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
SCRIPT = PACKAGING / "third_party_notices.py"
RUNTIME = [
    "SQLAlchemy",
    "alembic",
    "sqlcipher3-binary",
    "PySide6-Essentials",
    "shiboken6",
    "pyqtgraph",
    "numpy",
    "keyring",
    "platformdirs",
    "icalendar",
    # transitive
    "Mako",
    "MarkupSafe",
    "typing_extensions",
    "python-dateutil",
    "tzdata",
    "jaraco.classes",
    "more-itertools",
    "colorama",
]
DEV_TOOLS = ["pytest", "pytest-qt", "mypy", "ruff", "hypothesis", "pluggy", "iniconfig", "pygments"]


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def run(
    *args: str, pythonpath: Path | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = None
    if pythonpath is not None:
        import os

        env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=cwd,
    )


def summary(text: str) -> dict[str, tuple[str, str]]:
    """The one-line-per-component table: canonical name -> (version, licence)."""
    rows: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        match = re.match(r"^(\S.*?)\s{2,}(\S+)\s{2,}(.+)$", line)
        if match and not line.startswith(("wrote ", "=")):
            rows[canonical(match.group(1))] = (match.group(2), match.group(3))
    return rows


@pytest.fixture(scope="module")
def notices(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """(the notices file, what the generator printed) for this very venv."""
    out = tmp_path_factory.mktemp("notices") / "THIRD-PARTY-NOTICES.txt"
    done = run(str(out))
    assert done.returncode == 0, done.stderr
    return out.read_text(encoding="utf-8"), done.stdout


def test_every_runtime_dependency_is_listed_with_its_version(notices: tuple[str, str]) -> None:
    text, _printed = notices
    head = text.split("=" * 78)[0]
    table = summary(head)
    for name in RUNTIME:
        assert canonical(name) in table, name
        assert table[canonical(name)][0] == metadata.version(name), name
        section = f"\n{metadata.distribution(name).metadata['Name']} {metadata.version(name)}\n"
        assert section in text, name


def test_dev_tools_are_not_bundled_so_not_listed(notices: tuple[str, str]) -> None:
    text, printed = notices
    for tool in DEV_TOOLS:
        metadata.version(tool)  # installed here: leaving it out is the closure's doing
        assert canonical(tool) not in summary(text.split("=" * 78)[0]), tool
        assert canonical(tool) not in summary(printed), tool
    assert "leaddesk" not in summary(printed)  # LeadDesk's own licence is LICENSE beside it


def test_every_component_has_a_licence_name_and_its_texts(notices: tuple[str, str]) -> None:
    text, _printed = notices
    sections = text.split("=" * 78)[1:]
    names = sections[0::2]
    bodies = sections[1::2]
    assert len(names) >= len(RUNTIME) + 1
    for name, body in zip(names, bodies, strict=True):
        licence = re.search(r"^Licence: (.+)$", body, re.MULTILINE)
        assert licence and licence.group(1) != "not declared", name
        assert "--- " in body or "licence text not shipped by the package" in body, name
    mit = metadata.distribution("SQLAlchemy").read_text("licenses/LICENSE") or ""
    assert mit.strip() and mit.strip() in text  # the full text, not a pointer to it


def test_qt_and_pyside6_come_with_the_lgpl_gpl_texts_and_a_source_offer(
    notices: tuple[str, str],
) -> None:
    text, _printed = notices
    for name in ("LGPL-3.0.txt", "GPL-3.0.txt"):
        verbatim = (PACKAGING / "licenses" / name).read_text(encoding="utf-8")
        assert verbatim.rstrip() in text, name
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert f"LeadDesk uses Qt {qVersion()} and PySide6 {PySide6.__version__}" in text
    assert "unmodified (on Linux, stripped of debug symbols) and dynamically linked" in text
    assert "_internal/PySide6/" in text
    minor = ".".join(qVersion().split(".")[:2])
    assert f"https://download.qt.io/official_releases/qt/{minor}/{qVersion()}/" in text
    assert "https://code.qt.io/cgit/pyside/pyside-setup.git/" in text
    assert f"(tag v{PySide6.__version__})" in text


def test_cpython_and_the_native_libraries_inside_wheels_are_covered(
    notices: tuple[str, str],
) -> None:
    text, printed = notices
    version = ".".join(str(p) for p in sys.version_info[:3])
    assert summary(printed)[canonical("Python (CPython)")][0] == version
    assert "PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2" in text
    rule = "=" * 78
    header = f"{rule}\nsqlcipher3-binary {metadata.version('sqlcipher3-binary')}\n{rule}"
    sqlcipher = text.split(header)[1].split(rule)[0]
    assert re.search(r"links SQLCipher 4\.\d+\.\d+", sqlcipher)
    assert "https://github.com/sqlcipher/sqlcipher/blob/master/LICENSE.md" in sqlcipher
    assert "Neither the name of the ZETETIC LLC" in sqlcipher  # its BSD text travels with it
    assert re.search(r"libcrypto\S* is OpenSSL 3\.\d+\.\d+", sqlcipher)
    assert "--- Apache-2.0.txt (OpenSSL) ---" in sqlcipher  # in full here, or once above
    apache = (PACKAGING / "licenses" / "Apache-2.0.txt").read_text(encoding="utf-8")
    assert apache.strip() in text


def test_check_prints_one_line_per_component_and_writes_nothing(
    notices: tuple[str, str], tmp_path: Path
) -> None:
    done = run("--check")
    assert done.returncode == 0, done.stderr
    assert summary(done.stdout) == summary(notices[1])
    assert len(done.stdout.splitlines()) == len(summary(notices[1]))
    assert list(tmp_path.iterdir()) == []


def fake_dist(site: Path, name: str, version: str, *fields: str) -> None:
    """An installed distribution as pip leaves one: a dist-info folder with METADATA."""
    info = site / f"{name}-{version}.dist-info"
    info.mkdir(parents=True)
    lines = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}", *fields]
    (info / "METADATA").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_dependency_with_no_licence_at_all_fails_the_build(tmp_path: Path) -> None:
    fake_dist(tmp_path, "fakeroot", "1.0", "Requires-Dist: mystery", "Requires-Dist: named")
    fake_dist(tmp_path, "mystery", "2.0")
    fake_dist(tmp_path, "named", "3.0", "License: BSD-2-Clause")
    done = run("--root", "fakeroot", str(tmp_path / "out.txt"), pythonpath=tmp_path)
    assert done.returncode == 1
    assert "no licence name and no licence text for mystery" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out.txt").exists()


def test_a_dependency_with_a_name_but_no_text_is_listed_and_says_so(tmp_path: Path) -> None:
    fake_dist(tmp_path, "fakeroot", "1.0", "Requires-Dist: named>=1")
    fake_dist(tmp_path, "named", "3.0", "Classifier: License :: OSI Approved :: MIT License")
    done = run("--root", "fakeroot", str(tmp_path / "out.txt"), pythonpath=tmp_path)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert "named 3.0\n" in text and "Licence: MIT License" in text
    assert "(licence text not shipped by the package)" in text


def test_markers_and_extras_decide_what_is_followed(tmp_path: Path) -> None:
    fake_dist(
        tmp_path,
        "fakeroot",
        "1.0",
        "Requires-Dist: lib[fast]",
        'Requires-Dist: windows-only; sys_platform == "win32"',
        'Requires-Dist: old-python-only; python_version < "3.8"',
    )
    fake_dist(
        tmp_path,
        "lib",
        "1.0",
        "License: MIT",
        'Requires-Dist: speedup; extra == "fast"',
        'Requires-Dist: docs-tool; extra == "docs"',
    )
    for name in ("speedup", "docs-tool", "windows-only", "old-python-only"):
        fake_dist(tmp_path, name, "1.0", "License: MIT")
    done = run("--root", "fakeroot", "--check", pythonpath=tmp_path)
    assert done.returncode == 0, done.stderr
    listed = summary(done.stdout)
    assert {"lib", "speedup"} <= listed.keys()
    assert not {"docs-tool", "old-python-only"} & listed.keys()
    assert ("windows-only" in listed) == (sys.platform == "win32")


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "marker",
    [
        'python_version < "3.12"',
        'python_version >= "3.8" and sys_platform == "win32"',
        '(platform_machine == "arm64" or (platform_machine == "x86_64")) and python_version>="3.9"',
        'extra == "Test"',
        'extra == "test" or python_version ~= "3.11"',
        'platform_python_implementation != "PyPy"',
        '"linux" in sys_platform',
        'python_full_version ~= "3.11.0"',
        'os_name == "nt" and extra == "x"',
        'python_version not in "3.9, 3.10"',
        'implementation_name == "cpython" and platform_system == "Linux"',
    ],
)
def test_the_fallback_marker_reader_agrees_with_packaging(marker: str) -> None:
    """A build venv without `packaging` follows the same dependencies as one with it."""
    from packaging.markers import Marker

    markers = load("requirement_markers")
    for extra in ("", "test", "x"):
        env = markers.environment() | {"extra": extra}
        assert markers._fallback(marker, env) == Marker(marker).evaluate({"extra": extra})


def debian_has(*packages: str) -> bool:
    if shutil.which("dpkg-query") is None:
        return False
    done = subprocess.run(["dpkg-query", "-W", *packages], capture_output=True, check=False)
    return done.returncode == 0


@pytest.mark.skipif(not debian_has("zlib1g", "libssl3"), reason="needs a Debian build machine")
def test_a_built_bundle_also_gets_the_system_libraries_pyinstaller_copied(tmp_path: Path) -> None:
    internal = tmp_path / "LeadDesk" / "_internal"
    (internal / "PySide6" / "Qt" / "lib").mkdir(parents=True)
    (internal / "PySide6" / "Qt" / "lib" / "libQt6Core.so.6").write_bytes(b"")
    (internal / "libQt6Core.so.6").symlink_to("PySide6/Qt/lib/libQt6Core.so.6")
    for name in ("libz.so.1", "libssl.so.3", "libpython3.11.so.1.0", "libcrypto-0dcfa43e.so.3"):
        (internal / name).write_bytes(b"")  # dpkg knows them by name; content does not matter
    out = tmp_path / "THIRD-PARTY-NOTICES.txt"
    done = run(str(out), "--bundle", str(tmp_path / "LeadDesk"))
    assert done.returncode == 0, done.stderr
    listed = summary(done.stdout)
    assert canonical("zlib1g (Debian)") in listed and canonical("libssl3 (Debian)") in listed
    text = out.read_text(encoding="utf-8")
    assert Path("/usr/share/doc/zlib1g/copyright").read_text(encoding="utf-8").strip() in text
    assert "Copied into the bundle by PyInstaller from this system: libz.so.1." in text
    # libssl3's copyright file points to /usr/share/common-licenses/Apache-2.0: its text travels.
    apache = Path("/usr/share/common-licenses/Apache-2.0").read_text(encoding="utf-8")
    assert "Licence texts the Debian copyright files refer to" in text
    assert apache.strip() in text
    assert "--- /usr/share/common-licenses/Apache-2.0 ---" in text
    # Qt (a link into PySide6/), libpython (CPython) and a wheel's own library are listed already.
    assert not any("libqt6" in name or "libpython" in name for name in listed)
    assert len([n for n in listed if n.endswith("(debian)")]) == 2

    # The same bundle named by a relative path finds the same libraries.
    again = run(str(tmp_path / "again.txt"), "--bundle", "LeadDesk", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert summary(again.stdout) == listed

    (internal / "libmystery.so.1").write_bytes(b"")
    done = run("--check", "--bundle", str(internal))
    assert done.returncode == 1
    assert "Unidentified system libraries (Files: libmystery.so.1)" in done.stderr


@pytest.mark.skipif(not debian_has("zlib1g"), reason="needs a Debian build machine")
def test_an_installed_leaddesk_deb_is_not_credited_with_the_system_libraries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With the .deb installed on the build machine, dpkg also finds the bundle's copies under
    # /opt/LeadDesk and may name the leaddesk package first: zlib must still get zlib's notice.
    real_dpkg = shutil.which("dpkg")
    assert real_dpkg is not None
    stubs = tmp_path / "bin"
    stubs.mkdir()
    (stubs / "dpkg").write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "-S" ]; then echo "leaddesk: /opt/LeadDesk/_internal/libz.so.1"; fi\n'
        f'exec {real_dpkg} "$@"\n'
    )
    (stubs / "dpkg").chmod(0o755)
    monkeypatch.setenv("PATH", f"{stubs}:{os.environ['PATH']}")
    internal = tmp_path / "LeadDesk" / "_internal"
    internal.mkdir(parents=True)
    (internal / "libz.so.1").write_bytes(b"")
    out = tmp_path / "THIRD-PARTY-NOTICES.txt"
    done = run(str(out), "--bundle", str(tmp_path / "LeadDesk"))
    assert done.returncode == 0, done.stderr
    listed = summary(done.stdout)
    assert canonical("zlib1g (Debian)") in listed
    assert not any(name.startswith("leaddesk (debian)") for name in listed)
    text = out.read_text(encoding="utf-8")
    assert Path("/usr/share/doc/zlib1g/copyright").read_text(encoding="utf-8").strip() in text
