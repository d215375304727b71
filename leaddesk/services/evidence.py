"""Loading trust evidence from the store: resolved promises and checkpoint outcomes, dated."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.promises import PromiseDirection, PromiseState, promise_evidence
from leaddesk.domain.trust import Evidence
from leaddesk.store import models as m

EvidenceByPerson = dict[int, list[Evidence]]


def promise_evidence_by_person(
    session: Session, direction: PromiseDirection, person_ids: Iterable[int] | None = None
) -> EvidenceByPerson:
    """Evidence from resolved promises in one direction, on the day each was resolved."""
    query = select(
        m.Promise.person_id, m.Promise.state, m.Promise.on_time, m.Promise.resolved_on
    ).where(
        m.Promise.deleted_at.is_(None),
        m.Promise.direction == direction.value,
        m.Promise.state.in_([PromiseState.KEPT.value, PromiseState.BROKEN.value]),
        m.Promise.resolved_on.is_not(None),
    )
    if person_ids is not None:
        query = query.where(m.Promise.person_id.in_(list(person_ids)))
    out: EvidenceByPerson = defaultdict(list)
    for person_id, state, on_time, resolved_on in session.execute(query):
        weights = promise_evidence(PromiseState(state), on_time)
        if weights is not None and resolved_on is not None:
            out[person_id].append(Evidence(resolved_on, *weights))
    return out


def checkpoint_evidence_by_person(
    session: Session, person_ids: Iterable[int] | None = None
) -> EvidenceByPerson:
    """Evidence from checkpoint outcomes, on the day of the outcome."""
    query = (
        select(m.Delegation.person_id, m.Checkpoint.outcome, m.Checkpoint.completed_on)
        .join(m.Delegation, m.Delegation.id == m.Checkpoint.delegation_id)
        .where(
            m.Checkpoint.deleted_at.is_(None),
            m.Delegation.deleted_at.is_(None),
            m.Checkpoint.outcome.is_not(None),
            m.Checkpoint.completed_on.is_not(None),
        )
    )
    if person_ids is not None:
        query = query.where(m.Delegation.person_id.in_(list(person_ids)))
    out: EvidenceByPerson = defaultdict(list)
    for person_id, outcome, completed_on in session.execute(query):
        weights = CheckpointOutcome(outcome).evidence
        if weights is not None and completed_on is not None:
            out[person_id].append(Evidence(completed_on, *weights))
    return out


def their_evidence(session: Session, person_ids: Iterable[int] | None = None) -> EvidenceByPerson:
    """Everything that counts toward a person's track record, per person."""
    ids = list(person_ids) if person_ids is not None else None
    merged: EvidenceByPerson = defaultdict(list)
    for source in (
        promise_evidence_by_person(session, PromiseDirection.THEIRS, ids),
        checkpoint_evidence_by_person(session, ids),
    ):
        for person_id, items in source.items():
            merged[person_id].extend(items)
    return merged
