"""Smart-trust checkpoint cadence: how soon to verify, given level and trust earned."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.domain.trust import TrackRecord

BASE_INTERVAL_DAYS: dict[EmpowermentLevel, int] = {
    EmpowermentLevel.TELL: 7,
    EmpowermentLevel.SELL: 7,
    EmpowermentLevel.CONSULT: 14,
    EmpowermentLevel.AGREE: 14,
    EmpowermentLevel.ADVISE: 21,
    EmpowermentLevel.INQUIRE: 28,
    EmpowermentLevel.DELEGATE: 42,
}
MIN_DAYS = 3
MAX_DAYS = 90
HIGH_TRUST = 0.8
LOW_TRUST = 0.5
ENOUGH_EVIDENCE = 3.0  # r + s; below this a high score is not yet earned


@dataclass(frozen=True, slots=True)
class CadenceSettings:
    """The user's cadence settings (multipliers applied to the base interval)."""

    high_trust_factor: float = 1.5
    low_trust_factor: float = 0.5
    after_off_track_days: int = 3


def next_checkpoint_interval(
    level: EmpowermentLevel,
    record: TrackRecord | None,
    last_outcome: CheckpointOutcome | None = None,
    settings: CadenceSettings | None = None,
) -> int:
    """Days until the next checkpoint: base by level, stretched or shortened by trust, clamped."""
    cfg = settings or CadenceSettings()
    if last_outcome is CheckpointOutcome.OFF_TRACK:
        days = float(cfg.after_off_track_days)
    else:
        days = float(BASE_INTERVAL_DAYS[level])
        if record is not None:
            if record.expectation >= HIGH_TRUST and record.evidence_weight >= ENOUGH_EVIDENCE:
                days *= cfg.high_trust_factor
            elif record.expectation < LOW_TRUST:
                days *= cfg.low_trust_factor
    return int(min(MAX_DAYS, max(MIN_DAYS, math.floor(days + 0.5))))  # halves round up


def suggest_next_checkpoint(
    today: date,
    level: EmpowermentLevel,
    record: TrackRecord | None,
    last_outcome: CheckpointOutcome | None = None,
    settings: CadenceSettings | None = None,
) -> date:
    """The suggested date of the next checkpoint, counted from `today`."""
    return today + timedelta(days=next_checkpoint_interval(level, record, last_outcome, settings))
