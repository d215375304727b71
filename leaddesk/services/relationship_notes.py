"""Relationship notes: what the leader knows about a person (motivation, style, context)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from leaddesk.domain.validation import clean_name, clean_text
from leaddesk.services.base import DeskBase
from leaddesk.services.changes import ChangeArea
from leaddesk.store import models as m


@dataclass(frozen=True, slots=True)
class RelationshipNoteView:
    """Something the leader knows about the person."""

    id: int
    person_id: int
    on: date
    topic: str
    text: str


def note_view(row: m.RelationshipNote) -> RelationshipNoteView:
    """A relationship note."""
    return RelationshipNoteView(row.id, row.person_id, row.on, row.topic, row.text)


class RelationshipNotesMixin(DeskBase):
    """Use cases about knowing the person."""

    def add_relationship_note(
        self, person_id: int, text: str, topic: str = "", on: date | None = None
    ) -> int:
        """Note something about the person: motivation, aspirations, style, context."""
        day = self._day(on)
        with self._write(ChangeArea.RELATIONSHIP, person_id) as session:
            self._person_row(session, person_id)
            row = m.RelationshipNote(
                person_id=person_id,
                on=day,
                text=clean_text(text, "Note", required=True),
                topic=clean_name(topic, "Topic", 50) if topic.strip() else "",
            )
            session.add(row)
            session.flush()
            return row.id

    def update_relationship_note(
        self, note_id: int, text: str, topic: str | None = None, on: date | None = None
    ) -> None:
        """Reword a relationship note; its topic and date too when given."""
        day = self._day(on) if on is not None else None
        with self._write(ChangeArea.RELATIONSHIP) as session:
            row = self._get(session, m.RelationshipNote, note_id, "note")
            row.text = clean_text(text, "Note", required=True)
            if topic is not None:
                row.topic = clean_name(topic, "Topic", 50) if topic.strip() else ""
            if day is not None:
                row.on = day

    def relationship_notes(self, person_id: int) -> list[RelationshipNoteView]:
        """What the leader knows about a person, newest first."""
        with self._read() as session:
            rows = session.scalars(
                select(m.RelationshipNote)
                .where(
                    m.RelationshipNote.person_id == person_id,
                    m.RelationshipNote.deleted_at.is_(None),
                )
                .order_by(m.RelationshipNote.on.desc(), m.RelationshipNote.id.desc())
            )
            return [note_view(r) for r in rows]
