"""This week's focus and Needs attention: what the leader should look at now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from leaddesk.domain.focus import Principle, principle_for, week_start
from leaddesk.services import items
from leaddesk.services.action_item import ActionItem, ItemDetail
from leaddesk.services.settings import SettingsMixin
from leaddesk.store import models as m


@dataclass(frozen=True, slots=True)
class WeekFocus:
    """This week's principle with its prompts, the reflection so far and the items it points at."""

    week_start: date
    principle: Principle
    title: str
    intent: str
    prompts: tuple[str, str, str]
    points_at: str
    reflection: str
    items: tuple[ActionItem, ...]


PROMISE_DUE_SOON_DAYS = 2


def overdue_first(found: list[ActionItem]) -> list[ActionItem]:
    """Overdue items first, then by date (undated last)."""
    return sorted(found, key=lambda i: (not i.overdue, i.on or date.max))


class FocusMixin(SettingsMixin):
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
                found = overdue_first(items.checkpoint_items(session, today, sunday))
            elif principle is Principle.SUCCESS_FACTORS:
                found = items.factor_items(session, today)
            elif principle is Principle.FOUNDATION_OF_TRUST:
                found = items.promise_items(session, today)
            elif principle is Principle.RELATIONSHIP:
                found = items.one_on_one_items(
                    session,
                    today,
                    cfg.one_on_one_interval_days,
                    skip_level_days=cfg.skip_level_interval_days,
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
            found += items.one_on_one_items(
                session,
                today,
                cfg.one_on_one_interval_days,
                skip_level_days=cfg.skip_level_interval_days,
            )
        return overdue_first(found)
