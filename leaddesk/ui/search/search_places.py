"""Where a search result lives: the screen, the person's tab with the item selected, the week.

The same places Needs attention and the timeline open (`leaddesk.ui.common.navigation`), named
by the kind of item so that ids of different kinds never select the wrong row.
"""

from __future__ import annotations

from leaddesk.domain.search import HitKind, SearchHit
from leaddesk.services.action_item import ItemKind
from leaddesk.services.delegations_models import DelegationView
from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.search.search_model import Found
from leaddesk.ui.search.search_screens import Screen

#: The person page tab each kind of hit lives on, and what its id names there.
PERSON_PLACES: dict[HitKind, tuple[str, ItemKind | None]] = {
    HitKind.PERSON: ("overview", None),
    HitKind.DELEGATION: ("delegations", ItemKind.DELEGATION),
    HitKind.CHECKPOINT: ("delegations", ItemKind.CHECKPOINT),
    HitKind.SUCCESS_FACTOR: ("delegations", ItemKind.FACTOR),
    HitKind.CALIBRATION: ("delegations", ItemKind.FACTOR),
    HitKind.TERM: ("delegations", ItemKind.TERM),
    HitKind.PROMISE: ("promises", ItemKind.PROMISE),
    HitKind.ONE_ON_ONE: ("relationship", ItemKind.ONE_ON_ONE),
    HitKind.TOPIC: ("relationship", ItemKind.TOPIC),
    HitKind.RELATIONSHIP_NOTE: ("relationship", ItemKind.RELATIONSHIP),
    HitKind.FEEDBACK: ("feedback", ItemKind.FEEDBACK),
    HitKind.ASSESSMENT: ("overview", ItemKind.ASSESSMENT),
}


def place_of(
    found: Found, team_person: int | None = None, factor: int | None = None
) -> tuple[str, object]:
    """The (view, argument) that shows `found`.

    A term agreed with the whole team belongs to no one person: it is on every person's
    Delegations tab, so it opens on `team_person`'s (the person on screen), or People. A
    calibration opens its success factor, `factor` (see `calibrated_factor`).
    """
    if isinstance(found, Screen):
        return found.name, None
    if found.kind is HitKind.REFLECTION:
        return "reflections", found.on
    tab, kind = PERSON_PLACES.get(found.kind, ("overview", None))
    person = found.person_id if found.person_id is not None else team_person
    if person is None:
        return "people", None
    ref = None if found.kind is HitKind.PERSON else found.item_id
    if found.kind is HitKind.CALIBRATION:
        ref = factor
    return "person", PersonTarget(person, tab, ref, kind)


def calibrated_factor(hit: SearchHit, delegations: list[DelegationView]) -> int | None:
    """The success factor a calibration hit belongs to (a hit names the calibration; the page
    selects factors): the factor of that title calibrated on that day."""
    name = hit.title.removeprefix("Calibration of ")
    for delegation in delegations:
        for factor in delegation.factors:
            if factor.name == name and any(c.on == hit.on for c in factor.calibrations):
                return factor.id
    return None


def is_team_term(found: Found) -> bool:
    """A term agreed with the whole team (no person to open)."""
    return isinstance(found, SearchHit) and found.kind is HitKind.TERM and found.person_id is None
