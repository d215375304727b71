"""The person picker (Ctrl+1 and wherever a person is chosen by typing)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from leaddesk.services.desk import Desk
from leaddesk.ui.common.person_picker import PersonPicker, match_people, pick_person
from leaddesk.ui.context import AppContext

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


@pytest.fixture
def people(desk: Desk) -> dict[str, int]:
    """Three active people and one archived."""
    ids = {
        "ada": desk.add_person("Ada Lovelace", role="CTO"),
        "adam": desk.add_person("Adam Smith", role="Head of Finance"),
        "grace": desk.add_person("Grace Hopper", role="VP Engineering"),
        "old": desk.add_person("Adelaide Archer", role="Retired"),
    }
    desk.archive_person(ids["old"])
    return ids


def open_picker(qtbot, ctx: AppContext) -> PersonPicker:
    picker = PersonPicker(ctx, "Start a 1:1 with…")
    qtbot.addWidget(picker)
    picker.show()
    picker.activateWindow()
    qtbot.waitExposed(picker)
    qtbot.waitUntil(picker.search.hasFocus)
    return picker


def shown(picker: PersonPicker) -> list[str]:
    return [
        picker.model.item(row).text().split("  —  ")[0] for row in range(picker.model.rowCount())
    ]


def test_typing_filters_active_people_by_name_and_role(
    qtbot, ctx: AppContext, people: dict[str, int]
) -> None:
    picker = open_picker(qtbot, ctx)
    assert shown(picker) == ["Ada Lovelace", "Adam Smith", "Grace Hopper"]  # not the archived
    qtbot.keyClicks(picker.search, "AD")
    assert shown(picker) == ["Ada Lovelace", "Adam Smith"]
    picker.search.clear()
    qtbot.keyClicks(picker.search, "finance")
    assert shown(picker) == ["Adam Smith"]
    assert picker.model.item(0).text() == "Adam Smith  —  Head of Finance"


def test_no_match_says_so_and_enter_does_nothing(
    qtbot, ctx: AppContext, people: dict[str, int]
) -> None:
    picker = open_picker(qtbot, ctx)
    qtbot.keyClicks(picker.search, "zz")
    assert shown(picker) == []
    assert picker.empty.isVisible()
    assert "No one matches “zz”" in picker.empty.text()
    assert not picker.ok_button.isEnabled()
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.isVisible() and picker.person_id is None


def test_arrow_keys_move_and_enter_picks(qtbot, ctx: AppContext, people: dict[str, int]) -> None:
    picker = open_picker(qtbot, ctx)
    qtbot.keyClicks(picker.search, "ad")
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    assert picker.search.hasFocus()  # typing goes on in the field
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.result() == PersonPicker.DialogCode.Accepted
    assert picker.person_id == people["adam"]


def test_escape_cancels(qtbot, ctx: AppContext, people: dict[str, int]) -> None:
    picker = open_picker(qtbot, ctx)
    qtbot.keyClicks(picker.search, "grace")
    qtbot.keyClick(picker.search, Qt.Key.Key_Escape)
    assert picker.result() == PersonPicker.DialogCode.Rejected
    assert picker.person_id is None


def test_double_click_picks(qtbot, ctx: AppContext, people: dict[str, int]) -> None:
    picker = open_picker(qtbot, ctx)
    rect = picker.list.visualRect(picker.model.index(2, 0))
    # A double click is a click, then a second press that Qt reports as the double click.
    qtbot.mouseClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert picker.isVisible()  # a single click only selects
    qtbot.mouseDClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert picker.person_id == people["grace"]


def test_empty_store_explains_where_people_come_from(qtbot, ctx: AppContext) -> None:
    picker = open_picker(qtbot, ctx)
    assert "add your direct reports on the People screen" in picker.empty.text()
    assert not picker.list.isVisible()
    assert not picker.ok_button.isEnabled()


def test_pick_person_returns_the_chosen_id_or_none(
    qtbot, ctx: AppContext, people: dict[str, int]
) -> None:
    def choose(text: str, key: Qt.Key) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PersonPicker)
        qtbot.keyClicks(dialog.search, text)
        qtbot.keyClick(dialog.search, key)

    QTimer.singleShot(0, lambda: choose("hop", Qt.Key.Key_Return))
    assert pick_person(ctx, None, "Start a 1:1 with…") == people["grace"]
    QTimer.singleShot(0, lambda: choose("ada", Qt.Key.Key_Escape))
    assert pick_person(ctx, None, "Start a 1:1 with…") is None


def test_best_matches_come_first(desk: Desk, people: dict[str, int]) -> None:
    everyone = desk.people(include_archived=True)
    assert [p.name for p in match_people(everyone, "smith")] == ["Adam Smith"]
    assert [p.name for p in match_people(everyone, "ada")][:2] == ["Ada Lovelace", "Adam Smith"]
    assert [p.name for p in match_people(everyone, "ada lovelace")] == ["Ada Lovelace"]
    assert [p.name for p in match_people(everyone, "engineering")] == ["Grace Hopper"]
