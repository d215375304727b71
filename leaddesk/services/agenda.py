"""The 1:1 agenda: what is open between the leader and one person, and the topics to raise."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from leaddesk.services import items
from leaddesk.services.action_item import ActionItem, ItemKind
from leaddesk.services.focus import overdue_first
from leaddesk.services.meetings import MeetingsMixin, TopicView
from leaddesk.services.people import PeopleMixin, PersonSummary

AGENDA_CHECKPOINT_DAYS = 7


@dataclass(frozen=True, slots=True)
class Agenda:
    """What is open between the leader and one person, overdue first, then carried topics."""

    person: PersonSummary
    items: tuple[ActionItem, ...]
    topics: tuple[TopicView, ...]
    last_one_on_one: date | None


class AgendaMixin(PeopleMixin, MeetingsMixin):
    """Read models that prepare the next 1:1."""

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
            tuple(overdue_first(found)),
            tuple(self.open_topics(person_id)),
            self.last_one_on_one(person_id),
        )
