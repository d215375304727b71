"""One user action re-reads each service read model at most once per view (the change notice
carries its initiator, and a view coalesces what one action changed)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from helpers.qt import on_modal, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk
from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.common.note_dialog import NoteDialog
from leaddesk.ui.main_window import MainWindow
from leaddesk.ui.people.people_view import PeopleView
from leaddesk.ui.person.dialogs.checkpoint_dialog import CheckpointDialog
from leaddesk.ui.person.dialogs.one_on_one_dialog import OneOnOneDialog
from leaddesk.ui.person.dialogs.promise_dialog import PromiseDialog
from leaddesk.ui.person.person_view import PersonView
from leaddesk.ui.person.tabs.delegations_tab import DelegationsTab
from leaddesk.ui.person.tabs.promises_tab import PromisesTab
from leaddesk.ui.person.tabs.relationship_tab import RelationshipTab

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
TODAY = date(2026, 11, 25)
SPIED = ("promises", "person", "person_overview")


def spy(desk: Desk, names: tuple[str, ...] = SPIED) -> Counter[str]:
    """Count calls of `desk`'s read methods; each real method still runs (a spy, not a mock)."""
    calls: Counter[str] = Counter()
    for name in names:
        real: Callable[..., Any] = getattr(desk, name)

        def counting(*args: Any, _name: str = name, _real: Any = real, **kw: Any) -> Any:
            calls[_name] += 1
            return _real(*args, **kw)

        setattr(desk, name, counting)
    return calls


@pytest.fixture
def ana(desk: Desk) -> int:
    person = desk.add_person("Ana Lima", role="Head of Data", in_role_since=date(2024, 8, 10))
    desk.add_promise(person, PromiseDirection.THEIRS, "Report", made_on=TODAY - timedelta(9))
    return person


@pytest.fixture
def window(desk: Desk, ana: int, qtbot) -> Iterator[MainWindow]:
    win = MainWindow(desk)
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.show()
    qtbot.waitActive(win)
    win.show_view("person", PersonTarget(ana, "promises"))
    view = win.view("person")
    assert isinstance(view, PersonView)
    qtbot.waitUntil(lambda: view.header.name_label.text() == "Ana Lima")
    yield win


def promises_tab(window: MainWindow) -> PromisesTab:
    view = window.view("person")
    assert isinstance(view, PersonView)
    tab = view.tabs.currentWidget()
    assert isinstance(tab, PromisesTab)
    return tab


def test_new_promise_on_the_person_page_reads_each_model_once(
    window: MainWindow, desk: Desk, ana: int, qtbot
) -> None:
    tab = promises_tab(window)
    calls = spy(desk)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, PromiseDialog)
        qtbot.keyClicks(dialog.text, "Introduce you to the CFO")
        dialog.ok_button.click()

    on_modal(fill)
    tab.new_action.trigger()
    qtbot.waitUntil(lambda: len(tab.models[(PromiseDirection.MINE, True)].records) == 1)
    assert tab.current() is not None and tab.current().text == "Introduce you to the CFO"
    print("READS new promise:", dict(calls))
    assert (calls["promises"], calls["person"], calls["person_overview"]) == (1, 1, 1), calls


def test_delete_and_undo_on_the_person_page_read_each_model_once(
    window: MainWindow, desk: Desk, ana: int, qtbot
) -> None:
    tab = promises_tab(window)
    view = tab.views[(PromiseDirection.THEIRS, True)]
    tab.select(desk.promises(ana)[0].id)
    calls = spy(desk)
    press(qtbot, view, Qt.Key.Key_Delete)
    assert tab.models[(PromiseDirection.THEIRS, True)].records == []
    print("READS delete:", dict(calls))
    assert (calls["promises"], calls["person"], calls["person_overview"]) == (1, 1, 1), calls
    calls.clear()
    window.undo_action.trigger()
    assert len(tab.models[(PromiseDirection.THEIRS, True)].records) == 1
    print("READS undo:", dict(calls))
    assert (calls["promises"], calls["person"], calls["person_overview"]) == (1, 1, 1), calls


