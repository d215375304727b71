"""A person's timeline: everything dated, newest first, private entries flagged."""

from __future__ import annotations

from datetime import date

import pytest

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.errors import ValidationError
from leaddesk.domain.feedback import FeedbackDirection, FeedbackKind
from leaddesk.domain.levels import EmpowermentLevel, LevelKind
from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.action_item import ItemKind
from leaddesk.services.desk import Desk
from leaddesk.services.undo import Deletable

L = EmpowermentLevel


@pytest.fixture
def ada(desk: Desk) -> int:
    """A direct report."""
    return desk.add_person("Ada")


def test_timeline_lists_everything_newest_first(desk: Desk, ada: int) -> None:
    budget = desk.add_delegation(ada, "Budget", L.CONSULT, on=date(2026, 1, 5))
    desk.change_level(budget, L.ADVISE, "Two clean quarters", on=date(2026, 3, 1))
    desk.change_level(budget, L.INQUIRE, kind=LevelKind.THEIRS, on=date(2026, 3, 2))
    cp = desk.plan_checkpoint(budget, date(2026, 4, 1))
    desk.complete_checkpoint(
        cp,
        CheckpointOutcome.OFF_TRACK,
        note="Forecast missed\nby a lot",
        on=date(2026, 4, 2),
        plan_next=False,
    )
    promise = desk.add_promise(
        ada,
        PromiseDirection.THEIRS,
        "Send the plan",
        due_on=date(2026, 5, 1),
        made_on=date(2026, 4, 10),
    )
    desk.keep_promise(promise, on=date(2026, 5, 3))
    desk.add_promise(ada, PromiseDirection.MINE, "Intro to CFO", made_on=date(2026, 5, 5))
    desk.record_one_on_one(
        ada,
        held_on=date(2026, 6, 1),
        shared_notes="Agreed Q3 plan\nand more",
        private_notes="Seemed tired",
    )
    desk.add_relationship_note(ada, "Training for a marathon", on=date(2026, 6, 15))
    asked = desk.add_feedback(
        ada, FeedbackDirection.SOLICITED, "How are my 1:1s?", on=date(2026, 7, 1)
    )
    desk.answer_solicitation(asked, "Too long", on=date(2026, 7, 3))
    desk.add_feedback(
        ada,
        FeedbackDirection.GIVEN,
        "Great launch",
        kind=FeedbackKind.APPRECIATION,
        on=date(2026, 8, 1),
    )
    desk.add_assessment(ada, 5, 4, 4, 3, on=date(2026, 9, 1))
    entries = desk.timeline(ada)
    assert [(e.on, e.text) for e in entries] == [
        (date(2026, 9, 1), "Trust assessment: 0.75"),
        (date(2026, 8, 1), "Gave feedback (appreciation): Great launch"),
        (date(2026, 7, 3), "They answered: Too long"),
        (date(2026, 7, 1), "Asked for feedback: How are my 1:1s?"),
        (date(2026, 6, 15), "Note: Training for a marathon"),
        (date(2026, 6, 1), "1:1: Agreed Q3 plan"),
        (date(2026, 5, 5), "I promised: Intro to CFO"),
        (date(2026, 5, 3), "Promise kept (late): Send the plan"),
        (date(2026, 4, 10), "They promised: Send the plan"),
        (date(2026, 4, 2), "Checkpoint on Budget: off track — Forecast missed"),
        (date(2026, 3, 2), "Their level for Budget → Inquire"),
        (date(2026, 3, 1), "My level for Budget → Advise: Two clean quarters"),
        (date(2026, 1, 5), "Delegated Budget at Consult"),
    ]
    assert entries[0].kind is ItemKind.ASSESSMENT
    assert entries[5].kind is ItemKind.ONE_ON_ONE


