"""The roster import dialog: a preview of real CSV files on a real store, then Import or not.

Files are written to tmp_path and read by the dialog; what the store holds afterwards is read
back from the desk. Nothing is faked but the native file picker.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers.qt import all_texts, model_texts, on_modal, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from leaddesk.services.desk import Desk
from leaddesk.ui.context import AppContext
from leaddesk.ui.exports.roster_import_dialog import RosterImportDialog

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)

ROSTER = (
    "name,role,area,reports-to,in-role-since,Notes\n"
    "Ana Lima,VP Data,,,,\n"  # line 2: unchanged
    "Ben Okafor,VP X,,Ana Lima,,\n"  # line 3: role and reports-to change
    "Dan Reyes,Data Engineer,Data,ana lima,2025-02-01,new hire\n"  # line 4: added
)


def write(tmp_path: Path, text: str | bytes, name: str = "roster.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def people(desk: Desk) -> list[tuple[object, ...]]:
    return [
        (p.name, p.role, p.area, p.in_role_since, p.reports_to_name)
        for p in desk.people(include_archived=True)
    ]


@pytest.fixture
def team(desk: Desk) -> Desk:
    desk.add_person("Ana Lima", role="VP Data")
    desk.add_person("Ben Okafor", role="Head of X")
    return desk


def open_dialog(qtbot, ctx: AppContext, path: Path) -> RosterImportDialog:  # type: ignore[no-untyped-def]
    dialog = RosterImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def column(dialog: RosterImportDialog, col: int) -> list[str]:
    model = dialog.preview.model()
    return [model.index(row, col).data() for row in range(model.rowCount())]


def problems(dialog: RosterImportDialog) -> list[tuple[str, str, str]]:
    model = dialog.problem_list.model()
    return [
        tuple(model.index(row, col).data() for col in range(3))  # type: ignore[misc]
        for row in range(model.rowCount())
    ]


def test_preview_shows_who_is_added_updated_and_unchanged_with_the_changes(
    ctx: AppContext, team: Desk, qtbot, tmp_path: Path
) -> None:
    before = people(team)
    dialog = open_dialog(qtbot, ctx, write(tmp_path, ROSTER))

    summary = dialog.summary.text()
    assert "1 to add" in summary and "1 to update" in summary and "1 unchanged" in summary
    assert dialog.ignored.isVisible() and "Ignored columns: notes" in dialog.ignored.text()
    assert dialog.preview.isVisible() and not dialog.problem_list.isVisible()
    assert not dialog.show_unchanged.isChecked()  # there are changes: unchanged rows hidden
    assert column(dialog, 0) == ["3", "4"]
    assert column(dialog, 1) == ["Ben Okafor", "Dan Reyes"]
    assert column(dialog, 2) == ["Update", "Add"]
    assert column(dialog, 3) == [
        "role: Head of X → VP X; reports-to: — → Ana Lima",
        "role: Data Engineer; area: Data; in-role-since: 2025-02-01; reports-to: Ana Lima",
    ]
    assert dialog.import_button.text().replace("&", "") == "Import 2 people"
    assert dialog.import_button.isEnabled()

    qtbot.mouseClick(dialog.show_unchanged, Qt.MouseButton.LeftButton)
    assert column(dialog, 1) == ["Ana Lima", "Ben Okafor", "Dan Reyes"]
    assert column(dialog, 2)[0] == "Unchanged"
    assert people(team) == before  # a preview writes nothing


def test_import_writes_exactly_the_preview_and_says_so(
    ctx: AppContext, team: Desk, qtbot, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, ctx, write(tmp_path, ROSTER))
    with qtbot.waitSignal(ctx.message) as said:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert said.args == ["Imported roster: 1 added, 1 updated."]
    assert dialog.result() == RosterImportDialog.DialogCode.Accepted
    assert people(team) == [
        ("Ana Lima", "VP Data", None, None, None),
        ("Ben Okafor", "VP X", None, None, "Ana Lima"),
        ("Dan Reyes", "Data Engineer", "Data", date(2025, 2, 1), "Ana Lima"),
    ]


def test_ctrl_enter_imports(ctx: AppContext, team: Desk, qtbot, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, ctx, write(tmp_path, ROSTER))
    press(qtbot, dialog.preview, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == RosterImportDialog.DialogCode.Accepted
    assert [p.name for p in team.people()] == ["Ana Lima", "Ben Okafor", "Dan Reyes"]


def test_escape_closes_and_writes_nothing(
    ctx: AppContext, team: Desk, qtbot, tmp_path: Path
) -> None:
    before = people(team)
    dialog = open_dialog(qtbot, ctx, write(tmp_path, ROSTER))
    press(qtbot, dialog.preview, Qt.Key.Key_Escape)
    assert dialog.result() == RosterImportDialog.DialogCode.Rejected
    assert not dialog.isVisible()
    assert people(team) == before


def test_every_problem_is_listed_with_its_line_and_nothing_can_be_imported(
    ctx: AppContext, team: Desk, qtbot, tmp_path: Path
) -> None:
    before = people(team)
    path = write(
        tmp_path,
        "name,role,reports-to\n"
        "Dan Reyes,Data Engineer,Ana Lima\n"
        "Eve Stone,Analyst,Zoe Quinn\n"  # line 3: nobody called Zoe Quinn
        "dan reyes,Designer,\n",  # line 4: Dan twice
    )
    dialog = open_dialog(qtbot, ctx, path)

    assert dialog.problem_list.isVisible() and not dialog.preview.isVisible()
    assert problems(dialog) == [
        ("3", "reports-to", "Nobody called Zoe Quinn is in this roster or in the store."),
        ("4", "name", "dan reyes is listed twice (also on line 2)."),
    ]
    assert "2 problems" in dialog.summary.text()
    assert "Nothing will be imported until the file is fixed" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert not dialog.show_unchanged.isVisible()
    press(qtbot, dialog.problem_list, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()
    assert people(team) == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("Name,Role\nAda,Bé\n".encode("latin-1"), "not UTF-8"),
        (b"", "The file is empty."),
        (b"\n\n  \n", "The file is empty."),
        (b"role,area\nVP,Data\n", "There is no 'name' column"),
        (b"name,role\n", "a header but nobody in it"),
        (b",,,\n", "The file lists nobody: every cell is empty."),
    ],
)
def test_a_file_that_cannot_be_read_shows_why_instead_of_failing(
    ctx: AppContext, desk: Desk, qtbot, tmp_path: Path, content: bytes, expected: str
) -> None:
    dialog = open_dialog(qtbot, ctx, write(tmp_path, content))
    assert dialog.problem_list.isVisible()
    assert expected in "\n".join(model_texts(dialog.problem_list.model()))
    assert not dialog.import_button.isEnabled()
    assert desk.people() == []


def test_a_folder_or_missing_file_is_a_problem_not_a_crash(
    ctx: AppContext, desk: Desk, qtbot, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, ctx, tmp_path)
    assert "Cannot read" in "\n".join(model_texts(dialog.problem_list.model()))
    dialog.load(tmp_path / "gone.csv")
    assert "Cannot read" in "\n".join(model_texts(dialog.problem_list.model()))
    assert not dialog.import_button.isEnabled()


def test_store_changed_since_preview_shows_the_refusal_and_a_fresh_preview(
    ctx: AppContext, team: Desk, qtbot, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, ctx, write(tmp_path, ROSTER))
    ben = next(p.id for p in team.people() if p.name == "Ben Okafor")
    team.update_person(ben, role="Director X")  # someone edits Ben after the preview
    seen: list[str] = []

    def close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    on_modal(close)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert seen and "changed since this roster was checked" in seen[0]
    assert dialog.isVisible()
    assert dialog.notice.isVisible() and "changed since this preview" in dialog.notice.text()
    assert column(dialog, 3)[0] == "role: Director X → VP X; reports-to: — → Ana Lima"
    assert [p.name for p in team.people()] == ["Ana Lima", "Ben Okafor"]
    assert team.person(ben).role == "Director X"

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # the fresh plan imports
    assert team.person(ben).role == "VP X"
    assert dialog.result() == RosterImportDialog.DialogCode.Accepted


def test_nothing_to_change_disables_import_and_shows_everyone(
    ctx: AppContext, team: Desk, qtbot, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, ctx, write(tmp_path, "name,role\nAna Lima,VP Data\n"))
    assert "already up to date" in dialog.summary.text()
    assert dialog.show_unchanged.isChecked()
    assert column(dialog, 1) == ["Ana Lima"]
    assert not dialog.import_button.isEnabled()


def test_choose_another_file_previews_it_without_closing(
    ctx: AppContext, team: Desk, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, ctx, write(tmp_path, b"", name="empty.csv"))
    other = write(tmp_path, ROSTER)
    asked: list[str] = []

    def pick(parent: QWidget, caption: str, folder: str, filters: str) -> tuple[str, str]:
        asked.append(filters)
        return str(other), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", pick)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)

    assert asked == ["CSV files (*.csv);;All files (*)"]
    assert dialog.isVisible() and dialog.preview.isVisible()
    assert dialog.import_button.isEnabled()
    assert "roster.csv" in dialog.file_label.text()


def test_run_asks_for_a_file_and_cancel_there_imports_nothing(
    ctx: AppContext, team: Desk, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: ("", ""))
    assert RosterImportDialog.run(ctx, None) is False
    assert len(team.people()) == 2


def test_run_with_a_path_returns_true_once_people_are_imported(
    ctx: AppContext, team: Desk, qtbot, tmp_path: Path
) -> None:
    def import_them(dialog: QWidget) -> None:
        assert isinstance(dialog, RosterImportDialog)
        dialog.import_button.click()

    on_modal(import_them)
    assert RosterImportDialog.run(ctx, None, write(tmp_path, ROSTER)) is True
    assert len(team.people()) == 3


def test_every_control_has_a_name_a_user_can_hear(
    ctx: AppContext, team: Desk, qtbot, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, ctx, write(tmp_path, ROSTER))
    for widget in (
        dialog.choose_button,
        dialog.show_unchanged,
        dialog.preview,
        dialog.problem_list,
        dialog.import_button,
    ):
        assert widget.accessibleName() and widget.toolTip() and widget.objectName()
    assert "Dan Reyes will be added" in all_texts(dialog)


def test_check_again_reads_the_fixed_file(
    ctx: AppContext, team: Desk, qtbot, tmp_path: Path
) -> None:
    path = write(tmp_path, "name,reports-to\nDan Reyes,Zoe Quinn\n")
    dialog = open_dialog(qtbot, ctx, path)
    assert not dialog.import_button.isEnabled()

    write(tmp_path, "name,reports-to\nDan Reyes,Ana Lima\n")  # fixed in the spreadsheet
    press(qtbot, dialog.problem_list, Qt.Key.Key_F5)

    assert dialog.preview.isVisible() and column(dialog, 1) == ["Dan Reyes"]
    assert dialog.import_button.text().replace("&", "") == "Import 1 person"
