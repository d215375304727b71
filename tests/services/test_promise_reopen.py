"""Reopening a promise resolved by mistake (Needs attention's undo of 'Mark kept')."""

from __future__ import annotations

from datetime import date

import pytest

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.promises import PromiseDirection, PromiseState
from leaddesk.services.desk import Desk

TODAY = date(2026, 11, 25)


@pytest.fixture
def promise(desk: Desk) -> int:
    ada = desk.add_person("Ada")
    return desk.add_promise(
        ada,
        PromiseDirection.THEIRS,
        "Send the hiring plan",
        due_on=date(2026, 11, 20),
        made_on=date(2026, 11, 1),
    )


def test_reopening_a_kept_promise_restores_it_as_it_was(desk: Desk, promise: int) -> None:
    before = desk.promise(promise)
    trust_before = desk.person_overview(before.person_id).current
    desk.keep_promise(promise)
    assert desk.person_overview(before.person_id).current != trust_before
    desk.reopen_promise(promise)
    after = desk.promise(promise)
    assert (after.state, after.resolved_on, after.on_time, after.due_on) == (
        PromiseState.OPEN,
        None,
        None,
        date(2026, 11, 20),
    )
    assert after.history == ()  # the keep did not happen
    assert desk.person_overview(before.person_id).current == trust_before
    assert [i.ref_id for i in desk.needs_attention() if i.ref_id == promise] == [promise]


def test_a_renegotiated_promise_reopens_renegotiated_with_its_new_date(
    desk: Desk, promise: int
) -> None:
    desk.renegotiate_promise(promise, date(2026, 12, 4))
    desk.break_promise(promise)
    desk.reopen_promise(promise)
    after = desk.promise(promise)
    assert (after.state, after.due_on) == (PromiseState.RENEGOTIATED, date(2026, 12, 4))
    assert [e.to_state for e in after.history] == [PromiseState.RENEGOTIATED]


def test_an_open_promise_cannot_be_reopened(desk: Desk, promise: int) -> None:
    with pytest.raises(ValidationError, match="still open"):
        desk.reopen_promise(promise)
    assert desk.promise(promise).state is PromiseState.OPEN


def test_reopening_a_deleted_promise_is_refused(desk: Desk, promise: int) -> None:
    from leaddesk.services.undo import Deletable

    desk.keep_promise(promise)
    desk.delete(Deletable.PROMISE, promise)
    with pytest.raises(ValidationError):
        desk.reopen_promise(promise)
