"""Loading trust evidence from the store: resolved promises and checkpoint outcomes, dated.

The team grid reads every direct report's whole history through here, so rows are bare columns
(dates as day ordinals, states as text) mapped by dictionaries built once from the domain rules,
never ORM rows or enum members per row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import Session

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.promises import PromiseDirection, PromiseState, promise_evidence
from leaddesk.domain.trust import Evidence
from leaddesk.store import models as m

EvidenceByPerson = dict[int, list[Evidence]]
# (day ordinal, positive, negative), sorted by day.
WeightsByPerson = dict[int, list[tuple[int, float, float]]]

_PROMISE_WEIGHTS = {
    (state.value, on_time): promise_evidence(state, on_time)
    for state in (PromiseState.KEPT, PromiseState.BROKEN)
    for on_time in (True, False, None)
}
_CHECKPOINT_WEIGHTS = {o.value: o.evidence for o in CheckpointOutcome if o.evidence is not None}
_ORDINAL_OFFSET = 1721424.5  # julianday(d) - this == d.toordinal()


def _ordinal(column: Any) -> Any:
    return cast(func.julianday(column) - _ORDINAL_OFFSET, Integer)


def _promise_rows(
    session: Session, direction: PromiseDirection, ids: list[int] | None
) -> Iterator[tuple[int, int, float, float]]:
    query = select(
        m.Promise.person_id, m.Promise.state, m.Promise.on_time, _ordinal(m.Promise.resolved_on)
    ).where(
        m.Promise.direction == direction.value,
        m.Promise.state.in_([PromiseState.KEPT.value, PromiseState.BROKEN.value]),
        m.Promise.deleted_at.is_(None),
        m.Promise.resolved_on.is_not(None),
    )
    if ids is not None:
        query = query.where(m.Promise.person_id.in_(ids))
    weights = _PROMISE_WEIGHTS
    for person_id, state, on_time, day in session.connection().execute(query):
        pair = weights.get((state, None if on_time is None else bool(on_time)))
        if pair is not None:
            yield person_id, day, pair[0], pair[1]


def _checkpoint_rows(
    session: Session, ids: list[int] | None
) -> Iterator[tuple[int, int, float, float]]:
    query = (
        select(m.Delegation.person_id, m.Checkpoint.outcome, _ordinal(m.Checkpoint.completed_on))
        .join(m.Delegation, m.Delegation.id == m.Checkpoint.delegation_id)
        .where(
            m.Checkpoint.outcome.in_(list(_CHECKPOINT_WEIGHTS)),
            m.Checkpoint.deleted_at.is_(None),
            m.Checkpoint.completed_on.is_not(None),
            m.Delegation.deleted_at.is_(None),
        )
    )
    if ids is not None:
        # As a subquery on delegation ids, SQLite seeks the covering index per delegation;
        # filtering on the joined person id made it scan every outcome of everyone (30x slower).
        query = query.where(
            m.Checkpoint.delegation_id.in_(
                select(m.Delegation.id).where(m.Delegation.person_id.in_(ids))
            )
        )
    weights = _CHECKPOINT_WEIGHTS
    for person_id, outcome, day in session.connection().execute(query):
        pair = weights[outcome]
        yield person_id, day, pair[0], pair[1]


def _group(rows: Iterable[tuple[int, int, float, float]]) -> WeightsByPerson:
    out: WeightsByPerson = defaultdict(list)
    for person_id, day, positive, negative in rows:
        out[person_id].append((day, positive, negative))
    for items in out.values():
        items.sort()
    return out


def their_weights(session: Session, person_ids: Iterable[int] | None = None) -> WeightsByPerson:
    """Everything that counts toward each person's track record, as sorted (day, +, -) tuples."""
    ids = list(person_ids) if person_ids is not None else None
    rows = [*_promise_rows(session, PromiseDirection.THEIRS, ids), *_checkpoint_rows(session, ids)]
    return _group(rows)


def _evidence(weights: WeightsByPerson) -> EvidenceByPerson:
    return {
        pid: [Evidence(date.fromordinal(day), pos, neg) for day, pos, neg in items]
        for pid, items in weights.items()
    }


def promise_evidence_by_person(
    session: Session, direction: PromiseDirection, person_ids: Iterable[int] | None = None
) -> EvidenceByPerson:
    """Evidence from resolved promises in one direction, on the day each was resolved."""
    ids = list(person_ids) if person_ids is not None else None
    return _evidence(_group(_promise_rows(session, direction, ids)))


def their_evidence(session: Session, person_ids: Iterable[int] | None = None) -> EvidenceByPerson:
    """Everything that counts toward a person's track record, per person."""
    return _evidence(their_weights(session, person_ids))
