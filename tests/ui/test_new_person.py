"""Someone added a minute ago is new, not late and not judged: no overdue 1:1 in red, no score
without evidence, no trust chart reaching back before they were there, on every screen."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from helpers.qt import all_texts, on_modal, open_main_window, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from leaddesk.domain.focus import Principle
from leaddesk.services.desk import Desk
from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.person.tabs.trust_chart import TrustChart
from leaddesk.ui.person.tabs.trust_chart_series import to_x

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
TODAY = date(2026, 11, 25)
MONDAY = date(2026, 11, 23)
ALT = Qt.KeyboardModifier.AltModifier
NEW = "Nia Newcomer"


@pytest.fixture
def window_with_a_new_person(desk: Desk, qtbot):
    """A team of one with a 1:1 this week; the week of the Relationship principle; then the
    user adds someone through People (Insert, the person dialog)."""
    desk.update_settings(focus_start=MONDAY - timedelta(weeks=int(Principle.RELATIONSHIP) - 1))
    ada = desk.add_person("Ada Lovelace", role="CTO")
    desk.record_one_on_one(ada, held_on=TODAY - timedelta(days=3))
    window = open_main_window(desk, qtbot)
    window.resize(1440, 900)
    press(qtbot, window, Qt.Key.Key_2, ALT)
    people = window.view("people")
    qtbot.waitUntil(lambda: people.tree.model().rowCount() == 1)

    def fill(dialog: QWidget) -> None:
        dialog.findChild(QLineEdit, "personName").setText(NEW)
        dialog.findChild(QPushButton, "formOk").click()

    on_modal(fill)
    press(qtbot, people.tree, Qt.Key.Key_Insert)
    qtbot.waitUntil(lambda: NEW in [p.name for p in desk.people()])
    return window, desk.find_person(NEW).id


def test_this_week_does_not_call_a_new_person_overdue(window_with_a_new_person, desk, qtbot):
    window, nia = window_with_a_new_person
    press(qtbot, window, Qt.Key.Key_1, ALT)
    week = window.view("week")
    qtbot.waitUntil(lambda: week.team_model.rowCount() == 2)
    qtbot.waitUntil(lambda: NEW in all_texts(week))
    about_her = [line for line in all_texts(week).splitlines() if NEW in line]
    assert any("No 1:1 yet — plan the first" in line for line in about_her)
    assert not any("overdue" in line.lower() for line in about_her)
    [first] = [i for i in desk.needs_attention() if i.person_id == nia]
    assert not first.overdue and first.on == TODAY + timedelta(days=14)
    row = next(r for r in range(2) if week.team_model.index(r, 0).data().startswith(NEW))
    score, trend = (week.team_model.index(row, c).data() for c in (2, 3))
    assert (score, trend) == ("—", "no evidence yet")  # not "0.50" and "→ flat"


def test_the_person_page_shows_no_score_and_no_band_before_they_came(
    window_with_a_new_person, qtbot
) -> None:
    window, nia = window_with_a_new_person
    window.show_view("person", PersonTarget(nia))
    person = window.view("person")
    qtbot.waitUntil(lambda: person.header.name_label.text() == NEW)
    assert person.header.trust_label.text() == "trust: no evidence yet"
    assert person.header.last_label.text() == "last 1:1 never"
    chart = person.findChild(TrustChart)
    qtbot.waitUntil(lambda: chart.series is not None and chart.series.person_id == nia)
    band_x, _ = chart.band_low.getData()
    assert band_x.min() >= to_x(TODAY)  # the day they were added: nothing before
    assert chart.caption.text().startswith("No evidence yet")
