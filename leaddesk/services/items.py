"""Queries that find open items (the lists behind Needs attention, the focus and the agenda)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from leaddesk.domain.feedback import FeedbackDirection
from leaddesk.domain.levels import DelegationState, EmpowermentLevel
from leaddesk.domain.promises import PromiseDirection, PromiseState
from leaddesk.services import one_on_one_rhythm
from leaddesk.services.action_item import ActionItem, ItemDetail, ItemKind
from leaddesk.store import models as m

CALIBRATION_DAYS = 90
OPEN = [PromiseState.OPEN.value, PromiseState.RENEGOTIATED.value]
_PEOPLE_MEMO = "leaddesk.items.live_people"
_DELEGATIONS_MEMO = "leaddesk.items.active_delegations"


def _live_people(session: Session) -> dict[int, str]:
    # Read once per session: Needs attention asks for it from several item lists.
    memo: dict[int, str] | None = session.info.get(_PEOPLE_MEMO)
    if memo is None:
        memo = dict(
            session.execute(
                select(m.Person.id, m.Person.name).where(
                    m.Person.deleted_at.is_(None), m.Person.archived.is_(False)
                )
            ).all()
        )
        session.info[_PEOPLE_MEMO] = memo
    return memo


def _in(people: dict[int, str], person_ids: Iterable[int] | None) -> dict[int, str]:
    if person_ids is None:
        return people
    wanted = set(person_ids)
    return {k: v for k, v in people.items() if k in wanted}


def _people(session: Session, person_ids: Iterable[int] | None) -> dict[int, str]:
    """The live people asked for; a few by id, so one person's agenda does not grow with the org."""
    if person_ids is None:
        return _live_people(session)
    wanted = sorted(set(person_ids))
    if _PEOPLE_MEMO in session.info or len(wanted) >= 500:  # everyone is read already, or soon
        return _in(_live_people(session), wanted)
    return dict(
        session.execute(
            select(m.Person.id, m.Person.name)
            .where(m.Person.id.in_(wanted), m.Person.deleted_at.is_(None), ~m.Person.archived)
            .order_by(m.Person.id)
        ).all()
    )


def _active_delegations(session: Session, people: dict[int, str]) -> list[Any]:
    """Active delegations of `people` as light rows (id, person_id, title, levels, created_on)."""
    key = (_DELEGATIONS_MEMO, frozenset(people))
    memo: list[Any] | None = session.info.get(key)
    if memo is None:
        memo = _read_active_delegations(session, people)
        session.info[key] = memo
    return memo


def _read_active_delegations(session: Session, people: dict[int, str]) -> list[Any]:
    query = (
        select(
            m.Delegation.id,
            m.Delegation.person_id,
            m.Delegation.title,
            m.Delegation.my_level,
            m.Delegation.their_level,
            m.Delegation.created_on,
        )
        .where(
            m.Delegation.state == DelegationState.ACTIVE.value,
            m.Delegation.deleted_at.is_(None),
        )
        .order_by(m.Delegation.id)
    )
    if len(people) < 500:
        query = query.where(m.Delegation.person_id.in_(list(people)))
    return [d for d in session.execute(query) if d.person_id in people]


def clarity_items(session: Session, person_ids: Iterable[int] | None = None) -> list[ActionItem]:
    """Active delegations with no agreed (their) level, or a clarity gap."""
    people = _people(session, person_ids)
    out = []
    for d in _active_delegations(session, people):
        if d.their_level is None:
            detail = ItemDetail.LEVEL_NOT_AGREED
        elif d.their_level != d.my_level:
            detail = ItemDetail.CLARITY_GAP
        else:
            continue
        out.append(
            ActionItem(
                ItemKind.DELEGATION,
                d.id,
                d.person_id,
                people[d.person_id],
                detail,
                d.title,
                d.created_on,
                my_level=EmpowermentLevel(d.my_level),
                their_level=None if d.their_level is None else EmpowermentLevel(d.their_level),
            )
        )
    return out


