"""Weekly reflections on the principle of the week: writing this week's, reading past ones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from leaddesk.domain.focus import Principle, principle_for, week_start
from leaddesk.domain.validation import clean_text
from leaddesk.services.base import utcnow
from leaddesk.services.changes import ChangeArea
from leaddesk.services.settings import SettingsMixin
from leaddesk.store import models as m


@dataclass(frozen=True, slots=True)
class ReflectionView:
    """A past week's reflection."""

    week_start: date
    principle: Principle
    text: str
    updated_at: datetime


class ReflectionsMixin(SettingsMixin):
    """Use cases about the leader's own reflection, week by week."""

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
