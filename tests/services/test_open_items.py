"""Open item counts for the team one-pager: levels, open and overdue promises and checkpoints."""

from __future__ import annotations

from datetime import date, timedelta

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.levels import DelegationState, EmpowermentLevel
from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk
from leaddesk.services.undo import Deletable

TODAY = date(2026, 11, 25)
PAST = TODAY - timedelta(days=3)
L = EmpowermentLevel


def test_counts_levels_and_open_and_overdue_items_per_person(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    bob = desk.add_person("Bob")
    first = desk.add_delegation(ada, "Hiring", L.CONSULT, on=PAST - timedelta(days=30))
    desk.add_delegation(ada, "Budget", L.CONSULT, plan_checkpoint=False)
    desk.add_delegation(ada, "Roadmap", L.DELEGATE, plan_checkpoint=False)
    done = desk.add_delegation(ada, "Offsite", L.TELL, plan_checkpoint=False)
    desk.set_delegation_state(done, DelegationState.COMPLETED)
    desk.plan_checkpoint(first, PAST)  # overdue
    desk.plan_checkpoint(first, TODAY + timedelta(days=5))
    closed = desk.plan_checkpoint(first, PAST)
    desk.complete_checkpoint(closed, CheckpointOutcome.ON_TRACK, on=TODAY, plan_next=False)
    desk.add_promise(ada, PromiseDirection.MINE, "Late one", due_on=PAST, made_on=PAST)
    desk.add_promise(ada, PromiseDirection.THEIRS, "Open one", due_on=TODAY + timedelta(days=2))
    desk.add_promise(ada, PromiseDirection.THEIRS, "No due date")
    kept = desk.add_promise(ada, PromiseDirection.THEIRS, "Kept", due_on=PAST, made_on=PAST)
    desk.keep_promise(kept, on=PAST)
    gone = desk.add_promise(ada, PromiseDirection.MINE, "Deleted", due_on=PAST, made_on=PAST)
    desk.delete(Deletable.PROMISE, gone)

    counts = desk.open_item_counts([ada, bob])

    a = counts[ada]
    assert a.levels == (0, 0, 2, 0, 0, 0, 1)
    assert (a.open_promises, a.overdue_promises) == (3, 1)
    # the first checkpoint, planned when delegating a month ago at Consult (14 days), is overdue too
    assert (a.open_checkpoints, a.overdue_checkpoints) == (3, 2)
    assert counts[bob].levels == (0,) * 7
    assert (counts[bob].open_promises, counts[bob].open_checkpoints) == (0, 0)


def test_checkpoints_of_finished_delegations_are_not_open_items(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    gone = desk.add_delegation(ada, "Old area", L.AGREE, on=PAST - timedelta(days=30))
    desk.plan_checkpoint(gone, PAST)
    desk.set_delegation_state(gone, DelegationState.WITHDRAWN)
    assert desk.open_item_counts([ada])[ada].open_checkpoints == 0
    assert desk.open_item_counts([ada])[ada].levels == (0,) * 7
