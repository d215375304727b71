"""The Timeline tab: newest first by month, presenter mode, filter, and opening an entry's tab."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest
from helpers.qt import all_texts
from PySide6.QtCore import Qt

from leaddesk.domain.feedback import FeedbackDirection
from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk
from leaddesk.services.readmodels import ItemKind
from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.context import AppContext
from leaddesk.ui.person.tabs.timeline_tab import TimelineTab

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
TODAY = date(2026, 11, 25)
PRIVATE_NOTE = "Caring for a parent; prefers no calls after six"


@pytest.fixture
def person(desk: Desk) -> int:
    pid = desk.add_person("Ana Lima")
    desk.add_promise(pid, PromiseDirection.MINE, "Introduce you to the CFO", made_on=TODAY)
    desk.record_one_on_one(
        pid, TODAY - timedelta(days=40), shared_notes="Roadmap review", private_notes="tired"
    )
    desk.add_feedback(pid, FeedbackDirection.GIVEN, "Crisp board summary", on=TODAY - timedelta(70))
    desk.add_relationship_note(pid, PRIVATE_NOTE, "Personal context", TODAY - timedelta(days=3))
    desk.add_assessment(pid, 4, 4, 3, 4, on=TODAY - timedelta(days=2))
    return pid


@pytest.fixture
def tab(ctx: AppContext, person: int, qtbot) -> TimelineTab:
    widget = TimelineTab(ctx)
    qtbot.addWidget(widget)
    widget.show_person(person)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def entry_texts(tab: TimelineTab) -> list[str]:
    return [e.text for _month, entries in tab.model.months for e in entries]


def test_grouped_by_month_newest_first(tab):
    months = [tab.model.index(row, 0).data() for row in range(tab.model.rowCount())]
    assert months == [
        "November 2026 · 3 entries",
        "October 2026 · 1 entry",
        "September 2026 · 1 entry",
    ]
    assert entry_texts(tab)[0] == "I promised: Introduce you to the CFO"
    first = tab.model.index(0, 0, tab.model.index(0, 0))
    assert first.siblingAtColumn(1).data() == "Promise"
    assert first.data() == "Wed 25 Nov"
    assert tab.count.text() == "5 entries"


def test_private_entries_are_marked(tab):
    note = next(e for _m, es in tab.model.months for e in es if e.kind is ItemKind.RELATIONSHIP)
    index = tab.model.index_of(ItemKind.RELATIONSHIP, note.ref_id)
    assert index.siblingAtColumn(1).data() == "Relationship note · private"


def test_presenter_mode_leaves_private_entries_out_entirely(tab, ctx, person):
    before = all_texts(tab)
    assert PRIVATE_NOTE in before and "Trust assessment" in before
    ctx.set_presenter(True)
    tab.show_person(person)
    after = all_texts(tab)
    assert PRIVATE_NOTE not in after
    assert "Trust assessment: " not in after
    assert "tired" not in after  # the 1:1's private notes never were in the timeline
    assert "Introduce you to the CFO" in after
    assert tab.count.text() == "2 entries"  # feedback is private too


def test_enter_opens_the_tab_where_the_entry_lives(tab, ctx, person, qtbot, desk):
    [promise] = desk.promises(person)
    index = tab.model.index_of(ItemKind.PROMISE, promise.id)
    tab.view.setCurrentIndex(index)
    tab.window().activateWindow()
    qtbot.waitUntil(tab.window().isActiveWindow)
    tab.view.setFocus()
    with qtbot.waitSignal(ctx.navigate) as signal:
        qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert signal.args == ["person", PersonTarget(person, "promises", promise.id)]


def test_double_click_on_a_one_on_one_opens_the_relationship_tab(tab, ctx, person, qtbot, desk):
    [meeting] = desk.one_on_ones(person)
    index = tab.model.index_of(ItemKind.ONE_ON_ONE, meeting.id)
    tab.view.scrollTo(index)
    rect = tab.view.visualRect(index)
    viewport = tab.view.viewport()
    with qtbot.waitSignal(ctx.navigate) as signal:
        # A real double-click is press, release, then the double-click event.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == ["person", PersonTarget(person, "relationship", meeting.id)]


def test_filter_by_text_and_kind(tab, qtbot):
    qtbot.keyClicks(tab.search, "cfo")
    assert entry_texts(tab) == ["I promised: Introduce you to the CFO"]
    assert tab.count.text() == "1 of 5 entries"
    tab.search.clear()
    tab.kind.setCurrentIndex(tab.kind.findData(ItemKind.FEEDBACK))
    assert entry_texts(tab) == ["Gave feedback: Crisp board summary"]
    qtbot.keyClicks(tab.search, "nothing like this")
    assert tab.empty.isVisibleTo(tab) and "Nothing matches" in tab.empty.text()


def test_select_scrolls_to_an_item(tab, desk, person):
    [feedback] = desk.feedback(person)
    tab.select(feedback.id)
    assert tab.model.entry(tab.view.currentIndex()).kind in (ItemKind.FEEDBACK, ItemKind.PROMISE)
    assert tab.model.entry(tab.view.currentIndex()).ref_id == feedback.id


def test_empty_timeline_says_what_will_appear(ctx, desk, qtbot):
    pid = desk.add_person("New Hire")
    tab = TimelineTab(ctx)
    qtbot.addWidget(tab)
    tab.show_person(pid)
    assert "Nothing has happened with New Hire yet" in tab.empty.text()


def test_ten_years_render_quickly(ctx, desk, qtbot):
    from leaddesk.demo import build_demo

    build_demo(desk, people=3, years=10, seed=2)
    pid = max(desk.direct_reports(), key=lambda p: len(desk.timeline(p.id))).id
    entries = desk.timeline(pid)
    tab = TimelineTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    tab.show()
    qtbot.waitExposed(tab)
    started = time.perf_counter()
    tab.show_person(pid)
    elapsed = time.perf_counter() - started
    assert tab.model.visible_count() == len(entries) > 1000
    assert tab.model.rowCount() > 60  # months
    assert elapsed < 2.0, f"took {elapsed:.2f} s"  # generous: CI machines vary


def test_on_the_person_page_enter_lands_on_the_selected_promise(ctx, desk, person, qtbot):
    from leaddesk.ui.person.person_view import PersonView
    from leaddesk.ui.person.tabs.promises_tab import PromisesTab

    [promise] = desk.promises(person)
    page = PersonView(ctx)
    qtbot.addWidget(page)
    ctx.navigate.connect(lambda _view, target: page.set_argument(target))  # as MainWindow does
    page.resize(1400, 800)
    page.show()
    qtbot.waitExposed(page)
    page.set_argument(PersonTarget(person, "timeline"))
    timeline = page.findChild(TimelineTab)
    timeline.view.setCurrentIndex(timeline.model.index_of(ItemKind.PROMISE, promise.id))
    timeline.open_entry(timeline.view.currentIndex())
    promises = page.findChild(PromisesTab)
    assert page.tabs.currentWidget() is promises
    assert promises.current() is not None and promises.current().id == promise.id
