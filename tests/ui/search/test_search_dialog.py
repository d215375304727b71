"""Search as the user drives it: Ctrl+K on the window, typing, Down, Enter, Esc; what opens."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from helpers.qt import open_main_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.feedback import Proposer
from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk
from leaddesk.ui.common.navigation import TABS
from leaddesk.ui.main_window import MainWindow
from leaddesk.ui.search.search_dialog import PRIVATE_HIDDEN, PROMPT, SearchDialog

TODAY = date(2026, 11, 25)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def world(desk: Desk) -> dict[str, int]:
    """Two people and one of each kind of text, with unusual words to search for. The first
    1:1 and the first relationship note share id 1 (the page must pick the right one)."""
    ada = desk.add_person("Ada Lovelace", role="Head of Engineering")
    bob = desk.add_person("Bob Okafor", role="Finance Director")
    meeting = desk.record_one_on_one(ada, TODAY - timedelta(days=3), "Talked about the offsite")
    note = desk.add_relationship_note(ada, "Wants to lead the quantum team", topic="Career")
    first = desk.add_promise(bob, PromiseDirection.MINE, "Send the zeppelin budget", TODAY)
    second = desk.add_promise(
        bob, PromiseDirection.THEIRS, "Review the zeppelin hangar costs", made_on=TODAY
    )
    hiring = desk.add_delegation(ada, "Hiring plan 2027", 4, done_means="Approved by finance")
    [checkpoint] = [c.id for d in desk.delegations(ada) for c in d.checkpoints]
    desk.complete_checkpoint(
        checkpoint, CheckpointOutcome.CONCERNS, note="Pilot stalled on the walrus vendor"
    )
    factor = desk.add_success_factor(hiring, "Offers accepted", "Signed offers", target="5")
    desk.calibrate_success_factor(
        factor, "Market froze", Proposer.BOTH, definition="Signed offers in the narwhal market"
    )
    term = desk.add_term("Launched", "Available to every paying flamingo", person_id=ada)
    team_term = desk.add_term("Shipped", "Merged, deployed and announced to the pelican team")
    desk.save_reflection("Clarity about the platypus project", day=TODAY - timedelta(days=14))
    assert meeting == note == 1
    return {
        "ada": ada,
        "bob": bob,
        "meeting": meeting,
        "note": note,
        "first": first,
        "second": second,
        "checkpoint": checkpoint,
        "factor": factor,
        "term": term,
        "team_term": team_term,
    }


@pytest.fixture
def window(desk: Desk, world: dict[str, int], qtbot) -> MainWindow:
    return open_main_window(desk, qtbot)


def press_ctrl_k(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_K, CTRL)


def shown_search(window: MainWindow) -> SearchDialog | None:
    """The search window on screen, if one is."""
    shown = [d for d in window.findChildren(SearchDialog) if d.isVisible()]
    assert len(shown) <= 1
    return shown[0] if shown else None


def open_search(window: MainWindow, qtbot) -> SearchDialog:
    press_ctrl_k(window, qtbot)
    dialog = shown_search(window)
    assert dialog is not None
    qtbot.waitUntil(dialog.query.hasFocus)
    return dialog


def type_and_wait(dialog: SearchDialog, qtbot, text: str) -> list[str]:
    """Type as the user does; the titles shown once the typing has been searched."""
    qtbot.keyClicks(dialog.query, text)
    qtbot.waitUntil(
        lambda: (
            dialog.searched == dialog.query.text().strip()
            and not dialog.timer.isActive()
            and dialog.count.text() != "Searching…"
        )
    )
    return [row.title for row in dialog.model.rows]


def press(dialog: SearchDialog, qtbot, key: Qt.Key) -> None:
    qtbot.keyClick(dialog.query, key)


def opened(window: MainWindow, qtbot, view: str, tab: str | None = None) -> None:
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.view(view))
    if tab is not None:
        assert window.view("person").tabs.currentIndex() == TABS.index(tab)


def test_ctrl_k_opens_search_with_its_prompt_and_esc_closes_it(window: MainWindow, qtbot) -> None:
    dialog = open_search(window, qtbot)
    assert dialog.empty.isVisible() and dialog.empty.text() == PROMPT
    assert dialog.examples.isVisible()
    assert not dialog.presenter_note.isVisible()
    press(dialog, qtbot, Qt.Key.Key_Escape)
    assert shown_search(window) is None
    window.search_action.trigger()  # again, from the menu's entry
    dialog = shown_search(window)
    assert dialog is not None and dialog.query.text() == ""
    qtbot.waitUntil(dialog.query.hasFocus)


def test_a_name_puts_the_person_first_and_enter_opens_their_page(
    window: MainWindow, world, qtbot
) -> None:
    dialog = open_search(window, qtbot)
    titles = type_and_wait(dialog, qtbot, "ada")
    assert titles[0] == "Ada Lovelace"
    assert dialog.model.rows[0].kind == "Person"
    press(dialog, qtbot, Qt.Key.Key_Return)
    assert shown_search(window) is None
    opened(window, qtbot, "person", "overview")
    assert window.view("person").person_id == world["ada"]


def test_down_then_enter_opens_that_promise_selected_on_the_promises_tab(
    window: MainWindow, world, qtbot
) -> None:
    dialog = open_search(window, qtbot)
    titles = type_and_wait(dialog, qtbot, "zeppelin")
    assert len(titles) == 2
    second = dialog.model.rows[1].found
    press(dialog, qtbot, Qt.Key.Key_Down)
    assert dialog.results.currentIndex().row() == 1
    press(dialog, qtbot, Qt.Key.Key_Down)  # the last row stays current
    press(dialog, qtbot, Qt.Key.Key_Up)
    press(dialog, qtbot, Qt.Key.Key_Down)
    press(dialog, qtbot, Qt.Key.Key_Return)
    opened(window, qtbot, "person", "promises")
    person = window.view("person")
    assert person.person_id == world["bob"]
    promises = person.tab_pages[TABS.index("promises")]
    qtbot.waitUntil(lambda: promises.current() is not None)
    assert promises.current().id == second.item_id


def test_a_relationship_note_opens_selected_among_the_notes_not_the_1_1_of_its_id(
    window: MainWindow, world, qtbot
) -> None:
    dialog = open_search(window, qtbot)
    type_and_wait(dialog, qtbot, "quantum")
    [row] = dialog.model.rows
    assert row.kind == "Relationship note" and row.private
    press(dialog, qtbot, Qt.Key.Key_Return)
    opened(window, qtbot, "person", "relationship")
    tab = window.view("person").tab_pages[TABS.index("relationship")]
    assert tab.current_note() is not None and tab.current_note().id == world["note"]
    qtbot.waitUntil(tab.notes_view.hasFocus)


def test_a_checkpoint_note_opens_the_checkpoint_on_its_delegation(
    window: MainWindow, world, qtbot
) -> None:
    dialog = open_search(window, qtbot)
    type_and_wait(dialog, qtbot, "walrus")
    assert [r.kind for r in dialog.model.rows] == ["Checkpoint"]
    press(dialog, qtbot, Qt.Key.Key_Return)
    opened(window, qtbot, "person", "delegations")
    tab = window.view("person").tab_pages[TABS.index("delegations")]
    checkpoint = tab.detail.current_checkpoint()
    assert checkpoint is not None and checkpoint.id == world["checkpoint"]


def test_a_calibration_opens_its_success_factor(window: MainWindow, world, qtbot) -> None:
    dialog = open_search(window, qtbot)
    type_and_wait(dialog, qtbot, "narwhal")  # the factor's new definition, and its calibration
    assert [r.kind for r in dialog.model.rows] == ["Success factor", "Calibration"]
    press(dialog, qtbot, Qt.Key.Key_Down)
    press(dialog, qtbot, Qt.Key.Key_Return)
    opened(window, qtbot, "person", "delegations")
    tab = window.view("person").tab_pages[TABS.index("delegations")]
    factor = tab.detail.current_factor()
    assert factor is not None and factor.id == world["factor"]


def test_a_term_opens_selected_among_the_agreed_terms(window: MainWindow, world, qtbot) -> None:
    dialog = open_search(window, qtbot)
    type_and_wait(dialog, qtbot, "flamingo")
    press(dialog, qtbot, Qt.Key.Key_Return)
    opened(window, qtbot, "person", "delegations")
    assert window.view("person").person_id == world["ada"]
    terms = window.view("person").tab_pages[TABS.index("delegations")].terms
    row = terms.table.currentIndex().row()
    assert terms.model.record(row).id == world["term"]
    qtbot.waitUntil(terms.table.hasFocus)


def test_a_team_term_opens_on_the_page_of_the_person_on_screen(
    window: MainWindow, world, qtbot
) -> None:
    window.show_view("people", world["bob"])
    window.view("people").open_action.trigger()
    opened(window, qtbot, "person")
    dialog = open_search(window, qtbot)
    type_and_wait(dialog, qtbot, "pelican")
    assert dialog.model.rows[0].meta.startswith("Team")
    press(dialog, qtbot, Qt.Key.Key_Return)
    opened(window, qtbot, "person", "delegations")
    assert window.view("person").person_id == world["bob"]
    terms = window.view("person").tab_pages[TABS.index("delegations")].terms
    assert terms.model.record(terms.table.currentIndex().row()).id == world["team_term"]


def test_a_reflection_opens_its_week_in_reflections(window: MainWindow, qtbot) -> None:
    dialog = open_search(window, qtbot)
    type_and_wait(dialog, qtbot, "platypus")
    press(dialog, qtbot, Qt.Key.Key_Return)
    opened(window, qtbot, "reflections")
    reflections = window.view("reflections")
    assert reflections.week_title.text() == "Week of 9 November 2026"
    assert reflections.text.toPlainText() == "Clarity about the platypus project"


def test_a_screen_is_found_by_its_name_and_opened(window: MainWindow, qtbot) -> None:
    dialog = open_search(window, qtbot)
    assert type_and_wait(dialog, qtbot, "board") == ["Delegation board"]
    assert dialog.model.rows[0].kind == "Screen"
    press(dialog, qtbot, Qt.Key.Key_Return)
    opened(window, qtbot, "board")


def test_enter_typed_before_the_search_ran_opens_the_best_hit(
    window: MainWindow, world, qtbot
) -> None:
    dialog = open_search(window, qtbot)
    qtbot.keyClicks(dialog.query, "okafor")
    press(dialog, qtbot, Qt.Key.Key_Return)  # faster than the debounce
    opened(window, qtbot, "person", "overview")
    assert window.view("person").person_id == world["bob"]
    assert shown_search(window) is None


def test_no_match_says_what_was_typed_and_what_to_try(window: MainWindow, qtbot) -> None:
    dialog = open_search(window, qtbot)
    assert type_and_wait(dialog, qtbot, "xylophone zebra") == []
    assert dialog.empty.isVisible()
    assert dialog.empty.text() == "No matches for “xylophone zebra” — try fewer words"
    assert not dialog.examples.isVisible()
    press(dialog, qtbot, Qt.Key.Key_Return)  # nothing to open: stays
    assert dialog.isVisible()
    dialog.query.selectAll()
    press(dialog, qtbot, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: dialog.empty.text() == PROMPT)


def test_presenter_mode_never_shows_a_private_hit_and_says_so(window: MainWindow, qtbot) -> None:
    window.presenter_action.trigger()
    dialog = open_search(window, qtbot)
    assert dialog.presenter_note.isVisible()
    assert dialog.presenter_note.text() == PRIVATE_HIDDEN
    assert type_and_wait(dialog, qtbot, "quantum") == []  # a relationship note: private
    dialog.query.clear()
    assert type_and_wait(dialog, qtbot, "the") != []
    assert not any(row.private for row in dialog.model.rows)
    dialog.reject()
    window.presenter_action.trigger()
    dialog = open_search(window, qtbot)
    assert not dialog.presenter_note.isVisible()
    assert type_and_wait(dialog, qtbot, "quantum") != []  # there when not presenting


def test_locking_closes_search_and_ctrl_k_then_does_nothing(
    window: MainWindow, desk: Desk, qtbot
) -> None:
    dialog = open_search(window, qtbot)
    assert type_and_wait(dialog, qtbot, "quantum") != []
    window.lock_action.trigger()  # as auto-lock does while the search is open
    assert desk.locked and not dialog.isVisible()
    assert dialog.model.rows == [] and dialog.query.text() == ""
    press_ctrl_k(window, qtbot)
    window.search_action.trigger()  # the menu's entry is as dead as the key
    assert shown_search(window) is None
    button = window.lock_overlay.findChild(QPushButton, "unlockButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not desk.locked
    dialog = open_search(window, qtbot)
    assert dialog.query.text() == "" and dialog.empty.text() == PROMPT


def test_ctrl_k_in_a_text_field_opens_search_and_leaves_the_text_alone(
    window: MainWindow, qtbot
) -> None:
    """Ctrl+K is also a text field's 'delete to the end of the line' on X11 and macOS: the
    window's shortcut must win (checked under X11 too: QT_QPA_PLATFORM=xcb with a display)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.find_action.trigger()  # Ctrl+F: the cursor in People's search box
    field = window.view("people").search
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "Ada")
    qtbot.keyClick(field, Qt.Key.Key_Home)
    qtbot.keyClick(field, Qt.Key.Key_K, CTRL)
    dialog = shown_search(window)
    assert dialog is not None
    assert field.text() == "Ada"
