"""Needs attention, grouped: by person or by kind, most urgent first, worded for a glance.

Pure functions over the services' action items (no widgets), so the grouping and the words are
tested without a window and the model only lays them out.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from leaddesk.domain.promises import PromiseDirection
from leaddesk.reports import wording
from leaddesk.reports.item_wording import short
from leaddesk.services.action_item import ActionItem, ItemDetail, ItemKind


class GroupBy(enum.Enum):
    """How Needs attention is grouped: who needs me, or what kind of fix is due."""

    PERSON = "person"
    KIND = "kind"


class Fix(enum.Enum):
    """The in-place fix a row offers (besides opening it where it lives)."""

    KEEP = "keep"  # mark a promise kept
    COMPLETE = "complete"  # record a checkpoint's outcome
    START = "start"  # start a 1:1


# Kind groups in the order a Monday scan wants them: what I owe first, then what I verify.
KIND_ORDER = ("mine", "checkpoint", "one_on_one", "theirs", "clarity", "other")
KIND_TITLES = {
    "mine": ("My promise", "My promises"),
    "checkpoint": ("Checkpoint", "Checkpoints"),
    "one_on_one": ("1:1 due", "1:1s due"),
    "theirs": ("Their promise", "Their promises"),
    "clarity": ("Clarity gap", "Clarity gaps"),
    "other": ("Other item", "Other items"),  # a kind Needs attention may list one day
}


@dataclass(frozen=True, slots=True)
class AttentionGroup:
    """One group of rows: its key (a person id or a kind), title and items, urgent first."""

    key: str
    title: str
    items: tuple[ActionItem, ...]

    @property
    def overdue(self) -> int:
        """How many of its items are overdue."""
        return sum(1 for i in self.items if i.overdue)


def kind_of(item: ActionItem) -> str:
    """The kind group an item belongs to."""
    if item.kind is ItemKind.PROMISE:
        return "mine" if item.direction is PromiseDirection.MINE else "theirs"
    if item.kind is ItemKind.CHECKPOINT:
        return "checkpoint"
    if item.kind is ItemKind.ONE_ON_ONE:
        return "one_on_one"
    if item.detail in (ItemDetail.CLARITY_GAP, ItemDetail.LEVEL_NOT_AGREED):
        return "clarity"
    return "other"


def fix_for(item: ActionItem) -> Fix | None:
    """The in-place fix of `item`, if it has one."""
    if item.kind is ItemKind.PROMISE and item.ref_id is not None:
        return Fix.KEEP
    if item.kind is ItemKind.CHECKPOINT and item.ref_id is not None:
        return Fix.COMPLETE
    if item.kind is ItemKind.ONE_ON_ONE:
        return Fix.START
    return None


def urgency(item: ActionItem) -> tuple[bool, date, str]:
    """Sort key: overdue first, then the earliest date, undated last."""
    return (not item.overdue, item.on or date.max, item.person_name)


def group_items(items: Iterable[ActionItem], by: GroupBy) -> list[AttentionGroup]:
    """Group `items`; groups with the most overdue first (then the oldest date), rows urgent
    first. By kind, groups keep a fixed order instead: the same place every Monday."""
    buckets: dict[str, list[ActionItem]] = {}
    names: dict[str, str] = {}
    for item in items:
        key = str(item.person_id) if by is GroupBy.PERSON else kind_of(item)
        buckets.setdefault(key, []).append(item)
        names[key] = item.person_name
    groups = []
    for key, found in buckets.items():
        found.sort(key=urgency)
        if by is GroupBy.PERSON:
            title = names[key]
        else:
            title = wording.plural(len(found), *KIND_TITLES[key])
        groups.append(AttentionGroup(key, title, tuple(found)))
    if by is GroupBy.KIND:
        return sorted(groups, key=lambda g: KIND_ORDER.index(g.key))
    return sorted(groups, key=lambda g: (-g.overdue, urgency(g.items[0]), g.title.casefold()))


def group_summary(group: AttentionGroup, by: GroupBy) -> str:
    """What is in a folded group, short enough to read whole: '3 promises, 1 checkpoint, 1:1'
    (by person; a 1:1 is one at most) or the count (by kind)."""
    if by is GroupBy.KIND:
        return wording.count(len(group.items), "item")
    kinds = [kind_of(item) for item in group.items]
    promises = kinds.count("mine") + kinds.count("theirs")
    parts = [wording.count(promises, "promise")] if promises else []
    for kind, noun in (
        ("checkpoint", "checkpoint"),
        ("clarity", "clarity gap"),
        ("other", "other item"),
    ):
        if kinds.count(kind):
            parts.append(wording.count(kinds.count(kind), noun))
    if "one_on_one" in kinds:
        parts.append("1:1")
    return ", ".join(parts)


def overdue_text(group: AttentionGroup) -> str:
    """'3 overdue', or '' when nothing in the group is."""
    return f"{group.overdue} overdue" if group.overdue else ""


def row_text(item: ActionItem, by: GroupBy, today: date) -> str:
    """The row without its date (the date has its own column): by kind the person leads."""
    match item.detail:
        case ItemDetail.PROMISE:
            what = short(item.subject)
            text = what if by is GroupBy.KIND else f"{_whose(item)} {what}"
        case ItemDetail.CHECKPOINT_DUE:
            text = item.subject if by is GroupBy.KIND else f"Checkpoint: {item.subject}"
        case ItemDetail.CLARITY_GAP:
            mine = item.my_level.label if item.my_level else "?"
            theirs = item.their_level.label if item.their_level else "?"
            gap = f"I said {mine}, they think {theirs}"
            text = f"{item.subject} — {gap}"
            text = text if by is GroupBy.KIND else f"Clarity gap: {text}"
        case ItemDetail.NO_ONE_ON_ONE_YET:
            text = "No 1:1 yet"
        case ItemDetail.ONE_ON_ONE_OVERDUE:
            text = f"Last 1:1 {wording.days_ago(item.last, today)}"
        case _:
            text = short(item.subject) or item.detail.value
    return f"{item.person_name} — {text}" if by is GroupBy.KIND else text


def when_text(item: ActionItem, today: date) -> str:
    """'3 days overdue', 'due today', 'due Fri'; '' for what has no date to meet."""
    if item.detail is ItemDetail.NO_ONE_ON_ONE_YET:
        return "none held"
    if item.on is None or item.detail is ItemDetail.CLARITY_GAP:
        return ""
    return wording.due_when(item.on, today)


def _whose(item: ActionItem) -> str:
    return "I promised:" if item.direction is PromiseDirection.MINE else "They promised:"
