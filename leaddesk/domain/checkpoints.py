"""Checkpoint outcomes: the 'verify' half of trust and verify."""

from __future__ import annotations

import enum


class CheckpointOutcome(enum.Enum):
    """What a checkpoint found."""

    ON_TRACK = "on-track"
    CONCERNS = "concerns"
    OFF_TRACK = "off-track"
    SKIPPED = "skipped"

    @property
    def label(self) -> str:
        """Human words: 'on track', 'off track'."""
        return self.value.replace("-", " ")

    @property
    def evidence(self) -> tuple[float, float] | None:
        """(positive, negative) evidence about the person; None when skipped."""
        return _EVIDENCE[self]


_EVIDENCE: dict[CheckpointOutcome, tuple[float, float] | None] = {
    CheckpointOutcome.ON_TRACK: (1.0, 0.0),
    CheckpointOutcome.CONCERNS: (0.5, 0.5),
    CheckpointOutcome.OFF_TRACK: (0.0, 1.0),
    CheckpointOutcome.SKIPPED: None,
}
