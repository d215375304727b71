"""Checkpoints (trust and verify): planning, completing, and the suggested next date."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.errors import ValidationError
from leaddesk.domain.levels import EmpowermentLevel, LevelKind
from leaddesk.domain.validation import clean_text
from leaddesk.services.changes import ChangeArea
from leaddesk.services.delegations import DelegationsMixin
from leaddesk.store import models as m


class CheckpointsMixin(DelegationsMixin):
    """Use cases about verifying delegations: when to check, and what the check found."""

    def plan_checkpoint(self, delegation_id: int, due_on: date | None = None) -> int:
        """Plan a checkpoint; without a date it goes at the suggested date."""
        due = self._day(due_on, "Due date") if due_on else self.suggest_checkpoint(delegation_id)
        with self._write(ChangeArea.CHECKPOINTS) as session:
            row = self._delegation_row(session, delegation_id)
            self._touch(session, row.person_id)
            cp = m.Checkpoint(delegation_id=row.id, due_on=due)
            session.add(cp)
            session.flush()
            return cp.id

    def reschedule_checkpoint(self, checkpoint_id: int, due_on: date) -> None:
        """Move an open checkpoint to another date."""
        due = self._day(due_on, "Due date")
        with self._write(ChangeArea.CHECKPOINTS) as session:
            cp = self._get(session, m.Checkpoint, checkpoint_id, "checkpoint")
            self._touch(session, self._delegation_row(session, cp.delegation_id).person_id)
            if cp.outcome is not None:
                raise ValidationError("That checkpoint is already completed.")
            cp.due_on = due

    def complete_checkpoint(
        self,
        checkpoint_id: int,
        outcome: CheckpointOutcome,
        note: str = "",
        evidence: str = "",
        on: date | None = None,
        plan_next: bool = True,
        next_on: date | None = None,
        their_level: EmpowermentLevel | int | None = None,
    ) -> date:
        """Record a checkpoint's outcome; plans the next one (suggested date unless given).

        `their_level`, when given, records the level the person says they hold (from a 1:1).
        Returns the date of the next checkpoint (planned or, with plan_next False, suggested).
        """
        day = self._day(on)
        # Parse before writing: an invalid level must not leave the checkpoint half-recorded.
        theirs = EmpowermentLevel.parse(their_level) if their_level is not None else None
        with self._write(ChangeArea.CHECKPOINTS) as session:
            cp = self._get(session, m.Checkpoint, checkpoint_id, "checkpoint")
            self._touch(session, self._delegation_row(session, cp.delegation_id).person_id)
            if cp.outcome is not None:
                raise ValidationError("That checkpoint is already completed.")
            delegation = self._delegation_row(session, cp.delegation_id)
            cp.outcome = outcome.value
            cp.completed_on = day
            cp.note = clean_text(note, "Note")
            cp.evidence = clean_text(evidence, "Evidence")
            person_id = delegation.person_id
            session.flush()
            suggested = self._suggest(
                session, person_id, EmpowermentLevel(delegation.my_level), outcome, day
            )
            nxt = self._day(next_on, "Next checkpoint") if next_on else suggested
            if next_on is not None and nxt < day:
                raise ValidationError("The next checkpoint cannot be before this one.")
            if plan_next:
                session.add(m.Checkpoint(delegation_id=delegation.id, due_on=nxt))
            delegation_id = delegation.id
        if theirs is not None and self.delegation(delegation_id).their_level != theirs:
            self.change_level(
                delegation_id,
                theirs,
                "Said at a checkpoint",
                kind=LevelKind.THEIRS,
                on=day,
            )
        return nxt

    def suggest_checkpoint(self, delegation_id: int, on: date | None = None) -> date:
        """The suggested date of the next checkpoint for a delegation, from today (or `on`)."""
        day = self._day(on)
        with self._read() as session:
            row = self._delegation_row(session, delegation_id)
            last = session.scalars(
                select(m.Checkpoint.outcome)
                .where(
                    m.Checkpoint.delegation_id == delegation_id,
                    m.Checkpoint.deleted_at.is_(None),
                    m.Checkpoint.outcome.is_not(None),
                )
                .order_by(m.Checkpoint.completed_on.desc(), m.Checkpoint.id.desc())
            ).first()
            outcome = CheckpointOutcome(last) if last else None
            return self._suggest(
                session, row.person_id, EmpowermentLevel(row.my_level), outcome, day
            )

    def suggest_after_outcome(
        self, delegation_id: int, outcome: CheckpointOutcome, on: date | None = None
    ) -> date:
        """The next checkpoint date completing a checkpoint with `outcome` today would suggest."""
        day = self._day(on)
        with self._read() as session:
            row = self._delegation_row(session, delegation_id)
            return self._suggest(
                session, row.person_id, EmpowermentLevel(row.my_level), outcome, day, outcome
            )
