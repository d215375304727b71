"""Soft delete with undo: nothing the user deletes is gone until an explicit purge."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select, update

from leaddesk.domain.errors import ValidationError
from leaddesk.services.base import DeskBase, utcnow
from leaddesk.services.changes import ChangeArea
from leaddesk.store import models as m


class Deletable(enum.Enum):
    """Everything a user can delete (and undo)."""

    PERSON = "person"
    DELEGATION = "delegation"
    CHECKPOINT = "checkpoint"
    FACTOR = "success factor"
    TERM = "term"
    PROMISE = "promise"
    ONE_ON_ONE = "1:1"
    TOPIC = "topic"
    NOTE = "relationship note"
    FEEDBACK = "feedback"
    ASSESSMENT = "trust assessment"


_MODELS: dict[Deletable, type[m.Base]] = {
    Deletable.PERSON: m.Person,
    Deletable.DELEGATION: m.Delegation,
    Deletable.CHECKPOINT: m.Checkpoint,
    Deletable.FACTOR: m.SuccessFactor,
    Deletable.TERM: m.Term,
    Deletable.PROMISE: m.Promise,
    Deletable.ONE_ON_ONE: m.OneOnOne,
    Deletable.TOPIC: m.AgendaTopic,
    Deletable.NOTE: m.RelationshipNote,
    Deletable.FEEDBACK: m.Feedback,
    Deletable.ASSESSMENT: m.TrustAssessment,
}


PRIVATE_KINDS = frozenset({Deletable.NOTE, Deletable.ASSESSMENT, Deletable.ONE_ON_ONE})


def _label(row: m.Base) -> str:
    """A short name for a deleted row (its name, title or text), for 'Deleted …' messages;
    empty for a row known only by its date (a checkpoint)."""
    value = (
        getattr(row, "name", None)
        or getattr(row, "title", None)
        or getattr(row, "text", None)
        or getattr(row, "term", None)
        or ""
    )
    return str(value).splitlines()[0][:60] if value else ""


def _day(row: m.Base) -> date | None:
    """The date a row is known by: a 1:1's, a note's, an assessment's, a checkpoint's due date."""
    for name in ("on", "held_on", "due_on"):
        value = getattr(row, name, None)
        if isinstance(value, date):
            return value
    return None


@dataclass(frozen=True, slots=True)
class Deleted:
    """A deletion that can be undone."""

    kind: Deletable
    ident: int
    label: str  # empty for private kinds and for rows known only by their date
    on: date | None = None

    def what_with(self, day: Callable[[date], str]) -> str:
        """'promise “Send the budget”', or 'relationship note of 3 May 2026' with `day` wording
        the date (the UI passes the one wording module; private kinds never show their text)."""
        if self.label:
            return f"{self.kind.value} “{self.label}”"
        return f"{self.kind.value} of {day(self.on)}" if self.on else self.kind.value

    @property
    def what(self) -> str:
        """`what_with` with ISO dates, for logs and tests (a person reads `what_with`)."""
        return self.what_with(date.isoformat)


class UndoMixin(DeskBase):
    """Delete, undo the last deletion, and purge for good."""

    _undo_stack: list[Deleted]

    def delete(self, kind: Deletable, ident: int) -> Deleted:
        """Hide an item (and, for a person, everything about them); undo brings it back."""
        model = _MODELS[kind]
        with self._write(ChangeArea.DELETE) as session:
            row = self._get(session, model, ident, kind.value)
            if kind is Deletable.PERSON:
                reports = list(
                    session.scalars(
                        select(m.Person.name).where(
                            m.Person.reports_to_id == ident, m.Person.deleted_at.is_(None)
                        )
                    )
                )
                if reports:
                    raise ValidationError(
                        f"{', '.join(reports)} report{'s' if len(reports) == 1 else ''} to "
                        f"{row.name}: give them another manager first, or archive "  # type: ignore[attr-defined]
                        f"{row.name} instead."  # type: ignore[attr-defined]
                    )
            # The label reaches the status bar and tooltips, which presenter mode cannot vouch
            # for: private text never goes into it, only the date.
            label = "" if kind in PRIVATE_KINDS else _label(row)
            done = Deleted(kind, ident, label, None if label else _day(row))
            row.deleted_at = utcnow()  # type: ignore[attr-defined]
        self._undo_stack.append(done)
        return done

    def can_undo(self) -> Deleted | None:
        """The deletion undo would restore, if any."""
        return self._undo_stack[-1] if self._undo_stack else None

    def undo(self) -> Deleted | None:
        """Restore the most recent deletion; None when there is nothing to undo."""
        if not self._undo_stack:
            return None
        done = self._undo_stack.pop()
        self.restore(done.kind, done.ident)
        return done

    def restore(self, kind: Deletable, ident: int) -> None:
        """Bring back a deleted item."""
        model = _MODELS[kind]
        with self._write(ChangeArea.DELETE) as session:
            row = session.get(model, ident)
            if row is None:
                raise ValidationError(f"That {kind.value} was purged and cannot come back.")
            row.deleted_at = None  # type: ignore[attr-defined]

    def purge_deleted(self) -> int:
        """Remove deleted rows for good (explicit, never automatic); returns how many."""
        total = 0
        with self._write(ChangeArea.PURGE) as session:
            # Children before parents so foreign keys hold.
            dead_people = select(m.Person.id).where(m.Person.deleted_at.is_not(None))
            dead_delegations = select(m.Delegation.id).where(
                (m.Delegation.deleted_at.is_not(None)) | m.Delegation.person_id.in_(dead_people)
            )
            dead_factors = select(m.SuccessFactor.id).where(
                (m.SuccessFactor.deleted_at.is_not(None))
                | m.SuccessFactor.delegation_id.in_(dead_delegations)
            )
            dead_promises = select(m.Promise.id).where(
                (m.Promise.deleted_at.is_not(None)) | m.Promise.person_id.in_(dead_people)
            )
            dead_meetings = select(m.OneOnOne.id).where(
                (m.OneOnOne.deleted_at.is_not(None)) | m.OneOnOne.person_id.in_(dead_people)
            )
            statements = [
                delete(m.Calibration).where(m.Calibration.factor_id.in_(dead_factors)),
                delete(m.SuccessFactor).where(m.SuccessFactor.id.in_(dead_factors)),
                delete(m.Checkpoint).where(
                    (m.Checkpoint.deleted_at.is_not(None))
                    | m.Checkpoint.delegation_id.in_(dead_delegations)
                ),
                delete(m.LevelChange).where(m.LevelChange.delegation_id.in_(dead_delegations)),
                delete(m.DelegationStateChange).where(
                    m.DelegationStateChange.delegation_id.in_(dead_delegations)
                ),
                delete(m.Delegation).where(m.Delegation.id.in_(dead_delegations)),
                delete(m.PromiseEvent).where(m.PromiseEvent.promise_id.in_(dead_promises)),
                delete(m.Promise).where(m.Promise.id.in_(dead_promises)),
                update(m.Promise)
                .where(m.Promise.one_on_one_id.in_(dead_meetings))
                .values(one_on_one_id=None),
                update(m.Feedback)
                .where(m.Feedback.one_on_one_id.in_(dead_meetings))
                .values(one_on_one_id=None),
                # Topics discussed in a purged 1:1 go with it: they must not reopen on the agenda.
                delete(m.AgendaTopic).where(
                    (m.AgendaTopic.deleted_at.is_not(None))
                    | m.AgendaTopic.person_id.in_(dead_people)
                    | m.AgendaTopic.discussed_in_id.in_(dead_meetings)
                ),
                delete(m.OneOnOne).where(m.OneOnOne.id.in_(dead_meetings)),
                delete(m.RelationshipNote).where(
                    (m.RelationshipNote.deleted_at.is_not(None))
                    | m.RelationshipNote.person_id.in_(dead_people)
                ),
                delete(m.Feedback).where(
                    (m.Feedback.deleted_at.is_not(None)) | m.Feedback.person_id.in_(dead_people)
                ),
                delete(m.TrustAssessment).where(
                    (m.TrustAssessment.deleted_at.is_not(None))
                    | m.TrustAssessment.person_id.in_(dead_people)
                ),
                delete(m.Term).where(
                    (m.Term.deleted_at.is_not(None)) | m.Term.person_id.in_(dead_people)
                ),
                update(m.Person)
                .where(m.Person.reports_to_id.in_(dead_people))
                .values(reports_to_id=None),
                delete(m.Person).where(m.Person.deleted_at.is_not(None)),
            ]
            for statement in statements:
                result = session.execute(statement)
                if statement.is_delete:
                    total += result.rowcount  # type: ignore[attr-defined]
        self._undo_stack = []
        return total
