"""Quick capture's writes, one per kind, through the desk; each returns the status-bar line."""

from __future__ import annotations

from datetime import date

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.feedback import FeedbackDirection, FeedbackKind
from leaddesk.domain.promises import PromiseDirection
from leaddesk.domain.validation import clean_text
from leaddesk.reports import wording
from leaddesk.services.delegations_models import DelegationView
from leaddesk.services.desk import Desk
from leaddesk.services.people import PersonSummary


def write_promise(
    desk: Desk,
    person: PersonSummary,
    direction: PromiseDirection,
    text: str,
    due: date | None,
    today: date,
) -> str:
    """Add a promise (mine or theirs), due or not."""
    desk.add_promise(person.id, direction, text, due_on=due)
    when = f", due {wording.day(due, today)}" if due else ""
    if direction is PromiseDirection.MINE:
        return f"Added my promise to {person.name}{when}"
    return f"Added {person.name}'s promise to me{when}"


def write_feedback(
    desk: Desk,
    person: PersonSummary,
    direction: FeedbackDirection,
    kind: FeedbackKind | None,
    text: str,
) -> str:
    """Add feedback given or received, or ask for it (a solicitation has no kind)."""
    desk.add_feedback(person.id, direction, text, kind)
    if direction is FeedbackDirection.SOLICITED:
        return f"Asked {person.name} for feedback: open until they answer"
    way = "given to" if direction is FeedbackDirection.GIVEN else "received from"
    return f"Added feedback {way} {person.name}" + (f" ({kind.value})" if kind else "")


def write_note(desk: Desk, person: PersonSummary, text: str, topic: str) -> str:
    """Add a relationship note."""
    desk.add_relationship_note(person.id, text, topic)
    return f"Added a relationship note about {person.name}"


def write_checkpoint(
    desk: Desk,
    person: PersonSummary,
    chosen: DelegationView,
    outcome: CheckpointOutcome,
    text: str,
    evidence: str,
    today: date,
) -> str:
    """Complete the delegation's next checkpoint (planning one for today when none is)."""
    # Check the texts first so a failure cannot leave a checkpoint planned but not completed.
    note = clean_text(text, "Note")
    evidence = clean_text(evidence, "Evidence")
    nxt = chosen.next_checkpoint
    checkpoint = nxt.id if nxt else desk.plan_checkpoint(chosen.id, today)
    after = desk.complete_checkpoint(checkpoint, outcome, note, evidence)
    return (
        f"Checkpoint on “{chosen.title}” for {person.name}: {outcome.label}; "
        f"next one {wording.day(after, today)}"
    )
