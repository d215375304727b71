"""Quick capture's writes without a window: what each kind stores and the line it reports."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.errors import ValidationError
from leaddesk.domain.feedback import FeedbackDirection
from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk
from leaddesk.ui.capture.quick_capture_writes import (
    write_checkpoint,
    write_feedback,
    write_promise,
)

TODAY = date(2026, 11, 25)


@pytest.fixture
def ada(desk: Desk) -> int:
    return desk.add_person("Ada Lovelace", role="CTO")


def test_a_promise_says_whose_it_is_and_when_it_is_due(desk: Desk, ada: int) -> None:
    person = desk.person(ada)
    due = TODAY + timedelta(days=2)
    line = write_promise(desk, person, PromiseDirection.THEIRS, "Send the plan", due, TODAY)
    assert line.startswith("Added Ada Lovelace's promise to me, due")
    [promise] = desk.promises(ada)
    assert (promise.direction, promise.text, promise.due_on) == (
        PromiseDirection.THEIRS,
        "Send the plan",
        due,
    )


def test_asking_for_feedback_says_it_stays_open(desk: Desk, ada: int) -> None:
    person = desk.person(ada)
    line = write_feedback(desk, person, FeedbackDirection.SOLICITED, None, "How are our 1:1s?")
    assert line == "Asked Ada Lovelace for feedback: open until they answer"
    assert [f.is_open for f in desk.feedback(ada)] == [True]


def test_a_refused_checkpoint_text_plans_no_checkpoint(desk: Desk, ada: int) -> None:
    hiring = desk.add_delegation(ada, "Hiring", 3, plan_checkpoint=False)
    chosen = desk.delegation(hiring)
    assert chosen.next_checkpoint is None
    with pytest.raises(ValidationError):
        write_checkpoint(
            desk, desk.person(ada), chosen, CheckpointOutcome.ON_TRACK, "ok", "bad\x07", TODAY
        )
    assert desk.delegation(hiring).checkpoints == ()  # nothing half-written


def test_a_checkpoint_without_a_plan_is_recorded_today(desk: Desk, ada: int) -> None:
    hiring = desk.add_delegation(ada, "Hiring", 3, plan_checkpoint=False)
    line = write_checkpoint(
        desk,
        desk.person(ada),
        desk.delegation(hiring),
        CheckpointOutcome.ON_TRACK,
        "Two offers out",
        "pipeline",
        TODAY,
    )
    assert "“Hiring”" in line and "Ada Lovelace" in line and "on track" in line.lower()
    done = [c for c in desk.delegation(hiring).checkpoints if c.outcome is not None]
    assert [(c.due_on, c.outcome, c.note) for c in done] == [
        (TODAY, CheckpointOutcome.ON_TRACK, "Two offers out")
    ]
