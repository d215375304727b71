"""Track-record trust: a Beta-reputation score over fading evidence (PRODUCT.md, 'Trust over time').

With r positive and s negative weight at time t the expectation is E = (r + 1) / (r + s + 2); the
band from belief r / (r + s + 2) to plausibility (r + 2) / (r + s + 2) is wide when evidence
is thin, so the chart never shows false certainty.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

DEFAULT_HALF_LIFE_DAYS = 180.0


@dataclass(frozen=True, slots=True)
class Evidence:
    """One piece of behaviour, dated: a resolved promise or a checkpoint outcome."""

    on: date
    positive: float
    negative: float


@dataclass(frozen=True, slots=True)
class TrackRecord:
    """The score at one moment: expectation E with its belief-plausibility band."""

    expectation: float
    belief: float
    plausibility: float
    positive: float
    negative: float

    @property
    def uncertainty(self) -> float:
        """Width of the band: 2 / (r + s + 2); 1.0 with no evidence at all."""
        return self.plausibility - self.belief

    @property
    def evidence_weight(self) -> float:
        """r + s: how much (faded) evidence the score rests on."""
        return self.positive + self.negative


def from_weights(positive: float, negative: float) -> TrackRecord:
    """The Beta-reputation record for weighted positive r and negative s."""
    total = positive + negative + 2.0
    return TrackRecord(
        expectation=(positive + 1.0) / total,
        belief=positive / total,
        plausibility=(positive + 2.0) / total,
        positive=positive,
        negative=negative,
    )


def track_record(
    evidence: Iterable[Evidence], at: date, half_life_days: float = DEFAULT_HALF_LIFE_DAYS
) -> TrackRecord:
    """The track record at `at`: items weighted 0.5 ** (age / half-life); later ones ignored."""
    if half_life_days <= 0:
        raise ValueError("half_life_days must be positive")
    r = s = 0.0
    for item in evidence:
        if item.on > at:
            continue
        weight = 0.5 ** ((at - item.on).days / half_life_days)
        r += item.positive * weight
        s += item.negative * weight
    return from_weights(r, s)


def track_record_series(
    evidence: Iterable[Evidence],
    dates: Sequence[date],
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
) -> list[TrackRecord]:
    """track_record at each of `dates` (ascending) in one pass: O(evidence + dates)."""
    items = sorted((e.on.toordinal(), e.positive, e.negative) for e in evidence)
    weights = weights_on_days(items, [d.toordinal() for d in dates], half_life_days)
    return [from_weights(r, s) for r, s in weights]


def weights_on_days(
    items: Sequence[tuple[int, float, float]],
    days: Sequence[int],
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
) -> list[tuple[float, float]]:
    """Weighted (r, s) at each of `days` for (day, positive, negative) items; days as ordinals.

    `items` sorted by day, `days` ascending. Fading is multiplicative in whole days, so the weights
    at a later day are those at the earlier one times 0.5 ** (gap / half-life): the result equals
    track_record per day, computed without building objects (the team grid reads every direct
    report's whole history through here).
    """
    if half_life_days <= 0:
        raise ValueError("half_life_days must be positive")
    out: list[tuple[float, float]] = []
    r = s = 0.0
    current: int | None = None
    i = 0
    n = len(items)
    for at in days:
        if current is not None:
            if at < current:
                raise ValueError("dates must be ascending")
            decay = 0.5 ** ((at - current) / half_life_days)
            r *= decay
            s *= decay
        current = at
        while i < n and items[i][0] <= at:
            day, positive, negative = items[i]
            weight = 0.5 ** ((at - day) / half_life_days)
            r += positive * weight
            s += negative * weight
            i += 1
        out.append((r, s))
    return out


class Core(enum.Enum):
    """The four cores of credibility a trust assessment scores (1-5 each)."""

    INTEGRITY = "integrity"
    INTENT = "intent"
    CAPABILITIES = "capabilities"
    RESULTS = "results"


def assessment_score(integrity: int, intent: int, capabilities: int, results: int) -> float:
    """The mean of the four cores (1-5) scaled to 0-1, on the track record's axis."""
    mean = (integrity + intent + capabilities + results) / 4.0
    return (mean - 1.0) / 4.0


class Trend(enum.Enum):
    """Direction of the track record over the recent past."""

    UP = "up"
    FLAT = "flat"
    DOWN = "down"

    @property
    def arrow(self) -> str:
        """A single character to show beside a score."""
        return {"up": "↑", "flat": "→", "down": "↓"}[self.value]


TREND_THRESHOLD = 0.03


def trend(before: TrackRecord, now: TrackRecord) -> Trend:
    """Up or down when E moved by at least 0.03, flat otherwise."""
    delta = now.expectation - before.expectation
    if delta >= TREND_THRESHOLD:
        return Trend.UP
    if delta <= -TREND_THRESHOLD:
        return Trend.DOWN
    return Trend.FLAT
