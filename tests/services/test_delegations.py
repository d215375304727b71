"""Delegations: levels (mine, theirs, target) with history, clarity gaps, state, cadence."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.errors import ValidationError
from leaddesk.domain.levels import DelegationState, EmpowermentLevel, LevelKind
from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.changes import Change, ChangeArea
from leaddesk.services.desk import Desk
from leaddesk.services.undo import Deletable

TODAY = date(2026, 11, 25)
L = EmpowermentLevel


@pytest.fixture
def ada(desk: Desk) -> int:
    """A direct report with no track record yet."""
    return desk.add_person("Ada Lovelace", role="VP Engineering")


def _keep_on_time(desk: Desk, person: int, count: int) -> None:
    for n in range(count):
        p = desk.add_promise(person, PromiseDirection.THEIRS, f"Deliverable {n}", due_on=TODAY)
        desk.keep_promise(p)


def test_new_delegation_keeps_its_words_and_levels(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(
        ada,
        "Hiring plan",
        L.CONSULT,
        done_means="Plan approved by finance",
        involve_me_when="Spend over 50k",
        their_level=L.AGREE,
        target_level=L.INQUIRE,
        review_on=date(2027, 1, 15),
    )
    d = desk.delegation(ident)
    assert d.person_id == ada
    assert d.person_name == "Ada Lovelace"
    assert d.title == "Hiring plan"
    assert d.done_means == "Plan approved by finance"
    assert d.involve_me_when == "Spend over 50k"
    assert d.my_level is L.CONSULT
    assert d.their_level is L.AGREE
    assert d.target_level is L.INQUIRE
    assert d.review_on == date(2027, 1, 15)
    assert d.state is DelegationState.ACTIVE
    assert d.created_on == TODAY


def test_delegating_records_a_first_history_row(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.ADVISE, on=date(2026, 11, 1))
    (first,) = desk.delegation(ident).history
    assert first.kind is LevelKind.MINE
    assert first.from_level is None
    assert first.to_level is L.ADVISE
    assert first.on == date(2026, 11, 1)
    assert first.reason == "Delegated"


@pytest.mark.parametrize(
    ("given", "expected"), [(5, L.ADVISE), ("inquire", L.INQUIRE), ("2", L.SELL)]
)
def test_level_can_be_given_as_number_or_name(
    desk: Desk, ada: int, given: int | str, expected: EmpowermentLevel
) -> None:
    ident = desk.add_delegation(ada, "Budget", given)  # type: ignore[arg-type]
    assert desk.delegation(ident).my_level is expected


@pytest.mark.parametrize(
    ("level", "message"),
    [
        (0, "Level 0 does not exist; levels go from 1 \\(Tell\\) to 7 \\(Delegate\\)"),
        (8, "Level 8 does not exist"),
        ("boss", "'boss' is not a level of empowerment"),
    ],
)
def test_level_that_does_not_exist_is_refused(
    desk: Desk, ada: int, level: int | str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        desk.add_delegation(ada, "Budget", level)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=message):
        desk.add_delegation(ada, "Budget", L.TELL, their_level=level)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=message):
        desk.add_delegation(ada, "Budget", L.TELL, target_level=level)  # type: ignore[arg-type]
    assert desk.delegations() == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"title": ""}, "Title cannot be empty"),
        ({"title": "Two\nlines"}, "Title must fit on one line"),
        ({"title": "T" * 201}, "Title is 201 characters long; the limit is 200"),
        ({"done_means": "x" * 100_001}, "What done means is 100,001 characters long"),
        ({"involve_me_when": "bad\x1b"}, "Involve me when contains a control character"),
        ({"review_on": date(2201, 1, 1)}, "Review date 2201-01-01 is out of range"),
        ({"on": date(1899, 12, 31)}, "Date 1899-12-31 is out of range"),
    ],
)
def test_invalid_delegation_is_refused_with_a_readable_message(
    desk: Desk, ada: int, kwargs: dict[str, object], message: str
) -> None:
    args: dict[str, object] = {"title": "Budget", **kwargs}
    title = args.pop("title")
    with pytest.raises(ValidationError, match=message):
        desk.add_delegation(ada, title, L.CONSULT, **args)  # type: ignore[arg-type]
    assert desk.delegations() == []


def test_delegating_to_someone_unknown_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="That person does not exist"):
        desk.add_delegation(999, "Budget", L.CONSULT)


def test_update_delegation_changes_its_words(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT, review_on=date(2027, 1, 1))
    desk.update_delegation(
        ident, title="Budget 2027", done_means="Signed off", involve_me_when="Any cut"
    )
    d = desk.delegation(ident)
    assert (d.title, d.done_means, d.involve_me_when) == ("Budget 2027", "Signed off", "Any cut")
    assert d.review_on == date(2027, 1, 1)
    desk.update_delegation(ident, review_on=date(2027, 2, 1))
    assert desk.delegation(ident).review_on == date(2027, 2, 1)
    desk.update_delegation(ident, clear_review=True)
    assert desk.delegation(ident).review_on is None


def test_update_delegation_refuses_an_empty_title(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT)
    with pytest.raises(ValidationError, match="Title cannot be empty"):
        desk.update_delegation(ident, title="  ")
    assert desk.delegation(ident).title == "Budget"


# -- level changes ---------------------------------------------------------------------------
def test_changing_my_level_is_kept_as_history_with_date_and_reason(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT, on=date(2026, 10, 1))
    desk.change_level(ident, L.ADVISE, "Two clean quarters", on=date(2026, 11, 20))
    d = desk.delegation(ident)
    assert d.my_level is L.ADVISE
    change = d.history[-1]
    assert change.kind is LevelKind.MINE
    assert (change.from_level, change.to_level) == (L.CONSULT, L.ADVISE)
    assert change.on == date(2026, 11, 20)
    assert change.reason == "Two clean quarters"
    assert change.is_up
    assert len(d.history) == 2


def test_level_down_is_marked_as_not_up(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.ADVISE)
    desk.change_level(ident, L.CONSULT, "Missed the forecast")
    assert not desk.delegation(ident).history[-1].is_up


def test_changing_my_level_suggests_the_next_checkpoint_for_the_new_level(
    desk: Desk, ada: int
) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT)
    assert desk.change_level(ident, L.DELEGATE, "Proven") == TODAY + timedelta(days=42)


@pytest.mark.parametrize("reason", ["", "   "])
def test_changing_my_level_needs_a_reason(desk: Desk, ada: int, reason: str) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT)
    with pytest.raises(ValidationError, match="Reason cannot be empty"):
        desk.change_level(ident, L.ADVISE, reason)
    d = desk.delegation(ident)
    assert d.my_level is L.CONSULT
    assert len(d.history) == 1


def test_changing_to_the_same_level_is_refused(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT)
    with pytest.raises(ValidationError, match="The level is already Consult"):
        desk.change_level(ident, L.CONSULT, "No change")
    assert len(desk.delegation(ident).history) == 1


def test_my_level_cannot_be_emptied(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT)
    with pytest.raises(ValidationError, match="My level cannot be empty"):
        desk.change_level(ident, None, "Because")


def test_invalid_new_level_is_refused(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT)
    with pytest.raises(ValidationError, match="Level 9 does not exist"):
        desk.change_level(ident, 9, "Because")


def test_their_level_is_recorded_without_a_reason(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT)
    assert desk.change_level(ident, L.CONSULT, kind=LevelKind.THEIRS) is None
    d = desk.delegation(ident)
    assert d.their_level is L.CONSULT
    change = d.history[-1]
    assert change.kind is LevelKind.THEIRS
    assert (change.from_level, change.to_level) == (None, L.CONSULT)


def test_same_their_level_is_refused(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT, their_level=L.AGREE)
    with pytest.raises(ValidationError, match="already Agree"):
        desk.change_level(ident, L.AGREE, kind=LevelKind.THEIRS)


def test_their_level_can_be_cleared(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT, their_level=L.AGREE)
    desk.change_level(ident, None, "Forgot to ask properly", kind=LevelKind.THEIRS)
    d = desk.delegation(ident)
    assert d.their_level is None
    assert d.history[-1].to_level is None
    with pytest.raises(ValidationError, match="already empty"):
        desk.change_level(ident, None, kind=LevelKind.THEIRS)


def test_target_level_change_is_kept_as_history(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT)
    desk.change_level(ident, L.DELEGATE, "Where we want to be by summer", kind=LevelKind.TARGET)
    d = desk.delegation(ident)
    assert d.target_level is L.DELEGATE
    assert d.history[-1].kind is LevelKind.TARGET
    assert d.history[-1].reason == "Where we want to be by summer"
    assert d.my_level is L.CONSULT


def test_level_change_of_unknown_delegation_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="That delegation does not exist"):
        desk.change_level(999, L.ADVISE, "Because")


# -- clarity gaps ----------------------------------------------------------------------------
def test_their_level_different_from_mine_is_a_clarity_gap(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT, their_level=L.DELEGATE)
    assert desk.delegation(ident).clarity_gap


def test_no_clarity_gap_before_their_level_is_known(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT)
    assert not desk.delegation(ident).clarity_gap


def test_agreeing_on_the_level_closes_the_clarity_gap(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT, their_level=L.DELEGATE)
    desk.change_level(ident, L.CONSULT, kind=LevelKind.THEIRS)
    assert not desk.delegation(ident).clarity_gap


def test_changing_my_level_can_open_a_clarity_gap(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT, their_level=L.CONSULT)
    desk.change_level(ident, L.ADVISE, "More room")
    assert desk.delegation(ident).clarity_gap


# -- state -----------------------------------------------------------------------------------
@pytest.mark.parametrize("state", [DelegationState.COMPLETED, DelegationState.WITHDRAWN])
def test_finished_delegation_keeps_its_state_and_leaves_the_active_list(
    desk: Desk, ada: int, state: DelegationState
) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT)
    other = desk.add_delegation(ada, "Hiring", L.ADVISE)
    desk.set_delegation_state(ident, state)
    assert desk.delegation(ident).state is state
    assert [d.id for d in desk.delegations(ada, active_only=True)] == [other]
    assert [d.id for d in desk.delegations(ada)] == [ident, other]


def test_finished_delegation_can_be_reactivated(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT)
    desk.set_delegation_state(ident, DelegationState.WITHDRAWN)
    desk.set_delegation_state(ident, DelegationState.ACTIVE)
    assert [d.id for d in desk.delegations(active_only=True)] == [ident]


def test_state_changes_are_kept_as_dated_history_on_the_timeline(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT)
    desk.set_delegation_state(ident, DelegationState.WITHDRAWN, on=date(2026, 10, 1))
    desk.set_delegation_state(ident, DelegationState.WITHDRAWN, on=date(2026, 10, 2))  # no change
    desk.set_delegation_state(ident, DelegationState.ACTIVE, on=date(2026, 11, 2))
    desk.set_delegation_state(ident, DelegationState.COMPLETED)
    texts = ("Completed Budget", "Made Budget active again", "Withdrew Budget")
    assert [(e.on, e.text) for e in desk.timeline(ada) if e.text in texts] == [
        (date(2026, 11, 25), "Completed Budget"),
        (date(2026, 11, 2), "Made Budget active again"),
        (date(2026, 10, 1), "Withdrew Budget"),
    ]
    assert dict(desk.counts().counts)["state changes"] == 3


def test_state_change_of_unknown_delegation_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="That delegation does not exist"):
        desk.set_delegation_state(999, DelegationState.COMPLETED)


def test_state_change_with_date_out_of_range_is_refused(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT)
    with pytest.raises(ValidationError, match="out of range"):
        desk.set_delegation_state(ident, DelegationState.COMPLETED, on=date(1000, 1, 1))
    assert desk.delegation(ident).state is DelegationState.ACTIVE


# -- reading ---------------------------------------------------------------------------------
def test_delegations_are_listed_per_person_in_creation_order(desk: Desk, ada: int) -> None:
    bob = desk.add_person("Bob")
    first = desk.add_delegation(ada, "Budget", L.CONSULT, on=date(2026, 1, 1))
    other = desk.add_delegation(bob, "Sales", L.TELL, on=date(2026, 2, 1))
    second = desk.add_delegation(ada, "Hiring", L.ADVISE, on=date(2026, 3, 1))
    assert [d.id for d in desk.delegations(ada)] == [first, second]
    assert [d.id for d in desk.delegations()] == [first, other, second]


def test_unknown_delegation_cannot_be_read_or_edited(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="That delegation does not exist"):
        desk.delegation(999)
    with pytest.raises(ValidationError, match="That delegation does not exist"):
        desk.update_delegation(999, title="X")
    with pytest.raises(ValidationError, match="That delegation does not exist"):
        desk.suggest_checkpoint(999)


def test_delegations_of_a_deleted_person_are_hidden_and_refused(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT)
    desk.delete(Deletable.PERSON, ada)
    assert desk.delegations() == []
    with pytest.raises(ValidationError, match="does not exist"):
        desk.delegation(ident)
    with pytest.raises(ValidationError, match="does not exist"):
        desk.change_level(ident, L.ADVISE, "Because")


# -- suggested checkpoint dates (PRODUCT.md, "Smart-trust checkpoint cadence") ---------------
@pytest.mark.parametrize(
    ("level", "days"),
    [
        (L.TELL, 7),
        (L.SELL, 7),
        (L.CONSULT, 14),
        (L.AGREE, 14),
        (L.ADVISE, 21),
        (L.INQUIRE, 28),
        (L.DELEGATE, 42),
    ],
)
def test_first_checkpoint_is_planned_at_the_base_interval_of_the_level(
    desk: Desk, ada: int, level: EmpowermentLevel, days: int
) -> None:
    ident = desk.add_delegation(ada, "Budget", level)
    d = desk.delegation(ident)
    assert d.next_checkpoint is not None
    assert d.next_checkpoint.due_on == TODAY + timedelta(days=days)
    assert len(d.checkpoints) == 1


def test_first_checkpoint_counts_from_the_day_of_delegating(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT, on=date(2026, 11, 1))
    nxt = desk.delegation(ident).next_checkpoint
    assert nxt is not None
    assert nxt.due_on == date(2026, 11, 15)
    assert nxt.overdue


def test_delegation_can_be_created_without_a_checkpoint(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.CONSULT, plan_checkpoint=False)
    d = desk.delegation(ident)
    assert d.checkpoints == ()
    assert d.next_checkpoint is None


def test_high_track_record_stretches_the_interval_by_one_and_a_half(desk: Desk, ada: int) -> None:
    _keep_on_time(desk, ada, 4)
    assert desk.trust_series(ada).current.expectation >= 0.8
    ident = desk.add_delegation(ada, "Budget", L.CONSULT)
    assert desk.suggest_checkpoint(ident) == TODAY + timedelta(days=21)
    nxt = desk.delegation(ident).next_checkpoint
    assert nxt is not None
    assert nxt.due_on == TODAY + timedelta(days=21)


def test_low_track_record_halves_the_interval(desk: Desk, ada: int) -> None:
    broken = desk.add_promise(ada, PromiseDirection.THEIRS, "Report")
    desk.break_promise(broken)
    ident = desk.add_delegation(ada, "Budget", L.INQUIRE)
    assert desk.suggest_checkpoint(ident) == TODAY + timedelta(days=14)


def test_middling_track_record_keeps_the_base_interval(desk: Desk, ada: int) -> None:
    _keep_on_time(desk, ada, 1)
    ident = desk.add_delegation(ada, "Budget", L.INQUIRE)
    assert desk.suggest_checkpoint(ident) == TODAY + timedelta(days=28)


def test_after_an_off_track_checkpoint_the_next_comes_in_three_days(desk: Desk, ada: int) -> None:
    _keep_on_time(desk, ada, 6)
    ident = desk.add_delegation(ada, "Budget", L.DELEGATE)
    cp = desk.delegation(ident).next_checkpoint
    assert cp is not None
    desk.complete_checkpoint(cp.id, CheckpointOutcome.OFF_TRACK, on=TODAY, plan_next=False)
    assert desk.suggest_checkpoint(ident) == TODAY + timedelta(days=3)


def test_suggestion_counts_from_the_day_given(desk: Desk, ada: int) -> None:
    ident = desk.add_delegation(ada, "Budget", L.ADVISE)
    assert desk.suggest_checkpoint(ident, on=date(2027, 1, 1)) == date(2027, 1, 22)


def test_listeners_hear_about_delegation_writes(desk: Desk, ada: int) -> None:
    heard: list[Change] = []
    desk.subscribe(heard.append)
    ident = desk.add_delegation(ada, "Budget", L.CONSULT)
    desk.change_level(ident, L.ADVISE, "Ready")
    desk.set_delegation_state(ident, DelegationState.COMPLETED)
    assert [c.area for c in heard] == [ChangeArea.DELEGATIONS] * 3
    assert heard[0].person_id == ada


def test_board_cards_hold_active_delegations_of_active_people_with_their_next_checkpoint(
    desk: Desk,
) -> None:
    ada = desk.add_person("Ada Lovelace")
    bob = desk.add_person("Bob Archived")
    plan = desk.add_delegation(ada, "Hiring plan", 3, their_level=5, target_level=6)
    done = desk.add_delegation(ada, "Old project", 4)
    desk.set_delegation_state(done, DelegationState.COMPLETED)
    desk.add_delegation(bob, "Budget", 2)
    desk.archive_person(bob)
    [card] = desk.board_cards()
    full = desk.delegation(plan)
    assert (card.id, card.person_name, card.title) == (plan, "Ada Lovelace", "Hiring plan")
    assert (card.my_level, card.their_level, card.target_level) == (
        full.my_level,
        full.their_level,
        full.target_level,
    )
    assert card.clarity_gap
    assert card.next_checkpoint == full.next_checkpoint
