"""The Delegations tab on the person page: create, edit, level changes with reasons, checkpoints,
success factors, calibrations, state changes and deletion with undo — through the real widgets."""

from __future__ import annotations

from datetime import date

import pytest
from helpers.qt import on_modal, press
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWidget

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.feedback import Proposer
from leaddesk.domain.levels import DelegationState, EmpowermentLevel, LevelKind
from leaddesk.services.desk import Desk
from leaddesk.ui import theme
from leaddesk.ui.common.level_reason_dialog import LevelReasonDialog
from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.main_window import MainWindow
from leaddesk.ui.person.dialogs.calibration_dialog import CalibrationDialog
from leaddesk.ui.person.dialogs.checkpoint_dialog import CheckpointDialog
from leaddesk.ui.person.dialogs.delegation_dialog import DelegationDialog
from leaddesk.ui.person.dialogs.success_factor_dialog import SuccessFactorDialog
from leaddesk.ui.person.tabs.delegations_tab import DelegationsTab

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
TODAY = date(2026, 11, 25)


@pytest.fixture
def person(desk: Desk) -> int:
    return desk.add_person("Ana Lima", role="Head of Data")


@pytest.fixture
def pricing(desk: Desk, person: int) -> int:
    did = desk.add_delegation(person, "Pricing page", 3, done_means="New page live")
    desk.add_success_factor(did, "Conversion", "Trial to paid within 30 days", "4", "%")
    return did


@pytest.fixture
def window(desk: Desk, person: int, pricing: int, qtbot) -> MainWindow:
    win = MainWindow(desk)
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.show()
    qtbot.waitActive(win)
    win.show_view("person", PersonTarget(person, "delegations"))
    return win


@pytest.fixture
def tab(window: MainWindow) -> DelegationsTab:
    page = window.view("person").tabs.currentWidget()
    assert isinstance(page, DelegationsTab)
    return page


def list_texts(tab: DelegationsTab) -> list[str]:
    model = tab.model
    return [
        " | ".join(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def test_the_tab_lists_delegations_and_shows_the_selected_one(
    tab: DelegationsTab, pricing: int
) -> None:
    [row] = list_texts(tab)
    assert row.startswith("Pricing page | 3 Consult | not discussed | ")
    assert tab.current().id == pricing  # type: ignore[union-attr]
    summary = tab.detail.summary.text()
    assert "New page live" in summary and "I decide after hearing you" in summary
    assert tab.detail.factors.rowCount() == 1


def test_insert_creates_a_delegation(tab: DelegationsTab, desk: Desk, person: int, qtbot) -> None:
    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, DelegationDialog)
        qtbot.keyClicks(dialog.title, "Hiring plan")
        dialog.my_level.set_level(EmpowermentLevel.ADVISE)
        dialog.ok_button.click()

    on_modal(fill)
    press(qtbot, tab.list_view, Qt.Key.Key_Insert)
    qtbot.waitUntil(lambda: len(desk.delegations(person)) == 2)
    new = next(d for d in desk.delegations(person) if d.title == "Hiring plan")
    assert new.my_level is EmpowermentLevel.ADVISE
    assert tab.current().id == new.id  # type: ignore[union-attr]


def test_f2_edits_the_selected_delegation(tab: DelegationsTab, desk: Desk, pricing, qtbot) -> None:
    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, DelegationDialog)
        dialog.involve_me_when.setPlainText("Price changes over 10%")
        dialog.ok_button.click()

    on_modal(fill)
    press(qtbot, tab.list_view, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: desk.delegation(pricing).involve_me_when == "Price changes over 10%")
    assert "Price changes over 10%" in tab.detail.summary.text()


def choose_level(tab: DelegationsTab, kind: LevelKind, level: EmpowermentLevel | None) -> None:
    """Open the level menu as the button does and pick an entry."""
    menu = tab.level_menus[kind]
    menu.aboutToShow.emit()
    name = f"level_{int(level)}" if level is not None else "level_clear"
    [action] = [a for a in menu.actions() if a.objectName() == name]
    assert action.isEnabled()
    action.trigger()


def test_changing_my_level_asks_why_and_keeps_the_reason_in_history(
    tab: DelegationsTab, desk: Desk, pricing: int, qtbot
) -> None:
    seen: list[str] = []

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, LevelReasonDialog)
        dialog.findChild(QWidget, "levelReason").setFocus()
        dialog.ok_button.click()  # OK with no reason: refused
        seen.append(dialog.error.text())
        qtbot.keyClicks(dialog.reason, "Three on-track checkpoints")
        dialog.ok_button.click()

    on_modal(answer)
    choose_level(tab, LevelKind.MINE, EmpowermentLevel.ADVISE)
    after = desk.delegation(pricing)
    assert seen and "Say why" in seen[0]
    assert after.my_level is EmpowermentLevel.ADVISE
    last = after.history[-1]
    assert (last.kind, last.from_level, last.to_level, last.reason) == (
        LevelKind.MINE,
        EmpowermentLevel.CONSULT,
        EmpowermentLevel.ADVISE,
        "Three on-track checkpoints",
    )
    shown = tab.detail.history
    assert shown.index(0, 2).data() == "3 Consult → 5 Advise ↑"
    assert shown.index(0, 3).data() == "Three on-track checkpoints"