def test_relationship_notes_assessments_and_feedback_are_flagged_private(
    desk: Desk, ada: int
) -> None:
    """Private: what the shareable agreement sheet does not show (feedback is not on it)."""
    desk.add_relationship_note(ada, "Caring for a parent", on=date(2026, 6, 1))
    desk.add_assessment(ada, 3, 3, 3, 3, on=date(2026, 6, 2))
    desk.add_promise(ada, PromiseDirection.MINE, "Intro", made_on=date(2026, 6, 3))
    desk.add_feedback(ada, FeedbackDirection.GIVEN, "Thanks", on=date(2026, 6, 4))
    desk.record_one_on_one(ada, held_on=date(2026, 6, 5))
    flags = {e.kind: e.private for e in desk.timeline(ada)}
    assert flags == {
        ItemKind.RELATIONSHIP: True,
        ItemKind.ASSESSMENT: True,
        ItemKind.PROMISE: False,
        ItemKind.FEEDBACK: True,
        ItemKind.ONE_ON_ONE: False,
    }


def test_reasons_and_checkpoint_notes_have_a_shared_wording(desk: Desk, ada: int) -> None:
    """The leader's own words in an entry are left out of what presenting shows."""
    budget = desk.add_delegation(ada, "Budget", 3, on=date(2026, 1, 5))
    desk.change_level(budget, 5, "Two clean quarters", on=date(2026, 3, 1))
    checkpoint = desk.plan_checkpoint(budget, date(2026, 4, 2))
    desk.complete_checkpoint(checkpoint, CheckpointOutcome.OFF_TRACK, "Forecast missed")
    shared = {e.text: e.shared for e in desk.timeline(ada) if e.shared}
    assert shared["My level for Budget → Advise: Two clean quarters"] == (
        "My level for Budget → Advise"
    )
    [(text, wording)] = [(t, w) for t, w in shared.items() if t.startswith("Checkpoint")]
    assert text.endswith("— Forecast missed") and "Forecast" not in wording


def test_private_1on1_notes_never_appear_in_the_timeline(desk: Desk, ada: int) -> None:
    desk.record_one_on_one(ada, shared_notes="Agreed Q3 plan", private_notes="Seems burnt out")
    (entry,) = desk.timeline(ada)
    assert "burnt out" not in entry.text
    assert entry.text == "1:1: Agreed Q3 plan"


def test_promise_kept_on_time_or_broken_shows_its_outcome(desk: Desk, ada: int) -> None:
    kept = desk.add_promise(ada, PromiseDirection.THEIRS, "Plan", made_on=date(2026, 6, 1))
    desk.keep_promise(kept, on=date(2026, 6, 2))
    broken = desk.add_promise(ada, PromiseDirection.THEIRS, "Deck", made_on=date(2026, 6, 3))
    desk.break_promise(broken, on=date(2026, 6, 4))
    texts = [e.text for e in desk.timeline(ada)]
    assert texts[0] == "Promise broken: Deck"
    assert texts[2] == "Promise kept: Plan"


def test_timeline_can_be_limited_to_the_newest_entries(desk: Desk, ada: int) -> None:
    for day in (1, 2, 3):
        desk.add_relationship_note(ada, f"Note {day}", on=date(2026, 6, day))
    assert [e.text for e in desk.timeline(ada, limit=2)] == ["Note: Note 3", "Note: Note 2"]


def test_timeline_holds_only_that_persons_entries(desk: Desk, ada: int) -> None:
    bob = desk.add_person("Bob")
    desk.add_relationship_note(bob, "Bob's note")
    assert desk.timeline(ada) == []


def test_deleted_items_leave_the_timeline(desk: Desk, ada: int) -> None:
    note = desk.add_relationship_note(ada, "Note")
    budget = desk.add_delegation(ada, "Budget", L.CONSULT)
    desk.delete(Deletable.NOTE, note)
    desk.delete(Deletable.DELEGATION, budget)
    assert desk.timeline(ada) == []


def test_timeline_of_an_unknown_person_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="That person does not exist"):
        desk.timeline(999)
