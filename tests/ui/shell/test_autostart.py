"""Start at login: the XDG autostart entry written and removed, in a temporary XDG_CONFIG_HOME."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaddesk.ui.shell import autostart

pytestmark = pytest.mark.skipif(not autostart.autostart_supported(), reason="XDG desktops only")


@pytest.fixture(autouse=True)
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home


def test_the_entry_is_written_where_the_session_reads_it(config_home: Path, tmp_path: Path) -> None:
    store = tmp_path / "my store" / "leaddesk.db"
    entry = autostart.set_autostart(True, store)
    assert entry == config_home / "autostart" / "leaddesk.desktop"
    text = entry.read_text("utf-8")
    assert text.startswith("[Desktop Entry]\nType=Application\n")
    [exec_line] = [line for line in text.splitlines() if line.startswith("Exec=")]
    assert exec_line.endswith(f'--db "{store}"')  # quoted: the path has a space
    assert autostart.autostart_enabled()
    assert [p.name for p in entry.parent.iterdir()] == ["leaddesk.desktop"]  # no temp file left


def test_turning_it_off_removes_the_entry(config_home: Path, tmp_path: Path) -> None:
    entry = autostart.set_autostart(True, tmp_path / "leaddesk.db")
    autostart.set_autostart(False)
    assert not entry.exists()
    assert not autostart.autostart_enabled()
    autostart.set_autostart(False)  # already off: nothing to do, no error


def test_a_hidden_entry_is_off(config_home: Path) -> None:
    entry = config_home / "autostart" / "leaddesk.desktop"
    entry.parent.mkdir(parents=True)
    entry.write_text("[Desktop Entry]\nHidden=true\n", "utf-8")
    assert not autostart.autostart_enabled()


def test_a_folder_that_cannot_be_made_is_one_clear_error(config_home: Path) -> None:
    from leaddesk.domain.errors import UserError

    config_home.mkdir(parents=True)
    (config_home / "autostart").write_text("a file where the folder belongs", "utf-8")
    with pytest.raises(UserError, match=r"Cannot create .*autostart") as failure:
        autostart.set_autostart(True, config_home / "x.db")
    assert "\n" not in str(failure.value)