def checkpoint_items(
    session: Session,
    today: date,
    until: date,
    person_ids: Iterable[int] | None = None,
    include_unplanned: bool = True,
) -> list[ActionItem]:
    """Open checkpoints due by `until` (overdue flagged); active delegations with none planned."""
    people = _people(session, person_ids)
    delegations = {d.id: d for d in _active_delegations(session, people)}
    query = (
        select(m.Checkpoint.id, m.Checkpoint.delegation_id, m.Checkpoint.due_on)
        .where(m.Checkpoint.outcome.is_(None), m.Checkpoint.deleted_at.is_(None))
        .order_by(m.Checkpoint.due_on)
    )
    if len(delegations) < 500:
        query = query.where(m.Checkpoint.delegation_id.in_(list(delegations)))
    open_cps = list(session.execute(query))
    planned = {c.delegation_id for c in open_cps}
    out = []
    for c in open_cps:
        d = delegations.get(c.delegation_id)
        if d is None or c.due_on > until:
            continue
        out.append(
            ActionItem(
                ItemKind.CHECKPOINT,
                c.id,
                d.person_id,
                people[d.person_id],
                ItemDetail.CHECKPOINT_DUE,
                d.title,
                c.due_on,
                overdue=c.due_on < today,
            )
        )
    if include_unplanned:
        for d in delegations.values():
            if d.id not in planned:
                out.append(
                    ActionItem(
                        ItemKind.DELEGATION,
                        d.id,
                        d.person_id,
                        people[d.person_id],
                        ItemDetail.NO_CHECKPOINT,
                        d.title,
                        None,
                    )
                )
    return out


def factor_items(
    session: Session, today: date, person_ids: Iterable[int] | None = None
) -> list[ActionItem]:
    """Active delegations with no success factor; factors not calibrated for 90 days."""
    people = _people(session, person_ids)
    delegations = {d.id: d for d in _active_delegations(session, people)}
    query = select(
        m.SuccessFactor.id,
        m.SuccessFactor.delegation_id,
        m.SuccessFactor.name,
        m.SuccessFactor.agreed_on,
        func.max(m.Calibration.on).label("calibrated_on"),
    ).outerjoin(m.Calibration, m.Calibration.factor_id == m.SuccessFactor.id)
    query = query.where(m.SuccessFactor.deleted_at.is_(None)).group_by(m.SuccessFactor.id)
    if len(delegations) < 500:
        query = query.where(m.SuccessFactor.delegation_id.in_(list(delegations)))
    factors = [f for f in session.execute(query) if f.delegation_id in delegations]
    with_factor = {f.delegation_id for f in factors}
    out = []
    for d in list(delegations.values()):
        if d.id not in with_factor:
            out.append(
                ActionItem(
                    ItemKind.DELEGATION,
                    d.id,
                    d.person_id,
                    people[d.person_id],
                    ItemDetail.NO_FACTOR,
                    d.title,
                )
            )
    cutoff = today - timedelta(days=CALIBRATION_DAYS)
    for f in factors:
        owner = delegations.get(f.delegation_id)
        if owner is None:
            continue
        last = max(f.agreed_on, f.calibrated_on or f.agreed_on)
        if last < cutoff:
            out.append(
                ActionItem(
                    ItemKind.FACTOR,
                    f.id,
                    owner.person_id,
                    people[owner.person_id],
                    ItemDetail.NOT_CALIBRATED,
                    f.name,
                    last,
                    within=owner.title,
                )
            )
    return out


def promise_items(
    session: Session,
    today: date,
    person_ids: Iterable[int] | None = None,
    direction: PromiseDirection | None = None,
    due_by: date | None = None,
) -> list[ActionItem]:
    """Open promises (due by `due_by` if given): mine first, overdue first, then by due date."""
    people = _people(session, person_ids)
    query = select(m.Promise).where(m.Promise.state.in_(OPEN), m.Promise.deleted_at.is_(None))
    if person_ids is not None:
        query = query.where(m.Promise.person_id.in_(list(people)))
    if direction is not None:
        query = query.where(m.Promise.direction == direction.value)
    if due_by is not None:
        query = query.where(m.Promise.due_on <= due_by)
    keyed = []
    for p in session.scalars(query):
        if p.person_id not in people:
            continue
        late = p.due_on is not None and p.due_on < today
        mine = p.direction == PromiseDirection.MINE.value
        item = ActionItem(
            ItemKind.PROMISE,
            p.id,
            p.person_id,
            people[p.person_id],
            ItemDetail.PROMISE,
            p.text,
            p.due_on,
            overdue=late,
            direction=PromiseDirection(p.direction),
        )
        keyed.append(((not mine, not late, p.due_on or date.max, p.id), item))
    return [item for _, item in sorted(keyed, key=lambda pair: pair[0])]


