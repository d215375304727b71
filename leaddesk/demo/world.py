"""The entry points: generate a world (pure) or fill a new store with one.

The size limits are checked here, before the first random draw.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from leaddesk.demo.builder import Builder
from leaddesk.demo.stories import DemoWorld, Story
from leaddesk.domain.errors import ValidationError

if TYPE_CHECKING:
    from leaddesk.services.desk import Desk

MAX_PEOPLE = 2000
MAX_YEARS = 50.0


def generate_world(people: int = 8, years: float = 2, seed: int = 0, *, today: date) -> DemoWorld:
    """A believable world: `people` direct reports with 1-3 skip-levels each, `years` of history."""
    if not 1 <= people <= MAX_PEOPLE:
        raise ValidationError(f"Demo data needs 1 to {MAX_PEOPLE} direct reports.")
    if not 0 < years <= MAX_YEARS:
        raise ValidationError(f"Demo data covers more than 0 and at most {MAX_YEARS:g} years.")
    return Builder(random.Random(seed), today, years).build(people)


def build_demo(
    desk: Desk,
    people: int = 8,
    years: float = 2,
    seed: int = 0,
    progress: Callable[[int, int], None] | None = None,
) -> dict[int, Story]:
    """Fill a new store with demo data ending at the desk's today; returns each story by person."""
    world = generate_world(people, years, seed, today=desk.today())
    desk.load_world(world, progress)
    return dict(world.stories)
