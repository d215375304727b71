"""`leaddesk export pdf`: person (private or shareable) and team one-pagers from the terminal."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.cli import run

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
