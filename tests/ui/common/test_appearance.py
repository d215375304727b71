"""The design system at work: the app style sheet from the tokens, the Appearance setting
(persisted, switching the palette at once through the real Settings combo), icons and token
colours following the scheme, headings that fit at 1280×800, every screen in both schemes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers.qt import open_main_window
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QComboBox, QFrame, QLabel, QTableView, QTabWidget

from leaddesk.services.desk import Desk
from leaddesk.ui import theme
from leaddesk.ui.common.appearance import ENV, SETTINGS_KEY, Appearance, apply_appearance
from leaddesk.ui.common.card import Card
from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.main_window import SIDEBAR, MainWindow
from leaddesk.ui.settings.settings_view import SettingsView


@pytest.fixture(autouse=True)
def system_look_after(qapp, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts and ends on the system's palette and no app style sheet."""
    monkeypatch.delenv(ENV, raising=False)
    yield
    apply_appearance(Appearance.SYSTEM)
    qapp.setStyleSheet("")


def _close(a: QColor, b: QColor, slack: int = 3) -> bool:
    return all(abs(x - y) <= slack for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def _ink(image: QImage) -> QColor:
    """The colour of the most opaque pixel of an icon."""
    best, colour = -1, QColor()
    for x in range(image.width()):
        for y in range(image.height()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() > best:
                best, colour = pixel.alpha(), pixel
    return colour


def test_the_app_style_sheet_draws_a_card_on_the_palettes_base(qtbot) -> None:
    apply_appearance(Appearance.LIGHT)
    assert 'QFrame[card="true"]' in QApplication.instance().styleSheet()
    card = Card("Needs attention")
    card.body.addWidget(QLabel("x"))
    qtbot.addWidget(card)
    card.resize(300, 160)
    card.show()
    qtbot.waitExposed(card)
    inside = card.grab().toImage().pixelColor(QPoint(150, 120))
    window = QApplication.palette().color(QApplication.palette().ColorRole.Window)
    assert _close(inside, theme.surface())
    assert not _close(inside, window)  # a card stands off the window
    assert card.title.font().pointSizeF() > QApplication.font().pointSizeF()


def test_appearance_is_chosen_in_settings_saved_and_switches_the_palette_at_once(
    ctx, qtbot
) -> None:
    apply_appearance(Appearance.LIGHT)
    QSettings().setValue(SETTINGS_KEY, "light")
    view = SettingsView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    combo = view.findChild(QComboBox, "appearance")
    assert combo.currentData() == "light"
    assert not theme.is_dark()
    warning = QLabel("overdue")
    warning.setStyleSheet(f"color: {theme.bad().name()};")  # as many widgets colour themselves
    light_bad = theme.bad()
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # Light → Dark, as a user picks it
    assert theme.is_dark()
    assert QSettings().value(SETTINGS_KEY) == "dark"
    assert theme.bad() != light_bad and theme.bad().name() in warning.styleSheet()
    again = SettingsView(ctx)  # a fresh Settings screen reads the saved choice
    qtbot.addWidget(again)
    again.load()
    assert again.findChild(QComboBox, "appearance").currentData() == "dark"
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert not theme.is_dark() and QSettings().value(SETTINGS_KEY) == "light"


def test_icons_redraw_in_the_text_colour_of_the_scheme_in_force(qapp) -> None:
    icon = theme.icon("week")  # made once, as toolbars and the sidebar make them
    apply_appearance(Appearance.LIGHT)
    light = _ink(icon.pixmap(32).toImage())
    assert _close(light, theme.text_color())
    apply_appearance(Appearance.DARK)
    dark = _ink(icon.pixmap(32).toImage())
    assert _close(dark, theme.text_color())
    assert dark.lightness() > light.lightness() + 100


def test_the_environment_overrides_the_saved_appearance(monkeypatch, qapp) -> None:
    QSettings().setValue(SETTINGS_KEY, "light")
    monkeypatch.setenv(ENV, "dark")
    apply_appearance()
    assert theme.is_dark()


@pytest.fixture
def demo_window(desk: Desk, qtbot) -> MainWindow:
    from leaddesk.demo import build_demo

    build_demo(desk, people=5, years=1, seed=3)
    window = open_main_window(desk, qtbot)
    window.resize(1280, 800)
    return window


def _headings(window: MainWindow) -> list[QLabel]:
    return [
        label
        for label in window.findChildren(QLabel)
        if label.property("textStyle") in ("title", "subtitle", "display")
        and label.isVisible()
        and not label.wordWrap()
        and label.text()
    ]


def _visit_every_screen(window: MainWindow, desk: Desk, qtbot) -> Iterator[str]:
    for action, name in zip(window.view_actions, SIDEBAR, strict=True):
        action.trigger()  # Alt+1 … Alt+5
        qtbot.waitUntil(lambda n=name: window.view(n).isVisible())
        if name == "week":
            qtbot.waitUntil(lambda: window.view("week").team_model.rowCount() > 0)
        yield name
    person = desk.direct_reports()[0].id
    window.show_view("person", PersonTarget(person))
    tabs = window.view("person").findChild(QTabWidget)
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        yield f"person tab {index}"
    window.one_on_one_action.trigger()
    qtbot.waitUntil(lambda: window.view("one_on_one").isVisible())
    yield "1:1"


@pytest.mark.parametrize("scheme", [Appearance.LIGHT, Appearance.DARK])
def test_headings_fit_and_every_screen_renders_in_both_schemes(
    scheme: Appearance, demo_window: MainWindow, desk: Desk, qtbot
) -> None:
    apply_appearance(scheme)
    assert theme.is_dark() == (scheme is Appearance.DARK)
    clipped: list[str] = []
    measured: set[str] = set()
    for screen in _visit_every_screen(demo_window, desk, qtbot):
        image = demo_window.grab().toImage()  # renders with no Qt warning (they fail a test)
        assert not image.isNull()
        if demo_window.height() > 800 or demo_window.minimumSizeHint().width() > 1280:
            clipped.append(f"{screen}: the window outgrew 1280×800 ({demo_window.size()})")
        for label in _headings(demo_window):
            measured.add(label.text())
            if label.fontMetrics().horizontalAdvance(label.text()) > label.contentsRect().width():
                clipped.append(f"{screen}: {label.objectName() or label.text()}")
    assert clipped == []
    assert {
        "This week",
        "Settings",
        "People",
        "Reflections",
        "Delegation board",
    } <= measured  # the page titles were measured


def test_the_week_page_has_a_title_and_its_sections_are_cards(demo_window: MainWindow, qtbot):
    week = demo_window.view("week")
    qtbot.waitUntil(lambda: week.team_model.rowCount() == 5)
    titles = [label.text() for label in week.findChildren(QLabel, "pageTitle")]
    assert titles == ["This week"]
    assert any(week.team in card.findChildren(QTableView) for card in week.findChildren(Card))
    focus = week.findChild(QFrame, "focusCard")
    assert focus.property("card") == "true"
