"""Reflections: the weekly-focus history, newest first, by principle, read-only, private."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QPlainTextEdit, QWidget

from leaddesk.domain.focus import Principle
from leaddesk.services.desk import Desk
from leaddesk.ui.context import AppContext
from leaddesk.ui.reflections.reflections_view import ReflectionsView, WeekRole

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
WEEKS = {  # a day in each week -> what was written that week
    date(2026, 11, 25): "This week: asked Ada which level she thinks she has.",
    date(2026, 11, 18): "Gave coaching feedback twice, asked for it once.",
    date(2026, 11, 11): "Had a real conversation with Grace about her next two years.",
    date(2026, 10, 14): "Asked for feedback on my own 1:1s.\nSecond line of thought.",
}


@pytest.fixture
def written(desk: Desk) -> Desk:
    for day, text in WEEKS.items():
        desk.save_reflection(text, day)
    return desk


def open_view(qtbot, ctx: AppContext) -> ReflectionsView:
    view = ReflectionsView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def listed(view: ReflectionsView) -> list[date]:
    model = view.weeks.model()
    return [model.index(row, 0).data(WeekRole) for row in range(model.rowCount())]


def all_text(view: ReflectionsView) -> str:
    """Every text any widget of the view holds: labels, the text box, list items, tooltips."""
    parts = [w.toolTip() for w in view.findChildren(QWidget)]
    parts += [label.text() for label in view.findChildren(QLabel)]
    parts += [box.toPlainText() for box in view.findChildren(QPlainTextEdit)]
    for item_view in view.findChildren(QAbstractItemView):
        model = item_view.model()
        for row in range(model.rowCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                parts.append(str(model.index(row, 0).data(role)))
    return "\n".join(parts)


def test_empty_state_explains_and_leads_to_this_week(qtbot, ctx: AppContext) -> None:
    view = open_view(qtbot, ctx)
    assert view.pages.currentWidget().objectName() == "reflectionsEmpty"
    assert "reflection box" in all_text(view)
    with qtbot.waitSignal(ctx.navigate) as went:
        qtbot.mouseClick(view.write_first, Qt.MouseButton.LeftButton)
    assert went.args == ["week", None]


def test_weeks_are_listed_newest_first_and_selecting_one_shows_it(
    qtbot, ctx: AppContext, written: Desk
) -> None:
    view = open_view(qtbot, ctx)
    mondays = [r.week_start for r in written.reflections()]
    assert listed(view) == mondays == sorted(mondays, reverse=True)
    assert view.count.text() == "4 weeks"
    assert "(this week)" in view.weeks.model().index(0, 0).data()
    assert view.text.toPlainText() == WEEKS[date(2026, 11, 25)]  # newest shown at once

    view.weeks.setFocus()
    qtbot.keyClick(view.weeks, Qt.Key.Key_Down)
    qtbot.keyClick(view.weeks, Qt.Key.Key_Down)
    third = written.reflections()[2]
    assert view.text.toPlainText() == WEEKS[date(2026, 11, 11)]
    assert view.week_title.text() == "Week of 9 November 2026"
    assert view.principle_title.text() == (
        f"Principle {int(third.principle)} of 6 — {third.principle.title}"
    )
    assert view.intent.text() == third.principle.text.intent
    assert view.text.isReadOnly()


def test_filter_by_principle(qtbot, ctx: AppContext, written: Desk) -> None:
    view = open_view(qtbot, ctx)
    wanted = written.reflections()[1].principle
    view.principle_filter.setCurrentIndex(view.principle_filter.findData(int(wanted)))
    expected = [r.week_start for r in written.reflections() if r.principle is wanted]
    assert listed(view) == expected
    assert view.count.text() == f"{len(expected)} week{'s' if len(expected) > 1 else ''} of 4"
    assert view.text.toPlainText() == WEEKS[date(2026, 11, 18)]

    missing = next(p for p in Principle if p not in {r.principle for r in written.reflections()})
    view.principle_filter.setCurrentIndex(view.principle_filter.findData(int(missing)))
    assert listed(view) == []
    assert f"No reflection on “{missing.title}” so far" in view.intent.text()
    assert view.text.toPlainText() == ""


def test_edit_button_goes_to_this_week(qtbot, ctx: AppContext, written: Desk) -> None:
    view = open_view(qtbot, ctx)
    with qtbot.waitSignal(ctx.navigate) as went:
        qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    assert went.args == ["week", None]


def test_a_reflection_written_elsewhere_appears_and_keeps_the_selection(
    qtbot, ctx: AppContext, written
) -> None:
    view = open_view(qtbot, ctx)
    view.weeks.setCurrentIndex(view.weeks.model().index(1, 0))
    written.save_reflection("Rewritten on This week.", date(2026, 11, 25))
    assert view.weeks.model().index(0, 0).data().endswith("Rewritten on This week.")
    assert view.text.toPlainText() == WEEKS[date(2026, 11, 18)]  # still the week I was reading


def test_presenter_mode_hides_every_reflection_text(qtbot, ctx: AppContext, written: Desk) -> None:
    view = open_view(qtbot, ctx)
    assert WEEKS[date(2026, 11, 25)] in all_text(view)
    ctx.set_presenter(True)
    shown = all_text(view)
    for text in WEEKS.values():
        for line in text.splitlines():
            assert line not in shown
    assert "hidden while presenting" in view.text.toPlainText()
    ctx.set_presenter(False)
    assert WEEKS[date(2026, 11, 25)] in all_text(view)


def test_opens_on_the_demo_world(qtbot, demo_ctx: AppContext) -> None:
    view = open_view(qtbot, demo_ctx)
    reflections = demo_ctx.desk.reflections()
    assert reflections, "the demo world has reflections to browse"
    assert listed(view) == [r.week_start for r in reflections]
    assert view.text.toPlainText() == reflections[0].text
