"""ORM rows to read models, in one place so every view shows the same thing."""

from __future__ import annotations

from datetime import date

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.feedback import FeedbackDirection, FeedbackKind, Proposer
from leaddesk.domain.levels import DelegationState, EmpowermentLevel, LevelKind
from leaddesk.domain.promises import PromiseDirection, PromiseState
from leaddesk.domain.trust import assessment_score
from leaddesk.services import readmodels as rm
from leaddesk.store import models as m


def level(value: int | None) -> EmpowermentLevel | None:
    """An optional stored level as the enum."""
    return EmpowermentLevel(value) if value is not None else None


def person(row: m.Person, boss_name: str | None) -> rm.PersonSummary:
    """A person row as a summary."""
    return rm.PersonSummary(
        id=row.id,
        name=row.name,
        role=row.role,
        area=row.area,
        email=row.email,
        in_role_since=row.in_role_since,
        reports_to_id=row.reports_to_id,
        reports_to_name=boss_name,
        archived=row.archived,
    )


def checkpoint(row: m.Checkpoint, title: str, person_id: int, today: date) -> rm.CheckpointView:
    """A checkpoint row; overdue when still open past its due date."""
    return rm.CheckpointView(
        id=row.id,
        delegation_id=row.delegation_id,
        delegation_title=title,
        person_id=person_id,
        due_on=row.due_on,
        outcome=CheckpointOutcome(row.outcome) if row.outcome else None,
        completed_on=row.completed_on,
        note=row.note,
        evidence=row.evidence,
        overdue=row.outcome is None and row.due_on < today,
    )


def level_change(row: m.LevelChange, title: str) -> rm.LevelChangeView:
    """A level-history row."""
    return rm.LevelChangeView(
        delegation_id=row.delegation_id,
        delegation_title=title,
        kind=LevelKind(row.kind),
        on=row.on,
        from_level=level(row.from_level),
        to_level=level(row.to_level),
        reason=row.reason,
    )


def calibration(row: m.Calibration) -> rm.CalibrationView:
    """A calibration row."""
    return rm.CalibrationView(
        on=row.on,
        reason=row.reason,
        proposed_by=Proposer(row.proposed_by),
        old_definition=row.old_definition,
        new_definition=row.new_definition,
        old_target=row.old_target,
        new_target=row.new_target,
    )


def factor(row: m.SuccessFactor, calibrations: list[m.Calibration]) -> rm.SuccessFactorView:
    """A success factor with its calibrations (oldest first)."""
    return rm.SuccessFactorView(
        id=row.id,
        delegation_id=row.delegation_id,
        name=row.name,
        definition=row.definition,
        target=row.target,
        unit=row.unit,
        agreed_on=row.agreed_on,
        calibrations=tuple(calibration(c) for c in sorted(calibrations, key=lambda c: c.id)),
    )


def delegation(
    row: m.Delegation,
    person_name: str,
    checkpoints: list[m.Checkpoint],
    factors: list[rm.SuccessFactorView],
    history: list[m.LevelChange],
    today: date,
) -> rm.DelegationView:
    """A delegation with its checkpoints (by due date), factors and level history."""
    cps = tuple(
        checkpoint(c, row.title, row.person_id, today)
        for c in sorted(checkpoints, key=lambda c: (c.due_on, c.id))
    )
    upcoming = [c for c in cps if c.outcome is None]
    return rm.DelegationView(
        id=row.id,
        person_id=row.person_id,
        person_name=person_name,
        title=row.title,
        done_means=row.done_means,
        my_level=EmpowermentLevel(row.my_level),
        their_level=level(row.their_level),
        target_level=level(row.target_level),
        involve_me_when=row.involve_me_when,
        review_on=row.review_on,
        state=DelegationState(row.state),
        created_on=row.created_on,
        next_checkpoint=upcoming[0] if upcoming else None,
        checkpoints=cps,
        factors=tuple(factors),
        history=tuple(
            level_change(h, row.title) for h in sorted(history, key=lambda h: (h.on, h.id))
        ),
    )


def promise(
    row: m.Promise, person_name: str, events: list[m.PromiseEvent], today: date
) -> rm.PromiseView:
    """A promise with its state history; overdue when open past its due date."""
    state = PromiseState(row.state)
    return rm.PromiseView(
        id=row.id,
        person_id=row.person_id,
        person_name=person_name,
        direction=PromiseDirection(row.direction),
        text=row.text,
        made_on=row.made_on,
        due_on=row.due_on,
        state=state,
        resolved_on=row.resolved_on,
        on_time=row.on_time,
        overdue=state.is_open and row.due_on is not None and row.due_on < today,
        history=tuple(
            rm.PromiseEventView(
                on=e.on,
                from_state=PromiseState(e.from_state),
                to_state=PromiseState(e.to_state),
                old_due_on=e.old_due_on,
                new_due_on=e.new_due_on,
                note=e.note,
            )
            for e in sorted(events, key=lambda e: e.id)
        ),
    )


def feedback(row: m.Feedback, person_name: str) -> rm.FeedbackView:
    """A feedback row."""
    return rm.FeedbackView(
        id=row.id,
        person_id=row.person_id,
        person_name=person_name,
        direction=FeedbackDirection(row.direction),
        kind=FeedbackKind(row.kind) if row.kind else None,
        text=row.text,
        on=row.on,
        answer=row.answer,
        answered_on=row.answered_on,
        follow_up=row.follow_up,
    )


def assessment(row: m.TrustAssessment) -> rm.AssessmentView:
    """A trust assessment with its 0-1 score."""
    return rm.AssessmentView(
        id=row.id,
        person_id=row.person_id,
        on=row.on,
        integrity=row.integrity,
        intent=row.intent,
        capabilities=row.capabilities,
        results=row.results,
        note=row.note,
        score=assessment_score(row.integrity, row.intent, row.capabilities, row.results),
    )


def term(row: m.Term) -> rm.TermView:
    """A glossary term."""
    return rm.TermView(row.id, row.person_id, row.term, row.meaning, row.agreed_on)


def note(row: m.RelationshipNote) -> rm.RelationshipNoteView:
    """A relationship note."""
    return rm.RelationshipNoteView(row.id, row.person_id, row.on, row.topic, row.text)
