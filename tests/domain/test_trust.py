"""Tests for leaddesk/domain/trust.py: the Beta-reputation track record over fading evidence."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.promises import PromiseState, promise_evidence
from leaddesk.domain.trust import (
    DEFAULT_HALF_LIFE_DAYS,
    TREND_THRESHOLD,
    Evidence,
    TrackRecord,
    Trend,
    assessment_score,
    from_weights,
    track_record,
    track_record_series,
    trend,
)

TOLERANCE = 1e-9
FEW = settings(max_examples=40, deadline=None, database=None)

AT = date(2024, 6, 1)
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2030, 12, 31)

# The (positive, negative) pairs PRODUCT.md gives for resolved promises and checkpoint outcomes.
PRODUCT_WEIGHTS = [(1.0, 0.0), (0.5, 0.5), (0.0, 1.0)]

days = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)
weights = st.floats(min_value=0.0, max_value=1.0, allow_nan=False, allow_infinity=False)
half_lives = st.floats(min_value=1.0, max_value=2000.0, allow_nan=False, allow_infinity=False)


@st.composite
def evidence_items(draw: st.DrawFn, on: st.SearchStrategy[date] = days) -> Evidence:
    """One dated piece of evidence: either a product value or any pair of weights in [0, 1]."""
    pair = draw(st.sampled_from(PRODUCT_WEIGHTS) | st.tuples(weights, weights))
    return Evidence(on=draw(on), positive=pair[0], negative=pair[1])


evidence_lists = st.lists(evidence_items(), max_size=20)


def evidence_up_to(at: date) -> st.SearchStrategy[list[Evidence]]:
    """Evidence lists whose items are all dated on or before `at`."""
    return st.lists(evidence_items(st.dates(min_value=FIRST_DAY, max_value=at)), max_size=20)


def assert_same_record(actual: TrackRecord, expected: TrackRecord) -> None:
    assert actual.expectation == pytest.approx(expected.expectation, abs=TOLERANCE)
    assert actual.belief == pytest.approx(expected.belief, abs=TOLERANCE)
    assert actual.plausibility == pytest.approx(expected.plausibility, abs=TOLERANCE)
    assert actual.positive == pytest.approx(expected.positive, abs=TOLERANCE)
    assert actual.negative == pytest.approx(expected.negative, abs=TOLERANCE)


# --- no evidence and hand-computed examples ---------------------------------------------------


def test_no_evidence_gives_neutral_score_with_widest_band() -> None:
    record = track_record([], AT)
    assert record.expectation == 0.5
    assert record.belief == 0.0
    assert record.plausibility == 1.0
    assert record.uncertainty == 1.0
    assert record.evidence_weight == 0.0


def test_promise_kept_on_time_today_counts_fully() -> None:
    record = track_record([Evidence(AT, 1.0, 0.0)], AT)
    assert record.positive == 1.0
    assert record.negative == 0.0
    assert record.expectation == pytest.approx(2 / 3)
    assert record.belief == pytest.approx(1 / 3)
    assert record.plausibility == pytest.approx(1.0)


def test_positive_item_one_half_life_old_counts_half() -> None:
    record = track_record([Evidence(AT - timedelta(days=180), 1.0, 0.0)], AT)
    assert record.positive == pytest.approx(0.5)
    assert record.negative == 0.0
    assert record.expectation == pytest.approx(1.5 / 2.5)  # 0.6
    assert record.belief == pytest.approx(0.5 / 2.5)  # 0.2
    assert record.plausibility == pytest.approx(2.5 / 2.5)  # 1.0
    assert record.uncertainty == pytest.approx(2 / 2.5)


def test_negative_item_two_half_lives_old_counts_a_quarter() -> None:
    record = track_record([Evidence(AT - timedelta(days=360), 0.0, 1.0)], AT)
    assert record.positive == 0.0
    assert record.negative == pytest.approx(0.25)
    assert record.expectation == pytest.approx(1 / 2.25)


def test_custom_half_life_changes_the_fading_speed() -> None:
    item = Evidence(AT - timedelta(days=180), 1.0, 0.0)
    assert track_record([item], AT, half_life_days=90.0).positive == pytest.approx(0.25)
    assert track_record([item], AT, half_life_days=360.0).positive == pytest.approx(0.5**0.5)


def test_default_half_life_is_180_days() -> None:
    assert DEFAULT_HALF_LIFE_DAYS == 180.0
    item = Evidence(AT - timedelta(days=180), 1.0, 0.0)
    assert track_record([item], AT) == track_record([item], AT, half_life_days=180.0)


def test_kept_late_promise_adds_half_positive_half_negative() -> None:
    record = track_record([Evidence(AT, 0.5, 0.5)], AT)
    assert record.positive == 0.5
    assert record.negative == 0.5
    assert record.expectation == pytest.approx(0.5)
    assert record.uncertainty == pytest.approx(2 / 3)


def test_broken_promise_lowers_track_record() -> None:
    history = [Evidence(AT - timedelta(days=30 * i), 1.0, 0.0) for i in range(4)]
    before = track_record(history, AT)
    broken = promise_evidence(PromiseState.BROKEN, on_time=None)
    assert broken is not None
    after = track_record([*history, Evidence(AT, *broken)], AT)
    assert after.expectation < before.expectation
    assert after.negative == pytest.approx(1.0)


def test_kept_on_time_promise_raises_track_record() -> None:
    kept = promise_evidence(PromiseState.KEPT, on_time=True)
    assert kept is not None
    before = track_record([Evidence(AT, 0.0, 1.0)], AT)
    after = track_record([Evidence(AT, 0.0, 1.0), Evidence(AT, *kept)], AT)
    assert after.expectation > before.expectation


@pytest.mark.parametrize(
    "state", [PromiseState.RENEGOTIATED, PromiseState.RELEASED, PromiseState.OPEN]
)
def test_renegotiated_or_released_promise_gives_no_evidence(state: PromiseState) -> None:
    assert promise_evidence(state, on_time=True) is None
    assert promise_evidence(state, on_time=False) is None


def test_off_track_checkpoint_lowers_track_record_more_than_concerns() -> None:
    def score_after(outcome: CheckpointOutcome) -> float:
        evidence = outcome.evidence
        assert evidence is not None
        return track_record([Evidence(AT, *evidence)], AT).expectation

    on_track = score_after(CheckpointOutcome.ON_TRACK)
    concerns = score_after(CheckpointOutcome.CONCERNS)
    off_track = score_after(CheckpointOutcome.OFF_TRACK)
    assert on_track > concerns > off_track
    assert concerns == pytest.approx(0.5)


def test_little_evidence_shows_a_wider_band_than_much_evidence() -> None:
    thin = track_record([Evidence(AT, 1.0, 0.0)], AT)
    thick = track_record([Evidence(AT, 1.0, 0.0)] * 10, AT)
    assert thin.uncertainty > thick.uncertainty
    assert thick.uncertainty == pytest.approx(2 / 12)


def test_item_dated_on_the_evaluation_day_counts() -> None:
    assert track_record([Evidence(AT, 1.0, 0.0)], AT).positive == 1.0


def test_item_dated_the_day_after_is_ignored() -> None:
    record = track_record([Evidence(AT + timedelta(days=1), 1.0, 0.0)], AT)
    assert record == track_record([], AT)


def test_evidence_is_read_from_any_iterable_once() -> None:
    items = (Evidence(AT - timedelta(days=d), 1.0, 0.0) for d in (0, 180))
    assert track_record(items, AT).positive == pytest.approx(1.5)


@pytest.mark.parametrize("half_life", [0.0, -1.0])
def test_non_positive_half_life_is_rejected(half_life: float) -> None:
    with pytest.raises(ValueError, match="half_life_days"):
        track_record([], AT, half_life_days=half_life)
    with pytest.raises(ValueError, match="half_life_days"):
        track_record_series([], [AT], half_life_days=half_life)


def test_from_weights_follows_the_beta_reputation_formulas() -> None:
    record = from_weights(3.0, 1.0)
    assert record.expectation == pytest.approx(4 / 6)
    assert record.belief == pytest.approx(3 / 6)
    assert record.plausibility == pytest.approx(5 / 6)
    assert record.uncertainty == pytest.approx(2 / 6)
    assert record.evidence_weight == 4.0


# --- properties of track_record ----------------------------------------------------------------


@FEW
@given(evidence=evidence_lists, at=days, half_life=half_lives)
def test_scores_stay_within_zero_and_one(
    evidence: list[Evidence], at: date, half_life: float
) -> None:
    record = track_record(evidence, at, half_life)
    for value in (record.expectation, record.belief, record.plausibility):
        assert 0.0 <= value <= 1.0


@FEW
@given(evidence=evidence_lists, at=days, half_life=half_lives)
def test_band_contains_the_expectation(
    evidence: list[Evidence], at: date, half_life: float
) -> None:
    record = track_record(evidence, at, half_life)
    assert record.belief <= record.expectation <= record.plausibility
    assert record.uncertainty == pytest.approx(2.0 / (record.evidence_weight + 2.0))


@FEW
@given(
    evidence=evidence_up_to(AT),
    extra=st.lists(
        st.tuples(st.dates(min_value=FIRST_DAY, max_value=AT), st.floats(0.01, 1.0)),
        min_size=1,
        max_size=5,
    ),
    half_life=half_lives,
)
def test_more_positive_evidence_never_lowers_track_record(
    evidence: list[Evidence], extra: list[tuple[date, float]], half_life: float
) -> None:
    before = track_record(evidence, AT, half_life)
    more = [Evidence(on, positive, 0.0) for on, positive in extra]
    after = track_record([*evidence, *more], AT, half_life)
    assert after.expectation >= before.expectation - 1e-12
    assert after.belief >= before.belief - 1e-12
    assert after.positive > before.positive - 1e-12


@FEW
@given(
    evidence=evidence_up_to(AT),
    extra=st.lists(
        st.tuples(st.dates(min_value=FIRST_DAY, max_value=AT), st.floats(0.01, 1.0)),
        min_size=1,
        max_size=5,
    ),
    half_life=half_lives,
)
def test_more_negative_evidence_never_raises_track_record(
    evidence: list[Evidence], extra: list[tuple[date, float]], half_life: float
) -> None:
    before = track_record(evidence, AT, half_life)
    more = [Evidence(on, 0.0, negative) for on, negative in extra]
    after = track_record([*evidence, *more], AT, half_life)
    assert after.expectation <= before.expectation + 1e-12
    assert after.plausibility <= before.plausibility + 1e-12


@FEW
@given(
    evidence=evidence_up_to(AT),
    later_by=st.lists(st.integers(min_value=0, max_value=3000), min_size=2, max_size=6),
    half_life=half_lives,
)
def test_evidence_fades_toward_neutral_without_new_evidence(
    evidence: list[Evidence], later_by: list[int], half_life: float
) -> None:
    records = [track_record(evidence, AT + timedelta(days=d), half_life) for d in sorted(later_by)]
    for earlier, later in itertools.pairwise(records):
        assert abs(later.expectation - 0.5) <= abs(earlier.expectation - 0.5) + 1e-12
        assert later.uncertainty >= earlier.uncertainty - 1e-12
        assert later.evidence_weight <= earlier.evidence_weight + 1e-12


def test_strong_record_fades_halfway_back_after_one_half_life() -> None:
    evidence = [Evidence(AT, 1.0, 0.0)] * 8
    now = track_record(evidence, AT)
    later = track_record(evidence, AT + timedelta(days=180))
    much_later = track_record(evidence, AT + timedelta(days=180 * 20))
    assert now.expectation == pytest.approx(9 / 10)
    assert later.expectation == pytest.approx(5 / 6)
    assert much_later.expectation == pytest.approx(0.5, abs=1e-4)


@FEW
@given(
    evidence=evidence_lists,
    future=st.lists(evidence_items(st.dates(min_value=AT + timedelta(days=1))), max_size=10),
    half_life=half_lives,
)
def test_items_dated_after_the_evaluation_day_are_ignored(
    evidence: list[Evidence], future: list[Evidence], half_life: float
) -> None:
    assert track_record([*evidence, *future], AT, half_life) == track_record(
        [e for e in [*evidence, *future] if e.on <= AT], AT, half_life
    )


@FEW
@given(item=evidence_items(st.dates(min_value=FIRST_DAY, max_value=AT)), half_life=half_lives)
def test_each_item_is_weighted_by_half_life_decay(item: Evidence, half_life: float) -> None:
    weight = 0.5 ** ((AT - item.on).days / half_life)
    record = track_record([item], AT, half_life)
    assert record.positive == pytest.approx(item.positive * weight, abs=1e-15)
    assert record.negative == pytest.approx(item.negative * weight, abs=1e-15)
    assert record.expectation == pytest.approx(
        (item.positive * weight + 1.0) / (item.positive * weight + item.negative * weight + 2.0)
    )


@FEW
@given(evidence=evidence_lists, at=days, half_life=half_lives)
def test_track_record_weights_sum_over_items(
    evidence: list[Evidence], at: date, half_life: float
) -> None:
    counted = [e for e in evidence if e.on <= at]
    expected_r = sum(e.positive * 0.5 ** ((at - e.on).days / half_life) for e in counted)
    expected_s = sum(e.negative * 0.5 ** ((at - e.on).days / half_life) for e in counted)
    record = track_record(evidence, at, half_life)
    assert record.positive == pytest.approx(expected_r, abs=TOLERANCE)
    assert record.negative == pytest.approx(expected_s, abs=TOLERANCE)


@FEW
@given(evidence=evidence_lists, at=days, half_life=half_lives)
def test_order_of_evidence_does_not_matter(
    evidence: list[Evidence], at: date, half_life: float
) -> None:
    assert_same_record(
        track_record(list(reversed(evidence)), at, half_life), track_record(evidence, at, half_life)
    )


# --- track_record_series -----------------------------------------------------------------------


@FEW
@given(
    evidence=evidence_lists,
    dates=st.lists(days, max_size=25).map(sorted),
    half_life=half_lives,
)
def test_series_equals_track_record_at_each_date(
    evidence: list[Evidence], dates: list[date], half_life: float
) -> None:
    series = track_record_series(evidence, dates, half_life)
    assert len(series) == len(dates)
    for at, record in zip(dates, series, strict=True):
        assert_same_record(record, track_record(evidence, at, half_life))


def test_series_over_no_dates_is_empty() -> None:
    assert track_record_series([Evidence(AT, 1.0, 0.0)], []) == []


def test_series_uses_default_half_life() -> None:
    evidence = [Evidence(AT, 1.0, 0.0)]
    (record,) = track_record_series(evidence, [AT + timedelta(days=180)])
    assert record.positive == pytest.approx(0.5)


def test_series_repeats_a_repeated_date() -> None:
    evidence = [Evidence(AT, 1.0, 0.0), Evidence(AT - timedelta(days=90), 0.0, 1.0)]
    first, second = track_record_series(evidence, [AT, AT])
    assert_same_record(first, second)
    assert_same_record(first, track_record(evidence, AT))


def test_series_rejects_dates_out_of_order() -> None:
    with pytest.raises(ValueError, match="ascending"):
        track_record_series([], [AT, AT - timedelta(days=1)])


# --- trust assessments and trend ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("cores", "expected"),
    [((1, 1, 1, 1), 0.0), ((5, 5, 5, 5), 1.0), ((3, 3, 3, 3), 0.5), ((1, 2, 3, 4), 0.375)],
)
def test_assessment_score_scales_mean_of_cores_to_zero_one(
    cores: tuple[int, int, int, int], expected: float
) -> None:
    assert assessment_score(*cores) == pytest.approx(expected)


def _at(expectation: float) -> TrackRecord:
    return TrackRecord(expectation, 0.0, 1.0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("before", "now", "expected"),
    [
        (0.5, 0.6, Trend.UP),
        (0.0, TREND_THRESHOLD, Trend.UP),
        (0.5, 0.52, Trend.FLAT),
        (0.5, 0.5, Trend.FLAT),
        (0.5, 0.48, Trend.FLAT),
        (TREND_THRESHOLD, 0.0, Trend.DOWN),
        (0.6, 0.5, Trend.DOWN),
    ],
)
def test_trend_moves_only_when_score_changes_by_threshold(
    before: float, now: float, expected: Trend
) -> None:
    assert trend(_at(before), _at(now)) is expected


def test_trend_arrows_point_the_right_way() -> None:
    assert Trend.UP.arrow == "↑"
    assert Trend.FLAT.arrow == "→"
    assert Trend.DOWN.arrow == "↓"
