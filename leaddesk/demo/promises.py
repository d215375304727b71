"""The builder's promises, both ways, with their history of renegotiations and outcomes."""

from __future__ import annotations

from datetime import date, timedelta

from leaddesk.demo.builder_base import DAY, BuilderBase, add_row
from leaddesk.demo.stories import Arc, Story
from leaddesk.demo.texts import (
    COMMON_ASKS,
    DUE_DAYS,
    KEPT_NOTES,
    MY_PROMISES,
    OTHER_NOTES,
    RENEGOTIATE,
)
from leaddesk.demo.texts_areas import Area
from leaddesk.domain.promises import PromiseDirection, PromiseState, kept_on_time
from leaddesk.services.bulk import Row

MINE, THEIRS = PromiseDirection.MINE, PromiseDirection.THEIRS


class PromisesMixin(BuilderBase):
    """Promises made in 1:1s and outside them; `busy` is the quarter mine slipped."""

    def _promises(
        self,
        pid: int,
        arc: Arc,
        area: Area,
        meetings: list[tuple[int, date]],
        theirs_rate: float,
        mine_rate: float,
        outside: bool = True,
    ) -> None:
        rng = self.rng
        for mid, held in meetings:
            if rng.random() < theirs_rate:
                text = self._text(rng.choice(area.asks + COMMON_ASKS), area, held)
                self._promise(pid, THEIRS, text, held, arc.theirs(held), mid)
            if rng.random() < mine_rate:
                text = self._text(rng.choice(MY_PROMISES), area, held)
                self._promise(pid, MINE, text, held, self._mine(arc, held), mid)
        if not outside:
            return
        day = arc.first + timedelta(days=rng.randint(10, 60))
        while day <= self.today:
            if rng.random() < 0.6:
                text = self._text(rng.choice(area.asks), area, day)
                self._promise(pid, THEIRS, text, day, arc.theirs(day), None)
            else:
                text = self._text(rng.choice(MY_PROMISES), area, day)
                self._promise(pid, MINE, text, day, self._mine(arc, day), None)
            day += timedelta(days=rng.randint(30, 90))
        # Story beats: the recovery's broken promise; loose ends at the end of a slide or a start.
        if arc.story is Story.RECOVERY and arc.turn - 10 * DAY >= arc.first:
            text = self._text("Deliver the {work} plan to the exec team", area, arc.turn)
            self._promise(pid, THEIRS, text, arc.turn - 10 * DAY, 0, None, PromiseState.BROKEN, 14)
        if arc.story is Story.SLIPPING:
            made = max(arc.first, self.today - timedelta(days=rng.randint(20, 30)))
            text = self._text(rng.choice(area.asks), area, made)
            late = (self.today - made).days - rng.randint(3, 8)
            self._promise(pid, THEIRS, text, made, 0, None, PromiseState.OPEN, late)
        if arc.story is Story.NEW_HIRE:
            made = arc.first + 2 * DAY
            late = min(21, (self.today - made).days - 2)
            text = "Find you a mentor outside the company"
            self._promise(pid, MINE, text, made, 0, None, PromiseState.OPEN, late)

    def _mine(self, arc: Arc, day: date) -> float:
        return arc.mine - (0.35 if self.busy[0] <= day <= self.busy[1] else 0.0)

    def _promise(
        self,
        pid: int,
        direction: PromiseDirection,
        text: str,
        made: date,
        quality: float,
        meeting: int | None,
        fate: PromiseState | None = None,
        due_in: int | None = None,
    ) -> None:
        """A promise and its history; `fate` (broken, or open) and `due_in` force a story beat."""
        rng, today = self.rng, self.today
        if due_in is None:
            due_in = None if rng.random() < 0.06 else rng.choice(DUE_DAYS)
        due = made + timedelta(days=due_in) if due_in is not None else None
        row = add_row(
            self.world.promises,
            person_id=pid,
            direction=direction.value,
            text=text,
            made_on=made,
            due_on=due,
            state=PromiseState.OPEN.value,
            resolved_on=None,
            on_time=None,
            one_on_one_id=meeting,
            deleted_at=None,
        )
        state, since = PromiseState.OPEN, made
        if fate is None and due is not None and due > made and rng.random() < 0.09:
            on = made + timedelta(days=rng.randint(1, (due - made).days))
            if on <= today:  # renegotiated before the due date: honest, not broken
                new_due = due + timedelta(days=rng.randint(5, 21))
                note = rng.choice(RENEGOTIATE)
                self._event(row, on, state, PromiseState.RENEGOTIATED, due, new_due, note)
                state, since, due = PromiseState.RENEGOTIATED, on, new_due
                row["state"], row["due_on"] = state.value, due
        deadline = due or made + timedelta(days=14)
        if fate is not None:
            target, on = fate, deadline + timedelta(days=rng.randint(3, 10))
        elif rng.random() < 0.04:
            target, on = PromiseState.RELEASED, since + timedelta(days=rng.randint(1, 20))
        elif rng.random() < quality:  # kept on time, mostly close to the date
            target = PromiseState.KEPT
            on = deadline - timedelta(days=rng.randint(0, min(10, (deadline - since).days)))
        elif due is not None and rng.random() < 0.55:
            target, on = PromiseState.KEPT, due + timedelta(days=rng.randint(1, 21))
        else:
            target, on = PromiseState.BROKEN, deadline + timedelta(days=rng.randint(3, 25))
        # Some recently overdue promises are simply not closed yet: loose ends to pick up.
        loose = due is not None and 0 < (today - due).days <= 75 and rng.random() < 0.2
        if target is PromiseState.OPEN or on > today or loose:
            if state is PromiseState.OPEN and due is not None and due > made:
                asked = max(made + DAY, today - timedelta(days=rng.randint(0, 5)))
                if fate is None and asked <= min(due, today) and rng.random() < 0.3:
                    new_due = max(due, today) + timedelta(days=rng.randint(5, 21))
                    note = rng.choice(RENEGOTIATE)  # more time, asked for in time
                    self._event(row, asked, state, PromiseState.RENEGOTIATED, due, new_due, note)
                    row["state"], row["due_on"] = PromiseState.RENEGOTIATED.value, new_due
            return
        notes = KEPT_NOTES if target is PromiseState.KEPT else OTHER_NOTES[target]
        self._event(row, on, state, target, due, due, rng.choice(notes))
        row["state"], row["resolved_on"] = target.value, on
        if target is PromiseState.KEPT:
            row["on_time"] = kept_on_time(due, on)

    def _event(
        self,
        promise: Row,
        on: date,
        old: PromiseState,
        new: PromiseState,
        old_due: date | None,
        new_due: date | None,
        note: str,
    ) -> None:
        add_row(
            self.world.promise_events,
            promise_id=promise["id"],
            on=on,
            from_state=old.value,
            to_state=new.value,
            old_due_on=old_due,
            new_due_on=new_due,
            note=note,
        )