def test_completing_a_checkpoint_on_the_person_page_reads_each_model_once(
    window: MainWindow, desk: Desk, ana: int, qtbot
) -> None:
    did = desk.add_delegation(ana, "Pricing page", 3, done_means="New page live")
    planned = desk.delegation(did).next_checkpoint
    assert planned is not None
    window.show_view("person", PersonTarget(ana, "delegations", did))
    view = window.view("person")
    assert isinstance(view, PersonView)
    tab = view.tabs.currentWidget()
    assert isinstance(tab, DelegationsTab)
    qtbot.waitUntil(lambda: tab.current() is not None and tab.current().id == did)
    calls = spy(desk, ("delegations", "person", "person_overview", "terms"))

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, CheckpointDialog)
        dialog.outcome_buttons[CheckpointOutcome.ON_TRACK].click()
        qtbot.keyClicks(dialog.note, "Page shipped")
        dialog.ok_button.click()

    on_modal(fill)
    press(qtbot, tab.list_view, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: tab.detail.checkpoints.rowCount() == 2)
    assert tab.detail.checkpoints.index(1, 1).data() == "on track"
    print("READS checkpoint:", dict(calls))
    assert max(calls.values()) == 1, calls


def test_a_term_deleted_in_the_delegations_tab_leaves_its_panel(
    window: MainWindow, desk: Desk, ana: int, qtbot
) -> None:
    """The terms panel relies on the page to re-read it: a change it made is not the tab's own."""
    desk.add_term("launched", "available to all paying customers", person_id=ana)
    window.show_view("person", PersonTarget(ana, "delegations"))
    view = window.view("person")
    assert isinstance(view, PersonView)
    tab = view.tabs.currentWidget()
    assert isinstance(tab, DelegationsTab)
    qtbot.waitUntil(lambda: tab.terms.model.rowCount() == 1)
    tab.terms.table.selectRow(0)
    press(qtbot, tab.terms.table, Qt.Key.Key_Delete)
    assert desk.terms(ana) == []
    assert tab.terms.model.rowCount() == 0
    window.undo_action.trigger()
    assert tab.terms.model.rowCount() == 1


def test_adding_a_person_on_the_people_page_reads_the_people_once(
    window: MainWindow, desk: Desk, qtbot
) -> None:
    window.show_view("people")
    view = window.view("people")
    assert isinstance(view, PeopleView)
    qtbot.waitUntil(view.isVisible)
    calls = spy(desk, ("people",))

    def fill(dialog: QWidget) -> None:
        dialog.findChild(QLineEdit, "personName").setText("Eve Stone")
        dialog.findChild(QPushButton, "formOk").click()

    on_modal(fill)
    view.add_action.trigger()
    reads = calls["people"]
    eve = desk.find_person("Eve Stone")
    assert view.current_id() == eve.id
    print("READS add person:", reads)
    assert reads == 2  # the dialog's reports-to list, then the page once


def test_a_relationship_note_and_a_1on1_edit_read_each_model_once(
    window: MainWindow, desk: Desk, ana: int, qtbot
) -> None:
    meeting = desk.record_one_on_one(ana, held_on=TODAY - timedelta(7), shared_notes="Roadmap")
    window.show_view("person", PersonTarget(ana, "relationship"))
    view = window.view("person")
    assert isinstance(view, PersonView)
    tab = view.tabs.currentWidget()
    assert isinstance(tab, RelationshipTab)
    qtbot.waitUntil(lambda: tab.meetings.rowCount() == 1)
    calls = spy(desk, ("relationship_notes", "one_on_ones", "person", "person_overview"))

    def write_note(dialog: QWidget) -> None:
        assert isinstance(dialog, NoteDialog)
        qtbot.keyClicks(dialog.text, "Wants to lead a larger org")
        dialog.ok_button.click()

    on_modal(write_note)
    tab.add_note_action.trigger()
    qtbot.waitUntil(lambda: tab.notes.rowCount() == 1)
    print("READS relationship note:", dict(calls))
    assert max(calls.values()) == 1, calls
    calls.clear()

    def edit_meeting(dialog: QWidget) -> None:
        assert isinstance(dialog, OneOnOneDialog)
        dialog.ok_button.click()

    on_modal(edit_meeting)
    tab.select(meeting)
    tab.edit_meeting_action.trigger()
    print("READS 1:1 edit:", dict(calls))
    assert calls and max(calls.values()) == 1, calls
