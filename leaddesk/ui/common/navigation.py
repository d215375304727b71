"""Where an item is fixed: the person page tab (or 1:1 mode) that an action item opens."""

from __future__ import annotations

from dataclasses import dataclass

from leaddesk.services.readmodels import ActionItem, ItemKind

TABS = ("overview", "delegations", "promises", "relationship", "feedback", "timeline")


@dataclass(frozen=True, slots=True)
class PersonTarget:
    """Open a person's page on a tab, optionally selecting one item there."""

    person_id: int
    tab: str = "overview"
    ref_id: int | None = None
    kind: ItemKind | None = None  # what ref_id names (ids of different kinds can coincide)


TAB_FOR_KIND = {
    ItemKind.CHECKPOINT: "delegations",
    ItemKind.DELEGATION: "delegations",
    ItemKind.FACTOR: "delegations",
    ItemKind.PROMISE: "promises",
    ItemKind.RELATIONSHIP: "relationship",
    ItemKind.FEEDBACK: "feedback",
    ItemKind.ASSESSMENT: "overview",
}


def target_for(item: ActionItem) -> tuple[str, object]:
    """The (view, argument) that fixes `item`: 1:1 mode for 1:1s and topics, else a person tab."""
    if item.kind in (ItemKind.ONE_ON_ONE, ItemKind.TOPIC):
        return "one_on_one", item.person_id
    return "person", PersonTarget(
        item.person_id, TAB_FOR_KIND.get(item.kind, "overview"), item.ref_id, item.kind
    )
