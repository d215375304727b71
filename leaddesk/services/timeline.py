"""A person's timeline: everything that happened between the two, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.feedback import FeedbackDirection
from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.domain.trust import assessment_score
from leaddesk.services.action_item import ItemKind
from leaddesk.services.base import DeskBase
from leaddesk.store import models as m


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated thing that happened with a person, for the Timeline tab."""

    on: date
    kind: ItemKind
    ref_id: int
    text: str
    private: bool  # nothing of it is shown while presenting
    shared: str = ""  # what presenting shows of it, when its text holds a private part


_FEEDBACK_VERB = {
    FeedbackDirection.GIVEN.value: "Gave feedback",
    FeedbackDirection.RECEIVED.value: "Received feedback",
    FeedbackDirection.SOLICITED.value: "Asked for feedback",
}

_STATE_TEXT = {
    "completed": lambda title: f"Completed {title}",
    "withdrawn": lambda title: f"Withdrew {title}",
    "active": lambda title: f"Made {title} active again",
}

_LEVEL_WHO = {"mine": "My level", "theirs": "Their level", "target": "Target level"}


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


class TimelineMixin(DeskBase):
    """The Timeline tab."""

    def timeline(self, person_id: int, limit: int | None = None) -> list[TimelineEntry]:
        """Everything dated about a person, newest first; private entries are flagged."""
        out: list[TimelineEntry] = []
        add = out.append
        with self._read() as session:
            self._person_row(session, person_id)
            delegations = {
                d.id: d
                for d in session.scalars(
                    select(m.Delegation).where(
                        m.Delegation.person_id == person_id, m.Delegation.deleted_at.is_(None)
                    )
                )
            }
            for h in session.scalars(
                select(m.LevelChange).where(m.LevelChange.delegation_id.in_(list(delegations)))
            ):
                title = delegations[h.delegation_id].title
                to = EmpowermentLevel(h.to_level).label if h.to_level else "none"
                shared = ""
                if h.from_level is None and h.kind == "mine":
                    text = f"Delegated {title} at {to}"
                else:
                    text = f"{_LEVEL_WHO[h.kind]} for {title} → {to}"
                    if h.reason:  # the reason is the leader's own words: not while presenting
                        text, shared = f"{text}: {h.reason}", text
                add(TimelineEntry(h.on, ItemKind.DELEGATION, h.delegation_id, text, False, shared))
            for s in session.scalars(
                select(m.DelegationStateChange).where(
                    m.DelegationStateChange.delegation_id.in_(list(delegations))
                )
            ):
                title = delegations[s.delegation_id].title
                add(
                    TimelineEntry(
                        s.on,
                        ItemKind.DELEGATION,
                        s.delegation_id,
                        _STATE_TEXT[s.to_state](title),
                        False,
                    )
                )
            for c in session.scalars(
                select(m.Checkpoint).where(
                    m.Checkpoint.delegation_id.in_(list(delegations)),
                    m.Checkpoint.deleted_at.is_(None),
                    m.Checkpoint.outcome.is_not(None),
                )
            ):
                outcome = CheckpointOutcome(c.outcome or "skipped").label
                note = f" — {_first_line(c.note)}" if c.note else ""
                said = f"Checkpoint on {delegations[c.delegation_id].title}: {outcome}"
                add(
                    TimelineEntry(
                        c.completed_on or c.due_on,
                        ItemKind.CHECKPOINT,
                        c.id,
                        said + note,
                        False,
                        said if note else "",
                    )
                )
            for p in session.scalars(
                select(m.Promise).where(
                    m.Promise.person_id == person_id, m.Promise.deleted_at.is_(None)
                )
            ):
                who = "I promised" if p.direction == "mine" else "They promised"
                add(
                    TimelineEntry(
                        p.made_on, ItemKind.PROMISE, p.id, f"{who}: {_first_line(p.text)}", False
                    )
                )
                if p.resolved_on is not None:
                    late = " (late)" if p.state == "kept" and p.on_time is False else ""
                    add(
                        TimelineEntry(
                            p.resolved_on,
                            ItemKind.PROMISE,
                            p.id,
                            f"Promise {p.state}{late}: {_first_line(p.text)}",
                            False,
                        )
                    )
            for o in session.scalars(
                select(m.OneOnOne).where(
                    m.OneOnOne.person_id == person_id, m.OneOnOne.deleted_at.is_(None)
                )
            ):
                note = f": {_first_line(o.shared_notes)}" if o.shared_notes else ""
                add(TimelineEntry(o.held_on, ItemKind.ONE_ON_ONE, o.id, f"1:1{note}", False))
            for n in session.scalars(
                select(m.RelationshipNote).where(
                    m.RelationshipNote.person_id == person_id,
                    m.RelationshipNote.deleted_at.is_(None),
                )
            ):
                add(
                    TimelineEntry(
                        n.on, ItemKind.RELATIONSHIP, n.id, f"Note: {_first_line(n.text)}", True
                    )
                )
            for f in session.scalars(
                select(m.Feedback).where(
                    m.Feedback.person_id == person_id, m.Feedback.deleted_at.is_(None)
                )
            ):
                kind = f" ({f.kind})" if f.kind else ""
                add(
                    TimelineEntry(
                        f.on,
                        ItemKind.FEEDBACK,
                        f.id,
                        f"{_FEEDBACK_VERB[f.direction]}{kind}: {_first_line(f.text)}",
                        True,  # feedback is not on the shareable agreement sheet
                    )
                )
                if f.answered_on is not None:
                    add(
                        TimelineEntry(
                            f.answered_on,
                            ItemKind.FEEDBACK,
                            f.id,
                            f"They answered: {_first_line(f.answer or '')}",
                            True,
                        )
                    )
            for a in session.scalars(
                select(m.TrustAssessment).where(
                    m.TrustAssessment.person_id == person_id, m.TrustAssessment.deleted_at.is_(None)
                )
            ):
                score = assessment_score(a.integrity, a.intent, a.capabilities, a.results)
                add(
                    TimelineEntry(
                        a.on, ItemKind.ASSESSMENT, a.id, f"Trust assessment: {score:.2f}", True
                    )
                )
        out.sort(key=lambda e: (e.on, e.ref_id), reverse=True)
        return out[:limit] if limit is not None else out
