"""The rows of the delegation board: which people get a lane, in which order, with which cards.

Pure Python (no Qt) so the grouping and filtering rules are tested without widgets.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.services.readmodels import CheckpointView, PersonSummary


class BoardDelegation(Protocol):
    """What a board card shows of an active delegation (a DelegationView has all of it)."""

    @property
    def id(self) -> int: ...
    @property
    def person_id(self) -> int: ...
    @property
    def person_name(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def my_level(self) -> EmpowermentLevel: ...
    @property
    def their_level(self) -> EmpowermentLevel | None: ...
    @property
    def target_level(self) -> EmpowermentLevel | None: ...
    @property
    def involve_me_when(self) -> str: ...
    @property
    def created_on(self) -> date: ...
    @property
    def next_checkpoint(self) -> CheckpointView | None: ...
    @property
    def clarity_gap(self) -> bool: ...


class Grouping(enum.Enum):
    """How lanes are ordered."""

    TEAMS = "Team by team"  # each direct report, then the people who report to them
    DIRECTS_FIRST = "Direct reports first"  # every direct report, then every skip-level


class CardFilter(enum.Enum):
    """Which cards the board shows."""

    ALL = "All delegations"
    GAPS = "Clarity gaps"
    NOT_AGREED = "Level not agreed yet"
    OVERDUE = "Checkpoint overdue"
    GROWING = "With a target level"


@dataclass(frozen=True, slots=True)
class BoardLane:
    """One person's row: their active delegations, oldest first."""

    person: PersonSummary
    cards: tuple[BoardDelegation, ...]

    @property
    def is_skip_level(self) -> bool:
        """Reports to one of my direct reports (drawn indented under them)."""
        return not self.person.is_direct_report


def overdue(delegation: BoardDelegation, today: date) -> bool:
    """Its next checkpoint was due before today."""
    checkpoint = delegation.next_checkpoint
    return checkpoint is not None and checkpoint.due_on < today


def growing(delegation: BoardDelegation) -> bool:
    """It has a target level other than my current level: a growth path to show."""
    target = delegation.target_level
    return target is not None and target != delegation.my_level


def _keep(delegation: BoardDelegation, wanted: CardFilter, today: date) -> bool:
    if wanted is CardFilter.GAPS:
        return delegation.clarity_gap
    if wanted is CardFilter.NOT_AGREED:
        return delegation.their_level is None
    if wanted is CardFilter.OVERDUE:
        return overdue(delegation, today)
    if wanted is CardFilter.GROWING:
        return growing(delegation)
    return True


def _matches_person(person: PersonSummary, needle: str) -> bool:
    hay = " ".join(filter(None, [person.name, person.role, person.area, person.reports_to_name]))
    return needle in hay.casefold()


def build_lanes(
    delegations: Iterable[BoardDelegation],
    people: Iterable[PersonSummary],
    today: date,
    query: str = "",
    grouping: Grouping = Grouping.TEAMS,
    wanted: CardFilter = CardFilter.ALL,
) -> list[BoardLane]:
    """Lanes for the people (not archived) with active delegations (given) left after filtering.

    `query` keeps a person's whole lane when it matches their name, role, area or manager, and
    otherwise keeps only the cards whose delegation title matches.
    """
    by_id = {p.id: p for p in people if not p.archived}
    cards: dict[int, list[BoardDelegation]] = {}
    for delegation in delegations:
        if delegation.person_id not in by_id:  # archived (or gone)
            continue
        if _keep(delegation, wanted, today):
            cards.setdefault(delegation.person_id, []).append(delegation)
    needle = query.strip().casefold()
    lanes: dict[int, BoardLane] = {}
    for person_id, mine in cards.items():
        person = by_id[person_id]
        if needle and not _matches_person(person, needle):
            mine = [d for d in mine if needle in d.title.casefold()]
        if mine:
            mine.sort(key=lambda d: (d.created_on, d.id))
            lanes[person_id] = BoardLane(person, tuple(mine))
    return _ordered(lanes, by_id, grouping)


def _name_key(person: PersonSummary) -> tuple[str, int]:
    return person.name.casefold(), person.id


def _ordered(
    lanes: dict[int, BoardLane], by_id: dict[int, PersonSummary], grouping: Grouping
) -> list[BoardLane]:
    directs = sorted((p for p in by_id.values() if p.is_direct_report), key=_name_key)
    skips = sorted((p for p in by_id.values() if not p.is_direct_report), key=_name_key)
    if grouping is Grouping.DIRECTS_FIRST:
        return [lanes[p.id] for p in [*directs, *skips] if p.id in lanes]
    under: dict[int, list[PersonSummary]] = {}
    orphans: list[PersonSummary] = []
    for person in skips:
        boss = person.reports_to_id
        if boss is not None and boss in by_id and by_id[boss].is_direct_report:
            under.setdefault(boss, []).append(person)
        else:  # reports to someone archived or deeper down: keep them, after the teams
            orphans.append(person)
    order: list[PersonSummary] = []
    for direct in directs:
        order.append(direct)
        order.extend(under.get(direct.id, []))
    order.extend(orphans)
    return [lanes[p.id] for p in order if p.id in lanes]
