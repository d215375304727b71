"""Action items as data: what needs the leader's attention, with the facts a wording needs.

Services say what is open; the UI, the CLI and the reports word it (leaddesk.reports.item_wording),
so no caller has to take a sentence apart again.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.domain.promises import PromiseDirection


class ItemKind(enum.Enum):
    """What an action item is about, so a click can go where it is fixed."""

    CHECKPOINT = "checkpoint"
    DELEGATION = "delegation"
    FACTOR = "success factor"
    PROMISE = "promise"
    ONE_ON_ONE = "1:1"
    RELATIONSHIP = "relationship"
    FEEDBACK = "feedback"
    TOPIC = "topic"
    ASSESSMENT = "assessment"
    TERM = "term"  # never an action item: names an agreed term a search result opens


class ItemDetail(enum.Enum):
    """Which situation of its kind an item reports (a delegation may lack a level, or a gap)."""

    LEVEL_NOT_AGREED = "level not agreed"  # delegation: their level unknown
    CLARITY_GAP = "clarity gap"  # delegation: my level and theirs differ
    NO_CHECKPOINT = "no checkpoint"  # delegation: none planned
    NO_FACTOR = "no success factor"  # delegation: none agreed
    CHECKPOINT_DUE = "checkpoint due"  # checkpoint: due (or overdue) on `on`
    NOT_CALIBRATED = "not calibrated"  # success factor: last agreed or calibrated on `on`
    PROMISE = "promise"  # promise: open, due on `on` if it has a date
    NO_ONE_ON_ONE_YET = "no 1:1 yet"  # person: never met one to one
    ONE_ON_ONE_OVERDUE = "1:1 overdue"  # person: last 1:1 on `last`, `days` ago
    NO_RELATIONSHIP_NOTES = "no relationship notes"  # person: nothing noted yet
    FEEDBACK_ASKED = "feedback asked"  # feedback: a request of mine still unanswered
    FEEDBACK_BALANCE = "feedback balance"  # person: `given` and `solicited` in 30 days


@dataclass(frozen=True, slots=True)
class ActionItem:
    """One line of Needs attention, a focus list or a 1:1 agenda: what, who, and where to fix it.

    `subject` is the user's own words (a promise, a delegation title, a factor's name, a request);
    it is never reworded. The optional fields carry what the item's `detail` is worded from.
    """

    kind: ItemKind
    ref_id: int | None
    person_id: int
    person_name: str
    detail: ItemDetail
    subject: str = ""
    on: date | None = None  # the due (or relevant) date; ordering uses it
    overdue: bool = False
    within: str = ""  # what the subject belongs to: a success factor's delegation title
    direction: PromiseDirection | None = None  # a promise: mine or theirs
    my_level: EmpowermentLevel | None = None  # a delegation: the level I gave
    their_level: EmpowermentLevel | None = None  # a delegation: the level they think they have
    last: date | None = None  # the last 1:1
    days: int = 0  # days since the last 1:1
    given: int = 0  # feedback given in the last 30 days
    solicited: int = 0  # feedback asked for in the last 30 days
