"""Tests for leaddesk/domain/cadence.py: when to suggest the next checkpoint."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaddesk.domain.cadence import (
    BASE_INTERVAL_DAYS,
    MAX_DAYS,
    MIN_DAYS,
    CadenceSettings,
    next_checkpoint_interval,
    suggest_next_checkpoint,
)
from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.levels import EmpowermentLevel as Level
from leaddesk.domain.trust import TrackRecord, from_weights

TODAY = date(2024, 3, 4)

PRODUCT_BASE_DAYS = {
    Level.TELL: 7,
    Level.SELL: 7,
    Level.CONSULT: 14,
    Level.AGREE: 14,
    Level.ADVISE: 21,
    Level.INQUIRE: 28,
    Level.DELEGATE: 42,
}

STRONG = from_weights(10.0, 0.0)  # E = 11/12, plenty of evidence
WEAK = from_weights(0.0, 4.0)  # E = 1/6
NEUTRAL = from_weights(0.0, 0.0)  # E = 0.5, no evidence


def rounded_half_up(value: float) -> int:
    """Whole days, halves rounded up (10.5 -> 11), as cadence promises."""
    return math.floor(value + 0.5)


@pytest.mark.parametrize(("level", "days"), PRODUCT_BASE_DAYS.items())
def test_base_interval_follows_the_level(level: Level, days: int) -> None:
    assert BASE_INTERVAL_DAYS[level] == days
    assert next_checkpoint_interval(level, None) == days


def test_every_level_has_a_base_interval() -> None:
    assert set(BASE_INTERVAL_DAYS) == set(Level)


@pytest.mark.parametrize(("level", "days"), PRODUCT_BASE_DAYS.items())
def test_neutral_record_keeps_the_base_interval(level: Level, days: int) -> None:
    assert next_checkpoint_interval(level, NEUTRAL) == days


@pytest.mark.parametrize(("level", "days"), PRODUCT_BASE_DAYS.items())
def test_high_trust_with_enough_evidence_stretches_interval_by_half(
    level: Level, days: int
) -> None:
    interval = next_checkpoint_interval(level, STRONG)
    assert interval == rounded_half_up(days * 1.5)
    assert interval > days


@pytest.mark.parametrize(
    ("level", "days"), [(Level.CONSULT, 21), (Level.INQUIRE, 42), (Level.DELEGATE, 63)]
)
def test_high_trust_gives_exact_whole_day_intervals(level: Level, days: int) -> None:
    assert next_checkpoint_interval(level, STRONG) == days


@pytest.mark.parametrize(("level", "days"), PRODUCT_BASE_DAYS.items())
def test_low_trust_halves_the_interval(level: Level, days: int) -> None:
    interval = next_checkpoint_interval(level, WEAK)
    assert interval == rounded_half_up(days * 0.5)
    assert interval < days


@pytest.mark.parametrize(
    ("level", "days"), [(Level.CONSULT, 7), (Level.INQUIRE, 14), (Level.DELEGATE, 21)]
)
def test_low_trust_gives_exact_whole_day_intervals(level: Level, days: int) -> None:
    assert next_checkpoint_interval(level, WEAK) == days


def test_score_of_exactly_point_eight_counts_as_high_trust() -> None:
    record = from_weights(3.0, 0.0)  # E = 4/5, r + s = 3
    assert record.expectation == 0.8
    assert next_checkpoint_interval(Level.CONSULT, record) == 21


def test_score_just_below_point_eight_keeps_the_base_interval() -> None:
    record = from_weights(2.9, 0.0)
    assert record.expectation < 0.8
    assert next_checkpoint_interval(Level.CONSULT, record) == 14


def test_high_score_on_too_little_evidence_is_not_yet_earned() -> None:
    # A record from from_weights cannot reach E >= 0.8 below r + s = 3, so build one directly to
    # check the evidence guard on its own.
    thin = TrackRecord(expectation=0.9, belief=0.6, plausibility=0.95, positive=2.0, negative=0.5)
    assert thin.evidence_weight < 3.0
    assert next_checkpoint_interval(Level.CONSULT, thin) == 14
    enough = TrackRecord(expectation=0.9, belief=0.6, plausibility=0.95, positive=3.0, negative=0.0)
    assert next_checkpoint_interval(Level.CONSULT, enough) == 21


def test_score_of_exactly_one_half_keeps_the_base_interval() -> None:
    record = from_weights(2.0, 2.0)
    assert record.expectation == 0.5
    assert next_checkpoint_interval(Level.ADVISE, record) == 21


def test_score_just_below_one_half_shortens_the_interval() -> None:
    record = from_weights(2.0, 2.1)
    assert record.expectation < 0.5
    assert next_checkpoint_interval(Level.DELEGATE, record) == 21


def test_low_trust_applies_however_little_evidence() -> None:
    record = from_weights(0.0, 0.2)
    assert record.evidence_weight < 3.0
    assert next_checkpoint_interval(Level.DELEGATE, record) == 21


@pytest.mark.parametrize("level", list(Level))
@pytest.mark.parametrize("record", [None, STRONG, WEAK, NEUTRAL])
def test_off_track_outcome_means_checking_again_in_three_days(
    level: Level, record: TrackRecord | None
) -> None:
    assert next_checkpoint_interval(level, record, CheckpointOutcome.OFF_TRACK) == 3


@pytest.mark.parametrize(
    "outcome", [CheckpointOutcome.ON_TRACK, CheckpointOutcome.CONCERNS, CheckpointOutcome.SKIPPED]
)
def test_other_outcomes_keep_the_trust_based_interval(outcome: CheckpointOutcome) -> None:
    assert next_checkpoint_interval(Level.INQUIRE, None, outcome) == 28
    assert next_checkpoint_interval(Level.INQUIRE, STRONG, outcome) == 42
    assert next_checkpoint_interval(Level.INQUIRE, WEAK, outcome) == 14


def test_settings_change_the_multipliers() -> None:
    cfg = CadenceSettings(high_trust_factor=2.0, low_trust_factor=0.25, after_off_track_days=5)
    assert next_checkpoint_interval(Level.CONSULT, STRONG, settings=cfg) == 28
    assert next_checkpoint_interval(Level.INQUIRE, WEAK, settings=cfg) == 7
    assert next_checkpoint_interval(Level.INQUIRE, None, CheckpointOutcome.OFF_TRACK, cfg) == 5


def test_default_settings_match_the_product() -> None:
    cfg = CadenceSettings()
    assert cfg.high_trust_factor == 1.5
    assert cfg.low_trust_factor == 0.5
    assert cfg.after_off_track_days == 3


def test_interval_is_clamped_to_ninety_days() -> None:
    cfg = CadenceSettings(high_trust_factor=3.0)
    assert next_checkpoint_interval(Level.DELEGATE, STRONG, settings=cfg) == MAX_DAYS == 90


def test_interval_is_clamped_to_three_days() -> None:
    cfg = CadenceSettings(low_trust_factor=0.1, after_off_track_days=1)
    assert next_checkpoint_interval(Level.TELL, WEAK, settings=cfg) == MIN_DAYS == 3
    assert next_checkpoint_interval(Level.TELL, None, CheckpointOutcome.OFF_TRACK, cfg) == 3


def test_off_track_days_are_clamped_too() -> None:
    cfg = CadenceSettings(after_off_track_days=200)
    assert next_checkpoint_interval(Level.TELL, None, CheckpointOutcome.OFF_TRACK, cfg) == 90


@settings(max_examples=80, deadline=None, database=None)
@given(
    level=st.sampled_from(list(Level)),
    r=st.floats(0.0, 50.0),
    s=st.floats(0.0, 50.0),
    outcome=st.none() | st.sampled_from(list(CheckpointOutcome)),
    high=st.floats(0.1, 10.0),
    low=st.floats(0.01, 1.0),
    off=st.integers(0, 200),
)
def test_interval_is_always_a_whole_number_of_days_within_bounds(
    level: Level,
    r: float,
    s: float,
    outcome: CheckpointOutcome | None,
    high: float,
    low: float,
    off: int,
) -> None:
    cfg = CadenceSettings(high_trust_factor=high, low_trust_factor=low, after_off_track_days=off)
    interval = next_checkpoint_interval(level, from_weights(r, s), outcome, cfg)
    assert isinstance(interval, int)
    assert MIN_DAYS <= interval <= MAX_DAYS


@settings(max_examples=60, deadline=None, database=None)
@given(level=st.sampled_from(list(Level)), r=st.floats(0.0, 50.0), s=st.floats(0.0, 50.0))
def test_more_trust_never_means_checking_sooner(level: Level, r: float, s: float) -> None:
    base = next_checkpoint_interval(level, from_weights(r, s))
    assert next_checkpoint_interval(level, from_weights(r + 5.0, s)) >= base


@pytest.mark.parametrize("level", list(Level))
def test_higher_levels_are_never_checked_more_often(level: Level) -> None:
    higher = [other for other in Level if other > level]
    for other in higher:
        assert next_checkpoint_interval(other, None) >= next_checkpoint_interval(level, None)


def test_suggested_date_counts_from_today() -> None:
    assert suggest_next_checkpoint(TODAY, Level.CONSULT, None) == TODAY + timedelta(days=14)
    assert suggest_next_checkpoint(TODAY, Level.DELEGATE, STRONG) == TODAY + timedelta(days=63)
    assert suggest_next_checkpoint(
        TODAY, Level.DELEGATE, STRONG, CheckpointOutcome.OFF_TRACK
    ) == TODAY + timedelta(days=3)


def test_suggested_date_uses_settings() -> None:
    cfg = CadenceSettings(low_trust_factor=0.25)
    assert suggest_next_checkpoint(TODAY, Level.INQUIRE, WEAK, settings=cfg) == date(2024, 3, 11)
