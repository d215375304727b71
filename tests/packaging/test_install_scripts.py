"""packaging/linux/install.sh and uninstall.sh, run for real on an unpacked tarball layout whose
bundle is a tiny stand-in executable, with HOME and XDG_DATA_HOME in a scratch folder.

The promise under test: everything lands where the XDG specs say, the menu entry starts the
installed app, an install replaces an older one, uninstall leaves the home folder exactly as it
was, and the user's store is never touched.
"""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers.environment import small_disk
from helpers.system_tools import require_tool

import leaddesk

APP_ID = "io.leaddesk.LeadDesk"
REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


@pytest.fixture(scope="module")
def icon_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hicolor tree packaging/make_icons.py makes, as the tarball carries it."""
    output = tmp_path_factory.mktemp("icons")
    subprocess.run(
        [sys.executable, str(REPO / "packaging" / "make_icons.py"), str(output)],
        capture_output=True,
        check=True,
        timeout=120,
    )
    return output / "hicolor"


def stage(folder: Path, icons: Path, says: str, padding: int = 0) -> Path:
    """Lay out an unpacked LeadDesk tarball in `folder`: its app prints `says` and its arguments."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "LeadDesk" / "_internal").mkdir(parents=True)
    app = folder / "LeadDesk" / "leaddesk"
    app.write_text(f'#!/bin/sh\necho "fake leaddesk {says} $*"\n')
    app.chmod(0o755)
    (folder / "LeadDesk" / "_internal" / "base_library.zip").write_bytes(b"\0" * (100 + padding))
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy2(LINUX / script, folder / script)
    for kind, name in (
        ("applications", f"{APP_ID}.desktop"),
        ("metainfo", f"{APP_ID}.metainfo.xml"),
    ):
        (folder / "share" / kind).mkdir(parents=True)
        shutil.copy2(LINUX / name, folder / "share" / kind / name)
    shutil.copytree(icons, folder / "share" / "icons" / "hicolor")
    return folder


@pytest.fixture
def tarball(tmp_path: Path, icon_tree: Path) -> Path:
    return stage(tmp_path / f"LeadDesk-{leaddesk.__version__}-linux-x86_64", icon_tree, "one")


@dataclass
class Home:
    """A user's home folder and data folder, with an encrypted store already in it."""

    root: Path
    data: Path
    env: dict[str, str]

    @property
    def store(self) -> Path:
        return self.data / "LeadDesk" / "leaddesk.db"

    @property
    def lib(self) -> Path:
        return self.root / ".local" / "lib" / "leaddesk"

    @property
    def link(self) -> Path:
        return self.root / ".local" / "bin" / "leaddesk"

    def snapshot(self) -> dict[str, object]:
        """Every path under the home and data folders, with file bytes and symlink targets."""
        seen: dict[str, object] = {}
        for top in {self.root, self.data}:
            for folder, dirs, files in os.walk(top):
                for name in dirs + files:
                    path = Path(folder) / name
                    if path.is_symlink():
                        seen[str(path)] = ("link", os.readlink(path))
                    elif path.is_dir():
                        seen[str(path)] = "dir"
                    else:
                        seen[str(path)] = path.read_bytes()
        return seen


def make_home(root: Path, data: Path | None) -> Home:
    """`root` as HOME; `data` as XDG_DATA_HOME (None: unset, the default ~/.local/share)."""
    root.mkdir(parents=True)
    env = {"HOME": str(root), "PATH": os.environ["PATH"], "LANG": "C.UTF-8"}
    if data is None:
        data = root / ".local" / "share"
    else:
        env["XDG_DATA_HOME"] = str(data)
    if os.geteuid() == 0:  # this machine and CI containers; a user's install.sh refuses root
        env["LEADDESK_ALLOW_ROOT_INSTALL"] = "1"
    home = Home(root, data, env)
    home.store.parent.mkdir(parents=True)
    home.store.write_bytes(os.urandom(8192))
    return home


@pytest.fixture
def home(tmp_path: Path) -> Home:
    return make_home(tmp_path / "home", tmp_path / "xdg-data")


def run(script: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(script)], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def install(tarball: Path, home: Home) -> subprocess.CompletedProcess[str]:
    done = run(tarball / "install.sh", home.env)
    assert done.returncode == 0, done.stderr
    return done


def uninstall(home: Home) -> subprocess.CompletedProcess[str]:
    """Uninstall with the copy install.sh left beside the app (the tarball may be long gone)."""
    done = run(home.lib / "uninstall.sh", home.env)
    assert done.returncode == 0, done.stderr
    return done


