"""The trust series as the chart's arrays: dates as x (seconds since 1970), expectation, band."""

from __future__ import annotations

from datetime import date

import numpy as np

from leaddesk.services.readmodels import TrustPoint

DAY = 86400.0
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def to_x(day: date) -> float:
    """A calendar date as the chart's x (seconds since 1970, midnight UTC, shown as UTC)."""
    return (day.toordinal() - EPOCH_ORDINAL) * DAY


def series_arrays(
    points: tuple[TrustPoint, ...],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """x, expectation, belief, plausibility as float arrays."""
    ordinals = np.fromiter((p.on.toordinal() for p in points), float, len(points))
    values = np.array([(p.expectation, p.belief, p.plausibility) for p in points], dtype=float)
    values = values.reshape(-1, 3)
    return (ordinals - EPOCH_ORDINAL) * DAY, values[:, 0], values[:, 1], values[:, 2]


def has_evidence(points: tuple[TrustPoint, ...]) -> bool:
    """Whether any point rests on evidence (a band narrower than 0 to 1)."""
    return any(p.plausibility - p.belief < 0.999 for p in points)
