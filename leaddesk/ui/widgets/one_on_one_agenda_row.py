"""One line of a 1:1 agenda: an open item between the two, or a topic to talk about."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from leaddesk.services.readmodels import ActionItem, Agenda, ItemKind, TopicView

RowKey = tuple[str, int]

# Service texts start with who did what; the row's tag already says it.
_PREFIXES = ("They promised: ", "I promised: ", "I asked for feedback: ", "Checkpoint on ")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def friendly_dates(text: str, today: date | None) -> str:
    """'2026-11-20' becomes '20 Nov' (this year) or '20 Nov 2025', easier to read aloud."""

    def swap(match: re.Match[str]) -> str:
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return match[0]
        same_year = today is not None and day.year == today.year
        return f"{day.day} {day:%b}" + ("" if same_year else f" {day.year}")

    return _ISO_DATE.sub(swap, text)


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
        return f"carried {self.carried} time{'s' if self.carried != 1 else ''}"

    @classmethod
    def from_item(cls, item: ActionItem, today: date | None = None) -> AgendaRow | None:
        """A row for an open item (None for items that point at nothing specific)."""
        if item.ref_id is None:
            return None
        text = item.text
        for prefix in _PREFIXES:
            if text.startswith(prefix):
                text = text[len(prefix) :]
        text = friendly_dates(text.replace(": clarity gap —", " —"), today)
        return cls(item.kind, item.ref_id, text, _tag(item), item.overdue)

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
        return "Their promise" if item.text.startswith("They") else "My promise"
    if item.kind is ItemKind.CHECKPOINT:
        return "Checkpoint"
    if item.kind is ItemKind.DELEGATION:
        return "Clarity gap" if "clarity gap" in item.text else "Level to agree"
    if item.kind is ItemKind.FEEDBACK:
        return "Feedback I asked for"
    if item.kind is ItemKind.FACTOR:
        return "Success factor to calibrate"
    return str(item.kind.value).capitalize()