def one_on_one_items(
    session: Session,
    today: date,
    interval_days: int,
    person_ids: Iterable[int] | None = None,
    *,
    skip_level_days: int,  # no default: a caller must pass the setting, not a constant
) -> list[ActionItem]:
    """1:1s past each person's rhythm (their own, else `interval_days` for direct reports and
    `skip_level_days` for skip-levels): see services/one_on_one_rhythm.py."""
    return one_on_one_rhythm.one_on_one_items(
        session, today, interval_days, skip_level_days, person_ids
    )


def relationship_items(session: Session) -> list[ActionItem]:
    """Direct reports with no relationship notes."""
    people = _direct_reports(session)
    noted = set(
        session.scalars(
            select(m.RelationshipNote.person_id)
            .where(m.RelationshipNote.deleted_at.is_(None))
            .distinct()
        )
    )
    return [
        ActionItem(ItemKind.RELATIONSHIP, None, pid, name, ItemDetail.NO_RELATIONSHIP_NOTES)
        for pid, name in people.items()
        if pid not in noted
    ]


def feedback_items(
    session: Session,
    today: date,
    person_ids: Iterable[int] | None = None,
    balance: bool = True,
) -> list[ActionItem]:
    """Open solicitations; and (balance) feedback given vs solicited in the last 30 days."""
    people = _people(session, person_ids)
    out = []
    query = (
        select(m.Feedback)
        .where(
            m.Feedback.deleted_at.is_(None),
            m.Feedback.direction == FeedbackDirection.SOLICITED.value,
            m.Feedback.answered_on.is_(None),
        )
        .order_by(m.Feedback.on)
    )
    if person_ids is not None and len(people) < 500:  # an agenda: their requests, not everyone's
        query = query.where(m.Feedback.person_id.in_(list(people)))
    for f in session.scalars(query):
        if f.person_id in people:
            out.append(
                ActionItem(
                    ItemKind.FEEDBACK,
                    f.id,
                    f.person_id,
                    people[f.person_id],
                    ItemDetail.FEEDBACK_ASKED,
                    f.text,
                    f.on,
                )
            )
    if balance:
        since = today - timedelta(days=30)
        counts: dict[tuple[int, str], int] = {
            (pid, d): n
            for pid, d, n in session.execute(
                select(m.Feedback.person_id, m.Feedback.direction, func.count())
                .where(m.Feedback.deleted_at.is_(None), m.Feedback.on >= since)
                .group_by(m.Feedback.person_id, m.Feedback.direction)
            ).all()
        }
        for pid, name in _in(_direct_reports(session), person_ids).items():
            given = counts.get((pid, FeedbackDirection.GIVEN.value), 0)
            asked = counts.get((pid, FeedbackDirection.SOLICITED.value), 0)
            out.append(
                ActionItem(
                    ItemKind.FEEDBACK,
                    None,
                    pid,
                    name,
                    ItemDetail.FEEDBACK_BALANCE,
                    "",
                    None,
                    overdue=given + asked == 0,
                    given=given,
                    solicited=asked,
                )
            )
    return out


def _direct_reports(session: Session) -> dict[int, str]:
    return dict(
        session.execute(
            select(m.Person.id, m.Person.name)
            .where(
                m.Person.deleted_at.is_(None),
                m.Person.archived.is_(False),
                m.Person.reports_to_id.is_(None),
            )
            .order_by(m.Person.name)
        ).all()
    )
