"""Checkpoints (trust and verify), success factors with calibrations, and the glossary."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.errors import ValidationError
from leaddesk.domain.feedback import Proposer
from leaddesk.domain.levels import EmpowermentLevel, LevelKind
from leaddesk.services.changes import Change, ChangeArea
from leaddesk.services.desk import Desk
from leaddesk.services.undo import Deletable

TODAY = date(2026, 11, 25)
L = EmpowermentLevel


@pytest.fixture
def ada(desk: Desk) -> int:
    """A direct report with no track record yet."""
    return desk.add_person("Ada")


@pytest.fixture
def budget(desk: Desk, ada: int) -> int:
    """An Agree-level delegation (base interval 14 days) with no checkpoint planned."""
    return desk.add_delegation(ada, "Budget", L.AGREE, plan_checkpoint=False)


def _open_checkpoint(desk: Desk, delegation: int) -> int:
    nxt = desk.delegation(delegation).next_checkpoint
    assert nxt is not None
    return nxt.id


# -- planning --------------------------------------------------------------------------------
def test_checkpoint_is_planned_on_the_date_given(desk: Desk, budget: int) -> None:
    cp = desk.plan_checkpoint(budget, date(2026, 12, 3))
    nxt = desk.delegation(budget).next_checkpoint
    assert nxt is not None
    assert (nxt.id, nxt.due_on, nxt.outcome) == (cp, date(2026, 12, 3), None)


def test_checkpoint_without_a_date_goes_at_the_suggested_date(desk: Desk, budget: int) -> None:
    desk.plan_checkpoint(budget)
    nxt = desk.delegation(budget).next_checkpoint
    assert nxt is not None
    assert nxt.due_on == TODAY + timedelta(days=14)


def test_next_checkpoint_is_the_earliest_open_one(desk: Desk, budget: int) -> None:
    desk.plan_checkpoint(budget, date(2026, 12, 20))
    early = desk.plan_checkpoint(budget, date(2026, 12, 1))
    nxt = desk.delegation(budget).next_checkpoint
    assert nxt is not None
    assert nxt.id == early


def test_checkpoint_past_its_date_is_overdue(desk: Desk, budget: int) -> None:
    desk.plan_checkpoint(budget, date(2026, 11, 20))
    nxt = desk.delegation(budget).next_checkpoint
    assert nxt is not None
    assert nxt.overdue


def test_planning_on_an_unknown_delegation_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="That delegation does not exist"):
        desk.plan_checkpoint(999, date(2026, 12, 1))
    with pytest.raises(ValidationError, match="That delegation does not exist"):
        desk.plan_checkpoint(999)


def test_planning_with_a_date_out_of_range_is_refused(desk: Desk, budget: int) -> None:
    with pytest.raises(ValidationError, match="Due date 2250-01-01 is out of range"):
        desk.plan_checkpoint(budget, date(2250, 1, 1))
    assert desk.delegation(budget).checkpoints == ()


def test_rescheduling_moves_an_open_checkpoint(desk: Desk, budget: int) -> None:
    cp = desk.plan_checkpoint(budget, date(2026, 12, 1))
    desk.reschedule_checkpoint(cp, date(2026, 12, 8))
    nxt = desk.delegation(budget).next_checkpoint
    assert nxt is not None
    assert nxt.due_on == date(2026, 12, 8)


def test_rescheduling_a_completed_checkpoint_is_refused(desk: Desk, budget: int) -> None:
    cp = desk.plan_checkpoint(budget, date(2026, 11, 25))
    desk.complete_checkpoint(cp, CheckpointOutcome.ON_TRACK, plan_next=False)
    with pytest.raises(ValidationError, match="already completed"):
        desk.reschedule_checkpoint(cp, date(2026, 12, 8))
    assert desk.delegation(budget).checkpoints[0].due_on == date(2026, 11, 25)


def test_rescheduling_an_unknown_checkpoint_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="That checkpoint does not exist"):
        desk.reschedule_checkpoint(999, date(2026, 12, 8))


def test_rescheduling_to_a_date_out_of_range_is_refused(desk: Desk, budget: int) -> None:
    cp = desk.plan_checkpoint(budget, date(2026, 12, 1))
    with pytest.raises(ValidationError, match="out of range"):
        desk.reschedule_checkpoint(cp, date(1066, 10, 14))


# -- completing ------------------------------------------------------------------------------
def test_completing_records_outcome_note_and_evidence(desk: Desk, budget: int) -> None:
    cp = desk.plan_checkpoint(budget, date(2026, 11, 24))
    desk.complete_checkpoint(
        cp, CheckpointOutcome.CONCERNS, note="Forecast slipping", evidence="Q3 numbers", on=TODAY
    )
    done = next(c for c in desk.delegation(budget).checkpoints if c.id == cp)
    assert done.outcome is CheckpointOutcome.CONCERNS
    assert done.completed_on == TODAY
    assert done.note == "Forecast slipping"
    assert done.evidence == "Q3 numbers"
    assert not done.overdue


def test_completing_plans_the_next_checkpoint_at_the_suggested_date(
    desk: Desk, budget: int
) -> None:
    cp = desk.plan_checkpoint(budget, TODAY)
    nxt_day = desk.complete_checkpoint(cp, CheckpointOutcome.ON_TRACK)
    assert nxt_day == TODAY + timedelta(days=14)
    nxt = desk.delegation(budget).next_checkpoint
    assert nxt is not None
    assert nxt.id != cp
    assert nxt.due_on == nxt_day


def test_completing_off_track_plans_the_next_in_three_days(desk: Desk, budget: int) -> None:
    cp = desk.plan_checkpoint(budget, TODAY)
    assert desk.complete_checkpoint(cp, CheckpointOutcome.OFF_TRACK) == TODAY + timedelta(days=3)
    nxt = desk.delegation(budget).next_checkpoint
    assert nxt is not None
    assert nxt.due_on == TODAY + timedelta(days=3)


def test_completing_counts_the_next_checkpoint_from_the_completion_day(
    desk: Desk, budget: int
) -> None:
    cp = desk.plan_checkpoint(budget, date(2026, 11, 1))
    assert desk.complete_checkpoint(cp, CheckpointOutcome.ON_TRACK, on=date(2026, 11, 2)) == date(
        2026, 11, 16
    )


def test_next_checkpoint_can_be_chosen_by_the_user(desk: Desk, budget: int) -> None:
    cp = desk.plan_checkpoint(budget, TODAY)
    assert desk.complete_checkpoint(
        cp, CheckpointOutcome.ON_TRACK, next_on=date(2027, 1, 10)
    ) == date(2027, 1, 10)
    nxt = desk.delegation(budget).next_checkpoint
    assert nxt is not None
    assert nxt.due_on == date(2027, 1, 10)


def test_next_checkpoint_before_this_one_is_refused_and_nothing_is_recorded(
    desk: Desk, budget: int
) -> None:
    cp = desk.plan_checkpoint(budget, TODAY)
    with pytest.raises(ValidationError, match="cannot be before this one"):
        desk.complete_checkpoint(cp, CheckpointOutcome.ON_TRACK, next_on=TODAY - timedelta(days=1))
    (only,) = desk.delegation(budget).checkpoints
    assert only.outcome is None


def test_completing_without_planning_next_only_suggests_it(desk: Desk, budget: int) -> None:
    cp = desk.plan_checkpoint(budget, TODAY)
    assert desk.complete_checkpoint(
        cp, CheckpointOutcome.ON_TRACK, plan_next=False
    ) == TODAY + timedelta(days=14)
    d = desk.delegation(budget)
    assert d.next_checkpoint is None
    assert len(d.checkpoints) == 1


def test_completing_twice_is_refused(desk: Desk, budget: int) -> None:
    cp = desk.plan_checkpoint(budget, TODAY)
    desk.complete_checkpoint(cp, CheckpointOutcome.ON_TRACK, plan_next=False)
    with pytest.raises(ValidationError, match="already completed"):
        desk.complete_checkpoint(cp, CheckpointOutcome.OFF_TRACK, plan_next=False)
    assert desk.delegation(budget).checkpoints[0].outcome is CheckpointOutcome.ON_TRACK


def test_completing_an_unknown_checkpoint_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="That checkpoint does not exist"):
        desk.complete_checkpoint(999, CheckpointOutcome.ON_TRACK)


def test_completing_a_checkpoint_of_a_deleted_delegation_is_refused(
    desk: Desk, budget: int
) -> None:
    cp = desk.plan_checkpoint(budget, TODAY)
    desk.delete(Deletable.DELEGATION, budget)
    with pytest.raises(ValidationError, match="That delegation does not exist"):
        desk.complete_checkpoint(cp, CheckpointOutcome.ON_TRACK)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"note": "n" * 100_001}, "Note is 100,001 characters long; the limit is 100,000"),
        ({"evidence": "look\x00here"}, "Evidence contains a control character"),
        ({"on": date(1800, 1, 1)}, "out of range"),
        ({"next_on": date(2300, 1, 1)}, "Next checkpoint 2300-01-01 is out of range"),
    ],
)
def test_invalid_completion_is_refused_and_the_checkpoint_stays_open(
    desk: Desk, budget: int, kwargs: dict[str, object], message: str
) -> None:
    cp = desk.plan_checkpoint(budget, TODAY)
    with pytest.raises(ValidationError, match=message):
        desk.complete_checkpoint(cp, CheckpointOutcome.ON_TRACK, **kwargs)  # type: ignore[arg-type]
    (only,) = desk.delegation(budget).checkpoints
    assert only.outcome is None


def test_completing_records_the_level_they_say_they_hold(desk: Desk, budget: int) -> None:
    cp = desk.plan_checkpoint(budget, TODAY)
    desk.complete_checkpoint(cp, CheckpointOutcome.ON_TRACK, their_level=L.ADVISE)
    d = desk.delegation(budget)
    assert d.their_level is L.ADVISE
    assert d.clarity_gap
    change = d.history[-1]
    assert change.kind is LevelKind.THEIRS
    assert change.to_level is L.ADVISE
    assert change.reason == "Said at a checkpoint"


def test_their_level_unchanged_at_a_checkpoint_adds_no_history(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.AGREE, their_level=L.AGREE)
    cp = _open_checkpoint(desk, ident)
    before = desk.delegation(ident).history
    assert [h.kind for h in before] == [LevelKind.MINE, LevelKind.THEIRS]  # both agreed at start
    desk.complete_checkpoint(cp, CheckpointOutcome.ON_TRACK, their_level=L.AGREE)
    assert desk.delegation(ident).history == before


def test_invalid_their_level_at_a_checkpoint_is_refused_before_anything_is_saved(
    desk: Desk, budget: int
) -> None:
    cp = desk.plan_checkpoint(budget, TODAY)
    with pytest.raises(ValidationError, match="Level 9 does not exist"):
        desk.complete_checkpoint(cp, CheckpointOutcome.ON_TRACK, their_level=9)
    d = desk.delegation(budget)
    assert [c.outcome for c in d.checkpoints] == [None]
    assert d.their_level is None


def test_listeners_hear_about_checkpoint_writes(desk: Desk, budget: int) -> None:
    heard: list[Change] = []
    desk.subscribe(heard.append)
    cp = desk.plan_checkpoint(budget, TODAY)
    desk.reschedule_checkpoint(cp, TODAY + timedelta(days=1))
    desk.complete_checkpoint(cp, CheckpointOutcome.ON_TRACK, on=TODAY + timedelta(days=1))
    assert [c.area for c in heard] == [ChangeArea.CHECKPOINTS] * 3


# -- success factors -------------------------------------------------------------------------
def test_success_factor_is_kept_in_the_words_both_use(desk: Desk, budget: int) -> None:
    ident = desk.add_success_factor(
        budget,
        "Forecast accuracy",
        "Actuals within 5% of the forecast, monthly",
        target="95",
        unit="%",
        agreed_on=date(2026, 11, 1),
    )
    (factor,) = desk.delegation(budget).factors
    assert factor.id == ident
    assert factor.name == "Forecast accuracy"
    assert factor.definition == "Actuals within 5% of the forecast, monthly"
    assert (factor.target, factor.unit) == ("95", "%")
    assert factor.agreed_on == date(2026, 11, 1)
    assert factor.calibrations == ()
    assert factor.last_calibrated_on == date(2026, 11, 1)


def test_success_factor_target_and_unit_are_optional(desk: Desk, budget: int) -> None:
    desk.add_success_factor(budget, "Team morale", "Nobody leaves for a competitor")
    (factor,) = desk.delegation(budget).factors
    assert (factor.target, factor.unit, factor.agreed_on) == (None, None, TODAY)


@pytest.mark.parametrize(
    ("name", "definition", "kwargs", "message"),
    [
        ("", "Defined", {}, "Name cannot be empty"),
        ("Accuracy", "   ", {}, "Agreed definition cannot be empty"),
        ("Accuracy", "d" * 100_001, {}, "Agreed definition is 100,001 characters long"),
        ("Accuracy", "Defined", {"unit": "u" * 51}, "Unit is 51 characters long; the limit is 50"),
        ("Accuracy", "Defined", {"target": "9\x015"}, "Target contains a control character"),
        ("Accuracy", "Defined", {"agreed_on": date(1700, 1, 1)}, "Agreed on 1700-01-01"),
    ],
)
def test_invalid_success_factor_is_refused(
    desk: Desk, budget: int, name: str, definition: str, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        desk.add_success_factor(budget, name, definition, **kwargs)  # type: ignore[arg-type]
    assert desk.delegation(budget).factors == ()


def test_success_factor_on_an_unknown_delegation_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="That delegation does not exist"):
        desk.add_success_factor(999, "Accuracy", "Defined")


def test_calibrating_the_definition_keeps_the_old_one_with_reason_and_proposer(
    desk: Desk, budget: int
) -> None:
    ident = desk.add_success_factor(
        budget, "Accuracy", "Within 5%", target="95", agreed_on=date(2026, 8, 1)
    )
    desk.calibrate_success_factor(
        ident,
        "Seasonality",
        Proposer.THEM,
        definition="Within 5%, seasonally adjusted",
        on=date(2026, 11, 20),
    )
    (factor,) = desk.delegation(budget).factors
    assert factor.definition == "Within 5%, seasonally adjusted"
    assert factor.target == "95"
    (cal,) = factor.calibrations
    assert cal.on == date(2026, 11, 20)
    assert cal.reason == "Seasonality"
    assert cal.proposed_by is Proposer.THEM
    assert (cal.old_definition, cal.new_definition) == (
        "Within 5%",
        "Within 5%, seasonally adjusted",
    )
    assert (cal.old_target, cal.new_target) == ("95", "95")
    assert factor.last_calibrated_on == date(2026, 11, 20)


def test_calibrating_the_target_keeps_the_old_target(desk: Desk, budget: int) -> None:
    ident = desk.add_success_factor(budget, "Accuracy", "Within 5%", target="95")
    desk.calibrate_success_factor(ident, "Too easy", Proposer.ME, target="98")
    desk.calibrate_success_factor(ident, "Agreed stretch", Proposer.BOTH, target="99")
    (factor,) = desk.delegation(budget).factors
    assert factor.target == "99"
    assert [(c.old_target, c.new_target, c.proposed_by) for c in factor.calibrations] == [
        ("95", "98", Proposer.ME),
        ("98", "99", Proposer.BOTH),
    ]
    assert factor.definition == "Within 5%"


def test_calibration_that_changes_nothing_is_refused(desk: Desk, budget: int) -> None:
    ident = desk.add_success_factor(budget, "Accuracy", "Within 5%", target="95")
    with pytest.raises(ValidationError, match="Nothing changed"):
        desk.calibrate_success_factor(ident, "Because", Proposer.ME)
    with pytest.raises(ValidationError, match="Nothing changed"):
        desk.calibrate_success_factor(
            ident, "Because", Proposer.ME, definition="Within 5%", target="95"
        )
    assert desk.delegation(budget).factors[0].calibrations == ()


@pytest.mark.parametrize(
    ("reason", "kwargs", "message"),
    [
        ("", {"target": "98"}, "Reason cannot be empty"),
        ("Because", {"definition": "  "}, "Agreed definition cannot be empty"),
        ("Because", {"target": "t" * 201}, "Target is 201 characters long"),
        ("Why\x02", {"target": "98"}, "Reason contains a control character"),
        ("Because", {"target": "98", "on": date(2999, 1, 1)}, "out of range"),
    ],
)
def test_invalid_calibration_is_refused_and_changes_nothing(
    desk: Desk, budget: int, reason: str, kwargs: dict[str, object], message: str
) -> None:
    ident = desk.add_success_factor(budget, "Accuracy", "Within 5%", target="95")
    with pytest.raises(ValidationError, match=message):
        desk.calibrate_success_factor(
            ident,
            reason,
            Proposer.ME,
            **kwargs,  # type: ignore[arg-type]
        )
    (factor,) = desk.delegation(budget).factors
    assert (factor.definition, factor.target, factor.calibrations) == ("Within 5%", "95", ())


def test_calibration_before_the_factor_was_agreed_is_refused(desk: Desk, budget: int) -> None:
    ident = desk.add_success_factor(budget, "Accuracy", "Within 5%", agreed_on=date(2026, 11, 1))
    with pytest.raises(ValidationError, match="cannot come before the factor was agreed"):
        desk.calibrate_success_factor(
            ident, "Because", Proposer.ME, target="98", on=date(2026, 10, 31)
        )
    assert desk.delegation(budget).factors[0].target is None


def test_calibrating_an_unknown_factor_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="That success factor does not exist"):
        desk.calibrate_success_factor(999, "Because", Proposer.ME, target="1")


# -- terms -----------------------------------------------------------------------------------
def test_team_term_is_shown_with_everyone(desk: Desk, ada: int) -> None:
    bob = desk.add_person("Bob")
    ident = desk.add_term("launched", "Available to all paying customers")
    for person in (None, ada, bob):
        (term,) = desk.terms(person)
        assert (term.id, term.person_id, term.term) == (ident, None, "launched")
        assert term.meaning == "Available to all paying customers"
        assert term.agreed_on == TODAY


def test_personal_term_is_shown_only_with_that_person(desk: Desk, ada: int) -> None:
    bob = desk.add_person("Bob")
    team = desk.add_term("launched", "Available to all paying customers")
    mine = desk.add_term("done", "Merged and deployed", person_id=ada, agreed_on=date(2026, 9, 1))
    assert [t.id for t in desk.terms(ada)] == [mine, team]
    assert [t.id for t in desk.terms(bob)] == [team]
    assert [t.id for t in desk.terms()] == [team]
    assert desk.terms(ada)[0].agreed_on == date(2026, 9, 1)


def test_terms_are_sorted_alphabetically(desk: Desk) -> None:
    for word in ("velocity", "churn", "launched"):
        desk.add_term(word, "Means something")
    assert [t.term for t in desk.terms()] == ["churn", "launched", "velocity"]


def test_term_can_be_reworded(desk: Desk) -> None:
    ident = desk.add_term("launched", "In beta")
    desk.update_term(ident, meaning="Available to all paying customers")
    desk.update_term(ident, term="shipped")
    (term,) = desk.terms()
    assert (term.term, term.meaning) == ("shipped", "Available to all paying customers")


@pytest.mark.parametrize(
    ("term", "meaning", "message"),
    [
        ("", "Something", "Term cannot be empty"),
        ("launched", "", "Meaning cannot be empty"),
        ("launched", "m" * 100_001, "Meaning is 100,001 characters long"),
        ("laun\x0cched", "Something", "Term contains a control character"),
    ],
)
def test_invalid_term_is_refused(desk: Desk, term: str, meaning: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        desk.add_term(term, meaning)
    assert desk.terms() == []


def test_invalid_rewording_of_a_term_is_refused(desk: Desk) -> None:
    ident = desk.add_term("launched", "In beta")
    with pytest.raises(ValidationError, match="Meaning cannot be empty"):
        desk.update_term(ident, meaning=" ")
    with pytest.raises(ValidationError, match="Term cannot be empty"):
        desk.update_term(ident, term="")
    assert desk.terms()[0].meaning == "In beta"


def test_term_for_an_unknown_person_or_unknown_term_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="That person does not exist"):
        desk.add_term("done", "Deployed", person_id=999)
    with pytest.raises(ValidationError, match="That term does not exist"):
        desk.update_term(999, meaning="Deployed")


def test_suggestion_after_an_outcome_is_the_date_completing_it_plans(desk: Desk, ada: int) -> None:
    desk.update_settings(low_trust_factor=0.3)
    ident = desk.add_delegation(ada, "Budget", L.CONSULT)
    for outcome in (CheckpointOutcome.OFF_TRACK, CheckpointOutcome.CONCERNS):
        cp = _open_checkpoint(desk, ident)
        preview = desk.suggest_after_outcome(ident, outcome)
        assert desk.complete_checkpoint(cp, outcome) == preview
