"""`leaddesk export pdf`: person (private or shareable) and team one-pagers from the terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.cli import run
from helpers.tmpfs import CAN_MOUNT, tiny_tmpfs

from leaddesk.services.desk import Desk

NOTE = "Private: training for a marathon"
# The test session's one QApplication must exist before the export would make a (widget-less)
# QGuiApplication of its own: the GUI tests that follow need widgets.
pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def team(store_path: Path) -> Iterator[Path]:
    desk = Desk.open(store_path)
    ada = desk.add_person("Ada Lovelace", role="VP Engineering", area="Engineering")
    desk.add_person("Grace Hopper", role="Head of Platform")
    desk.add_delegation(ada, "Hiring plan", 3, involve_me_when="Any offer above band")
    desk.add_relationship_note(ada, NOTE)
    desk.update_settings(your_name="Dana Whitfield", page_size="Letter")
    desk.close()
    yield store_path


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def page_info(path: Path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout


def test_private_one_pager_by_name_on_the_settings_page_size(team, tmp_path, capsys) -> None:
    out_file = tmp_path / "ada.pdf"
    code, out, err = run(
        capsys, "export", "pdf", "--db", str(team), "--person", "ada", "--out", str(out_file)
    )
    assert (code, err) == (0, "")
    assert out == f"Ada Lovelace: private one-pager (Letter) written to {out_file}.\n"
    text = pdf_text(out_file)
    assert "Ada Lovelace" in text and "Hiring plan" in text and NOTE in text
    assert "Pages:           1" in page_info(out_file)
    assert "612 x 792" in page_info(out_file)


def test_shareable_sheet_names_both_and_has_no_private_note(team, tmp_path, capsys) -> None:
    out_file = tmp_path / "agreement.pdf"
    code, out, _ = run(
        capsys,
        "export",
        "pdf",
        "--db",
        str(team),
        "--person",
        "Ada",
        "--shareable",
        "--page-size",
        "A4",
        "--out",
        str(out_file),
    )
    assert code == 0 and "shareable agreement sheet (A4)" in out
    text = pdf_text(out_file)
    assert "Ada Lovelace and Dana Whitfield" in text
    assert "Any offer above band" in text
    assert NOTE not in text
    assert "595 x 842" in page_info(out_file)


def test_team_one_pager_lists_every_direct_report(team, tmp_path, capsys) -> None:
    out_file = tmp_path / "team.pdf"
    code, out, _ = run(capsys, "export", "pdf", "--db", str(team), "--team", "--out", str(out_file))
    assert code == 0 and out.startswith("Team one-pager (Letter) written to")
    text = pdf_text(out_file)
    assert "Ada Lovelace" in text and "Grace Hopper" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--team", "--shareable"], "has no shareable flavour"),
        (["--person", "Nobody"], "Nobody is called 'Nobody'"),
        ([], "one of the arguments --person --team is required"),
        (["--person", "Ada", "--page-size", "A3"], "invalid choice: 'A3'"),
    ],
)
def test_bad_requests_are_one_line_exit_2_and_write_nothing(
    team, tmp_path, capsys, args, message
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    out_file = folder / "x.pdf"
    code, out, err = run(capsys, "export", "pdf", "--db", str(team), *args, "--out", str(out_file))
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1
    assert list(folder.iterdir()) == []


# -- a full disk ------------------------------------------------------------------------------
# Qt's PDF writer reports no write error: on a full disk it leaves a cut file and says it ended
# fine. Before the check, `export pdf` printed "written" (exit 0) over a 16 KiB stump.
FULL_DISK_BYTES = 16 * 1024  # a team one-pager is larger than this

# Opens the store, then limits this process's files to FULL_DISK_BYTES (SIGXFSZ ignored, so a
# write past it fails with EFBIG as on a full disk) and writes the team one-pager.
LIMITED_WRITER = """
import resource, signal, sys
from pathlib import Path
from leaddesk.domain.errors import UserError
from leaddesk.reports.pdf_layout import ensure_gui_application
from leaddesk.reports.pdf_team import write_team_pdf
from leaddesk.services.desk import Desk

desk = Desk.open(Path(sys.argv[1]))
ensure_gui_application()
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
try:
    write_team_pdf(desk, Path(sys.argv[2]))
except UserError as error:
    print(error)
    sys.exit(2)
print("written")
"""


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="RLIMIT_FSIZE is POSIX")
def test_pdf_cut_short_by_a_file_size_limit_is_an_error_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store.db"
    monkeypatch.setenv("LEADDESK_PASSPHRASE", "correct horse battery")
    desk = Desk.open(store)
    for index in range(8):
        desk.add_person(f"Person {index}", role="Head of Something")
    desk.close()
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "team.pdf"
    env = dict(
        os.environ,
        LEADDESK_PASSPHRASE="correct horse battery",  # the child has no in-memory test keyring
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    done = subprocess.run(
        [sys.executable, "-c", LIMITED_WRITER, str(store), str(target), str(FULL_DISK_BYTES)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert "the PDF came out incomplete (is the disk full?)" in done.stdout
    assert "Nothing was written" in done.stdout
    assert list(folder.iterdir()) == []
    # The same process without the limit writes the one-pager: the limit is what failed it.
    ok = subprocess.run(
        [sys.executable, "-c", LIMITED_WRITER, str(store), str(target), str(2**30)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert ok.stdout.strip() == "written", ok.stderr
    assert target.stat().st_size > FULL_DISK_BYTES


@pytest.mark.skipif(not CAN_MOUNT, reason="mounts a tmpfs as root (the test above needs no root)")
def test_pdf_on_a_full_filesystem_is_one_line_exit_2_and_leaves_nothing(
    team: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with tiny_tmpfs(tmp_path / "full", f"{FULL_DISK_BYTES}") as full:
        target = full / "team.pdf"
        code, out, err = run(
            capsys, "export", "pdf", "--db", str(team), "--team", "--out", str(target)
        )
        left = list(full.iterdir())
    assert (code, out) == (2, "")
    assert "the PDF came out incomplete (is the disk full?)" in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert left == []
