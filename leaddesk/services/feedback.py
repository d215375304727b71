"""Feedback given, received and solicited, with what I did about it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.feedback import FeedbackDirection, FeedbackKind
from leaddesk.domain.validation import clean_text
from leaddesk.services.base import DeskBase
from leaddesk.services.changes import ChangeArea
from leaddesk.store import models as m


@dataclass(frozen=True, slots=True)
class FeedbackView:
    """Feedback given, received or solicited."""

    id: int
    person_id: int
    person_name: str
    direction: FeedbackDirection
    kind: FeedbackKind | None
    text: str
    on: date
    answer: str | None
    answered_on: date | None
    follow_up: str

    @property
    def is_open(self) -> bool:
        """A solicitation not answered yet."""
        return self.direction is FeedbackDirection.SOLICITED and self.answered_on is None


def feedback_view(row: m.Feedback, person_name: str) -> FeedbackView:
    """A feedback row."""
    return FeedbackView(
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


class FeedbackMixin(DeskBase):
    """Use cases about the culture of feedback."""

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
            return [feedback_view(f, name) for f, name in rows]
