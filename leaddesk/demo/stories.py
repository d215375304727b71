"""The trust stories behind the demo people, and how each one plays out over time.

Every part of the builder asks a person's `Arc` how reliable they are on a given day, so one
story stays consistent across promises, checkpoints, feedback and trust assessments.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from leaddesk.services.bulk import World


class Story(enum.Enum):
    """The trust story a direct report's data tells."""

    RISING_STAR = "rising star"
    SLIPPING = "slipping"
    STEADY_VETERAN = "steady veteran"
    NEW_HIRE = "new hire"
    RECOVERY = "recovery"


@dataclass
class DemoWorld(World):
    """A generated world plus the story behind each direct report (person id -> story)."""

    stories: dict[int, Story] = field(default_factory=dict)


# -- how each story behaves ---------------------------------------------------------------------
TENURE_DAYS: dict[Story, tuple[int, int]] = {
    Story.RISING_STAR: (420, 1300),
    Story.SLIPPING: (700, 2200),
    Story.STEADY_VETERAN: (200, 2000),  # in role that long *before* the data starts
    Story.NEW_HIRE: (20, 85),
    Story.RECOVERY: (550, 1800),
}
MIX_WEIGHTS = (3, 2, 4, 1, 2)  # after the first five, stories in this proportion
START_LEVELS: dict[Story, tuple[int, ...]] = {
    Story.RISING_STAR: (2, 3, 4, 3),
    Story.SLIPPING: (5, 4, 6, 5),
    Story.STEADY_VETERAN: (6, 7, 6, 5, 7),
    Story.NEW_HIRE: (1, 2, 3),
    Story.RECOVERY: (4, 3, 5, 4),
}
LEVEL_CAP = {
    Story.RISING_STAR: 6,
    Story.SLIPPING: 6,
    Story.STEADY_VETERAN: 7,
    Story.NEW_HIRE: 3,
    Story.RECOVERY: 6,
}


@dataclass(frozen=True)
class Arc:
    """How reliable a person is over time, and how reliable I am with them."""

    story: Story
    first: date  # their first day in the data
    today: date
    turn: date  # slipping: when it started; recovery: when the dip started
    turn_end: date  # recovery: when the dip ended
    mine: float

    def theirs(self, day: date) -> float:
        """Chance of a good outcome around `day` (kept on time, on track)."""
        story = self.story
        if story is Story.RISING_STAR:
            return 0.72 + 0.25 * progress(self.first, day, self.today)
        if story is Story.SLIPPING:
            return 0.93 if day < self.turn else 0.3
        if story is Story.STEADY_VETERAN:
            return 0.94
        if story is Story.NEW_HIRE:
            return 0.8
        if day < self.turn:
            return 0.86
        if day <= self.turn_end:
            return 0.15
        return 0.8 + 0.17 * progress(self.turn_end, day, self.today)


def progress(start: date, day: date, end: date) -> float:
    """How far `day` is on the way from `start` to `end`, from 0 to 1."""
    return min(1.0, max(0.0, (day - start).days / max(1, (end - start).days)))
