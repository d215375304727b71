"""One line of a 1:1 agenda: an open item between the two, or a topic to talk about."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from leaddesk.domain.promises import PromiseDirection
from leaddesk.reports import wording
from leaddesk.reports.item_wording import agenda_text
from leaddesk.services.action_item import ActionItem, ItemDetail, ItemKind
from leaddesk.services.agenda import Agenda
from leaddesk.services.meetings import TopicView

RowKey = tuple[str, int]


@dataclass(frozen=True, slots=True)
class AgendaRow:
    """What the agenda list shows for one item; `key` stays the same across refreshes."""

    kind: ItemKind
    ref_id: int
    text: str
    tag: str
    overdue: bool = False
    carried: int = 0

    @property
    def key(self) -> RowKey:
        """Identity of the row: its kind and the id of what it is about."""
        return (self.kind.value, self.ref_id)

    @property
    def is_topic(self) -> bool:
        """An agenda topic (carried forward or added by the leader)."""
        return self.kind is ItemKind.TOPIC

    @property
    def carried_text(self) -> str:
        """'carried 2 times' for topics that came from earlier 1:1s, else ''."""
        if not self.is_topic or self.carried <= 0:
            return ""
        return f"carried {wording.count(self.carried, 'time')}"

    @classmethod
    def from_item(cls, item: ActionItem, today: date | None = None) -> AgendaRow | None:
        """A row for an open item (None for items that point at nothing specific)."""
        if item.ref_id is None:
            return None
        return cls(item.kind, item.ref_id, agenda_text(item, today), _tag(item), item.overdue)

    @classmethod
    def from_topic(cls, topic: TopicView) -> AgendaRow:
        """A row for an open topic."""
        return cls(ItemKind.TOPIC, topic.id, topic.text, "Topic", False, topic.carried)

    @classmethod
    def from_agenda(cls, agenda: Agenda, today: date | None = None) -> list[AgendaRow]:
        """Open items first (overdue first, as the service orders them), then the topics."""
        rows = [row for i in agenda.items if (row := cls.from_item(i, today)) is not None]
        return rows + [cls.from_topic(t) for t in agenda.topics]


def _tag(item: ActionItem) -> str:
    if item.kind is ItemKind.PROMISE:
        return "My promise" if item.direction is PromiseDirection.MINE else "Their promise"
    if item.kind is ItemKind.CHECKPOINT:
        return "Checkpoint"
    if item.kind is ItemKind.DELEGATION:
        return "Clarity gap" if item.detail is ItemDetail.CLARITY_GAP else "Level to agree"
    if item.kind is ItemKind.FEEDBACK:
        return "Feedback I asked for"
    if item.kind is ItemKind.FACTOR:
        return "Success factor to calibrate"
    return str(item.kind.value).capitalize()
