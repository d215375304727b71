"""A 1:1 in progress: the draft in memory (and, saved as it changes, on disk) until it ends."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from leaddesk.reports import wording
from leaddesk.services.action_item import ItemKind
from leaddesk.services.meetings import OneOnOneDraftView
from leaddesk.ui.one_on_one.one_on_one_agenda_row import AgendaRow, RowKey

if TYPE_CHECKING:
    from leaddesk.services.desk import Desk


@dataclass
class OneOnOneSession:
    """Notes, energy and agenda marks of one meeting; survives navigating away and back.

    Rows never vanish during a meeting (unless the leader removes a topic): an item closed
    inline (a promise kept, a checkpoint recorded) stays on the agenda with its outcome, so the
    leader sees what was done.

    The notes, energy and ticked topics are also saved as a draft in the store while the
    meeting goes on (see `save_draft`), so a crash or power cut loses none of them.
    """

    person_id: int
    person_name: str = ""
    started: datetime = field(default_factory=datetime.now)
    started_on: date | None = None  # the day the meeting began; the 1:1 is recorded on it
    rows: list[AgendaRow] = field(default_factory=list)
    discussed: set[RowKey] = field(default_factory=set)
    outcomes: dict[RowKey, str] = field(default_factory=dict)
    added: set[RowKey] = field(default_factory=set)
    closed: set[RowKey] = field(default_factory=set)
    shared: str = ""
    private: str = ""
    energy: int | None = None
    _loaded: bool = False
    _restored_topic_ids: set[int] = field(default_factory=set)  # ticked before the agenda came

    @classmethod
    def from_draft(cls, draft: OneOnOneDraftView, person_name: str) -> OneOnOneSession:
        """The meeting as its saved draft left it (after a crash, or a restart of the app)."""
        return cls(
            draft.person_id,
            person_name,
            started_on=draft.started_on,
            shared=draft.shared_notes,
            private=draft.private_notes,
            energy=draft.energy,
            _restored_topic_ids=set(draft.discussed_topic_ids),
        )

    def merge(self, fresh: list[AgendaRow]) -> None:
        """Take the agenda as the service sees it now, keeping this meeting's order and marks."""
        by_key = {row.key: row for row in fresh}
        merged: list[AgendaRow] = []
        for old in self.rows:
            if old.key in by_key:
                merged.append(by_key.pop(old.key))
                self.closed.discard(old.key)
            else:  # settled inline just now, or closed elsewhere: keep it in sight
                merged.append(old)
                self.closed.add(old.key)
        self.rows = merged
        for row in fresh:
            if row.key in by_key:
                self.add_row(row, added=self._loaded)
        for row in self.rows:  # ticks of a restored draft, on the topics still open
            if row.kind is ItemKind.TOPIC and row.ref_id in self._restored_topic_ids:
                self.discussed.add(row.key)
        self._restored_topic_ids.clear()
        self._loaded = True

    def add_row(self, row: AgendaRow, added: bool = True) -> None:
        """Put a row on the agenda: open items before the topics, topics at the end."""
        if self.row(row.key) is not None:
            return
        if added:
            self.added.add(row.key)
        if row.is_topic:
            self.rows.append(row)
        else:
            first_topic = next((i for i, r in enumerate(self.rows) if r.is_topic), len(self.rows))
            self.rows.insert(first_topic, row)

    @property
    def loaded(self) -> bool:
        """Whether the agenda has been read at least once."""
        return self._loaded

    def drop(self, key: RowKey) -> None:
        """Forget a row the leader removed (a deleted topic)."""
        self.rows = [row for row in self.rows if row.key != key]
        self.discussed.discard(key)
        self.outcomes.pop(key, None)

    def set_discussed(self, key: RowKey, on: bool) -> None:
        """Tick or untick 'discussed' for a row."""
        if on:
            self.discussed.add(key)
        else:
            self.discussed.discard(key)

    def resolve(self, key: RowKey, outcome: str) -> None:
        """An item was settled inline: remember how, and count it as discussed."""
        self.outcomes[key] = outcome
        self.discussed.add(key)

    def row(self, key: RowKey) -> AgendaRow | None:
        """The row with this key, if on the agenda."""
        return next((row for row in self.rows if row.key == key), None)

    def discussed_topic_ids(self) -> list[int]:
        """Ids of the topics ticked as discussed (the rest carry forward)."""
        ticked = [
            row.ref_id
            for row in self.rows
            if row.kind is ItemKind.TOPIC
            and row.key in self.discussed
            and row.key not in self.closed
        ]
        return ticked + sorted(self._restored_topic_ids - set(ticked))  # agenda not read yet

    def carried_topics(self) -> int:
        """How many topics would carry forward if the meeting ended now."""
        return sum(
            1
            for row in self.rows
            if row.is_topic and row.key not in self.discussed and row.key not in self.closed
        )

    def discussed_count(self) -> int:
        """How many agenda rows are ticked."""
        return sum(1 for row in self.rows if row.key in self.discussed)

    def has_unsaved(self) -> bool:
        """Whether ending or leaving now would lose something the leader typed or ticked."""
        return bool(
            self.shared.strip()
            or self.private.strip()
            or self.energy is not None
            or self.discussed_topic_ids()
        )

    def summary(self) -> str:
        """What the status bar says once the 1:1 is saved."""
        carried = self.carried_topics()
        text = (
            f"1:1 with {self.person_name} saved · {self.discussed_count()} of {len(self.rows)} "
            f"items discussed · {wording.count(carried, 'topic')} carried forward"
        )
        return text + (f" · energy {self.energy}/5" if self.energy else "")

    def save(self, desk: Desk) -> int:
        """Record the 1:1 as held the day it started; the topics not ticked carry forward."""
        return desk.record_one_on_one(
            self.person_id,
            held_on=self.started_on or desk.today(),
            shared_notes=self.shared,
            private_notes=self.private,
            energy=self.energy,
            discussed_topic_ids=self.discussed_topic_ids(),
        )

    def save_draft(self, desk: Desk) -> None:
        """Keep the meeting on disk as it is now (or drop the stored draft when it is empty)."""
        if not self.has_unsaved():
            desk.discard_one_on_one_draft(self.person_id)
            return
        desk.save_one_on_one_draft(
            self.person_id,
            self.shared,
            self.private,
            self.energy,
            self.discussed_topic_ids(),
            started_on=self.started_on,
        )