def installed_entry(home: Home) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(home.data / "applications" / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def says(command: list[str], env: dict[str, str]) -> str:
    return subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout


def test_install_puts_every_file_where_xdg_expects(tarball: Path, home: Home) -> None:
    done = install(tarball, home)

    executable = home.lib / "leaddesk"
    assert os.access(executable, os.X_OK)
    assert (home.lib / "_internal" / "base_library.zip").is_file()
    assert os.access(home.lib / "uninstall.sh", os.X_OK)
    assert home.link.is_symlink() and home.link.resolve() == executable.resolve()
    share = tarball / "share"
    for size in SIZES:
        icon = Path("icons", "hicolor", f"{size}x{size}", "apps", f"{APP_ID}.png")
        assert (home.data / icon).read_bytes() == (share / icon).read_bytes()
    svg = Path("icons", "hicolor", "scalable", "apps", f"{APP_ID}.svg")
    assert (home.data / svg).read_bytes() == (share / svg).read_bytes()
    metainfo = Path("metainfo", f"{APP_ID}.metainfo.xml")
    assert (home.data / metainfo).read_bytes() == (share / metainfo).read_bytes()
    assert not (home.root / ".local" / "share").exists()  # XDG_DATA_HOME is honoured

    assert says([str(home.link), "--version"], home.env) == "fake leaddesk one --version\n"
    assert f"LeadDesk {leaddesk.__version__} is installed" in done.stdout
    assert "~/.local/bin is not on your PATH" in done.stdout
    assert "To uninstall: ~/.local/lib/leaddesk/uninstall.sh" in done.stdout


def test_installed_menu_entry_is_valid_and_starts_the_installed_app(
    tarball: Path, home: Home
) -> None:
    install(tarball, home)
    entry = installed_entry(home)
    executable = str(home.lib / "leaddesk")
    assert shlex.split(entry["Exec"]) == [executable]  # the session may lack ~/.local/bin
    assert entry["TryExec"] == executable
    validated = subprocess.run(
        [
            require_tool("desktop-file-validate"),
            str(home.data / "applications" / f"{APP_ID}.desktop"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert says(shlex.split(entry["Exec"]), home.env) == "fake leaddesk one \n"


def test_uninstall_leaves_home_as_it_was_and_the_store_byte_for_byte(
    tarball: Path, home: Home
) -> None:
    store_bytes = home.store.read_bytes()
    before = home.snapshot()
    install(tarball, home)
    done = uninstall(home)
    assert home.store.read_bytes() == store_bytes
    assert home.snapshot() == before
    assert f"Your LeadDesk data in {home.store.parent} was kept" in done.stdout


def test_default_data_folder_is_home_local_share(tarball: Path, tmp_path: Path) -> None:
    home = make_home(tmp_path / "home", None)
    before = home.snapshot()
    install(tarball, home)
    assert (home.root / ".local/share/applications" / f"{APP_ID}.desktop").is_file()
    done = uninstall(home)
    assert home.snapshot() == before
    assert "Your LeadDesk data in ~/.local/share/LeadDesk was kept" in done.stdout


def test_second_install_replaces_the_first(tarball: Path, home: Home, icon_tree: Path) -> None:
    before = home.snapshot()
    install(tarball, home)
    newer = stage(tarball, icon_tree, "two")
    shutil.rmtree(newer / "share" / "icons" / "hicolor" / "22x22")  # a size the new one dropped
    install(newer, home)

    assert says([str(home.link)], home.env) == "fake leaddesk two \n"
    assert not (home.data / "icons" / "hicolor" / "22x22" / "apps" / f"{APP_ID}.png").exists()
    assert sorted(path.name for path in home.lib.parent.iterdir()) == ["leaddesk"]
    manifest = (home.lib / ".installed-files").read_text().splitlines()
    assert len(manifest) == len(set(manifest))
    uninstall(home)
    assert home.snapshot() == before


def test_files_of_other_apps_are_left_alone(tarball: Path, home: Home) -> None:
    other_entry = home.data / "applications" / "org.example.Other.desktop"
    other_entry.parent.mkdir(parents=True)
    shutil.copy2(LINUX / f"{APP_ID}.desktop", other_entry)
    other_icon = home.data / "icons" / "hicolor" / "48x48" / "apps" / "org.example.Other.png"
    other_icon.parent.mkdir(parents=True)
    other_icon.write_bytes(b"not ours")
    pipx_command = home.link
    pipx_command.parent.mkdir(parents=True)
    pipx_command.write_text("#!/bin/sh\necho pipx leaddesk\n")
    pipx_command.chmod(0o755)
    before = home.snapshot()

    done = install(tarball, home)
    assert "already exists" in done.stdout
    assert pipx_command.read_text() == "#!/bin/sh\necho pipx leaddesk\n"
    uninstall(home)
    assert home.snapshot() == before


def test_home_folder_with_a_space(tarball: Path, tmp_path: Path) -> None:
    home = make_home(tmp_path / "my home", None)
    install(tarball, home)
    entry = installed_entry(home)
    assert shlex.split(entry["Exec"]) == [str(home.lib / "leaddesk")]
    validated = subprocess.run(
        [
            require_tool("desktop-file-validate"),
            str(home.data / "applications" / f"{APP_ID}.desktop"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert says(shlex.split(entry["Exec"]), home.env) == "fake leaddesk one \n"


@pytest.mark.parametrize("script", ["install.sh", "uninstall.sh"])
def test_root_is_refused(tarball: Path, home: Home, tmp_path: Path, script: str) -> None:
    env = {name: value for name, value in home.env.items() if name != "LEADDESK_ALLOW_ROOT_INSTALL"}
    if os.geteuid() != 0:  # not root here: an `id` that says root stands in for being root
        fake = tmp_path / "fake-bin"
        fake.mkdir()
        (fake / "id").write_text(
            '#!/bin/sh\n[ "$1" = -u ] && echo 0 && exit 0\nexec /usr/bin/id "$@"\n'
        )
        (fake / "id").chmod(0o755)
        env["PATH"] = f"{fake}:{env['PATH']}"
    before = home.snapshot()
    done = run(tarball / script, env)
    assert done.returncode == 2
    assert "must not run as root" in done.stderr
    assert ("apt install ./leaddesk_" if script == "install.sh" else "apt remove") in done.stderr
    assert home.snapshot() == before


def test_uninstall_with_nothing_installed_says_so(tarball: Path, home: Home) -> None:
    before = home.snapshot()
    done = run(tarball / "uninstall.sh", home.env)
    assert done.returncode == 2
    assert done.stderr == (
        "uninstall.sh: LeadDesk is not installed for this user (there is no "
        "~/.local/lib/leaddesk/.installed-files); nothing to remove.\n"
    )
    assert home.snapshot() == before


def test_uninstall_without_the_list_removes_nothing(tarball: Path, home: Home) -> None:
    install(tarball, home)
    (home.lib / ".installed-files").unlink()
    before = home.snapshot()
    done = run(tarball / "uninstall.sh", home.env)
    assert done.returncode == 2
    assert "has no list of installed files, so nothing was removed" in done.stderr
    assert home.snapshot() == before


@pytest.mark.parametrize(
    "missing", ["LeadDesk", "share/metainfo", "share/icons/hicolor/scalable", "uninstall.sh"]
)
def test_install_from_an_incomplete_folder_says_what_is_missing(
    tarball: Path, home: Home, missing: str
) -> None:
    target = tarball / missing
    shutil.rmtree(target) if target.is_dir() else target.unlink()
    before = home.snapshot()
    done = run(tarball / "install.sh", home.env)
    assert done.returncode == 2
    assert done.stderr.startswith("install.sh: ")
    assert len(done.stderr.splitlines()) == 1
    assert (missing if missing != "LeadDesk" else "LeadDesk/leaddesk") in done.stderr
    assert home.snapshot() == before


def test_a_full_disk_leaves_the_previous_install_working(
    tarball: Path, home: Home, icon_tree: Path
) -> None:
    lib_parent = home.root / ".local" / "lib"
    with small_disk(lib_parent, size_kb=1024):
        install(tarball, home)
        before = home.snapshot()
        bigger = stage(tarball, icon_tree, "two", padding=2 * 1024 * 1024)
        done = run(bigger / "install.sh", home.env)
        assert done.returncode == 1
        assert "is the disk full?); nothing was changed." in done.stderr
        assert home.snapshot() == before
        assert says([str(home.link)], home.env) == "fake leaddesk one \n"


def test_scripts_are_shellcheck_clean() -> None:
    scripts = [str(LINUX / "install.sh"), str(LINUX / "uninstall.sh")]
    done = subprocess.run(
        [require_tool("shellcheck"), "--shell=sh", *scripts],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout
