"""Promises in both directions and every transition, each kept as history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.promises import (
    PromiseDirection,
    PromiseState,
    check_renegotiation,
    check_transition,
    kept_on_time,
)
from leaddesk.domain.validation import check_due, clean_text
from leaddesk.services.base import DeskBase
from leaddesk.services.changes import ChangeArea
from leaddesk.store import models as m


@dataclass(frozen=True, slots=True)
class PromiseEventView:
    """A state change of a promise (renegotiations keep the old due date)."""

    on: date
    from_state: PromiseState
    to_state: PromiseState
    old_due_on: date | None
    new_due_on: date | None
    note: str


@dataclass(frozen=True, slots=True)
class PromiseView:
    """A promise, mine or theirs, with its history."""

    id: int
    person_id: int
    person_name: str
    direction: PromiseDirection
    text: str
    made_on: date
    due_on: date | None
    state: PromiseState
    resolved_on: date | None
    on_time: bool | None
    overdue: bool
    history: tuple[PromiseEventView, ...]


def promise_view(
    row: m.Promise, person_name: str, events: list[m.PromiseEvent], today: date
) -> PromiseView:
    """A promise with its state history; overdue when open past its due date."""
    state = PromiseState(row.state)
    return PromiseView(
        id=row.id,
        person_id=row.person_id,
        person_name=person_name,
        direction=PromiseDirection(row.direction),
        text=row.text,
        made_on=row.made_on,
        due_on=row.due_on,
        state=state,
        resolved_on=row.resolved_on,
        on_time=row.on_time,
        overdue=state.is_open and row.due_on is not None and row.due_on < today,
        history=tuple(
            PromiseEventView(
                on=e.on,
                from_state=PromiseState(e.from_state),
                to_state=PromiseState(e.to_state),
                old_due_on=e.old_due_on,
                new_due_on=e.new_due_on,
                note=e.note,
            )
            for e in sorted(events, key=lambda e: e.id)
        ),
    )


class PromisesMixin(DeskBase):
    """Use cases about promises made and kept."""

    def add_promise(
        self,
        person_id: int,
        direction: PromiseDirection,
        text: str,
        due_on: date | None = None,
        made_on: date | None = None,
        one_on_one_id: int | None = None,
    ) -> int:
        """Record a promise, mine to them or theirs to me."""
        made = self._day(made_on, "Made on")
        due = self._day(due_on, "Due date") if due_on else None
        check_due(made, due)
        with self._write(ChangeArea.PROMISES, person_id) as session:
            self._person_row(session, person_id)
            self._touch(session, person_id)
            self._check_meeting(session, one_on_one_id, person_id)
            row = m.Promise(
                person_id=person_id,
                direction=direction.value,
                text=clean_text(text, "Promise", required=True),
                made_on=made,
                due_on=due,
                state=PromiseState.OPEN.value,
                one_on_one_id=one_on_one_id,
            )
            session.add(row)
            session.flush()
            return row.id

    def edit_promise(self, promise_id: int, text: str) -> None:
        """Reword a promise (a typo, a clearer phrase); its dates change only by renegotiation."""
        with self._write(ChangeArea.PROMISES) as session:
            row = self._get(session, m.Promise, promise_id, "promise")
            self._touch(session, row.person_id)
            row.text = clean_text(text, "Promise", required=True)

    def keep_promise(self, promise_id: int, on: date | None = None, note: str = "") -> bool:
        """Mark a promise kept; returns whether it was kept on time."""
        day = self._day(on)
        with self._write(ChangeArea.PROMISES) as session:
            row = self._transition(session, promise_id, PromiseState.KEPT, day, note)
            row.on_time = kept_on_time(row.due_on, day)
            return row.on_time

    def break_promise(self, promise_id: int, on: date | None = None, note: str = "") -> None:
        """Mark a promise broken."""
        day = self._day(on)
        with self._write(ChangeArea.PROMISES) as session:
            self._transition(session, promise_id, PromiseState.BROKEN, day, note)

    def release_promise(self, promise_id: int, on: date | None = None, note: str = "") -> None:
        """Release a promise by agreement: neither kept nor broken."""
        day = self._day(on)
        with self._write(ChangeArea.PROMISES) as session:
            self._transition(session, promise_id, PromiseState.RELEASED, day, note)

    def renegotiate_promise(
        self, promise_id: int, new_due: date, on: date | None = None, note: str = ""
    ) -> None:
        """Agree a new due date (honest, not broken); the old date stays in the history."""
        day = self._day(on)
        due = self._day(new_due, "New due date")
        with self._write(ChangeArea.PROMISES) as session:
            row = self._get(session, m.Promise, promise_id, "promise")
            self._person_row(session, row.person_id)
            self._touch(session, row.person_id)
            check_transition(PromiseState(row.state), PromiseState.RENEGOTIATED)
            if day < row.made_on:
                raise ValidationError(
                    f"A promise cannot be renegotiated before the day it was made ({row.made_on})."
                )
            check_renegotiation(row.due_on, due, day)
            session.add(
                m.PromiseEvent(
                    promise_id=row.id,
                    on=day,
                    from_state=row.state,
                    to_state=PromiseState.RENEGOTIATED.value,
                    old_due_on=row.due_on,
                    new_due_on=due,
                    note=clean_text(note, "Note"),
                )
            )
            row.state = PromiseState.RENEGOTIATED.value
            row.due_on = due

    def reopen_promise(self, promise_id: int) -> None:
        """Undo the resolution just recorded (kept, broken or released by mistake): the promise
        is open again as it was, and the resolution leaves its history (it did not happen)."""
        with self._write(ChangeArea.PROMISES) as session:
            row = self._get(session, m.Promise, promise_id, "promise")
            self._person_row(session, row.person_id)
            if PromiseState(row.state).is_open:
                raise ValidationError("This promise is still open; there is nothing to undo.")
            last = session.scalars(
                select(m.PromiseEvent)
                .where(m.PromiseEvent.promise_id == row.id)
                .order_by(m.PromiseEvent.id.desc())
            ).first()
            if last is None or last.to_state != row.state:
                raise ValidationError("This promise's resolution cannot be undone.")
            self._touch(session, row.person_id)
            row.state = last.from_state
            row.due_on = last.old_due_on
            row.resolved_on = None
            row.on_time = None
            session.delete(last)

    def promises(
        self,
        person_id: int | None = None,
        direction: PromiseDirection | None = None,
        open_only: bool = False,
    ) -> list[PromiseView]:
        """Promises, open first (overdue, then by due date), then the rest newest first."""
        with self._read() as session:
            query = (
                select(m.Promise, m.Person.name)
                .join(m.Person, m.Person.id == m.Promise.person_id)
                .where(m.Promise.deleted_at.is_(None), m.Person.deleted_at.is_(None))
            )
            if person_id is not None:
                query = query.where(m.Promise.person_id == person_id)
            if direction is not None:
                query = query.where(m.Promise.direction == direction.value)
            if open_only:
                query = query.where(
                    m.Promise.state.in_([PromiseState.OPEN.value, PromiseState.RENEGOTIATED.value])
                )
            rows = list(session.execute(query))
            events: dict[int, list[m.PromiseEvent]] = {}
            ids = [p.id for p, _ in rows]
            for i in range(0, len(ids), 900):
                for e in session.scalars(
                    select(m.PromiseEvent).where(m.PromiseEvent.promise_id.in_(ids[i : i + 900]))
                ):
                    events.setdefault(e.promise_id, []).append(e)
            today = self.today()
            views = [promise_view(p, name, events.get(p.id, []), today) for p, name in rows]
        return sorted(views, key=_promise_order)

    def promise(self, promise_id: int) -> PromiseView:
        """One promise."""
        with self._read() as session:
            row = self._get(session, m.Promise, promise_id, "promise")
            name = self._person_row(session, row.person_id).name
            events = list(
                session.scalars(
                    select(m.PromiseEvent).where(m.PromiseEvent.promise_id == promise_id)
                )
            )
            return promise_view(row, name, events, self.today())

    def _transition(
        self, session: Session, promise_id: int, target: PromiseState, day: date, note: str
    ) -> m.Promise:
        row = self._get(session, m.Promise, promise_id, "promise")
        self._person_row(session, row.person_id)
        self._touch(session, row.person_id)
        check_transition(PromiseState(row.state), target)
        if day < row.made_on:
            raise ValidationError(
                f"A promise cannot be resolved before the day it was made ({row.made_on})."
            )
        session.add(
            m.PromiseEvent(
                promise_id=row.id,
                on=day,
                from_state=row.state,
                to_state=target.value,
                old_due_on=row.due_on,
                new_due_on=row.due_on,
                note=clean_text(note, "Note"),
            )
        )
        row.state = target.value
        row.resolved_on = day
        return row


def _promise_order(p: PromiseView) -> tuple[int, int, str, int]:
    if p.state.is_open:
        return (0, 0 if p.overdue else 1, (p.due_on or date.max).isoformat(), p.id)
    return (1, 0, "", -(p.resolved_on or p.made_on).toordinal())
