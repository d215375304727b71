"""This week's focus, Needs attention, the 1:1 agenda, reflections and the person timeline."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from leaddesk.domain.focus import Principle, principle_for, week_start
from leaddesk.domain.validation import clean_text
from leaddesk.services import items
from leaddesk.services.action_item import ItemDetail
from leaddesk.services.base import utcnow
from leaddesk.services.changes import ChangeArea
from leaddesk.services.meetings import MeetingsMixin
from leaddesk.services.readmodels import ActionItem, Agenda, ItemKind, ReflectionView, WeekFocus
from leaddesk.services.trust import TrustMixin
from leaddesk.store import models as m

PROMISE_DUE_SOON_DAYS = 2
AGENDA_CHECKPOINT_DAYS = 7


def _overdue_first(found: list[ActionItem]) -> list[ActionItem]:
    return sorted(found, key=lambda i: (not i.overdue, i.on or date.max))


class FocusMixin(TrustMixin, MeetingsMixin):
    """Read models that tell the leader what to look at now."""

    def week_focus(self, day: date | None = None) -> WeekFocus:
        """The principle of the week containing `day`, its prompts, reflection and items."""
        today = self._day(day)
        cfg = self.settings()
        principle = principle_for(today, cfg.focus_start)
        monday = week_start(today)
        sunday = monday + timedelta(days=6)
        with self._read() as session:
            reflection = session.scalar(
                select(m.Reflection.text).where(m.Reflection.week_start == monday)
            )
            if principle is Principle.CLARITY:
                found = items.clarity_items(session)
            elif principle is Principle.SMART_TRUST:
                found = _overdue_first(items.checkpoint_items(session, today, sunday))
            elif principle is Principle.SUCCESS_FACTORS:
                found = items.factor_items(session, today)
            elif principle is Principle.FOUNDATION_OF_TRUST:
                found = items.promise_items(session, today)
            elif principle is Principle.RELATIONSHIP:
                found = items.one_on_one_items(
                    session, today, cfg.one_on_one_interval_days
                ) + items.relationship_items(session)
            else:
                found = items.feedback_items(session, today)
        text = principle.text
        return WeekFocus(
            monday,
            principle,
            text.title,
            text.intent,
            text.prompts,
            text.points_at,
            reflection or "",
            tuple(found),
        )

    def needs_attention(self, day: date | None = None) -> list[ActionItem]:
        """Overdue checkpoints, promises due, clarity gaps and overdue 1:1s; overdue first."""
        today = self._day(day)
        cfg = self.settings()
        with self._read() as session:
            found = items.checkpoint_items(session, today, today, include_unplanned=False)
            found += items.promise_items(
                session, today, due_by=today + timedelta(days=PROMISE_DUE_SOON_DAYS)
            )
            gaps = items.clarity_items(session)
            found += [i for i in gaps if i.detail is ItemDetail.CLARITY_GAP]
            found += items.one_on_one_items(session, today, cfg.one_on_one_interval_days)
        return _overdue_first(found)

    def agenda(self, person_id: int) -> Agenda:
        """Everything open between the leader and one person, overdue first, plus topics."""
        today = self.today()
        person = self.person(person_id)
        ids = [person_id]
        with self._read() as session:
            found = items.promise_items(session, today, ids)
            found += items.checkpoint_items(
                session,
                today,
                today + timedelta(days=AGENDA_CHECKPOINT_DAYS),
                ids,
                include_unplanned=False,
            )
            found += items.clarity_items(session, ids)
            found += items.feedback_items(session, today, ids, balance=False)
            found += [
                i for i in items.factor_items(session, today, ids) if i.kind is ItemKind.FACTOR
            ]
        return Agenda(
            person,
            tuple(_overdue_first(found)),
            tuple(self.open_topics(person_id)),
            self.last_one_on_one(person_id),
        )

    # -- reflections -------------------------------------------------------------------------
    def save_reflection(self, text: str, day: date | None = None) -> None:
        """Save (replace) the reflection of the week containing `day`."""
        today = self._day(day)
        monday = week_start(today)
        principle = principle_for(today, self.settings().focus_start)
        clean = clean_text(text, "Reflection")
        with self._write(ChangeArea.REFLECTIONS) as session:
            row = session.scalar(select(m.Reflection).where(m.Reflection.week_start == monday))
            if row is None:
                session.add(
                    m.Reflection(
                        week_start=monday, principle=int(principle), text=clean, updated_at=utcnow()
                    )
                )
            else:
                row.text = clean
                row.updated_at = utcnow()

    def reflections(self) -> list[ReflectionView]:
        """Past reflections, newest week first."""
        with self._read() as session:
            rows = session.scalars(select(m.Reflection).order_by(m.Reflection.week_start.desc()))
            return [
                ReflectionView(r.week_start, Principle(r.principle), r.text, r.updated_at)
                for r in rows
                if r.text
            ]
