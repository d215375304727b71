"""Checkpoints (trust and verify), success factors with calibrations, and the shared glossary."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, or_, select

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.errors import ValidationError
from leaddesk.domain.feedback import Proposer
from leaddesk.domain.levels import EmpowermentLevel, LevelKind
from leaddesk.domain.validation import clean_name, clean_optional_name, clean_text
from leaddesk.services import convert
from leaddesk.services.changes import ChangeArea
from leaddesk.services.delegations import DelegationsMixin
from leaddesk.services.readmodels import TermView
from leaddesk.store import models as m


class CheckpointsMixin(DelegationsMixin):
    """Use cases about verifying delegations and agreeing on what success means."""

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

    # -- success factors ---------------------------------------------------------------------
    def add_success_factor(
        self,
        delegation_id: int,
        name: str,
        definition: str,
        target: str | None = None,
        unit: str | None = None,
        agreed_on: date | None = None,
    ) -> int:
        """Add an agreed measure in the words both use."""
        day = self._day(agreed_on, "Agreed on")
        with self._write(ChangeArea.FACTORS) as session:
            self._delegation_row(session, delegation_id)
            row = m.SuccessFactor(
                delegation_id=delegation_id,
                name=clean_name(name, "Name"),
                definition=clean_text(definition, "Agreed definition", required=True),
                target=clean_optional_name(target, "Target"),
                unit=clean_optional_name(unit, "Unit", 50),
                agreed_on=day,
            )
            session.add(row)
            session.flush()
            return row.id

    def calibrate_success_factor(
        self,
        factor_id: int,
        reason: str,
        proposed_by: Proposer,
        definition: str | None = None,
        target: str | None = None,
        on: date | None = None,
    ) -> None:
        """Change a factor's definition and/or target, keeping the old ones as a calibration."""
        day = self._day(on)
        why = clean_text(reason, "Reason", required=True)
        with self._write(ChangeArea.FACTORS) as session:
            row = self._get(session, m.SuccessFactor, factor_id, "success factor")
            if day < row.agreed_on:
                raise ValidationError(
                    f"A calibration cannot come before the factor was agreed ({row.agreed_on})."
                )
            new_def = (
                clean_text(definition, "Agreed definition", required=True)
                if (definition is not None)
                else row.definition
            )
            new_target = clean_optional_name(target, "Target") if target is not None else row.target
            if new_def == row.definition and new_target == row.target:
                raise ValidationError("Nothing changed: give a new definition or a new target.")
            session.add(
                m.Calibration(
                    factor_id=row.id,
                    on=day,
                    reason=why,
                    proposed_by=proposed_by.value,
                    old_definition=row.definition,
                    new_definition=new_def,
                    old_target=row.target,
                    new_target=new_target,
                )
            )
            row.definition = new_def
            row.target = new_target

    # -- terms -------------------------------------------------------------------------------
    def add_term(
        self, term: str, meaning: str, person_id: int | None = None, agreed_on: date | None = None
    ) -> int:
        """Agree on the meaning of a word with one person, or the whole team (person_id None)."""
        day = self._day(agreed_on, "Agreed on")
        with self._write(ChangeArea.TERMS, person_id) as session:
            if person_id is not None:
                self._person_row(session, person_id)
            row = m.Term(
                person_id=person_id,
                term=clean_name(term, "Term"),
                meaning=clean_text(meaning, "Meaning", required=True),
                agreed_on=day,
            )
            session.add(row)
            session.flush()
            return row.id

    def update_term(
        self, term_id: int, term: str | None = None, meaning: str | None = None
    ) -> None:
        """Reword a glossary entry."""
        with self._write(ChangeArea.TERMS) as session:
            row = self._get(session, m.Term, term_id, "term")
            if term is not None:
                row.term = clean_name(term, "Term")
            if meaning is not None:
                row.meaning = clean_text(meaning, "Meaning", required=True)

    def terms(self, person_id: int | None = None) -> list[TermView]:
        """The team's terms plus, given a person, the ones agreed with them."""
        whose: ColumnElement[bool] = m.Term.person_id.is_(None)
        if person_id is not None:  # picked in SQL: not every term agreed with everyone
            whose = or_(whose, m.Term.person_id == person_id)
        with self._read() as session:
            query = select(m.Term).where(m.Term.deleted_at.is_(None), whose)
            rows = session.scalars(query.order_by(m.Term.term, m.Term.id))
            return [convert.term(r) for r in rows]
