"""The delegation board: cards in the column of my level, drag or Ctrl+→ to change the level with a
reason (cancel changes nothing), clarity and growth marks, keyboard navigation, filters."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QThreadPool, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from leaddesk.domain.levels import DelegationState, EmpowermentLevel
from leaddesk.services.desk import Desk
from leaddesk.ui.board.board_card import BoardCardItem
from leaddesk.ui.board.board_header import column_title
from leaddesk.ui.board.board_lanes import Grouping, build_lanes
from leaddesk.ui.board.board_view import PAGE_BOARD, PAGE_EMPTY, PAGE_NO_MATCH, BoardView
from leaddesk.ui.common.level_reason_dialog import LevelReasonDialog
from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.context import AppContext

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
TODAY = date(2026, 11, 25)
L = EmpowermentLevel


@dataclass
class Team:
    """A small, known world: every kind of card the board marks."""

    ana: int
    ben: int
    cleo: int
    pricing: int  # Ana, mine 3, theirs 3, target 5
    hiring: int  # Ana, mine 4, they think 5 (a clarity gap)
    vendors: int  # Ana, mine 2, their level not agreed yet
    release: int  # Ben, mine 6, agreed
    quality: int  # Cleo (skip-level under Ana), mine 5, checkpoint overdue
    finished: int  # Ben, completed: not on the board
    archived: int  # a delegation of an archived person: not on the board


@pytest.fixture
def team(desk: Desk) -> Team:
    ana = desk.add_person("Ana Lima", role="Head of Data")
    ben = desk.add_person("Ben Okafor", role="VP Engineering")
    cleo = desk.add_person("Cleo Park", role="Data Engineer", reports_to_id=ana)
    gone = desk.add_person("Dan Gone", role="Former lead")
    pricing = desk.add_delegation(ana, "Pricing page", L.CONSULT, their_level=3, target_level=5)
    hiring = desk.add_delegation(
        ana, "Hiring plan", L.AGREE, their_level=5, involve_me_when="Any offer above band"
    )
    vendors = desk.add_delegation(ana, "Vendor contracts", L.SELL)
    release = desk.add_delegation(ben, "Release process", L.INQUIRE, their_level=6)
    quality = desk.add_delegation(cleo, "Data quality checks", L.ADVISE, their_level=5)
    desk.plan_checkpoint(quality, date(2026, 11, 1))
    finished = desk.add_delegation(ben, "Incident reviews", L.DELEGATE, their_level=7)
    desk.set_delegation_state(finished, DelegationState.COMPLETED)
    archived = desk.add_delegation(gone, "Old budget", L.TELL)
    desk.archive_person(gone)
    return Team(ana, ben, cleo, pricing, hiring, vendors, release, quality, finished, archived)


def open_board(ctx: AppContext, qtbot) -> BoardView:
    view = BoardView(ctx)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view.loading and view.pages.currentIndex() != 3)
    return view


@pytest.fixture
def board(ctx: AppContext, team: Team, qtbot) -> Iterator[BoardView]:
    view = open_board(ctx, qtbot)
    yield view
    QThreadPool.globalInstance().waitForDone(5000)  # no read left running against a closed store


def card(view: BoardView, delegation_id: int) -> BoardCardItem:
    found = view.canvas.board.card_for(delegation_id)
    assert found is not None
    return found


def column_of(view: BoardView, item: BoardCardItem) -> EmpowermentLevel | None:
    """The column the card is drawn in (by where it is, not what it says)."""
    return view.canvas.board.column_at(item.sceneBoundingRect().center().x())


class ReasonAnswer:
    """Answers the next LevelReasonDialog: types `reason` and accepts, or cancels when None."""

    def __init__(self, qtbot, reason: str | None) -> None:
        self.qtbot = qtbot
        self.reason = reason
        self.seen: list[LevelReasonDialog] = []
        self.stopped = False
        QTimer.singleShot(0, lambda: self._check(300))

    def _check(self, left: int) -> None:
        if self.stopped:
            return
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LevelReasonDialog):
            if left:
                QTimer.singleShot(10, lambda: self._check(left - 1))
            return
        self.seen.append(dialog)
        buttons = dialog.findChild(QDialogButtonBox)
        if self.reason is None:
            button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        else:
            self.qtbot.keyClicks(dialog.reason, self.reason)
            button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def answer(qtbot) -> Iterator[Callable[[str | None], ReasonAnswer]]:
    """`answer("why")` answers the next reason dialog; stops listening when the test ends."""
    made: list[ReasonAnswer] = []

    def start(reason: str | None) -> ReasonAnswer:
        made.append(ReasonAnswer(qtbot, reason))
        return made[-1]

    yield start
    for one in made:
        one.stopped = True


def drag(view: BoardView, item: BoardCardItem, scene_x: float) -> None:
    """Press on the card, move in steps to `scene_x` (same height), release: real mouse events."""
    canvas = view.canvas
    canvas.ensureVisible(item, 20, 20)
    viewport = canvas.viewport()
    start = canvas.mapFromScene(item.sceneBoundingRect().center())
    end = canvas.mapFromScene(QPointF(scene_x, item.sceneBoundingRect().center().y()))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 9):
        QTest.mouseMove(viewport, start + (end - start) * (i / 8))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def column_centre(view: BoardView, level: EmpowermentLevel) -> float:
    scene = view.canvas.board
    return scene.column_x(level) + scene.column_width / 2


def wait_for(qtbot, condition: Callable[[], bool]) -> None:
    qtbot.waitUntil(condition, timeout=5000)


# -- what the board shows ------------------------------------------------------------------------
def test_board_opens_with_demo_data_one_card_per_active_delegation_in_its_column(
    demo_ctx: AppContext, qtbot
) -> None:
    view = open_board(demo_ctx, qtbot)
    desk = demo_ctx.desk
    live = {p.id for p in desk.people()}
    expected = {d.id: d.my_level for d in desk.delegations(active_only=True) if d.person_id in live}
    assert expected, "the demo world has active delegations"
    shown = {item.delegation.id: item for item in view.canvas.board.cards}
    assert set(shown) == set(expected)
    for delegation_id, level in expected.items():
        assert column_of(view, shown[delegation_id]) == level
    assert view.pages.currentIndex() == PAGE_BOARD
    header = view.canvas.header.accessibleDescription()
    assert "1 Tell — I decide" in header
    assert "7 Delegate — you decide, I don't need to know" in header
    assert column_title(L.ADVISE) == "5 Advise — you decide after hearing me"


def test_cards_sit_in_their_persons_lane_and_never_overlap(board: BoardView, team: Team) -> None:
    cards = board.canvas.board.cards
    assert {c.delegation.id for c in cards} == {
        team.pricing,
        team.hiring,
        team.vendors,
        team.release,
        team.quality,
    }
    for a in cards:
        lane = board.canvas.board.lane_rect(a.lane)
        assert lane.contains(a.sceneBoundingRect().adjusted(3, 3, -3, -3))
        assert board.lanes[a.lane].person.id == a.delegation.person_id
        for b in cards:
            if a is not b:
                assert not a.mapRectToScene(a.card_rect()).intersects(
                    b.mapRectToScene(b.card_rect())
                )
    # team by team: Ana, then Cleo who reports to her, then Ben
    assert [lane.person.name for lane in board.lanes] == ["Ana Lima", "Cleo Park", "Ben Okafor"]


def test_clarity_gaps_unknown_levels_targets_and_overdue_checkpoints_are_marked(
    board: BoardView, team: Team
) -> None:
    style = board.canvas.board.paint_style
    hiring = card(board, team.hiring)
    assert hiring.clarity_gap
    assert "they think: Advise" in hiring.mark_texts
    assert hiring.stripe_color() == style.warn
    assert "clarity gap: they think 5 Advise" in hiring.accessible_text()
    vendors = card(board, team.vendors)
    assert not vendors.clarity_gap
    assert "not agreed yet" in vendors.mark_texts
    pricing = card(board, team.pricing)
    assert not pricing.clarity_gap
    assert pricing.stripe_color() == style.good
    assert "5 Advise" in pricing.mark_texts  # the growth path to the target level
    assert "target 5 Advise" in pricing.accessible_text()
    assert "Target level: 5 Advise" in pricing.tooltip()
    quality = card(board, team.quality)
    assert "overdue by 24 days" in quality.mark_texts
    assert "overdue" in quality.tooltip()
    assert "Any offer above band" in hiring.tooltip()
    assert "Ana Lima" in hiring.tooltip()
    assert "gap" in board.summary.text() and "5 delegations" in board.summary.text()


# -- changing the level by dragging --------------------------------------------------------------
def test_dragging_a_card_to_another_column_changes_my_level_and_keeps_the_reason(
    board: BoardView, team: Team, desk: Desk, qtbot, answer
) -> None:
    item = card(board, team.pricing)
    answered = answer("Three on-track checkpoints in a row")
    drag(board, item, column_centre(board, L.ADVISE))
    wait_for(qtbot, lambda: desk.delegation(team.pricing).my_level == L.ADVISE)
    assert len(answered.seen) == 1
    last = desk.delegation(team.pricing).history[-1]
    assert (last.from_level, last.to_level) == (L.CONSULT, L.ADVISE)
    assert last.reason == "Three on-track checkpoints in a row"
    wait_for(qtbot, lambda: not board.loading)
    moved = card(board, team.pricing)
    assert moved.level == L.ADVISE
    assert column_of(board, moved) == L.ADVISE


def test_cancelling_the_reason_leaves_the_card_and_the_level_where_they_were(
    board: BoardView, team: Team, desk: Desk, qtbot, answer
) -> None:
    item = card(board, team.hiring)
    home = item.pos()
    history = len(desk.delegation(team.hiring).history)
    answered = answer(None)
    drag(board, item, column_centre(board, L.TELL))
    wait_for(qtbot, lambda: len(answered.seen) == 1)
    wait_for(qtbot, lambda: QApplication.activeModalWidget() is None)
    wait_for(qtbot, lambda: card(board, team.hiring).pos() == home)
    assert column_of(board, card(board, team.hiring)) == L.AGREE
    assert desk.delegation(team.hiring).my_level == L.AGREE
    assert len(desk.delegation(team.hiring).history) == history


def test_dropping_in_the_same_column_asks_nothing_and_changes_nothing(
    board: BoardView, team: Team, desk: Desk, qtbot, answer
) -> None:
    item = card(board, team.release)
    home = item.pos()
    answered = answer("should not be asked")
    drag(board, item, item.sceneBoundingRect().center().x() + 25)  # still column 6
    qtbot.wait(50)
    assert answered.seen == []
    assert item.pos() == home
    assert desk.delegation(team.release).my_level == L.INQUIRE
    QApplication.processEvents()


# -- the keyboard alternative --------------------------------------------------------------------
def test_ctrl_right_moves_the_focused_card_one_level_with_a_reason(
    board: BoardView, team: Team, desk: Desk, qtbot, answer
) -> None:
    item = card(board, team.vendors)
    canvas = board.canvas
    start = canvas.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=start)
    assert canvas.board.current is item
    answered = answer("Ready to hear them first")
    qtbot.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    wait_for(qtbot, lambda: desk.delegation(team.vendors).my_level == L.CONSULT)
    assert len(answered.seen) == 1
    assert desk.delegation(team.vendors).history[-1].reason == "Ready to hear them first"
    wait_for(qtbot, lambda: not board.loading)
    assert canvas.board.current is card(board, team.vendors)  # focus stays on the moved card
    assert column_of(board, card(board, team.vendors)) == L.CONSULT
    answer("Back to selling it")
    qtbot.keyClick(canvas, Qt.Key.Key_BracketLeft)
    wait_for(qtbot, lambda: desk.delegation(team.vendors).my_level == L.SELL)


def test_arrows_and_tab_move_between_cards_and_enter_opens_the_delegation(
    board: BoardView, team: Team, ctx: AppContext, qtbot
) -> None:
    canvas = board.canvas
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    first = canvas.board.current
    assert first is not None and first.delegation.id == team.vendors  # Ana's lowest column
    assert "Vendor contracts" in board.current_label.text()
    assert "Vendor contracts" in canvas.accessibleDescription()
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.board.current is card(board, team.pricing)
    qtbot.keyClick(canvas, Qt.Key.Key_Tab)
    assert canvas.board.current is card(board, team.hiring)
    qtbot.keyClick(canvas, Qt.Key.Key_Down)  # next lane: Cleo
    assert canvas.board.current is card(board, team.quality)
    with qtbot.waitSignal(ctx.navigate) as opened:
        qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert opened.args == ["person", PersonTarget(team.cleo, "delegations", team.quality)]


# -- narrowing the board -------------------------------------------------------------------------
def test_filter_narrows_rows_by_person_or_delegation_title(
    board: BoardView, team: Team, qtbot
) -> None:
    qtbot.keyClicks(board.filter_edit, "okafor")
    wait_for(qtbot, lambda: [lane.person.id for lane in board.lanes] == [team.ben])
    assert [c.delegation.id for c in board.canvas.board.cards] == [team.release]
    board.filter_edit.clear()
    qtbot.keyClicks(board.filter_edit, "hiring")
    wait_for(qtbot, lambda: [c.delegation.id for c in board.canvas.board.cards] == [team.hiring])
    board.filter_edit.clear()
    qtbot.keyClicks(board.filter_edit, "nobody by that name")
    wait_for(qtbot, lambda: board.pages.currentIndex() == PAGE_NO_MATCH)
    assert "nobody by that name" in board.no_match.text()
    qtbot.mouseClick(board.clear_filters, Qt.MouseButton.LeftButton)
    assert board.pages.currentIndex() == PAGE_BOARD
    assert len(board.canvas.board.cards) == 5


def test_show_choice_keeps_only_clarity_gaps(board: BoardView, team: Team) -> None:
    board.show_combo.setCurrentIndex(board.show_combo.findText("Clarity gaps"))
    assert [c.delegation.id for c in board.canvas.board.cards] == [team.hiring]


def test_rows_can_list_direct_reports_first(ctx: AppContext, team: Team) -> None:
    desk = ctx.desk
    lanes = build_lanes(
        desk.delegations(active_only=True), desk.people(), TODAY, grouping=Grouping.DIRECTS_FIRST
    )
    assert [lane.person.name for lane in lanes] == ["Ana Lima", "Ben Okafor", "Cleo Park"]
    assert [lane.is_skip_level for lane in lanes] == [False, False, True]


def test_an_empty_store_says_how_to_start(ctx: AppContext, qtbot) -> None:
    view = open_board(ctx, qtbot)
    assert view.pages.currentIndex() == PAGE_EMPTY
    with qtbot.waitSignal(ctx.navigate) as went:
        qtbot.mouseClick(view.to_people, Qt.MouseButton.LeftButton)
    assert went.args[0] == "people"


def test_presenter_mode_keeps_the_board_and_shows_nothing_private(
    board: BoardView, team: Team, ctx: AppContext, qtbot
) -> None:
    desk = ctx.desk
    desk.add_relationship_note(team.ana, "SECRET wants to move to Lisbon", topic="Career")
    desk.add_assessment(team.ana, 4, 4, 3, 4, note="SECRET unsure about her results")
    wait_for(qtbot, lambda: not board.loading)
    ctx.set_presenter(True)
    wait_for(qtbot, lambda: not board.loading)
    assert len(board.canvas.board.cards) == 5
    texts = [board.summary.text(), board.current_label.text(), board.canvas.toolTip()]
    for item in board.canvas.board.cards:
        texts += [item.tooltip(), item.accessible_text(), *item.mark_texts]
    assert not [t for t in texts if "SECRET" in t]
    ctx.set_presenter(False)
    wait_for(qtbot, lambda: not board.loading)


def test_a_dragged_card_stays_in_its_persons_lane(board: BoardView, team: Team, qtbot) -> None:
    item = card(board, team.quality)
    lane = board.canvas.board.lane_rect(item.lane)
    canvas = board.canvas
    viewport = canvas.viewport()
    start = canvas.mapFromScene(item.sceneBoundingRect().center())
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, start + QPoint(0, 20))
    QTest.mouseMove(viewport, start + QPoint(0, -400))  # far above: clamped to the lane
    assert lane.contains(item.mapRectToScene(item.card_rect()))
    assert item.dragging
    QTest.mouseRelease(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(0, -400)
    )
    assert item.pos() == item.home