def test_cancelling_the_reason_leaves_the_level(tab: DelegationsTab, desk: Desk, pricing) -> None:
    on_modal(lambda dialog: dialog.reject())
    choose_level(tab, LevelKind.MINE, EmpowermentLevel.DELEGATE)
    assert desk.delegation(pricing).my_level is EmpowermentLevel.CONSULT
    assert len(desk.delegation(pricing).history) == 1


def test_their_level_shows_a_clarity_gap_and_target_can_be_cleared(
    tab: DelegationsTab, desk: Desk, pricing: int
) -> None:
    on_modal(lambda dialog: dialog.accept())  # their level: a reason is optional
    choose_level(tab, LevelKind.THEIRS, EmpowermentLevel.AGREE)
    assert desk.delegation(pricing).their_level is EmpowermentLevel.AGREE
    their_cell = tab.model.index(0, 2)
    assert their_cell.data() == "4 Agree · clarity gap"
    assert their_cell.data(Qt.ItemDataRole.ForegroundRole) == theme.warn()
    assert "Clarity gap" in tab.detail.summary.text()

    on_modal(lambda dialog: dialog.accept())
    choose_level(tab, LevelKind.TARGET, EmpowermentLevel.INQUIRE)
    assert desk.delegation(pricing).target_level is EmpowermentLevel.INQUIRE
    on_modal(lambda dialog: dialog.accept())
    choose_level(tab, LevelKind.TARGET, None)
    assert desk.delegation(pricing).target_level is None
    assert [h.kind for h in desk.delegation(pricing).history][-3:] == [
        LevelKind.THEIRS,
        LevelKind.TARGET,
        LevelKind.TARGET,
    ]


def test_completing_a_checkpoint_records_the_outcome_and_plans_the_next(
    tab: DelegationsTab, desk: Desk, pricing: int, qtbot
) -> None:
    planned = desk.delegation(pricing).next_checkpoint
    assert planned is not None
    chosen: list[date] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, CheckpointDialog)
        dialog.outcome_buttons[CheckpointOutcome.ON_TRACK].click()
        qtbot.keyClicks(dialog.note, "Page shipped")
        qtbot.keyClicks(dialog.evidence, "Analytics dashboard")
        dialog.next_on.setDate(QDate(2026, 12, 20))
        chosen.append(dialog.next_on.date().toPython())
        dialog.ok_button.click()

    on_modal(fill)
    press(qtbot, tab.list_view, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: desk.delegation(pricing).next_checkpoint.id != planned.id)  # type: ignore[union-attr]
    after = desk.delegation(pricing)
    done = next(c for c in after.checkpoints if c.id == planned.id)
    assert (done.outcome, done.note, done.evidence, done.completed_on) == (
        CheckpointOutcome.ON_TRACK,
        "Page shipped",
        "Analytics dashboard",
        TODAY,
    )
    assert after.next_checkpoint is not None
    assert after.next_checkpoint.due_on == chosen[0] == date(2026, 12, 20)
    outcomes = [tab.detail.checkpoints.index(r, 1).data() for r in range(2)]
    assert outcomes[1] == "on track" and outcomes[0].startswith("planned")


def test_adding_and_calibrating_a_success_factor(
    tab: DelegationsTab, desk: Desk, pricing: int, qtbot
) -> None:
    def add(dialog: QWidget) -> None:
        assert isinstance(dialog, SuccessFactorDialog)
        qtbot.keyClicks(dialog.name, "Bounce rate")
        dialog.definition.setPlainText("Visitors leaving without a click")
        dialog.ok_button.click()

    on_modal(add)
    press(qtbot, tab.list_view, Qt.Key.Key_F)
    qtbot.waitUntil(lambda: len(desk.delegation(pricing).factors) == 2)
    bounce = next(f for f in desk.delegation(pricing).factors if f.name == "Bounce rate")
    assert tab.detail.current_factor().id == bounce.id  # type: ignore[union-attr]

    def calibrate(dialog: QWidget) -> None:
        assert isinstance(dialog, CalibrationDialog)
        dialog.definition.setPlainText("Visitors leaving within 10 seconds")
        qtbot.keyClicks(dialog.reason, "Agreed a stricter measure")
        dialog.proposer_buttons[Proposer.ME].click()
        dialog.ok_button.click()

    on_modal(calibrate)
    tab.verify.calibrate_action.trigger()
    [cal] = next(f for f in desk.delegation(pricing).factors if f.id == bounce.id).calibrations
    assert (cal.new_definition, cal.reason, cal.proposed_by) == (
        "Visitors leaving within 10 seconds",
        "Agreed a stricter measure",
        Proposer.ME,
    )
    row = [tab.detail.calibrations.index(0, c).data() for c in range(5)]
    assert row == [
        "25 Nov 2026",
        "Bounce rate",
        "definition",
        "me",
        "Agreed a stricter measure",
    ]


