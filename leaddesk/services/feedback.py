"""Feedback given, received and solicited; and trust assessments on the four cores."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.feedback import FeedbackDirection, FeedbackKind
from leaddesk.domain.validation import check_score, clean_text
from leaddesk.services import convert
from leaddesk.services.base import DeskBase
from leaddesk.services.changes import ChangeArea
from leaddesk.services.readmodels import AssessmentView, FeedbackView
from leaddesk.store import models as m


class FeedbackMixin(DeskBase):
    """Use cases about the culture of feedback and the leader's judgement of trust."""

    def add_feedback(
        self,
        person_id: int,
        direction: FeedbackDirection,
        text: str,
        kind: FeedbackKind | None = None,
        on: date | None = None,
        one_on_one_id: int | None = None,
    ) -> int:
        """Record feedback given or received, or a solicitation (open until answered)."""
        day = self._day(on)
        with self._write(ChangeArea.FEEDBACK, person_id) as session:
            self._person_row(session, person_id)
            self._check_meeting(session, one_on_one_id, person_id)
            row = m.Feedback(
                person_id=person_id,
                direction=direction.value,
                kind=kind.value if kind else None,
                text=clean_text(text, "Feedback", required=True),
                on=day,
                one_on_one_id=one_on_one_id,
            )
            session.add(row)
            session.flush()
            return row.id

    def answer_solicitation(self, feedback_id: int, answer: str, on: date | None = None) -> None:
        """Record their answer to feedback I asked for; the solicitation is then closed."""
        day = self._day(on)
        with self._write(ChangeArea.FEEDBACK) as session:
            row = self._get(session, m.Feedback, feedback_id, "feedback")
            if row.direction != FeedbackDirection.SOLICITED.value:
                raise ValidationError("Only solicited feedback can be answered.")
            if row.answered_on is not None:
                raise ValidationError("That solicitation is already answered.")
            if day < row.on:
                raise ValidationError("The answer cannot come before the question.")
            row.answer = clean_text(answer, "Answer", required=True)
            row.answered_on = day

    def set_follow_up(self, feedback_id: int, follow_up: str) -> None:
        """What I did with a piece of feedback."""
        with self._write(ChangeArea.FEEDBACK) as session:
            row = self._get(session, m.Feedback, feedback_id, "feedback")
            row.follow_up = clean_text(follow_up, "Follow-up")

    def feedback(self, person_id: int | None = None, open_only: bool = False) -> list[FeedbackView]:
        """Feedback, newest first (open solicitations only, if asked)."""
        with self._read() as session:
            query = (
                select(m.Feedback, m.Person.name)
                .join(m.Person, m.Person.id == m.Feedback.person_id)
                .where(m.Feedback.deleted_at.is_(None), m.Person.deleted_at.is_(None))
            )
            if person_id is not None:
                query = query.where(m.Feedback.person_id == person_id)
            if open_only:
                query = query.where(
                    m.Feedback.direction == FeedbackDirection.SOLICITED.value,
                    m.Feedback.answered_on.is_(None),
                )
            rows = session.execute(query.order_by(m.Feedback.on.desc(), m.Feedback.id.desc()))
            return [convert.feedback(f, name) for f, name in rows]

    # -- trust assessments -------------------------------------------------------------------
    def add_assessment(
        self,
        person_id: int,
        integrity: int,
        intent: int,
        capabilities: int,
        results: int,
        note: str = "",
        on: date | None = None,
    ) -> int:
        """Record my judgement of a person on the four cores of credibility (1-5 each)."""
        day = self._day(on)
        for value, name in (
            (integrity, "Integrity"),
            (intent, "Intent"),
            (capabilities, "Capabilities"),
            (results, "Results"),
        ):
            check_score(value, name)
        with self._write(ChangeArea.ASSESSMENTS, person_id) as session:
            self._person_row(session, person_id)
            row = m.TrustAssessment(
                person_id=person_id,
                on=day,
                integrity=integrity,
                intent=intent,
                capabilities=capabilities,
                results=results,
                note=clean_text(note, "Note"),
            )
            session.add(row)
            session.flush()
            return row.id

    def assessments(self, person_id: int) -> list[AssessmentView]:
        """A person's trust assessments, oldest first."""
        with self._read() as session:
            rows = session.scalars(
                select(m.TrustAssessment)
                .where(
                    m.TrustAssessment.person_id == person_id, m.TrustAssessment.deleted_at.is_(None)
                )
                .order_by(m.TrustAssessment.on, m.TrustAssessment.id)
            )
            return [convert.assessment(r) for r in rows]
