"""The builder's 1:1s, agenda topics, relationship notes and trust assessments."""

from __future__ import annotations

from datetime import date, timedelta

from leaddesk.demo.builder_base import DAY, BuilderBase, add_row
from leaddesk.demo.stories import Arc
from leaddesk.demo.texts import (
    ASSESS_HIGH,
    ASSESS_LOW,
    ASSESS_MID,
    PRIVATE_HIGH,
    PRIVATE_LOW,
    PRIVATE_MID,
    RELATIONSHIP_NOTES,
    TOPICS,
)
from leaddesk.demo.texts_areas import Area
from leaddesk.services.bulk import Row


def _clamp(value: float, low: int = 1, high: int = 5) -> int:
    return int(min(high, max(low, round(value))))


class MeetingsMixin(BuilderBase):
    """1:1s (with agenda topics) and what I learn about the person over time."""

    def _one_on_ones(
        self,
        pid: int,
        arc: Arc,
        area: Area,
        every: int,
        weekly_until: date,
        notes: tuple[str, ...],
    ) -> list[tuple[int, date]]:
        rng, today = self.rng, self.today
        out: list[tuple[int, date]] = []
        day = arc.first + timedelta(days=rng.randint(2, 6))
        while day <= today:
            held = day - timedelta(days=max(0, day.weekday() - 4))  # weekends move to Friday
            quality = arc.theirs(held)
            mood = (
                PRIVATE_HIGH if quality >= 0.75 else PRIVATE_LOW if quality < 0.5 else PRIVATE_MID
            )
            row = add_row(
                self.world.one_on_ones,
                person_id=pid,
                held_on=held,
                shared_notes=" ".join(self._text(t, area, held) for t in rng.sample(notes, 2)),
                private_notes=self._text(rng.choice(mood), area, held)
                if rng.random() < 0.55
                else "",
                energy=_clamp(1.4 + 3.6 * quality + rng.gauss(0, 0.6)),
                deleted_at=None,
            )
            out.append((int(row["id"]), held))
            step = 7 if held < weekly_until else every
            roll = rng.random()
            step += every if roll < 0.05 else 7 if roll < 0.12 else 0  # holidays, travel
            day = held + timedelta(days=max(3, step + rng.randint(-2, 2)))
        return out

    def _topics(
        self, pid: int, area: Area, first: date, meetings: list[tuple[int, date]], leave_open: bool
    ) -> None:
        rng, rows = self.rng, self.world.agenda_topics

        def topic(created: date, carried: int = 0) -> Row:
            text = self._text(rng.choice(TOPICS), area, created)
            return add_row(
                rows,
                person_id=pid,
                text=text,
                created_on=created,
                carried=carried,
                discussed_in_id=None,
                deleted_at=None,
            )

        pending: list[Row] = []
        previous = first
        for mid, held in meetings:
            for _ in range(rng.choice((0, 1, 1, 2))):
                pending.append(
                    topic(previous + timedelta(days=rng.randint(0, (held - previous).days)))
                )
            still_open = []
            for row in pending:
                if row["carried"] >= 3 or rng.random() < 0.8:
                    row["discussed_in_id"] = mid
                else:
                    row["carried"] += 1
                    still_open.append(row)
            pending = still_open
            previous = held
        for _ in range(rng.choice((0, 1, 2))):  # for the next 1:1
            topic(previous + timedelta(days=rng.randint(0, (self.today - previous).days)))
        if leave_open and meetings and not pending:
            topic(max(first, meetings[-1][1] - 3 * DAY), carried=1)

    def _relationship_notes(self, pid: int, first: date, gap: tuple[int, int]) -> None:
        rng = self.rng
        day, order = first + timedelta(days=rng.randint(3, 30)), list(RELATIONSHIP_NOTES)
        while day <= self.today:
            topic = order.pop(0) if order else rng.choice(list(RELATIONSHIP_NOTES))
            text = rng.choice(RELATIONSHIP_NOTES[topic])
            add_row(
                self.world.relationship_notes,
                person_id=pid,
                on=day,
                topic=topic,
                text=text,
                deleted_at=None,
            )
            day += timedelta(days=rng.randint(*gap))

    def _assessments(self, pid: int, arc: Arc, first: date) -> None:
        rng = self.rng
        day = first + timedelta(days=rng.randint(25, 60))
        while day <= self.today:
            center = 1 + 4 * arc.theirs(day)
            cores = [_clamp(center + bias + rng.gauss(0, 0.45)) for bias in (0.4, 0.3, 0.0, -0.2)]
            mean = sum(cores) / 4
            note = rng.choice(ASSESS_HIGH if mean >= 4 else ASSESS_LOW if mean < 3 else ASSESS_MID)
            add_row(
                self.world.trust_assessments,
                person_id=pid,
                on=day,
                integrity=cores[0],
                intent=cores[1],
                capabilities=cores[2],
                results=cores[3],
                note=note,
                deleted_at=None,
            )
            day += timedelta(days=rng.randint(80, 100))
