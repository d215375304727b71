"""Tests for leaddesk/domain/promises.py: promise states, transitions and evidence."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.promises import (
    PromiseDirection,
    PromiseState,
    allowed_transitions,
    check_renegotiation,
    check_transition,
    kept_on_time,
    promise_evidence,
)

S = PromiseState
TODAY = date(2024, 5, 10)

VALID = {
    (S.OPEN, S.KEPT),
    (S.OPEN, S.BROKEN),
    (S.OPEN, S.RENEGOTIATED),
    (S.OPEN, S.RELEASED),
    (S.RENEGOTIATED, S.KEPT),
    (S.RENEGOTIATED, S.BROKEN),
    (S.RENEGOTIATED, S.RENEGOTIATED),
    (S.RENEGOTIATED, S.RELEASED),
}
ALL_PAIRS = [(current, target) for current in S for target in S]
INVALID = [pair for pair in ALL_PAIRS if pair not in VALID]
FINAL = [S.KEPT, S.BROKEN, S.RELEASED]


def _params(pairs: list[tuple[PromiseState, PromiseState]]) -> list[object]:
    return [pytest.param(a, b, id=f"{a.value}->{b.value}") for a, b in pairs]


@pytest.mark.parametrize(("current", "target"), _params(sorted(VALID, key=str)))
def test_valid_transition_is_accepted(current: PromiseState, target: PromiseState) -> None:
    check_transition(current, target)  # accepted: does not raise
    assert target in allowed_transitions(current)


@pytest.mark.parametrize(("current", "target"), _params(INVALID))
def test_invalid_transition_is_refused_with_a_message(
    current: PromiseState, target: PromiseState
) -> None:
    assert target not in allowed_transitions(current)
    with pytest.raises(ValidationError) as raised:
        check_transition(current, target)
    message = str(raised.value)
    assert current.value in message
    assert message.endswith(".")


def test_transition_table_covers_every_pair() -> None:
    assert len(VALID) + len(INVALID) == len(S) ** 2 == 25


@pytest.mark.parametrize("final", FINAL)
def test_kept_broken_or_released_promise_can_no_longer_change(final: PromiseState) -> None:
    assert allowed_transitions(final) == frozenset()
    with pytest.raises(ValidationError, match=f"already {final.value}; it can no longer change"):
        check_transition(final, S.OPEN)


def test_open_promise_cannot_become_open_again() -> None:
    with pytest.raises(ValidationError, match="A promise that is open cannot become open"):
        check_transition(S.OPEN, S.OPEN)


def test_renegotiated_promise_cannot_reopen() -> None:
    with pytest.raises(ValidationError, match="renegotiated cannot become open"):
        check_transition(S.RENEGOTIATED, S.OPEN)


def test_open_and_renegotiated_promises_have_the_same_exits() -> None:
    exits = {S.KEPT, S.BROKEN, S.RENEGOTIATED, S.RELEASED}
    assert allowed_transitions(S.OPEN) == exits
    assert allowed_transitions(S.RENEGOTIATED) == exits


@pytest.mark.parametrize(
    ("state", "is_open"),
    [
        (S.OPEN, True),
        (S.RENEGOTIATED, True),
        (S.KEPT, False),
        (S.BROKEN, False),
        (S.RELEASED, False),
    ],
)
def test_renegotiated_promise_is_still_open(state: PromiseState, is_open: bool) -> None:
    assert state.is_open is is_open


def test_directions_are_mine_and_theirs() -> None:
    assert {d.value for d in PromiseDirection} == {"mine", "theirs"}


# --- renegotiation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current_due", "new_due"),
    [
        (TODAY + timedelta(days=3), TODAY + timedelta(days=10)),  # later, before it was due
        (TODAY + timedelta(days=10), TODAY + timedelta(days=2)),  # earlier, still in the future
        (TODAY + timedelta(days=5), TODAY),  # today is not the past
        (None, TODAY + timedelta(days=7)),  # a promise that had no due date
    ],
    ids=["later", "earlier", "today", "no-due-date"],
)
def test_renegotiating_to_a_new_future_date_is_accepted(
    current_due: date | None, new_due: date
) -> None:
    check_renegotiation(current_due, new_due, TODAY)  # accepted: does not raise


def test_renegotiating_to_a_past_date_is_refused() -> None:
    with pytest.raises(ValidationError, match="cannot be in the past"):
        check_renegotiation(TODAY + timedelta(days=5), TODAY - timedelta(days=1), TODAY)


def test_renegotiating_without_due_date_to_a_past_date_is_refused() -> None:
    with pytest.raises(ValidationError, match="cannot be in the past"):
        check_renegotiation(None, TODAY - timedelta(days=30), TODAY)


def test_renegotiating_to_the_same_due_date_is_refused() -> None:
    due = TODAY + timedelta(days=5)
    with pytest.raises(ValidationError, match="same as the current one"):
        check_renegotiation(due, due, TODAY)


# --- evidence -----------------------------------------------------------------------------------


def test_promise_kept_on_time_is_one_positive() -> None:
    assert promise_evidence(S.KEPT, on_time=True) == (1.0, 0.0)


def test_promise_kept_late_is_half_positive_half_negative() -> None:
    assert promise_evidence(S.KEPT, on_time=False) == (0.5, 0.5)


@pytest.mark.parametrize("on_time", [True, False, None])
def test_broken_promise_is_one_negative(on_time: bool | None) -> None:
    assert promise_evidence(S.BROKEN, on_time) == (0.0, 1.0)


@pytest.mark.parametrize("state", [S.RENEGOTIATED, S.RELEASED, S.OPEN])
@pytest.mark.parametrize("on_time", [True, False, None])
def test_unresolved_renegotiated_or_released_promise_gives_no_evidence(
    state: PromiseState, on_time: bool | None
) -> None:
    assert promise_evidence(state, on_time) is None


def test_kept_on_due_date_is_on_time() -> None:
    assert kept_on_time(TODAY, TODAY) is True


def test_kept_before_due_date_is_on_time() -> None:
    assert kept_on_time(TODAY, TODAY - timedelta(days=1)) is True


def test_kept_after_due_date_is_late() -> None:
    assert kept_on_time(TODAY, TODAY + timedelta(days=1)) is False


def test_kept_promise_without_due_date_is_on_time() -> None:
    assert kept_on_time(None, TODAY) is True


def test_late_kept_promise_gives_less_than_on_time_one() -> None:
    late = promise_evidence(S.KEPT, kept_on_time(TODAY, TODAY + timedelta(days=2)))
    on_time = promise_evidence(S.KEPT, kept_on_time(TODAY, TODAY))
    assert late == (0.5, 0.5)
    assert on_time == (1.0, 0.0)
