"""The person page: header, six lazy tabs, navigation, header actions and presenter mode."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from helpers.qt import on_modal
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.promises import PromiseDirection
from leaddesk.reports.wording import days_ago
from leaddesk.services.desk import Desk
from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.common.person_dialog import PersonDialog
from leaddesk.ui.main_window import MainWindow
from leaddesk.ui.person.dialogs.assessment_dialog import AssessmentDialog
from leaddesk.ui.person.person_header import time_in_role
from leaddesk.ui.person.person_view import PersonView
from leaddesk.ui.person.tabs.delegations_tab import DelegationsTab
from leaddesk.ui.person.tabs.overview_tab import OverviewTab

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
TODAY = date(2026, 11, 25)
ASSESSMENT_NOTE = "Private worry: stretched thin since the reorg"
RELATIONSHIP_NOTE = "Caring for a parent on Fridays"
PRIVATE_ONE_ON_ONE = "Considering an offer from a competitor"


@pytest.fixture
def people(desk: Desk) -> tuple[int, int]:
    """Ana (direct report, a year of evidence, an assessment) and Ben who reports to her."""
    ana = desk.add_person(
        "Ana Lima", role="Head of Data", area="Data", in_role_since=date(2024, 8, 10)
    )
    ben = desk.add_person("Ben Okafor", role="Data Science Lead", reports_to_id=ana)
    for i in range(4):
        p = desk.add_promise(
            ana, PromiseDirection.THEIRS, f"Report {i}", made_on=TODAY - timedelta(40)
        )
        desk.keep_promise(p, on=TODAY - timedelta(days=30 - i))
    did = desk.add_delegation(ana, "Hiring", 4, on=TODAY - timedelta(days=60))
    cp = desk.delegation(did).next_checkpoint
    assert cp is not None
    desk.complete_checkpoint(cp.id, CheckpointOutcome.CONCERNS, on=TODAY - timedelta(days=20))
    desk.add_assessment(ana, 5, 4, 4, 4, note=ASSESSMENT_NOTE, on=TODAY - timedelta(days=5))
    desk.add_relationship_note(ana, RELATIONSHIP_NOTE, topic="Personal context")
    desk.record_one_on_one(
        ana, TODAY - timedelta(days=12), shared_notes="Roadmap", private_notes=PRIVATE_ONE_ON_ONE
    )
    return ana, ben


@pytest.fixture
def window(desk: Desk, people: tuple[int, int], qtbot) -> Iterator[MainWindow]:
    win = MainWindow(desk)
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.show()
    qtbot.waitActive(win)
    win.show_view("person", PersonTarget(people[0]))
    yield win


def person_view(window: MainWindow) -> PersonView:
    view = window.view("person")
    assert isinstance(view, PersonView)
    return view


def test_time_in_role_and_last_one_on_one_phrases() -> None:
    assert time_in_role(date(2024, 8, 10), TODAY) == "in role 2 years 3 months"
    assert time_in_role(date(2025, 11, 25), TODAY) == "in role 1 year"
    assert time_in_role(date(2026, 11, 13), TODAY) == "new in role (12 days)"
    assert time_in_role(TODAY, TODAY) == "new in role (from today)"
    assert time_in_role(date(2027, 1, 4), TODAY) == "in role from 4 Jan 2027"  # not started yet
    assert days_ago(None, TODAY) == "never"
    assert days_ago(TODAY - timedelta(days=12), TODAY) == "12 days ago"


def test_six_tabs_in_order(window: MainWindow) -> None:
    tabs = person_view(window).tabs
    labels = [tabs.tabText(i).replace("&&", "&") for i in range(tabs.count())]
    assert labels == [
        "Overview",
        "Delegations",
        "Promises",
        "1:1s & relationship",
        "Feedback",
        "Timeline",
    ]


def test_header_shows_role_time_in_role_reports_to_last_one_on_one_and_trust(
    window: MainWindow, desk: Desk, people: tuple[int, int]
) -> None:
    header = person_view(window).header
    score = desk.person_overview(people[0]).current.expectation
    assert header.name_label.text() == "Ana Lima"
    assert header.role_label.text() == "Head of Data · Data · in role 2 years 3 months"
    assert header.reports_to_label.text() == "reports to you (direct report)"
    assert header.last_label.text() == "last 1:1 12 days ago"
    assert f"{score:.2f}" in header.trust_label.text()
    assert "track record" in header.trust_label.toolTip().lower()


def test_reports_to_opens_the_bosss_page(
    window: MainWindow, people: tuple[int, int], qtbot
) -> None:
    ana, ben = people
    view = person_view(window)
    window.show_view("person", ben)
    assert view.header.name_label.text() == "Ben Okafor"
    assert view.header.reports_to_button.text() == "Ana Lima"
    qtbot.mouseClick(view.header.reports_to_button, Qt.MouseButton.LeftButton)
    assert view.person_id == ana
    assert view.header.name_label.text() == "Ana Lima"


def test_skip_levels_on_the_overview_open_their_page(
    window: MainWindow, people: tuple[int, int]
) -> None:
    view = person_view(window)
    overview = view.tabs.widget(0)
    assert isinstance(overview, OverviewTab)
    assert overview.reports.index(0, 0).data() == "Ben Okafor"
    overview.reports_view.activated.emit(overview.reports.index(0, 0))
    assert view.person_id == people[1]


def test_only_the_visible_tab_is_rendered(window: MainWindow, people: tuple[int, int]) -> None:
    view = person_view(window)
    delegations = view.tabs.widget(1)
    assert isinstance(delegations, DelegationsTab)
    assert delegations.person_id is None  # not on screen yet: nothing read
    view.tabs.setCurrentIndex(1)
    assert delegations.person_id == people[0]
    assert delegations.model.rowCount() == 1


def test_a_target_opens_the_tab_and_selects_the_item(
    window: MainWindow, desk: Desk, people: tuple[int, int]
) -> None:
    ana = people[0]
    did = desk.add_delegation(ana, "Budget", 3)
    window.show_view("person", PersonTarget(ana, "delegations", did))
    view = person_view(window)
    assert view.tabs.currentIndex() == 1
    assert view.tabs.currentWidget().current().id == did


def test_record_assessment_shortcut_adds_to_the_trust_series(
    window: MainWindow, desk: Desk, people: tuple[int, int], qtbot
) -> None:
    ana = people[0]

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, AssessmentDialog)
        qtbot.keyClicks(dialog.note, "Steady quarter")
        dialog.ok_button.click()

    on_modal(fill)
    view = person_view(window)
    view.tabs.widget(0).setFocus()
    qtbot.keyClick(
        view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    notes = [a.note for a in desk.trust_series(ana).assessments]
    assert notes[-1] == "Steady quarter"
    overview = view.tabs.widget(0)
    assert isinstance(overview, OverviewTab)
    assert overview.assessments.rowCount() == 2
    assert overview.latest_note.text() == "Steady quarter"


def test_edit_person_from_the_header(
    window: MainWindow, desk: Desk, people: tuple[int, int], qtbot
) -> None:
    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, PersonDialog)
        dialog.role.clear()
        qtbot.keyClicks(dialog.role, "VP Data")
        dialog.ok_button.click()

    on_modal(fill)
    view = person_view(window)
    qtbot.mouseClick(view.header.buttons["editPerson"], Qt.MouseButton.LeftButton)
    assert desk.person(people[0]).role == "VP Data"
    assert view.header.role_label.text().startswith("VP Data")


def test_archive_asks_first_and_unarchive_brings_them_back(
    window: MainWindow, desk: Desk, people: tuple[int, int], qtbot
) -> None:
    ana = people[0]
    view = person_view(window)

    def answer(text: str) -> Callable[[QWidget], None]:
        def click(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            [button] = [b for b in box.buttons() if b.text().replace("&", "") == text]
            button.click()

        return click

    on_modal(answer("Cancel"))
    qtbot.mouseClick(view.header.buttons["archivePerson"], Qt.MouseButton.LeftButton)
    assert not desk.person(ana).archived
    on_modal(answer("Archive"))
    qtbot.mouseClick(view.header.buttons["archivePerson"], Qt.MouseButton.LeftButton)
    assert desk.person(ana).archived
    assert view.header.archived_label.isVisible()
    assert view.archive_action.text() == "Unarchive…"
    on_modal(answer("Unarchive"))
    qtbot.mouseClick(view.header.buttons["archivePerson"], Qt.MouseButton.LeftButton)
    assert not desk.person(ana).archived


def test_start_one_on_one_navigates_with_the_person(window: MainWindow, people, qtbot) -> None:
    view = person_view(window)
    seen: list[tuple[str, object]] = []
    window.ctx.navigate.connect(lambda name, arg: seen.append((name, arg)))
    qtbot.mouseClick(view.header.buttons["startOneOnOne"], Qt.MouseButton.LeftButton)
    assert seen[0] == ("one_on_one", people[0])


def test_a_deleted_person_shows_an_empty_state(window: MainWindow, people: tuple[int, int]) -> None:
    from leaddesk.services.undo import Deletable

    ben = people[1]
    window.show_view("person", ben)
    window.ctx.delete(None, Deletable.PERSON, ben)
    view = person_view(window)
    assert view.pages.currentIndex() == 0
    assert "no longer exists" in view.empty_text.text()
    window.undo_action.trigger()
    assert view.pages.currentIndex() == 1


# -- presenter mode --------------------------------------------------------------------------
def _model_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    roles = (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.StatusTipRole,
        Qt.ItemDataRole.WhatsThisRole,
    )

    def walk(parent: QModelIndex) -> Iterator[str]:
        for row in range(model.rowCount(parent)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                for role in roles:
                    value = index.data(role)
                    if value is not None:
                        yield str(value)
            first = model.index(row, 0, parent)
            if first.isValid() and model.rowCount(first) > 0:
                yield from walk(first)

    for section in range(model.columnCount()):
        yield str(model.headerData(section, Qt.Orientation.Horizontal) or "")
    yield from walk(QModelIndex())


def every_text(root: QWidget) -> list[str]:
    """Every piece of text a widget tree holds: labels, buttons, fields, cells, tooltips."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [
            widget.toolTip(),
            widget.accessibleName(),
            widget.accessibleDescription(),
            widget.whatsThis(),
            widget.statusTip(),
        ]
        for action in widget.actions():
            texts += [action.text(), action.toolTip(), action.statusTip()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            texts.append(widget.toPlainText())
        if isinstance(widget, QProgressBar):
            texts += [widget.text(), str(widget.value())]
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                texts += [widget.tabText(i), widget.tabToolTip(i)]
        if isinstance(widget, QAbstractItemView):
            texts += list(_model_texts(widget))
    return texts


def private_texts(desk: Desk, ana: int) -> list[str]:
    overview = desk.person_overview(ana)
    assessment = desk.trust_series(ana).assessments[-1]
    return [
        ASSESSMENT_NOTE,
        RELATIONSHIP_NOTE,
        PRIVATE_ONE_ON_ONE,
        f"{overview.current.expectation:.2f}",
        f"{assessment.score:.2f}",
    ]


def visit_every_tab(view: PersonView) -> str:
    found = []
    for i in range(view.tabs.count()):
        view.tabs.setCurrentIndex(i)
        found += every_text(view)
    return "\n".join(found)


def test_outside_presenter_mode_the_private_texts_are_on_screen(
    window: MainWindow, desk: Desk, people: tuple[int, int]
) -> None:
    """The presenter test below is only meaningful if these texts are shown otherwise."""
    everything = visit_every_tab(person_view(window))
    for text in private_texts(desk, people[0]):
        assert text in everything, text


def test_presenter_mode_leaves_no_private_text_in_any_widget(
    window: MainWindow, desk: Desk, people: tuple[int, int], qtbot
) -> None:
    view = person_view(window)
    view.tabs.setCurrentIndex(1)
    qtbot.keyClick(
        window,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.ctx.presenter
    everything = visit_every_tab(view)
    for text in private_texts(desk, people[0]):
        assert text not in everything, text
    assert not view.header.buttons["recordAssessment"].isVisible()
    assert "hidden while presenting" in view.header.trust_label.text()
    window.ctx.set_presenter(False)
    view.tabs.setCurrentIndex(0)
    assert ASSESSMENT_NOTE in every_text(view.tabs.widget(0))
