"""The board card's context menu, opened as the user opens it: a right click on a card offers
Open delegation and a move to each other level; each entry, clicked, does what it says."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers.qt import open_main_window
from PySide6.QtCore import QPoint, Qt, QThreadPool, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.services.desk import Desk
from leaddesk.ui.board.board_view import BoardView
from leaddesk.ui.common.level_reason_dialog import LevelReasonDialog
from leaddesk.ui.common.navigation import TABS
from leaddesk.ui.main_window import SIDEBAR, MainWindow
from leaddesk.ui.person.tabs.delegations_tab import DelegationsTab

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: grabs, raise
L = EmpowermentLevel


@pytest.fixture
def world(desk: Desk) -> dict[str, int]:
    ana = desk.add_person("Ana Lima", role="Head of Data")
    ben = desk.add_person("Ben Okafor", role="VP Engineering")
    return {
        "ana": ana,
        "ben": ben,
        "pricing": desk.add_delegation(ana, "Pricing page", L.CONSULT),
        "release": desk.add_delegation(ben, "Release process", L.INQUIRE),
    }


@pytest.fixture
def board(desk: Desk, world, qtbot) -> Iterator[tuple[MainWindow, BoardView]]:
    window = open_main_window(desk, qtbot)
    window.resize(1400, 900)
    window.view_actions[SIDEBAR.index("board")].trigger()
    view = window.view("board")
    assert isinstance(view, BoardView)
    qtbot.waitUntil(lambda: not view.loading and bool(view.canvas.board.cards))
    yield window, view
    QThreadPool.globalInstance().waitForDone(5000)


def right_click(view: BoardView, delegation_id: int, choose: str) -> list[str]:
    """Right-click the card, read the menu's entries and click the one starting with `choose`."""
    card = view.canvas.board.card_for(delegation_id)
    assert card is not None
    canvas = view.canvas
    canvas.ensureVisible(card, 20, 20)
    viewport = canvas.viewport()
    pos: QPoint = canvas.mapFromScene(card.sceneBoundingRect().center())
    QTest.mouseClick(viewport, Qt.MouseButton.RightButton, Qt.KeyboardModifier(0), pos)
    offered: list[str] = []

    def pick(left: int = 300) -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            if left:
                QTimer.singleShot(10, lambda: pick(left - 1))
            return
        entries = [a for a in menu.actions() if a.text()]
        offered.extend(f"{a.text()}{'' if a.isEnabled() else ' (off)'}" for a in entries)
        entry = next(a for a in entries if a.text().startswith(choose))
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(entry).center())

    QTimer.singleShot(0, pick)
    QApplication.sendEvent(
        viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    )
    return offered


def answer_reason(qtbot, reason: str) -> None:
    def check(left: int = 300) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, LevelReasonDialog):
            qtbot.keyClicks(dialog.reason, reason)
            dialog.accept()
        elif left:
            QTimer.singleShot(10, lambda: check(left - 1))

    QTimer.singleShot(0, check)


def test_right_click_offers_open_and_every_other_level(board, world, desk: Desk, qtbot) -> None:
    _window, view = board
    answer_reason(qtbot, "Ready to own it")
    offered = right_click(view, world["release"], "Move to 5")  # the second card, not the first
    assert offered[0] == "Open delegation"
    moves = offered[1:]
    assert len(moves) == 7 and all(m.startswith("Move to ") for m in moves)
    assert [m for m in moves if m.endswith("(off)")] == [moves[int(L.INQUIRE) - 1]]  # where it is
    qtbot.waitUntil(lambda: desk.delegation(world["release"]).my_level == L.ADVISE)
    assert desk.delegation(world["pricing"]).my_level == L.CONSULT  # the other card stays


def test_open_delegation_from_the_menu_shows_it_on_the_persons_page(board, world, qtbot) -> None:
    window, view = board
    right_click(view, world["release"], "Open delegation")
    person = window.view("person")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is person)
    assert person.person_id == world["ben"]
    assert person.tabs.currentIndex() == TABS.index("delegations")
    tab = person.tabs.currentWidget()
    assert isinstance(tab, DelegationsTab)
    current = tab.current()
    assert current is not None and current.id == world["release"]
