"""The team grid keeps each person's trust evidence across writes: it must never go stale."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk
from leaddesk.services.undo import Deletable


def from_scratch(desk: Desk) -> list[tuple[str, float, tuple[float, ...]]]:
    """The team overview computed with every cache dropped."""
    desk._evidence.clear()
    desk._cache.clear()
    return [(m.person.name, m.score, m.sparkline) for m in desk.team_overview().members]


def kept(desk: Desk) -> list[tuple[str, float, tuple[float, ...]]]:
    return [(m.person.name, m.score, m.sparkline) for m in desk.team_overview().members]


@pytest.fixture
def team(desk: Desk) -> dict[str, int]:
    ada = desk.add_person("Ada")
    bob = desk.add_person("Bob")
    plan = desk.add_delegation(ada, "Hiring plan", 4)
    promise = desk.add_promise(bob, PromiseDirection.THEIRS, "Budget")
    desk.team_overview()  # fills the evidence of both
    return {"ada": ada, "bob": bob, "plan": plan, "promise": promise}


WRITES: dict[str, Callable[[Desk, dict[str, int]], object]] = {
    "keep": lambda d, t: d.keep_promise(t["promise"]),
    "break": lambda d, t: d.break_promise(t["promise"]),
    "checkpoint": lambda d, t: d.complete_checkpoint(
        d.delegation(t["plan"]).checkpoints[0].id, CheckpointOutcome.OFF_TRACK
    ),
    "delete kept promise": lambda d, t: (
        d.keep_promise(t["promise"]),
        d.team_overview(),
        d.delete(Deletable.PROMISE, t["promise"]),
    ),
    "undo": lambda d, t: (
        d.keep_promise(t["promise"]),
        d.delete(Deletable.PROMISE, t["promise"]),
        d.team_overview(),
        d.undo(),
    ),
    "delete delegation": lambda d, t: (
        d.complete_checkpoint(
            d.delegation(t["plan"]).checkpoints[0].id, CheckpointOutcome.ON_TRACK
        ),
        d.team_overview(),
        d.delete(Deletable.DELEGATION, t["plan"]),
    ),
    "half-life": lambda d, t: (
        d.keep_promise(t["promise"]),
        d.team_overview(),
        d.update_settings(half_life_days=30),
    ),
}


@pytest.mark.parametrize("write", list(WRITES))
def test_team_overview_after_a_write_equals_one_computed_from_scratch(
    desk: Desk, team: dict[str, int], write: str
) -> None:
    WRITES[write](desk, team)
    after = kept(desk)
    assert after == from_scratch(desk)


def test_a_write_about_one_person_keeps_the_others_evidence(
    desk: Desk, team: dict[str, int]
) -> None:
    desk.keep_promise(team["promise"])
    assert team["ada"] in desk._evidence
    assert team["bob"] not in desk._evidence
    before = kept(desk)
    assert before[1][1] > 0.5  # Bob's kept promise counts at once
