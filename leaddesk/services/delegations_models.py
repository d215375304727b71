"""Delegation read models (levels, checkpoints, success factors) and the rows they are read from.

Apart from delegations.py so that module stays readable; the checkpoint and level-change views are
also what the person page and the trust chart show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.feedback import Proposer
from leaddesk.domain.levels import DelegationState, EmpowermentLevel, LevelKind, has_clarity_gap
from leaddesk.store import models as m


@dataclass(frozen=True, slots=True)
class LevelChangeView:
    """One entry of a delegation's level history."""

    delegation_id: int
    delegation_title: str
    kind: LevelKind
    on: date
    from_level: EmpowermentLevel | None
    to_level: EmpowermentLevel | None
    reason: str

    @property
    def is_up(self) -> bool:
        """More empowerment than before."""
        return (self.from_level or 0) < (self.to_level or 0)


@dataclass(frozen=True, slots=True)
class CheckpointView:
    """A planned or completed checkpoint."""

    id: int
    delegation_id: int
    delegation_title: str
    person_id: int
    due_on: date
    outcome: CheckpointOutcome | None
    completed_on: date | None
    note: str
    evidence: str
    overdue: bool


@dataclass(frozen=True, slots=True)
class CalibrationView:
    """A change to a success factor's definition or target."""

    on: date
    reason: str
    proposed_by: Proposer
    old_definition: str
    new_definition: str
    old_target: str | None
    new_target: str | None


@dataclass(frozen=True, slots=True)
class SuccessFactorView:
    """An agreed measure with its calibration history."""

    id: int
    delegation_id: int
    name: str
    definition: str
    target: str | None
    unit: str | None
    agreed_on: date
    calibrations: tuple[CalibrationView, ...]

    @property
    def last_calibrated_on(self) -> date:
        """The latest agreement or calibration date."""
        return max([self.agreed_on, *(c.on for c in self.calibrations)])


@dataclass(frozen=True, slots=True)
class DelegationView:
    """A delegation with everything the Delegations tab and the board show."""

    id: int
    person_id: int
    person_name: str
    title: str
    done_means: str
    my_level: EmpowermentLevel
    their_level: EmpowermentLevel | None
    target_level: EmpowermentLevel | None
    involve_me_when: str
    review_on: date | None
    state: DelegationState
    created_on: date
    next_checkpoint: CheckpointView | None
    checkpoints: tuple[CheckpointView, ...]
    factors: tuple[SuccessFactorView, ...]
    history: tuple[LevelChangeView, ...]

    @property
    def clarity_gap(self) -> bool:
        """The person believes they hold a different level than the one I gave."""
        return has_clarity_gap(self.my_level, self.their_level)


@dataclass(frozen=True, slots=True)
class BoardCard:
    """A delegation as the board shows it: levels, involve-me-when and the next checkpoint only."""

    id: int
    person_id: int
    person_name: str
    title: str
    my_level: EmpowermentLevel
    their_level: EmpowermentLevel | None
    target_level: EmpowermentLevel | None
    involve_me_when: str
    created_on: date
    next_checkpoint: CheckpointView | None

    @property
    def clarity_gap(self) -> bool:
        """The person believes they hold a different level than the one I gave."""
        return has_clarity_gap(self.my_level, self.their_level)


def level_or_none(value: int | None) -> EmpowermentLevel | None:
    """An optional stored level as the enum."""
    return EmpowermentLevel(value) if value is not None else None


def checkpoint_view(row: m.Checkpoint, title: str, person_id: int, today: date) -> CheckpointView:
    """A checkpoint row; overdue when still open past its due date."""
    return CheckpointView(
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


def level_change_view(row: m.LevelChange, title: str) -> LevelChangeView:
    """A level-history row."""
    return LevelChangeView(
        delegation_id=row.delegation_id,
        delegation_title=title,
        kind=LevelKind(row.kind),
        on=row.on,
        from_level=level_or_none(row.from_level),
        to_level=level_or_none(row.to_level),
        reason=row.reason,
    )


def calibration_view(row: m.Calibration) -> CalibrationView:
    """A calibration row."""
    return CalibrationView(
        on=row.on,
        reason=row.reason,
        proposed_by=Proposer(row.proposed_by),
        old_definition=row.old_definition,
        new_definition=row.new_definition,
        old_target=row.old_target,
        new_target=row.new_target,
    )


def factor_view(row: m.SuccessFactor, calibrations: list[m.Calibration]) -> SuccessFactorView:
    """A success factor with its calibrations (oldest first)."""
    return SuccessFactorView(
        id=row.id,
        delegation_id=row.delegation_id,
        name=row.name,
        definition=row.definition,
        target=row.target,
        unit=row.unit,
        agreed_on=row.agreed_on,
        calibrations=tuple(calibration_view(c) for c in sorted(calibrations, key=lambda c: c.id)),
    )


def delegation_view(
    row: m.Delegation,
    person_name: str,
    checkpoints: list[m.Checkpoint],
    factors: list[SuccessFactorView],
    history: list[m.LevelChange],
    today: date,
) -> DelegationView:
    """A delegation with its checkpoints (by due date), factors and level history."""
    cps = tuple(
        checkpoint_view(c, row.title, row.person_id, today)
        for c in sorted(checkpoints, key=lambda c: (c.due_on, c.id))
    )
    upcoming = [c for c in cps if c.outcome is None]
    return DelegationView(
        id=row.id,
        person_id=row.person_id,
        person_name=person_name,
        title=row.title,
        done_means=row.done_means,
        my_level=EmpowermentLevel(row.my_level),
        their_level=level_or_none(row.their_level),
        target_level=level_or_none(row.target_level),
        involve_me_when=row.involve_me_when,
        review_on=row.review_on,
        state=DelegationState(row.state),
        created_on=row.created_on,
        next_checkpoint=upcoming[0] if upcoming else None,
        checkpoints=cps,
        factors=tuple(factors),
        history=tuple(
            level_change_view(h, row.title) for h in sorted(history, key=lambda h: (h.on, h.id))
        ),
    )
