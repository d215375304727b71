"""1:1s with shared and private notes, the draft of one in progress, topics that carry forward."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.validation import check_date, check_score, clean_text
from leaddesk.services.base import DeskBase, utcnow
from leaddesk.services.changes import ChangeArea
from leaddesk.store import models as m


@dataclass(frozen=True, slots=True)
class OneOnOneView:
    """A 1:1 that took place."""

    id: int
    person_id: int
    held_on: date
    shared_notes: str
    private_notes: str
    energy: int | None
    discussed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OneOnOneDraftView:
    """A 1:1 in progress as last saved while typing: what to restore after a crash or restart."""

    person_id: int
    started_on: date
    shared_notes: str
    private_notes: str
    energy: int | None
    discussed_topic_ids: tuple[int, ...]
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class TopicView:
    """An open agenda topic; `carried` counts the 1:1s that ended without discussing it."""

    id: int
    person_id: int
    text: str
    created_on: date
    carried: int


class MeetingsMixin(DeskBase):
    """Use cases about 1:1s and their agenda topics."""

    def add_topic(self, person_id: int, text: str, on: date | None = None) -> int:
        """Put a topic on the next 1:1's agenda with this person."""
        day = self._day(on)
        with self._write(ChangeArea.TOPICS, person_id) as session:
            self._person_row(session, person_id)
            row = m.AgendaTopic(
                person_id=person_id, text=clean_text(text, "Topic", required=True), created_on=day
            )
            session.add(row)
            session.flush()
            return row.id

    def open_topics(self, person_id: int) -> list[TopicView]:
        """Topics not yet discussed, oldest first, with how often each was carried forward."""
        with self._read() as session:
            rows = session.scalars(
                select(m.AgendaTopic)
                .where(
                    m.AgendaTopic.person_id == person_id,
                    m.AgendaTopic.deleted_at.is_(None),
                    m.AgendaTopic.discussed_in_id.is_(None),
                )
                .order_by(m.AgendaTopic.created_on, m.AgendaTopic.id)
            )
            return [TopicView(r.id, r.person_id, r.text, r.created_on, r.carried) for r in rows]

    def record_one_on_one(
        self,
        person_id: int,
        held_on: date | None = None,
        shared_notes: str = "",
        private_notes: str = "",
        energy: int | None = None,
        discussed_topic_ids: Iterable[int] = (),
    ) -> int:
        """Save a 1:1: notes, energy, and which topics were discussed; the others carry forward.

        Without `held_on` the 1:1 is dated the day its draft was started (a meeting left open
        overnight happened the day before), else today. The draft goes in the same transaction.
        """
        day = check_date(held_on, "Date of the 1:1") if held_on is not None else None
        if energy is not None:
            check_score(energy, "Energy")
        with self._write(ChangeArea.ONE_ON_ONES, person_id) as session:
            self._person_row(session, person_id)
            draft = session.get(m.OneOnOneDraft, person_id)
            if day is None:
                day = draft.started_on if draft is not None else self.today()
            row = m.OneOnOne(
                person_id=person_id,
                held_on=day,
                shared_notes=clean_text(shared_notes, "Shared notes"),
                private_notes=clean_text(private_notes, "Private notes"),
                energy=energy,
            )
            session.add(row)
            session.flush()
            self._mark_discussed(session, person_id, row.id, discussed_topic_ids)
            session.execute(
                update(m.AgendaTopic)
                .where(
                    m.AgendaTopic.person_id == person_id,
                    m.AgendaTopic.deleted_at.is_(None),
                    m.AgendaTopic.discussed_in_id.is_(None),
                )
                .values(carried=m.AgendaTopic.carried + 1)
            )
            if draft is not None:
                session.delete(draft)
            return row.id

    def update_one_on_one(
        self,
        one_on_one_id: int,
        shared_notes: str | None = None,
        private_notes: str | None = None,
        energy: int | None = None,
        discussed_topic_ids: Iterable[int] = (),
    ) -> None:
        """Edit a saved 1:1 (notes, energy) or mark more topics as discussed in it."""
        if energy is not None:
            check_score(energy, "Energy")
        with self._write(ChangeArea.ONE_ON_ONES) as session:
            row = self._get(session, m.OneOnOne, one_on_one_id, "1:1")
            if shared_notes is not None:
                row.shared_notes = clean_text(shared_notes, "Shared notes")
            if private_notes is not None:
                row.private_notes = clean_text(private_notes, "Private notes")
            if energy is not None:
                row.energy = energy
            self._mark_discussed(session, row.person_id, row.id, discussed_topic_ids)

    def one_on_ones(self, person_id: int) -> list[OneOnOneView]:
        """The 1:1s with a person, newest first, with the topics discussed in each."""
        with self._read() as session:
            rows = list(
                session.scalars(
                    select(m.OneOnOne)
                    .where(m.OneOnOne.person_id == person_id, m.OneOnOne.deleted_at.is_(None))
                    .order_by(m.OneOnOne.held_on.desc(), m.OneOnOne.id.desc())
                )
            )
            topics: dict[int, list[str]] = {}
            for t in session.scalars(
                select(m.AgendaTopic)
                .where(
                    m.AgendaTopic.person_id == person_id,
                    m.AgendaTopic.deleted_at.is_(None),
                    m.AgendaTopic.discussed_in_id.is_not(None),
                )
                .order_by(m.AgendaTopic.id)
            ):
                topics.setdefault(t.discussed_in_id or 0, []).append(t.text)
            return [
                OneOnOneView(
                    r.id,
                    r.person_id,
                    r.held_on,
                    r.shared_notes,
                    r.private_notes,
                    r.energy,
                    tuple(topics.get(r.id, [])),
                )
                for r in rows
            ]

    def last_one_on_one(self, person_id: int) -> date | None:
        """The date of the latest 1:1 with a person."""
        with self._read() as session:
            return self._last_one_on_one(session, person_id)

    # -- drafts of the 1:1 in progress ------------------------------------------------------
    def save_one_on_one_draft(
        self,
        person_id: int,
        shared_notes: str,
        private_notes: str,
        energy: int | None,
        discussed_topic_ids: Iterable[int],
        started_on: date | None = None,
    ) -> None:
        """Keep the 1:1 in progress safe on disk (replacing the last draft) while it goes on.

        Called every few seconds while the leader types, so it is one small quiet write: no
        cache is dropped and no view is told, since nothing but 1:1 mode shows drafts.
        `started_on` defaults to the saved draft's day, or today for a new draft.
        """
        shared = clean_text(shared_notes, "Shared notes")
        private = clean_text(private_notes, "Private notes")
        if energy is not None:
            check_score(energy, "Energy")
        topics = _topic_ids(discussed_topic_ids)
        day = check_date(started_on, "Start of the 1:1") if started_on is not None else None
        with self._write_quietly() as session:
            self._person_row(session, person_id)
            row = session.get(m.OneOnOneDraft, person_id)
            if row is None:
                row = m.OneOnOneDraft(person_id=person_id, started_on=day or self.today())
                session.add(row)
            elif day is not None:
                row.started_on = day
            row.shared_notes = shared
            row.private_notes = private
            row.energy = energy
            row.discussed_topic_ids = ",".join(str(i) for i in topics)
            row.updated_at = utcnow()

    def one_on_one_draft(self, person_id: int) -> OneOnOneDraftView | None:
        """The saved draft of an unfinished 1:1 with this person, if there is one."""
        with self._read() as session:
            row = session.get(m.OneOnOneDraft, person_id)
            if row is None:
                return None
            return OneOnOneDraftView(
                row.person_id,
                row.started_on,
                row.shared_notes,
                row.private_notes,
                row.energy,
                tuple(int(i) for i in row.discussed_topic_ids.split(",") if i),
                row.updated_at,
            )

    def discard_one_on_one_draft(self, person_id: int) -> None:
        """Throw away the saved draft of the 1:1 with this person (none is fine)."""
        with self._write_quietly() as session:
            row = session.get(m.OneOnOneDraft, person_id)
            if row is not None:
                session.delete(row)

    # -- internals ---------------------------------------------------------------------------
    @staticmethod
    def _last_one_on_one(session: Session, person_id: int) -> date | None:
        return session.scalar(
            select(func.max(m.OneOnOne.held_on)).where(
                m.OneOnOne.person_id == person_id, m.OneOnOne.deleted_at.is_(None)
            )
        )

    def _mark_discussed(
        self, session: Session, person_id: int, meeting_id: int, topic_ids: Iterable[int]
    ) -> None:
        for topic_id in topic_ids:
            topic = self._get(session, m.AgendaTopic, topic_id, "topic")
            if topic.person_id != person_id:
                raise ValidationError("That topic belongs to another person's agenda.")
            topic.discussed_in_id = meeting_id


def _topic_ids(values: Iterable[int]) -> list[int]:
    """Topic ids as a draft stores them: whole numbers, each once, in order."""
    ids: list[int] = []
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValidationError("A discussed topic must be given by its id.")
        if value not in ids:
            ids.append(value)
    return sorted(ids)
