"""The shared glossary: terms agreed with one person or the whole team."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, or_, select

from leaddesk.domain.validation import clean_name, clean_text
from leaddesk.services.base import DeskBase
from leaddesk.services.changes import ChangeArea
from leaddesk.store import models as m


@dataclass(frozen=True, slots=True)
class TermView:
    """A glossary entry, for one person or (person_id None) the whole team."""

    id: int
    person_id: int | None
    term: str
    meaning: str
    agreed_on: date


def term_view(row: m.Term) -> TermView:
    """A glossary term."""
    return TermView(row.id, row.person_id, row.term, row.meaning, row.agreed_on)


class TermsMixin(DeskBase):
    """Use cases about words that mean the same to both sides."""

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
            return [term_view(r) for r in rows]
