"""The People screen: search, the reports-to tree, archive, delete with undo, open a person."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton, QWidget

from leaddesk.services.desk import Desk
from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.context import AppContext
from leaddesk.ui.people.people_view import PeopleView

# The offscreen platform says this whenever a top-level widget with a layout is shown.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def org(desk: Desk) -> dict[str, int]:
    """Two direct reports, each with one skip-level."""
    amira = desk.add_person("Amira Khan", role="Head of Data", area="Data")
    ben = desk.add_person("Ben Ode", role="VP Sales", area="Sales")
    chen = desk.add_person("Chen Li", role="Data Engineer", area="Data", reports_to_id=amira)
    dana = desk.add_person("Dana Roy", role="Account Executive", area="Sales", reports_to_id=ben)
    return {"amira": amira, "ben": ben, "chen": chen, "dana": dana}


@pytest.fixture
def view(ctx: AppContext, qtbot) -> PeopleView:
    widget = PeopleView(ctx)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    with qtbot.waitActive(widget):  # shortcuts only reach an active window
        widget.show()
        widget.activateWindow()
    return widget


def shown(view: PeopleView, parent: QModelIndex | None = None) -> dict[str, str | None]:
    """Every row the tree shows: name -> the name of the row it sits under (None at the top)."""
    parent = parent or QModelIndex()
    out: dict[str, str | None] = {}
    model = view.tree.model()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        out[index.data()] = parent.data() if parent.isValid() else None
        out.update(shown(view, index))
    return out


def select(view: PeopleView, name: str) -> None:
    """Make the row showing `name` current, as a click would."""
    model = view.tree.model()
    hits = model.match(
        model.index(0, 0), Qt.ItemDataRole.DisplayRole, name, 1, Qt.MatchFlag.MatchRecursive
    )
    assert hits, f"{name} is not shown"
    view.tree.setCurrentIndex(hits[0])
    view.tree.setFocus()


def answer_modal(handle: Callable[[QWidget], None]) -> None:
    """Run `handle` on the next modal dialog as soon as it is open."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, poll)
        else:
            handle(dialog)

    QTimer.singleShot(0, poll)


def test_tree_shows_skip_levels_under_their_manager(view: PeopleView, org):
    assert shown(view) == {
        "Amira Khan": None,
        "Chen Li": "Amira Khan",
        "Ben Ode": None,
        "Dana Roy": "Ben Ode",
    }
    assert view.status.text() == "2 direct reports · 2 skip-levels"


def test_search_filters_as_you_type_and_keeps_the_manager_for_context(view, org, qtbot):
    qtbot.keyClicks(view.search, "sales")
    assert set(shown(view)) == {"Ben Ode", "Dana Roy"}
    view.search.clear()
    qtbot.keyClicks(view.search, "chen")
    assert shown(view) == {"Amira Khan": None, "Chen Li": "Amira Khan"}
    assert view.current_id() == org["chen"]  # the match, not the manager kept for context
    assert view.status.text() == "1 person matches “chen”."
    view.search.clear()
    qtbot.keyClicks(view.search, "nobody like this")
    assert shown(view) == {}
    assert "Nobody matches" in view.status.text()


def test_enter_opens_the_selected_person(view: PeopleView, ctx: AppContext, org, qtbot):
    select(view, "Chen Li")
    with qtbot.waitSignal(ctx.navigate) as opened:
        qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert opened.args == ["person", PersonTarget(org["chen"])]


def test_enter_in_the_search_opens_the_first_match(view, ctx: AppContext, org, qtbot):
    qtbot.keyClicks(view.search, "dana")
    with qtbot.waitSignal(ctx.navigate) as opened:
        qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert opened.args == ["person", PersonTarget(org["dana"])]


def test_find_argument_focuses_and_selects_the_search(view: PeopleView, org, qtbot):
    view.search.setText("old search")
    view.tree.setFocus()
    view.set_argument("find")
    qtbot.waitUntil(view.search.hasFocus)
    assert view.search.selectedText() == "old search"


