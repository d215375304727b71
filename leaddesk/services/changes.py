"""The change notice every committed write sends: which area changed, for whom, made by whom."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace


class ChangeArea(enum.Enum):
    """What a write changed; views name the areas they show (a typo is a type error)."""

    PEOPLE = "people"
    PROMISES = "promises"
    DELEGATIONS = "delegations"
    CHECKPOINTS = "checkpoints"
    FACTORS = "factors"
    TERMS = "terms"
    FEEDBACK = "feedback"
    ASSESSMENTS = "assessments"
    TOPICS = "topics"
    ONE_ON_ONES = "one_on_ones"
    RELATIONSHIP = "relationship"
    REFLECTIONS = "reflections"
    SETTINGS = "settings"
    DELETE = "delete"  # a deletion or its undo: any kind of row came or went
    PURGE = "purge"
    BULK = "bulk"  # an import: anything may have changed
    RESTORE = "restore"  # a backup replaced the whole store: every view reads afresh


@dataclass(frozen=True, slots=True)
class Change:
    """What a write changed, so views refresh only when they care.

    `initiator` is whoever asked for the write (the widget a user acted in), an opaque identity
    compared with `is`: the initiator already shows its own result, so a view can tell its own
    echo from someone else's change. None when unknown (a worker, the CLI, a timer).
    """

    area: ChangeArea
    person_id: int | None = None
    initiator: object | None = field(default=None, compare=False, repr=False)

    def made_by(self, initiator: object | None) -> Change:
        """The same change, attributed to `initiator`."""
        return replace(self, initiator=initiator)
