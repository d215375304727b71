"""What belongs in a calendar: open checkpoints and the due dates of open promises.

Calendar files end up in calendar apps and often in someone's cloud: these read models carry
no private data (relationship notes, private 1:1 notes, assessments, trust scores) at all, and
free-text notes of the items themselves only when the caller asks for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from leaddesk.domain.levels import DelegationState, EmpowermentLevel
from leaddesk.domain.promises import PromiseDirection, PromiseState
from leaddesk.services.base import DeskBase
from leaddesk.store import models as m

Details = tuple[tuple[str, str], ...]
"""(label, text) pairs of an item's own notes; empty unless notes were asked for."""


@dataclass(frozen=True, slots=True)
class CalendarCheckpoint:
    """An open checkpoint (not yet done, overdue ones included) of an active delegation."""

    id: int
    due_on: date
    delegation_title: str
    person_name: str
    my_level: EmpowermentLevel
    details: Details


@dataclass(frozen=True, slots=True)
class CalendarPromise:
    """An open promise with a due date, mine (to the person) or theirs (from them)."""

    id: int
    due_on: date
    direction: PromiseDirection
    person_name: str
    text: str
    made_on: date
    details: Details


@dataclass(frozen=True, slots=True)
class CalendarItems:
    """Everything a calendar export shows, ordered by date."""

    checkpoints: tuple[CalendarCheckpoint, ...]
    promises: tuple[CalendarPromise, ...]


class CalendarMixin(DeskBase):
    """Dated items for calendar apps."""

    def calendar_items(self, include_notes: bool = False) -> CalendarItems:
        """Open checkpoints and open promises with a due date, of people not archived.

        With `include_notes`, each item carries its own notes (what done means and when to
        involve me, a checkpoint's note, the notes of a promise's renegotiations), nothing else.
        """
        live_people = (m.Person.deleted_at.is_(None), m.Person.archived.is_(False))
        with self._read() as session:
            checkpoint_rows = session.execute(
                select(m.Checkpoint, m.Delegation, m.Person.name)
                .join(m.Delegation, m.Delegation.id == m.Checkpoint.delegation_id)
                .join(m.Person, m.Person.id == m.Delegation.person_id)
                .where(
                    m.Checkpoint.outcome.is_(None),
                    m.Checkpoint.deleted_at.is_(None),
                    m.Delegation.deleted_at.is_(None),
                    m.Delegation.state == DelegationState.ACTIVE.value,
                    *live_people,
                )
                .order_by(m.Checkpoint.due_on, m.Checkpoint.id)
            ).all()
            promise_rows = session.execute(
                select(m.Promise, m.Person.name)
                .join(m.Person, m.Person.id == m.Promise.person_id)
                .where(
                    m.Promise.state.in_([s.value for s in PromiseState if s.is_open]),
                    m.Promise.due_on.is_not(None),
                    m.Promise.deleted_at.is_(None),
                    *live_people,
                )
                .order_by(m.Promise.due_on, m.Promise.id)
            ).all()
            notes: dict[int, list[m.PromiseEvent]] = {}
            if include_notes and promise_rows:
                for event in session.scalars(
                    select(m.PromiseEvent)
                    .join(m.Promise, m.Promise.id == m.PromiseEvent.promise_id)
                    .where(m.Promise.state.in_([s.value for s in PromiseState if s.is_open]))
                    .order_by(m.PromiseEvent.on, m.PromiseEvent.id)
                ):
                    notes.setdefault(event.promise_id, []).append(event)
        checkpoints = tuple(
            CalendarCheckpoint(
                id=c.id,
                due_on=c.due_on,
                delegation_title=d.title,
                person_name=name,
                my_level=EmpowermentLevel(d.my_level),
                details=_details(
                    ("Done means", d.done_means),
                    ("Involve me when", d.involve_me_when),
                    ("Note", c.note),
                )
                if include_notes
                else (),
            )
            for c, d, name in checkpoint_rows
        )
        promises = tuple(
            CalendarPromise(
                id=p.id,
                due_on=p.due_on,
                direction=PromiseDirection(p.direction),
                person_name=name,
                text=p.text,
                made_on=p.made_on,
                details=_details(
                    *((f"{e.to_state.capitalize()} on {e.on}", e.note) for e in notes.get(p.id, ()))
                ),
            )
            for p, name in promise_rows
            if p.due_on is not None
        )
        return CalendarItems(checkpoints, promises)


def _details(*pairs: tuple[str, str]) -> Details:
    return tuple((label, value.strip()) for label, value in pairs if value and value.strip())
