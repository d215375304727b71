"""The person, delegation, checkpoint, success-factor, calibration and assessment dialogs.

Each dialog is driven like a user would (typing, choosing, clicking OK) and checked against what
the desk returns afterwards; wrong input keeps the dialog open with the message inline.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.feedback import Proposer
from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.domain.trust import Core
from leaddesk.services.desk import Desk
from leaddesk.ui.common.person_dialog import DIRECT, PersonDialog
from leaddesk.ui.context import AppContext
from leaddesk.ui.person.dialogs.assessment_dialog import AssessmentDialog
from leaddesk.ui.person.dialogs.calibration_dialog import CalibrationDialog
from leaddesk.ui.person.dialogs.checkpoint_dialog import CheckpointDialog, CheckpointMode
from leaddesk.ui.person.dialogs.delegation_dialog import DelegationDialog
from leaddesk.ui.person.dialogs.success_factor_dialog import SuccessFactorDialog

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
TODAY = date(2026, 11, 25)


def open_dialog(qtbot, dialog):  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click_ok(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


# -- person ----------------------------------------------------------------------------------
def test_new_person_is_saved_with_every_field(ctx: AppContext, desk: Desk, qtbot) -> None:
    boss = desk.add_person("Ana Lima", role="VP Data")
    dialog = open_dialog(qtbot, PersonDialog(ctx))
    qtbot.keyClicks(dialog.name, "Ben Okafor")
    qtbot.keyClicks(dialog.role, "Data Science Lead")
    qtbot.keyClicks(dialog.area, "Data")
    qtbot.keyClicks(dialog.email, "ben@example.com")
    dialog.in_role_since.set_value(date(2024, 8, 1))
    dialog.reports_to.setCurrentIndex(dialog.reports_to.findData(boss))
    click_ok(qtbot, dialog)

    assert dialog.result() == PersonDialog.DialogCode.Accepted
    person = desk.person(dialog.person_id)
    assert (person.name, person.role, person.area, person.email) == (
        "Ben Okafor",
        "Data Science Lead",
        "Data",
        "ben@example.com",
    )
    assert person.in_role_since == date(2024, 8, 1)
    assert person.reports_to_id == boss


def test_empty_name_keeps_the_dialog_open_with_a_message(
    ctx: AppContext, desk: Desk, qtbot
) -> None:
    dialog = open_dialog(qtbot, PersonDialog(ctx))
    qtbot.keyClicks(dialog.role, "Head of Finance")
    click_ok(qtbot, dialog)

    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert "Name cannot be empty" in dialog.error.text()
    assert dialog.role.text() == "Head of Finance"  # what was typed is kept
    assert desk.people() == []
    qtbot.keyClicks(dialog.name, "Chloe Martin")
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert [p.name for p in desk.people()] == ["Chloe Martin"]


def test_new_person_defaults_to_direct_report_and_in_role_not_set(
    ctx: AppContext, desk: Desk, qtbot
) -> None:
    dialog = open_dialog(qtbot, PersonDialog(ctx))
    assert dialog.reports_to.currentText() == DIRECT
    assert dialog.in_role_since.edit.text() == "not set"
    qtbot.keyClicks(dialog.name, "Dev Patel")
    click_ok(qtbot, dialog)
    person = desk.person(dialog.person_id)
    assert person.is_direct_report
    assert person.in_role_since is None


def test_edit_person_changes_fields_and_never_offers_themselves_as_boss(
    ctx: AppContext, desk: Desk, qtbot
) -> None:
    pid = desk.add_person("Ana Lima", role="VP", in_role_since=date(2020, 1, 1))
    other = desk.add_person("Ben Okafor")
    dialog = open_dialog(qtbot, PersonDialog(ctx, person=desk.person(pid)))
    offered = [dialog.reports_to.itemData(i) for i in range(dialog.reports_to.count())]
    assert pid not in offered and other in offered
    assert dialog.in_role_since.value() == date(2020, 1, 1)
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Ana Lima-Silva")
    qtbot.mouseClick(dialog.in_role_since.clear_button, Qt.MouseButton.LeftButton)
    dialog.reports_to.setCurrentIndex(dialog.reports_to.findData(other))
    click_ok(qtbot, dialog)
    person = desk.person(pid)
    assert person.name == "Ana Lima-Silva"
    assert person.in_role_since is None
    assert person.reports_to_id == other


def test_a_reports_to_loop_is_refused_inline(ctx: AppContext, desk: Desk, qtbot) -> None:
    boss = desk.add_person("Ana Lima")
    report = desk.add_person("Ben Okafor", reports_to_id=boss)
    dialog = open_dialog(qtbot, PersonDialog(ctx, person=desk.person(boss)))
    dialog.reports_to.setCurrentIndex(dialog.reports_to.findData(report))
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "loop" in dialog.error.text()
    assert desk.person(boss).reports_to_id is None


# -- delegation ------------------------------------------------------------------------------
@pytest.fixture
def person(desk: Desk) -> int:
    return desk.add_person("Ana Lima", role="Head of Data")


def test_new_delegation_with_levels_plans_the_first_checkpoint(
    ctx: AppContext, desk: Desk, person: int, qtbot
) -> None:
    dialog = open_dialog(qtbot, DelegationDialog(ctx, person_id=person))
    qtbot.keyClicks(dialog.title, "Hiring for the platform team")
    qtbot.keyClicks(dialog.done_means, "Two seniors signed by March")
    dialog.my_level.set_level(EmpowermentLevel.ADVISE)
    dialog.their_level.set_level(EmpowermentLevel.INQUIRE)
    dialog.target_level.set_level(EmpowermentLevel.DELEGATE)
    qtbot.keyClicks(dialog.involve_me_when, "Offers above band")
    dialog.review_on.set_value(date(2027, 3, 1))
    click_ok(qtbot, dialog)

    d = desk.delegation(dialog.delegation_id)
    assert d.title == "Hiring for the platform team"
    assert d.done_means == "Two seniors signed by March"
    assert (d.my_level, d.their_level, d.target_level) == (
        EmpowermentLevel.ADVISE,
        EmpowermentLevel.INQUIRE,
        EmpowermentLevel.DELEGATE,
    )
    assert d.clarity_gap
    assert d.involve_me_when == "Offers above band"
    assert d.review_on == date(2027, 3, 1)
    assert d.next_checkpoint is not None and d.next_checkpoint.due_on > TODAY


def test_delegation_without_title_stays_open(ctx: AppContext, desk: Desk, person, qtbot) -> None:
    dialog = open_dialog(qtbot, DelegationDialog(ctx, person_id=person))
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "Title cannot be empty" in dialog.error.text()
    assert desk.delegations(person) == []


def test_edit_delegation_rewords_and_clears_the_review_date(
    ctx: AppContext, desk: Desk, person: int, qtbot
) -> None:
    did = desk.add_delegation(person, "Budget", 3, review_on=date(2027, 1, 1))
    dialog = open_dialog(qtbot, DelegationDialog(ctx, delegation=desk.delegation(did)))
    dialog.title.clear()
    qtbot.keyClicks(dialog.title, "Budget 2027")
    qtbot.mouseClick(dialog.review_on.clear_button, Qt.MouseButton.LeftButton)
    click_ok(qtbot, dialog)
    d = desk.delegation(did)
    assert d.title == "Budget 2027"
    assert d.review_on is None
    assert d.my_level is EmpowermentLevel.CONSULT  # levels change only with a reason elsewhere


# -- checkpoints -----------------------------------------------------------------------------
def test_complete_checkpoint_prefills_the_services_suggestion(
    ctx: AppContext, desk: Desk, person: int, qtbot
) -> None:
    a = desk.add_delegation(person, "Pricing", 4)
    b = desk.add_delegation(person, "Hiring", 4)
    da, db = desk.delegation(a), desk.delegation(b)
    assert da.next_checkpoint is not None and db.next_checkpoint is not None
    dialog = open_dialog(
        qtbot, CheckpointDialog(ctx, CheckpointMode.COMPLETE, da, da.next_checkpoint)
    )
    dialog.set_outcome(CheckpointOutcome.OFF_TRACK)
    prefilled = dialog.next_on.date().toPython()
    dialog.reject()
    suggested = desk.complete_checkpoint(db.next_checkpoint.id, CheckpointOutcome.OFF_TRACK)
    assert prefilled == suggested == TODAY + timedelta(days=3)


def test_complete_checkpoint_records_outcome_note_evidence_level_and_next(
    ctx: AppContext, desk: Desk, person: int, qtbot
) -> None:
    did = desk.add_delegation(person, "Pricing", 4)
    d = desk.delegation(did)
    assert d.next_checkpoint is not None
    dialog = open_dialog(
        qtbot, CheckpointDialog(ctx, CheckpointMode.COMPLETE, d, d.next_checkpoint)
    )
    qtbot.mouseClick(dialog.outcome_buttons[CheckpointOutcome.CONCERNS], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.note, "Scope creeping")
    qtbot.keyClicks(dialog.evidence, "Roadmap doc")
    dialog.their_level.set_level(EmpowermentLevel.ADVISE)
    dialog.next_on.setDate(QDate(2026, 12, 9))
    click_ok(qtbot, dialog)

    after = desk.delegation(did)
    done = [c for c in after.checkpoints if c.outcome is not None]
    assert [(c.outcome, c.note, c.evidence) for c in done] == [
        (CheckpointOutcome.CONCERNS, "Scope creeping", "Roadmap doc")
    ]
    assert after.next_checkpoint is not None
    assert after.next_checkpoint.due_on == date(2026, 12, 9)
    assert after.their_level is EmpowermentLevel.ADVISE


def test_plan_and_reschedule_checkpoint(ctx: AppContext, desk: Desk, person: int, qtbot) -> None:
    did = desk.add_delegation(person, "Pricing", 4, plan_checkpoint=False)
    d = desk.delegation(did)
    plan = open_dialog(qtbot, CheckpointDialog(ctx, CheckpointMode.PLAN, d))
    assert plan.due.date().toPython() == desk.suggest_checkpoint(did)
    click_ok(qtbot, plan)
    cp = desk.delegation(did).next_checkpoint
    assert cp is not None and cp.id == plan.new_id
    move = open_dialog(qtbot, CheckpointDialog(ctx, CheckpointMode.RESCHEDULE, d, cp))
    move.due.setDate(QDate(2027, 1, 15))
    click_ok(qtbot, move)
    assert desk.delegation(did).next_checkpoint.due_on == date(2027, 1, 15)  # type: ignore[union-attr]


# -- success factors and calibrations ----------------------------------------------------------
def test_add_success_factor(ctx: AppContext, desk: Desk, person: int, qtbot) -> None:
    did = desk.add_delegation(person, "Hiring", 5)
    dialog = open_dialog(qtbot, SuccessFactorDialog(ctx, desk.delegation(did)))
    qtbot.keyClicks(dialog.name, "Time to hire")
    qtbot.keyClicks(dialog.definition, "Days from opening a role to a signed offer")
    qtbot.keyClicks(dialog.target, "45")
    qtbot.keyClicks(dialog.unit, "days")
    click_ok(qtbot, dialog)
    [factor] = desk.delegation(did).factors
    assert (factor.name, factor.target, factor.unit) == ("Time to hire", "45", "days")
    assert factor.definition == "Days from opening a role to a signed offer"


def test_calibration_keeps_reason_and_proposer_and_refuses_no_change(
    ctx: AppContext, desk: Desk, person: int, qtbot
) -> None:
    did = desk.add_delegation(person, "Hiring", 5)
    fid = desk.add_success_factor(did, "Time to hire", "Days to signed offer", "45", "days")
    factor = desk.delegation(did).factors[0]
    dialog = open_dialog(qtbot, CalibrationDialog(ctx, factor))
    qtbot.keyClicks(dialog.reason, "Market is slower")
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and "Nothing changed" in dialog.error.text()
    dialog.target.clear()
    qtbot.keyClicks(dialog.target, "60")
    qtbot.mouseClick(dialog.proposer_buttons[Proposer.THEM], Qt.MouseButton.LeftButton)
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    [after] = desk.delegation(did).factors
    assert after.id == fid and after.target == "60"
    [cal] = after.calibrations
    assert (cal.reason, cal.proposed_by, cal.old_target, cal.new_target) == (
        "Market is slower",
        Proposer.THEM,
        "45",
        "60",
    )


# -- trust assessment ------------------------------------------------------------------------
def test_assessment_dialog_records_cores_and_note(
    ctx: AppContext, desk: Desk, person: int, qtbot
) -> None:
    dialog = open_dialog(qtbot, AssessmentDialog(ctx, person))
    for core, value in zip(Core, (5, 4, 3, 4), strict=True):
        dialog.cores[core].setValue(value)
    assert dialog.cores[Core.INTENT].toolTip().startswith("Intent:")
    assert dialog.score.text().startswith("0.75")
    qtbot.keyClicks(dialog.note, "Owns mistakes quickly")
    click_ok(qtbot, dialog)
    [a] = desk.trust_series(person).assessments
    assert (a.integrity, a.intent, a.capabilities, a.results) == (5, 4, 3, 4)
    assert a.note == "Owns mistakes quickly" and a.on == TODAY
    assert a.id == dialog.assessment_id


def test_ctrl_enter_saves_from_a_text_box(ctx: AppContext, desk: Desk, person: int, qtbot) -> None:
    dialog = open_dialog(qtbot, AssessmentDialog(ctx, person))
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.note.setFocus()
    qtbot.keyClicks(dialog.note, "Typed then saved")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    assert [a.note for a in desk.trust_series(person).assessments] == ["Typed then saved"]
