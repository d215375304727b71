"""The Promises tab at a 1440-wide window: the promise text gets the width, the rest fit."""

from __future__ import annotations

from datetime import date

import pytest
from helpers.qt import open_main_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk
from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.person.tabs.promises_tab import PromisesTab

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
TEXTS = (
    "Production release process checklist",
    "Production release process rollback",
    "Production release process sign-off",
)


def test_promise_text_is_readable_at_1440_px(desk: Desk, qtbot) -> None:
    ana = desk.add_person("Ana Lima", role="Head of Engineering")
    for text in TEXTS:
        desk.add_promise(
            ana, PromiseDirection.THEIRS, text, due_on=date(2026, 12, 9), made_on=date(2026, 11, 2)
        )
    desk.add_promise(ana, PromiseDirection.MINE, "Find a mentor", due_on=date(2026, 12, 1))
    _window, view = _their_open_promises(desk, qtbot, ana, (1440, 900))
    qtbot.waitUntil(lambda: view.viewport().width() > 400)
    header = view.header()
    metrics = QFontMetrics(view.font())
    text_width = header.sectionSize(0)
    # Every one of the three reads in full (they differ only in their last word) ...
    assert text_width >= max(metrics.horizontalAdvance(t) for t in TEXTS) + 10
    # ... and the text column is the widest: the others fit dates and a status, no more.
    assert all(text_width > header.sectionSize(c) for c in range(1, header.count()))
    for column in range(1, header.count()):
        shown = view.model().index(0, column).data()
        assert header.sectionSize(column) >= metrics.horizontalAdvance(shown)
    # The full text is in the row's tooltip, for any width.
    tip = view.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert TEXTS[0] in tip


def test_promise_text_keeps_half_the_list_beside_long_statuses_at_1280_px(
    desk: Desk, qtbot
) -> None:
    """Renegotiated, overdue statuses are long: they elide (tooltip) before the promise does."""
    ana = desk.add_person("Ana Lima", role="Head of Engineering")
    for text in TEXTS:
        pid = desk.add_promise(
            ana, PromiseDirection.THEIRS, text, due_on=date(2026, 11, 2), made_on=date(2026, 10, 2)
        )
        desk.renegotiate_promise(pid, date(2026, 11, 9), on=date(2026, 11, 1))
    window, view = _their_open_promises(desk, qtbot, ana, (1280, 800))
    assert "renegotiated" in view.model().index(0, 3).data()
    qtbot.waitUntil(lambda: view.header().sectionSize(0) >= view.viewport().width() * 0.45)
    narrow = view.header().sectionSize(3)
    window.resize(1800, 900)  # wider: the status gets more of its width back
    qtbot.waitUntil(lambda: view.header().sectionSize(3) > narrow)


def _their_open_promises(desk: Desk, qtbot, person: int, size: tuple[int, int]):
    """The window at `size` on the person's Promises tab (clicked), and their open promises."""
    window = open_main_window(desk, qtbot)
    window.resize(*size)
    window.show_view("person", PersonTarget(person))
    page = window.view("person")
    bar = page.tabs.tabBar()
    promises = next(i for i in range(bar.count()) if bar.tabText(i).replace("&", "") == "Promises")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(promises).center())
    tab = page.findChild(PromisesTab)
    view = tab.views[(PromiseDirection.THEIRS, True)]
    qtbot.waitUntil(lambda: tab.isVisible() and view.model().rowCount() == 3)
    return window, view
