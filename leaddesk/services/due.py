"""What is due: the one list behind `leaddesk due`, the tray's count and the notifications.

Overdue first, then today, then the next N days: my promises, checkpoints, 1:1s past their
rhythm and my feedback requests left unanswered too long. The items come from the same queries
as Needs attention (leaddesk.services.items), so the tray never disagrees with the window.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.promises import PromiseDirection
from leaddesk.services import items
from leaddesk.services.action_item import ActionItem, ItemKind
from leaddesk.services.settings import SettingsMixin
from leaddesk.store import models as m

MAX_DUE_DAYS = 366  # a year ahead is as far as "what is due" can usefully look
# Bookkeeping rows kept with the settings (not user settings: the Settings screen never shows them)
LAST_DIGEST_KEY = "notify_last_digest"
TRAY_EXPLAINED_KEY = "tray_explained"


@dataclass(frozen=True, slots=True)
class DueList:
    """What is due on `today`: overdue items, today's, then those of the next `days` days."""

    today: date
    days: int
    overdue: tuple[ActionItem, ...]
    due_today: tuple[ActionItem, ...]
    upcoming: tuple[ActionItem, ...]

    @property
    def now_count(self) -> int:
        """How many things are due today or overdue (the tray's number)."""
        return len(self.overdue) + len(self.due_today)

    @property
    def all(self) -> tuple[ActionItem, ...]:
        """Every item, in the list's order."""
        return self.overdue + self.due_today + self.upcoming


def due_key(item: ActionItem) -> str:
    """A stable name for one due item (no text in it), so a notice is given once per item."""
    return f"{item.kind.name.lower()}:{item.ref_id if item.ref_id is not None else item.person_id}"


class DueMixin(SettingsMixin):
    """The due list: reuses the queries of Needs attention, with dates a calendar can use."""

    def due_items(self, day: date | None = None, days: int = 7) -> DueList:
        """Items due by `day` + `days`: overdue first, then today's, then by date."""
        if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_DUE_DAYS:
            raise ValidationError(f"The number of days ahead must be between 0 and {MAX_DUE_DAYS}.")
        today = self._day(day)
        until = today + timedelta(days=days)
        cfg = self.settings()
        with self._read() as session:
            found = items.promise_items(
                session, today, direction=PromiseDirection.MINE, due_by=until
            )
            found += items.checkpoint_items(session, today, until, include_unplanned=False)
            found += items.one_on_one_items(
                session,
                today,
                cfg.one_on_one_interval_days,
                skip_level_days=cfg.skip_level_interval_days,
            )
            asked = items.feedback_items(session, today, balance=False)
        chase = timedelta(days=cfg.feedback_chase_days)
        for request in asked:
            if request.on is not None and request.on + chase <= until:
                due = request.on + chase
                found.append(replace(request, on=due, overdue=due < today))
        dated = [i for i in found if i.on is not None and i.on <= until]
        dated.sort(
            key=lambda i: (i.on or today, _KIND_ORDER.get(i.kind, 9), i.person_name, i.ref_id or 0)
        )
        return DueList(
            today,
            days,
            tuple(i for i in dated if i.on is not None and i.on < today),
            tuple(i for i in dated if i.on == today),
            tuple(i for i in dated if i.on is not None and i.on > today),
        )

    # -- what the notifications remember -------------------------------------------------------
    def last_digest_on(self) -> date | None:
        """The day the morning digest was last given (it is given at most once a day)."""
        with self._read() as session:
            row = session.get(m.Setting, LAST_DIGEST_KEY)
        try:
            return date.fromisoformat(row.value) if row is not None else None
        except ValueError:
            return None  # an unreadable mark: giving one digest too many is the safe side

    def mark_digest_given(self, day: date) -> None:
        """Remember that `day`'s digest was given (no view shows it: no refresh is asked)."""
        with self._write_quietly() as session:
            session.merge(m.Setting(key=LAST_DIGEST_KEY, value=self._day(day).isoformat()))

    def tray_explained(self) -> bool:
        """Whether the user was told once that closing the window keeps LeadDesk in the tray."""
        with self._read() as session:
            return session.get(m.Setting, TRAY_EXPLAINED_KEY) is not None

    def mark_tray_explained(self) -> None:
        """Remember that the tray was explained, so it is said only the first time."""
        with self._write_quietly() as session:
            session.merge(m.Setting(key=TRAY_EXPLAINED_KEY, value="1"))


_KIND_ORDER = {
    ItemKind.PROMISE: 0,
    ItemKind.CHECKPOINT: 1,
    ItemKind.ONE_ON_ONE: 2,
    ItemKind.FEEDBACK: 3,
}