def test_complete_withdraw_and_reactivate(tab: DelegationsTab, desk: Desk, pricing: int) -> None:
    tab.state_actions[DelegationState.COMPLETED].trigger()
    assert desk.delegation(pricing).state is DelegationState.COMPLETED
    assert tab.model.index(0, 3).data() == "completed"
    assert tab.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) == theme.muted_color()
    assert not tab.state_actions[DelegationState.COMPLETED].isEnabled()
    tab.state_actions[DelegationState.ACTIVE].trigger()
    assert desk.delegation(pricing).state is DelegationState.ACTIVE


def test_delete_delegation_then_ctrl_z_restores_it(
    window: MainWindow, tab: DelegationsTab, desk: Desk, person: int, pricing: int, qtbot
) -> None:
    press(qtbot, tab.list_view, Qt.Key.Key_Delete)
    assert desk.delegations(person) == []
    assert tab.empty.isVisible() and "Nothing delegated to Ana Lima" in tab.empty.text()
    assert "Ctrl+Z to undo" in window.statusBar().currentMessage()
    press(qtbot, tab, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [d.id for d in desk.delegations(person)] == [pricing]
    assert tab.model.rowCount() == 1


def test_delete_checkpoint_and_factor_with_undo(
    window: MainWindow, tab: DelegationsTab, desk: Desk, pricing: int, qtbot
) -> None:
    cp = desk.delegation(pricing).next_checkpoint
    assert cp is not None
    tab.detail.select_checkpoint(cp.id)
    press(qtbot, tab.detail.checkpoints_view, Qt.Key.Key_Delete)
    assert desk.delegation(pricing).checkpoints == ()
    assert "none planned" in tab.model.index(0, 3).data()
    window.undo_action.trigger()
    assert [c.id for c in desk.delegation(pricing).checkpoints] == [cp.id]

    factor = desk.delegation(pricing).factors[0]
    tab.detail.select_factor(factor.id)
    press(qtbot, tab.detail.factors_view, Qt.Key.Key_Delete)
    assert desk.delegation(pricing).factors == ()
    press(qtbot, tab, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [f.id for f in desk.delegation(pricing).factors] == [factor.id]
    assert tab.detail.factors.rowCount() == 1


def test_a_checkpoint_target_selects_the_delegation_that_holds_it(
    window: MainWindow, desk: Desk, person: int, pricing: int
) -> None:
    other = desk.add_delegation(person, "Hiring", 5)
    for _ in range(3):
        later = desk.plan_checkpoint(pricing, date(2027, 1, 10))
    assert later not in {d.id for d in desk.delegations(person)}  # an id only a checkpoint has
    window.show_view("person", PersonTarget(person, "delegations", other))
    tab = window.view("person").tabs.currentWidget()
    assert tab.current().id == other
    window.show_view("person", PersonTarget(person, "delegations", later))
    assert tab.current().id == pricing
    assert tab.detail.current_checkpoint().id == later


def test_planning_and_rescheduling_a_checkpoint(
    tab: DelegationsTab, desk: Desk, pricing: int, qtbot
) -> None:
    suggested = desk.suggest_checkpoint(pricing)

    def plan(dialog: QWidget) -> None:
        assert isinstance(dialog, CheckpointDialog)
        assert dialog.due.date().toPython() == suggested
        dialog.ok_button.click()

    on_modal(plan)
    press(qtbot, tab.list_view, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: len(desk.delegation(pricing).checkpoints) == 2)

    def move(dialog: QWidget) -> None:
        assert isinstance(dialog, CheckpointDialog)
        dialog.due.setDate(QDate(2027, 2, 1))
        dialog.ok_button.click()

    first = desk.delegation(pricing).next_checkpoint
    assert first is not None
    tab.detail.select_checkpoint(first.id)
    on_modal(move)
    press(qtbot, tab.list_view, Qt.Key.Key_R)
    moved = next(c for c in desk.delegation(pricing).checkpoints if c.id == first.id)
    assert moved.due_on == date(2027, 2, 1)
