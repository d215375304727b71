"""1:1 mode is laid out with the design system's tokens, as every other screen: the page margins,
the spacing scale between parts, and its parts drawn as the app's cards with the cards' padding."""

from __future__ import annotations

import pytest
from helpers.qt import open_main_window
from PySide6.QtWidgets import QFrame, QLayout, QVBoxLayout

from leaddesk.services.desk import Desk
from leaddesk.ui import theme
from leaddesk.ui.common.card import pad
from leaddesk.ui.one_on_one.one_on_one_card import OneOnOneCard

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def margins(layout: QLayout) -> tuple[int, int, int, int]:
    m = layout.contentsMargins()
    return (m.left(), m.top(), m.right(), m.bottom())


def test_one_on_one_mode_uses_the_page_margins_spacing_and_cards_of_the_design_system(
    desk: Desk, qtbot
) -> None:
    ana = desk.add_person("Ana Lima", role="Head of Data")
    desk.add_topic(ana, "Budget for Q1")
    window = open_main_window(desk, qtbot)
    window.resize(1280, 800)
    window.view_actions[1].trigger()  # People, then Enter on Ana, then Start 1:1
    people = window.view("people")
    people.set_argument(ana)
    people.open_action.trigger()
    window.view("person").one_on_one_action.trigger()
    view = window.view("one_on_one")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is view)
    page = view.pages.currentWidget()
    expected = margins(theme.page_margins(QVBoxLayout()))
    assert margins(page.layout()) == expected
    assert page.layout().spacing() in set(theme.Space)
    cards = view.findChildren(OneOnOneCard)
    assert cards
    padding = margins(pad(QVBoxLayout()))
    for card in cards:
        assert card.property("card") == "true" and card.frameShape() == QFrame.Shape.NoFrame
        assert margins(card.layout()) == padding
        assert card.styleSheet() == ""  # drawn by the app style sheet, light and dark alike
