"""The builder's feedback: given, received, and asked for (with answers and follow-ups)."""

from __future__ import annotations

from datetime import date, timedelta

from leaddesk.demo.builder_base import BuilderBase, add_row
from leaddesk.demo.stories import Arc
from leaddesk.demo.texts import ANSWERS, ASKED, FOLLOW_UPS, GIVEN, GIVEN_FOLLOW_UPS, RECEIVED
from leaddesk.demo.texts_areas import Area
from leaddesk.domain.feedback import FeedbackDirection, FeedbackKind


class FeedbackMixin(BuilderBase):
    """Feedback in and around 1:1s; its tone follows how the person is doing."""

    def _feedback(
        self,
        pid: int,
        arc: Arc,
        area: Area,
        first: date,
        meetings: list[tuple[int, date]],
        leave_open: bool,
    ) -> None:
        rng, today = self.rng, self.today
        for mid, held in meetings:
            if rng.random() < 0.2:
                self._give(pid, arc, area, held, mid)
            if rng.random() < 0.05:
                kind = rng.choice((FeedbackKind.APPRECIATION, FeedbackKind.COACHING))
                follow = (
                    self._text(rng.choice(FOLLOW_UPS), area, held) if rng.random() < 0.7 else ""
                )
                self._feedback_row(
                    pid, FeedbackDirection.RECEIVED, kind, rng.choice(RECEIVED[kind]), held, mid,
                    follow_up=follow,
                )  # fmt: skip
        day = first + timedelta(days=rng.randint(10, 40))
        while day <= today:
            self._give(pid, arc, area, day, None)
            day += timedelta(days=rng.randint(30, 75))
        day = first + timedelta(days=rng.randint(20, 60))
        while day <= today:
            answered = day + timedelta(days=rng.randint(2, 21))
            self._solicit(pid, area, day, None, answered if answered <= today else None)
            day += timedelta(days=rng.randint(40, 100))
        if leave_open:
            self._solicit(
                pid, area, max(first, today - timedelta(days=rng.randint(1, 10))), None, None
            )

    def _give(self, pid: int, arc: Arc, area: Area, day: date, meeting: int | None) -> None:
        rng = self.rng
        weights = (6, 3, 1) if arc.theirs(day) >= 0.7 else (2, 6, 2)
        kind = rng.choices(list(FeedbackKind), weights)[0]
        follow = self._text(rng.choice(GIVEN_FOLLOW_UPS), area, day) if rng.random() < 0.3 else ""
        text = self._text(rng.choice(GIVEN[kind]), area, day)
        self._feedback_row(pid, FeedbackDirection.GIVEN, kind, text, day, meeting, follow_up=follow)

    def _solicit(
        self, pid: int, area: Area, day: date, meeting: int | None, answered: date | None
    ) -> None:
        rng = self.rng
        question = self._text(rng.choice(ASKED), area, day)
        answer = follow = None
        if answered is not None:
            answer = self._text(rng.choice(ANSWERS), area, answered)
            follow = (
                self._text(rng.choice(FOLLOW_UPS), area, answered) if rng.random() < 0.7 else ""
            )
        self._feedback_row(
            pid, FeedbackDirection.SOLICITED, None, question, day, meeting, answer, answered,
            follow or "",
        )  # fmt: skip

    def _feedback_row(
        self,
        pid: int,
        direction: FeedbackDirection,
        kind: FeedbackKind | None,
        text: str,
        on: date,
        meeting: int | None,
        answer: str | None = None,
        answered_on: date | None = None,
        follow_up: str = "",
    ) -> None:
        add_row(
            self.world.feedback,
            person_id=pid,
            direction=direction.value,
            kind=kind.value if kind else None,
            text=text,
            on=on,
            answer=answer,
            answered_on=answered_on,
            follow_up=follow_up,
            one_on_one_id=meeting,
            deleted_at=None,
        )