def test_archive_asks_then_hides_unless_show_archived(view, desk: Desk, org, qtbot):
    select(view, "Ben Ode")

    def confirm(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and "Nothing is deleted" in box.text()
        assert "The person who reports to them stays as they are." in box.text()
        next(b for b in box.buttons() if b.text() == "Archive").click()

    answer_modal(confirm)
    view.archive_action.trigger()
    assert desk.person(org["ben"]).archived
    assert "Ben Ode" not in shown(view)
    assert shown(view)["Dana Roy"] is None  # their report stays, at the top level
    assert "1 archived (hidden)" in view.status.text()
    qtbot.mouseClick(view.show_archived, Qt.MouseButton.LeftButton)
    assert shown(view)["Ben Ode (archived)"] is None
    select(view, "Ben Ode (archived)")
    assert view.archive_action.text() == "Unarchive"
    view.archive_action.trigger()
    assert not desk.person(org["ben"]).archived


def test_cancelling_archive_changes_nothing(view, desk: Desk, org):
    select(view, "Amira Khan")
    answer_modal(lambda box: box.reject())
    view.archive_action.trigger()
    assert not desk.person(org["amira"]).archived
    assert "Amira Khan" in shown(view)


def test_deleting_a_manager_says_what_to_do_instead_and_deletes_nothing(view, desk: Desk, org):
    select(view, "Amira Khan")
    told: list[str] = []

    def read(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        told.append(box.text())
        box.accept()

    answer_modal(read)
    view.delete_action.trigger()
    assert len(told) == 1 and "give them another manager first" in told[0]
    assert "Amira Khan" in [p.name for p in desk.people()]
    assert shown(view)["Chen Li"] == "Amira Khan"


def test_delete_then_undo_restores_the_person(desk: Desk, org, qtbot):
    from leaddesk.ui.main_window import MainWindow

    window = MainWindow(desk)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.show_view("people")
    view = window.view("people")
    assert isinstance(view, PeopleView)
    qtbot.waitUntil(lambda: "Chen Li" in shown(view))
    select(view, "Chen Li")
    qtbot.keyClick(view.tree, Qt.Key.Key_Delete)
    assert "Chen Li" not in [p.name for p in desk.people()]
    assert "Chen Li" not in shown(view)
    qtbot.keyClick(view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Chen Li" in [p.name for p in desk.people()]
    assert shown(view)["Chen Li"] == "Amira Khan"


def test_add_person_and_skip_level_through_the_dialog(view, desk: Desk, org, qtbot):
    def fill(name: str) -> Callable[[QWidget], None]:
        def handle(dialog: QWidget) -> None:
            dialog.findChild(QLineEdit, "personName").setText(name)
            dialog.findChild(QPushButton, "formOk").click()

        return handle

    view.tree.setFocus()
    answer_modal(fill("Eve Stone"))
    qtbot.keyClick(view.tree, Qt.Key.Key_Insert)
    eve = desk.find_person("Eve Stone")
    assert eve.is_direct_report and view.current_id() == eve.id
    with qtbot.waitActive(view):  # offscreen has no window manager to give focus back
        view.activateWindow()
    select(view, "Amira Khan")
    answer_modal(fill("Farid Amin"))
    qtbot.keyClick(view.tree, Qt.Key.Key_Insert, Qt.KeyboardModifier.ShiftModifier)
    assert desk.find_person("Farid Amin").reports_to_id == org["amira"]
    assert shown(view)["Farid Amin"] == "Amira Khan"


def test_empty_state_offers_the_first_direct_report(view: PeopleView):
    assert view.pages.currentIndex() == 0
    assert view.add_first.isVisible()
    assert view.add_first.text() == "Add your first direct report"


def test_in_role_since_reads_new_for_someone_starting_today_or_later() -> None:
    from datetime import date

    from leaddesk.ui.people.people_tree_model import role_since

    today = date(2026, 11, 25)
    assert role_since(date(2023, 3, 1), today) == "Mar 2023 · 3 years 8 months"
    assert role_since(today, today) == "Nov 2026 · new"
    assert role_since(date(2027, 1, 4), today) == "Jan 2027 · new"
